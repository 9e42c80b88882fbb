package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productoption"
	"github.com/dakkah/cityos/ent/productsaleschannel"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/stocklocation"
	"github.com/dakkah/cityos/viewer"
)

// visibleProducts: a storefront request sees its store's sellable products; staff see
// their tenants' catalog, a vendor's admins and staff their vendor's products; anyone
// else sees products only in a store (false).
func visibleProducts(v *viewer.Viewer) (predicate.Product, bool) {
	if shopping(v) {
		return sellableProducts(v), true
	}
	var any []predicate.Product
	if ids := catalogTenants(v); len(ids) > 0 {
		any = append(any, product.TenantIDIn(ids...))
	}
	if ids := v.Vendors(); len(ids) > 0 {
		any = append(any, product.VendorIDIn(ids...))
	}
	if len(any) == 0 {
		return nil, false
	}
	return product.Or(any...), true
}

// ProductPolicy scopes products; tenant admins write them, and a vendor's admins their
// vendor's (see vendorProductWrite).
func ProductPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatformUnlessShopping(),
			privacy.ProductQueryRuleFunc(func(ctx context.Context, q *ent.ProductQuery) error {
				p, ok := visibleProducts(viewer.FromContext(ctx))
				if !ok {
					return denyNoStore("products")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.ProductMutationRuleFunc(channelsOfTheProductsTenant),
			privacy.ProductMutationRuleFunc(vendorProductWrite), tenantAdminRule()},
	}
}

// channelsOfTheProductsTenant refuses to put a product in another tenant's channel from
// the product's side, as SalesChannelPolicy refuses it from the channel's: a product's
// place in a channel carries the product's tenant (ent/template/tenantedge.tmpl).
func channelsOfTheProductsTenant(ctx context.Context, m *ent.ProductMutation) error {
	ids := m.SalesChannelsIDs()
	if len(ids) == 0 {
		return privacy.Skip
	}
	tenantID, ok := m.TenantID()
	if !ok {
		var err error
		if tenantID, err = m.OldTenantID(Bypass(ctx)); err != nil {
			return privacy.Denyf("a product's channels: %v", err)
		}
	}
	n, err := m.Client().SalesChannel.Query().Where(saleschannel.IDIn(ids...), saleschannel.TenantID(tenantID)).Count(Bypass(ctx))
	if err != nil || n != len(uniq(ids)) {
		return privacy.Denyf("every sales channel must belong to the product's tenant")
	}
	return privacy.Skip
}

// ProductPartPolicy scopes options, variants, prices and inventory levels with their
// product; tenant admins write them, and a vendor's admins those of their vendor's
// products (see vendorPartWrite).
func ProductPartPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatformUnlessShopping(),
			privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
				p, ok := visibleProducts(viewer.FromContext(ctx))
				if !ok {
					return denyNoStore("products")
				}
				switch q := q.(type) {
				case *ent.ProductOptionQuery:
					q.Where(productoption.HasProductWith(p))
				case *ent.ProductVariantQuery:
					q.Where(productvariant.HasProductWith(p))
				case *ent.PriceQuery:
					q.Where(price.HasVariantWith(productvariant.HasProductWith(p)))
				case *ent.InventoryLevelQuery:
					q.Where(inventorylevel.HasVariantWith(productvariant.HasProductWith(p)))
				default:
					return privacy.Denyf("no product rule for %T", q)
				}
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.MutationRuleFunc(vendorPartWrite), tenantAdminRule()},
	}
}

// SalesChannelPolicy: admins see and manage their tenants' channels; managers see their
// stores' channels and assign products to them.
func SalesChannelPolicy() ent.Policy {
	return storeRows[predicate.SalesChannel]{
		kind: "sales channels",
		visible: func(v *viewer.Viewer) (predicate.SalesChannel, bool) {
			return staffScoped(v, saleschannel.TenantIDIn, saleschannel.StoreIDIn, saleschannel.Or)
		},
		where: func(q ent.Query, p predicate.SalesChannel) { q.(*ent.SalesChannelQuery).Where(p) },
		load: func(ctx context.Context, c *ent.Client, id int) (rowScope, error) {
			ch, err := c.SalesChannel.Get(ctx, id)
			if err != nil {
				return rowScope{}, err
			}
			return rowScope{TenantID: ch.TenantID, StoreID: ch.StoreID}, nil
		},
		managersMay: func(op ent.Op) bool { return op.Is(ent.OpUpdateOne) },
		// Products assigned to a channel must be the channel's tenant's.
		check: func(ctx context.Context, mut ent.Mutation, s rowScope) error {
			m := mut.(*ent.SalesChannelMutation)
			if ids := m.ProductsIDs(); len(ids) > 0 {
				n, err := m.Client().Product.Query().Where(product.IDIn(ids...), product.TenantID(s.TenantID)).Count(Bypass(ctx))
				if err != nil || n != len(uniq(ids)) {
					return privacy.Denyf("every product must belong to the channel's tenant")
				}
			}
			return nil
		},
	}.policy()
}

// CatalogReferencePolicy: regions, shipping options, categories and collections are
// read by the tenant's staff, customers and storefronts; written by its admins.
func CatalogReferencePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			tenantFilterOr(referenceTenants, func() error { return denyNoStore("catalog reference data") }),
		},
		Mutation: tenantAdminMutations(),
	}
}

// TenantStaffPolicy: staff data of a tenant (stock locations): read by its staff,
// written by its admins. A vendor's admins and staff read their vendor's locations and
// its admins create them (vendorLocationWrite).
func TenantStaffPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.StockLocationQueryRuleFunc(func(ctx context.Context, q *ent.StockLocationQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.StockLocation
				if ids := v.StaffTenants(); len(ids) > 0 {
					any = append(any, stocklocation.TenantIDIn(ids...))
				}
				if ids := v.Vendors(); len(ids) > 0 {
					any = append(any, stocklocation.VendorIDIn(ids...))
				}
				if len(any) == 0 {
					return denyNothingVisible("staff data")
				}
				q.Where(stocklocation.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.StockLocationMutationRuleFunc(vendorLocationWrite), tenantAdminRule()},
	}
}

// allowPlatformUnlessShopping lets the platform see everything, except when it browses a
// storefront: then it sees the store's catalog like any shopper.
func allowPlatformUnlessShopping() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		if v.IsSuperAdmin() && (!shopping(v) || v.Kind == viewer.System) {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

func uniq(ids []int) map[int]bool {
	out := map[int]bool{}
	for _, id := range ids {
		out[id] = true
	}
	return out
}

// ProductSalesChannelPolicy: a product's places in channels are read by the platform and
// the tenant's admins (a manager reads its stores' channels, and their products, through
// the channels' policy), and never changed as rows of their own: they are added and
// removed through the product's or the channel's edges, under those policies (which
// check both ends are the tenant's), audit rows and events.
func ProductSalesChannelPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.ProductSalesChannelQueryRuleFunc(func(ctx context.Context, q *ent.ProductSalesChannelQuery) error {
				ids := viewer.FromContext(ctx).AdminTenants()
				if len(ids) == 0 {
					return denyNothingVisible("sales channel assignments")
				}
				q.Where(productsaleschannel.TenantIDIn(ids...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.AlwaysDenyRule(),
		},
	}
}
