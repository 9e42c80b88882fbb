package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/payout"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/viewer"
)

// visibleSuborders: a vendor's admins and staff see its own; the tenant's admins and
// the store's managers see their orders' parts; a customer sees the parts of their orders.
func visibleSuborders(v *viewer.Viewer) (predicate.Suborder, bool) {
	var any []predicate.Suborder
	if p, ok := staffScoped(v, suborder.TenantIDIn, suborder.StoreIDIn, suborder.Or); ok {
		any = append(any, p)
	}
	if ids := v.Vendors(); len(ids) > 0 {
		any = append(any, suborder.VendorIDIn(ids...))
	}
	if aCustomer(v) {
		any = append(any, suborder.HasOrderWith(order.CustomerID(v.UserID)))
	}
	if len(any) == 0 {
		return nil, false
	}
	return suborder.Or(any...), true
}

// SuborderPolicy: see visibleSuborders. Checkout creates them; the vendor's admins
// and staff (fulfilment is theirs), the tenant's admins and the store's managers change
// one at a time.
func SuborderPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.SuborderQueryRuleFunc(func(ctx context.Context, q *ent.SuborderQuery) error {
				p, ok := visibleSuborders(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("vendor orders")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.SuborderMutationRuleFunc(func(ctx context.Context, m *ent.SuborderMutation) error {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("vendor orders are placed through checkout")
				}
				id, _ := m.ID()
				row, err := m.Client().Suborder.Query().Where(suborder.ID(id)).
					Select(suborder.FieldTenantID, suborder.FieldStoreID, suborder.FieldVendorID).Only(Bypass(ctx))
				if err != nil {
					return privacy.Denyf("vendor order %d does not exist", id)
				}
				v := viewer.FromContext(ctx)
				if contains(v.Vendors(), row.VendorID) {
					return decideVendorWrite(ctx, m.Client(), v, row.TenantID, row.VendorID, viewer.RoleVendorAdmin, viewer.RoleVendorStaff)
				}
				return decideStaffWrite(v, rowScope{TenantID: row.TenantID, StoreID: row.StoreID}, true)
			}),
		},
	}
}

// decideVendorWrite allows a write to vendor vendorID's rows by a holder of one of roles in
// it, unless the tenant is read-only or the vendor suspended (its staff then read only).
func decideVendorWrite(ctx context.Context, c *ent.Client, v *viewer.Viewer, tenantID, vendorID int, roles ...viewer.Role) error {
	held := false
	for _, g := range v.Grants {
		if g.VendorID != vendorID || g.TenantID != tenantID || !containsRole(roles, g.Role) {
			continue
		}
		if g.ReadOnly {
			return errReadOnlyTenant
		}
		held = true
	}
	if !held {
		return privacy.Denyf("this caller may not change that")
	}
	row, err := c.Vendor.Query().Where(vendor.ID(vendorID)).Select(vendor.FieldStatus).Only(Bypass(ctx))
	if err != nil {
		return privacy.Denyf("vendor %d does not exist", vendorID)
	}
	if row.Status != vendor.StatusActive {
		return privacy.Denyf("the vendor is %s: its staff may read, not write", row.Status)
	}
	return privacy.Allow
}

func containsRole(roles []viewer.Role, r viewer.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// CommissionRulePolicy: the tenant's admins read and write its rules; a vendor's admins
// and staff read the tenant-wide rules and those naming their vendor.
func CommissionRulePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.CommissionRuleQueryRuleFunc(func(ctx context.Context, q *ent.CommissionRuleQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.CommissionRule
				if ids := v.AdminTenants(); len(ids) > 0 {
					any = append(any, commissionrule.TenantIDIn(ids...))
				}
				for _, g := range v.Grants {
					if g.VendorID != 0 {
						any = append(any, commissionrule.And(commissionrule.TenantID(g.TenantID), commissionrule.Or(
							commissionrule.ScopeEQ(commissionrule.ScopeTenant),
							commissionrule.And(commissionrule.ScopeEQ(commissionrule.ScopeVendor), commissionrule.ScopeID(g.VendorID)))))
					}
				}
				if len(any) == 0 {
					return denyNothingVisible("commission rules")
				}
				q.Where(commissionrule.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: tenantAdminMutations(),
	}
}

// vendorLedgerReaders: the tenant's admins and the vendor's own admins and staff.
func vendorLedgerReaders[P ~func(S), S any](v *viewer.Viewer, tenantIn, vendorIn func(...int) P, or func(...P) P) (P, bool) {
	var any []P
	if ids := v.AdminTenants(); len(ids) > 0 {
		any = append(any, tenantIn(ids...))
	}
	if ids := v.Vendors(); len(ids) > 0 {
		any = append(any, vendorIn(ids...))
	}
	if len(any) == 0 {
		return nil, false
	}
	return or(any...), true
}

// CommissionLinePolicy: read by the tenant's admins and the vendor's own; written only by
// the commission worker (the system context), never changed by a person.
func CommissionLinePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.CommissionLineQueryRuleFunc(func(ctx context.Context, q *ent.CommissionLineQuery) error {
				p, ok := vendorLedgerReaders(viewer.FromContext(ctx), commissionline.TenantIDIn, commissionline.VendorIDIn, commissionline.Or)
				if !ok {
					return denyNothingVisible("commission lines")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// PayoutPolicy: read by the tenant's admins and the vendor's own; the payout job writes
// them and the tenant's admins change one (a manual payout marked paid or failed).
func PayoutPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.PayoutQueryRuleFunc(func(ctx context.Context, q *ent.PayoutQuery) error {
				p, ok := vendorLedgerReaders(viewer.FromContext(ctx), payout.TenantIDIn, payout.VendorIDIn, payout.Or)
				if !ok {
					return denyNothingVisible("payouts")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.PayoutMutationRuleFunc(func(ctx context.Context, m *ent.PayoutMutation) error {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("payouts are made by the payout job")
				}
				id, _ := m.ID()
				row, err := m.Client().Payout.Query().Where(payout.ID(id)).Select(payout.FieldTenantID).Only(Bypass(ctx))
				if err != nil {
					return privacy.Denyf("payout %d does not exist", id)
				}
				return decideStaffWrite(viewer.FromContext(ctx), rowScope{TenantID: row.TenantID}, false)
			}),
		},
	}
}
