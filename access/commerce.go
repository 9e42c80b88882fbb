package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/customeraddress"
	"github.com/dakkah/cityos/ent/fulfillment"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/reservation"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/viewer"
)

// visibleCarts: a storefront request reaches its store's carts (by their unguessable
// token: no list of carts is exposed); a signed-in customer their own; staff their
// tenants' or stores' carts, to read.
func visibleCarts(v *viewer.Viewer) (predicate.Cart, bool) {
	var any []predicate.Cart
	if p, ok := changeableCarts(v); ok {
		any = append(any, p)
	}
	if p, ok := staffScoped(v, cart.TenantIDIn, cart.StoreIDIn, cart.Or); ok {
		any = append(any, p)
	}
	if len(any) == 0 {
		return nil, false
	}
	return cart.Or(any...), true
}

// changeableCarts: carts are changed by those who shop with them — a storefront request
// in the cart's store (holding its token), or the signed-in customer whose cart it is.
// Staff read their scope's carts to help shoppers (visibleCarts) but their role never
// lets them change one; shopping in a store, they are shoppers like any other.
func changeableCarts(v *viewer.Viewer) (predicate.Cart, bool) {
	var any []predicate.Cart
	if shopping(v) {
		any = append(any, cart.StoreID(v.StoreID))
	}
	if v.Kind == viewer.User {
		any = append(any, cart.CustomerID(v.UserID))
	}
	if len(any) == 0 {
		return nil, false
	}
	return cart.Or(any...), true
}

// MayChangeCart says whether the viewer may change cart c: the cart service loads a cart
// under the caller's context (visibleCarts) and writes it in its own, so it asks this
// first. It is changeableCarts as a check of one row; the platform's own jobs (a paid
// cart completed by the payment notice) may change any cart.
func MayChangeCart(v *viewer.Viewer, c *ent.Cart) bool {
	switch {
	case v.Kind == viewer.System:
		return true
	case shopping(v) && c.StoreID == v.StoreID:
		return true
	case v.Kind == viewer.User && c.CustomerID != nil && *c.CustomerID == v.UserID:
		return true
	}
	return false
}

// CartPolicy scopes carts. A shopper creates carts in the store it shops in and changes
// carts it can reach; line items are written by the cart service in its system context
// once it has loaded the cart under this policy.
func CartPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.CartQueryRuleFunc(func(ctx context.Context, q *ent.CartQuery) error {
				p, ok := visibleCarts(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("carts")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.CartMutationRuleFunc(func(ctx context.Context, m *ent.CartMutation) error {
				v := viewer.FromContext(ctx)
				if m.Op().Is(ent.OpCreate) {
					s, _ := m.StoreID()
					if shopping(v) && s == v.StoreID {
						return privacy.Allow
					}
					return privacy.Denyf("carts are created in the store the request shops in")
				}
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("carts are changed one at a time")
				}
				p, ok := changeableCarts(v)
				if !ok {
					return privacy.Denyf("staff read shoppers' carts, never change them")
				}
				// The update itself is confined to carts the caller can reach: another's
				// cart is simply not found, at no extra query.
				m.Where(p)
				return privacy.Allow
			}),
		},
	}
}

// CartPartPolicy scopes line items with their cart; only the cart service (system
// context) writes them.
func CartPartPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.LineItemQueryRuleFunc(func(ctx context.Context, q *ent.LineItemQuery) error {
				p, ok := visibleCarts(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("carts")
				}
				q.Where(lineitem.HasCartWith(p))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// visibleOrders: customers see their own orders, store managers their stores', tenant
// admins their tenants'.
func visibleOrders(v *viewer.Viewer) (predicate.Order, bool) {
	var scoped []predicate.Order
	if p, ok := staffScoped(v, order.TenantIDIn, order.StoreIDIn, order.Or); ok {
		scoped = append(scoped, p)
	}
	if ids := v.CompaniesWithRole(viewer.RoleCompanyAdmin); len(ids) > 0 {
		scoped = append(scoped, order.CompanyIDIn(ids...)) // a company's admins see its orders
	}
	var any []predicate.Order
	if ownRows(v, len(scoped)) {
		any = append(any, order.CustomerID(v.UserID))
	}
	any = append(any, scoped...)
	if len(any) == 0 {
		return nil, false
	}
	return order.Or(any...), true
}

// aCustomer says whether the viewer is a signed-in customer of some tenant. Only those
// buy as themselves: a cart takes as its customer only a customer of its store's tenant
// (cart.Create), and quotes and subscriptions are a customer's too.
func aCustomer(v *viewer.Viewer) bool {
	return v.Kind == viewer.User && len(v.TenantsWithRole(viewer.RoleCustomer)) > 0
}

// ownRows says whether a policy's predicates name the viewer's own rows as a buyer
// (customer_id = me), given how many other scopes (staff, company admin) they have: a
// customer's, yes; staff who are no customer anywhere own none, and are scoped by tenant
// or store alone, which a count of a tenant's rows reads from the tenant's index where
// "customer_id = me OR tenant_id IN (…)" read every row; a person with no other scope
// keeps the term, so its list is empty rather than refused.
func ownRows(v *viewer.Viewer, otherScopes int) bool {
	return v.Kind == viewer.User && (aCustomer(v) || otherScopes == 0)
}

// OrderPolicy scopes orders. Checkout creates them in its system context; staff of the
// order's tenant or store change them.
func OrderPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.OrderQueryRuleFunc(func(ctx context.Context, q *ent.OrderQuery) error {
				p, ok := visibleOrders(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("orders")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.OrderMutationRuleFunc(func(ctx context.Context, m *ent.OrderMutation) error {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("orders are placed through checkout")
				}
				id, _ := m.ID()
				o, err := m.Client().Order.Get(Bypass(ctx), id)
				if err != nil {
					return privacy.Denyf("order %d does not exist", id)
				}
				return decideStaffWrite(viewer.FromContext(ctx), rowScope{TenantID: o.TenantID, StoreID: o.StoreID}, true)
			}),
		},
	}
}

// OrderPartPolicy scopes order lines, reservations and fulfilments with their order;
// the order services write them in their system context.
func OrderPartPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
				v := viewer.FromContext(ctx)
				p, ok := visibleOrders(v)
				// A vendor's people see the lines and fulfilments of its own vendor orders,
				// never the order they belong to nor the other parts of it.
				vendors := v.Vendors()
				if !ok && len(vendors) == 0 {
					return denyNothingVisible("orders")
				}
				if !ok {
					p = order.IDIn() // FALSE: no order, only the vendor's own parts below
				}
				switch q := q.(type) {
				case *ent.OrderLineItemQuery:
					if len(vendors) > 0 {
						q.Where(orderlineitem.Or(orderlineitem.HasOrderWith(p), orderlineitem.HasSuborderWith(suborder.VendorIDIn(vendors...))))
					} else {
						q.Where(orderlineitem.HasOrderWith(p))
					}
				case *ent.ReservationQuery:
					q.Where(reservation.HasOrderWith(p))
				case *ent.FulfillmentQuery:
					if len(vendors) > 0 {
						q.Where(fulfillment.Or(fulfillment.HasOrderWith(p), fulfillment.HasSuborderWith(suborder.VendorIDIn(vendors...))))
					} else {
						q.Where(fulfillment.HasOrderWith(p))
					}
				default:
					return privacy.Denyf("no order rule for %T", q)
				}
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// CustomerOwnedPolicy: a customer's address book is theirs; the tenant's admins read it.
func CustomerOwnedPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.CustomerAddressQueryRuleFunc(func(ctx context.Context, q *ent.CustomerAddressQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.CustomerAddress
				if v.Kind == viewer.User {
					any = append(any, customeraddress.UserID(v.UserID))
				}
				if ids := v.AdminTenants(); len(ids) > 0 {
					any = append(any, customeraddress.TenantIDIn(ids...))
				}
				if len(any) == 0 {
					return denyNothingVisible("addresses")
				}
				q.Where(customeraddress.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.CustomerAddressMutationRuleFunc(func(ctx context.Context, m *ent.CustomerAddressMutation) error {
				v := viewer.FromContext(ctx)
				var owner, tenantID int
				if m.Op().Is(ent.OpCreate) {
					owner, _ = m.UserID()
					tenantID, _ = m.TenantID()
				} else if id, ok := m.ID(); ok && (m.Op().Is(ent.OpUpdateOne) || m.Op().Is(ent.OpDeleteOne)) {
					a, err := m.Client().CustomerAddress.Get(Bypass(ctx), id)
					if err != nil {
						return privacy.Denyf("address %d does not exist", id)
					}
					owner, tenantID = a.UserID, a.TenantID
				} else {
					return privacy.Denyf("addresses are changed one at a time")
				}
				if v.Kind == viewer.User && owner == v.UserID && contains(v.TenantsWithRole(viewer.RoleCustomer), tenantID) {
					return privacy.Allow
				}
				return decideStaffWrite(v, rowScope{TenantID: tenantID}, false)
			}),
		},
	}
}
