package seed

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionrule"
)

// Demo commissions on a marketplace: the tenant takes 10 % of every sale, and 7 % of its
// vendor with the agreed lower rate (a vendor rule is more specific than the tenant's).
const (
	demoTenantBps       = 1000
	demoVendorBps       = 700
	demoLowerRateVendor = "hejaz-spices"
)

// commissionRules writes the tenant's 10 % rule and the lower-rate vendor's 7 % rule,
// unless the tenant has rules already.
func (s *seeder) commissionRules(t *ent.Tenant, vendors map[string]*ent.Vendor) error {
	has, err := s.c.CommissionRule.Query().Where(commissionrule.TenantID(t.ID)).Exist(s.ctx)
	if err != nil || has {
		return err
	}
	if err := s.c.CommissionRule.Create().SetTenantID(t.ID).SetScope(commissionrule.ScopeTenant).SetBps(demoTenantBps).Exec(s.ctx); err != nil {
		return err
	}
	v, ok := vendors[demoLowerRateVendor]
	if !ok {
		return nil
	}
	return s.c.CommissionRule.Create().SetTenantID(t.ID).SetScope(commissionrule.ScopeVendor).SetScopeID(v.ID).
		SetBps(demoVendorBps).Exec(s.ctx)
}
