package commissions

import (
	"context"
	"errors"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productcategory"
	"github.com/dakkah/cityos/ent/productcollection"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/txn"
)

// RuleInput is a rule to create, or the changes to one (nil fields stay as they are; the
// scope of a rule never changes: delete it and create another).
type RuleInput struct {
	Scope      commissionrule.Scope
	ScopeID    *int
	Bps        *int
	Flat       *int64
	Currency   *string
	ValidFrom  *time.Time
	ValidUntil *time.Time
	// ClearValidFrom and ClearValidUntil open that end of a rule's validity (an update's;
	// never with a value for the same end).
	ClearValidFrom, ClearValidUntil bool
	Priority                        *int
}

// CreateRule adds a rule to tenantID (its admins; access.CommissionRulePolicy).
func (s *Service) CreateRule(ctx context.Context, tenantID int, in RuleInput) (*ent.CommissionRule, error) {
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.CommissionRule, error) {
		m := tx.CommissionRule.Create().SetTenantID(tenantID).SetScope(in.Scope)
		if in.ScopeID != nil && in.Scope != commissionrule.ScopeTenant {
			m.SetScopeID(*in.ScopeID)
		}
		in.apply(m.Mutation())
		if err := checkRule(ctx, tx.Client(), tenantID, m.Mutation()); err != nil {
			return nil, err
		}
		return m.Save(ctx)
	})
}

// UpdateRule changes a rule's figures, dates (set or cleared) or priority.
func (s *Service) UpdateRule(ctx context.Context, id int, in RuleInput) (*ent.CommissionRule, error) {
	if err := in.checkClears(); err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.CommissionRule, error) {
		row, err := tx.CommissionRule.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.CommissionRule.UpdateOne(row)
		in.apply(u.Mutation())
		merged := *row
		mergeRule(&merged, u.Mutation())
		if err := validate(ctx, tx.Client(), &merged); err != nil {
			return nil, err
		}
		return u.Save(ctx)
	})
}

// DeleteRule removes a rule. Lines computed under it keep its id and figures.
func (s *Service) DeleteRule(ctx context.Context, id int) error {
	err := s.client.CommissionRule.DeleteOneID(id).Exec(ctx)
	if ent.IsNotFound(err) {
		return apperr.New(apperr.NotFound, "commission rule %d not found", id)
	}
	return err
}

// AppliesToVendor narrows a rule listing to the rules a vendor's sales may fall under by
// vendor: the tenant-wide rules and the vendor's own.
func AppliesToVendor(vendorID int) predicate.CommissionRule {
	return commissionrule.Or(commissionrule.ScopeEQ(commissionrule.ScopeTenant),
		commissionrule.And(commissionrule.ScopeEQ(commissionrule.ScopeVendor), commissionrule.ScopeID(vendorID)))
}

func (in RuleInput) apply(m *ent.CommissionRuleMutation) {
	if in.Bps != nil {
		m.SetBps(*in.Bps)
	}
	if in.Flat != nil {
		m.SetFlat(*in.Flat)
	}
	if in.Currency != nil {
		m.SetCurrencyCode(*in.Currency)
	}
	if in.ValidFrom != nil {
		m.SetValidFrom(*in.ValidFrom)
	}
	if in.ClearValidFrom {
		m.ClearValidFrom()
	}
	if in.ValidUntil != nil {
		m.SetValidUntil(*in.ValidUntil)
	}
	if in.ClearValidUntil {
		m.ClearValidUntil()
	}
	if in.Priority != nil {
		m.SetPriority(*in.Priority)
	}
}

// checkClears refuses a validity date both given and cleared.
func (in RuleInput) checkClears() error {
	for _, end := range []struct {
		field string
		set   bool
		clear bool
	}{{"validFrom", in.ValidFrom != nil, in.ClearValidFrom}, {"validUntil", in.ValidUntil != nil, in.ClearValidUntil}} {
		if end.set && end.clear {
			return apperr.Invalid(end.field, "give %s or clear it, not both", end.field)
		}
	}
	return nil
}

// checkRule validates a rule about to be created.
func checkRule(ctx context.Context, c *ent.Client, tenantID int, m *ent.CommissionRuleMutation) error {
	r := &ent.CommissionRule{TenantID: tenantID}
	r.Scope, _ = m.Scope()
	if id, ok := m.ScopeID(); ok {
		r.ScopeID = &id
	}
	mergeRule(r, m)
	return validate(ctx, c, r)
}

// mergeRule sets on r what m changes.
func mergeRule(r *ent.CommissionRule, m *ent.CommissionRuleMutation) {
	if v, ok := m.Bps(); ok {
		r.Bps = v
	}
	if v, ok := m.Flat(); ok {
		r.Flat = v
	}
	if v, ok := m.CurrencyCode(); ok {
		r.CurrencyCode = v
	}
	if v, ok := m.ValidFrom(); ok {
		r.ValidFrom = &v
	}
	if m.ValidFromCleared() {
		r.ValidFrom = nil
	}
	if v, ok := m.ValidUntil(); ok {
		r.ValidUntil = &v
	}
	if m.ValidUntilCleared() {
		r.ValidUntil = nil
	}
	if v, ok := m.Priority(); ok {
		r.Priority = v
	}
}

// validate checks a rule with commission.Rule.Validate, and that what it is scoped to is
// a row of its own tenant (scope_id is no edge, so no policy checks it).
func validate(ctx context.Context, c *ent.Client, r *ent.CommissionRule) error {
	if r.Scope != commissionrule.ScopeTenant && r.ScopeID == nil {
		return apperr.Invalid("scopeId", "a %s rule needs scopeId: the %s it applies to", r.Scope, r.Scope)
	}
	if err := RuleOf(r).Validate(); err != nil {
		return apperr.Invalid("input", "%s", err.Error())
	}
	if r.Scope == commissionrule.ScopeTenant {
		return nil
	}
	id, t := *r.ScopeID, r.TenantID
	var n int
	var err error
	sys := access.Bypass(ctx)
	switch r.Scope {
	case commissionrule.ScopeVendor:
		n, err = c.Vendor.Query().Where(vendor.ID(id), vendor.TenantID(t)).Count(sys)
	case commissionrule.ScopeCategory:
		n, err = c.ProductCategory.Query().Where(productcategory.ID(id), productcategory.TenantID(t)).Count(sys)
	case commissionrule.ScopeCollection:
		n, err = c.ProductCollection.Query().Where(productcollection.ID(id), productcollection.TenantID(t)).Count(sys)
	case commissionrule.ScopeProduct:
		n, err = c.Product.Query().Where(product.ID(id), product.TenantID(t)).Count(sys)
	default:
		err = errors.New("commissions: unknown scope " + string(r.Scope))
	}
	if err != nil {
		return err
	}
	if n == 0 {
		return apperr.Invalid("scopeId", "the tenant has no %s %d", r.Scope, id)
	}
	return nil
}

var scopes = map[commissionrule.Scope]commission.Scope{
	commissionrule.ScopeTenant: commission.ScopeTenant, commissionrule.ScopeVendor: commission.ScopeVendor,
	commissionrule.ScopeCategory: commission.ScopeCategory, commissionrule.ScopeCollection: commission.ScopeCollection,
	commissionrule.ScopeProduct: commission.ScopeProduct,
}

// RuleOf is the rule as package commission computes with it: a tenant rule is scoped to
// its tenant's id.
func RuleOf(r *ent.CommissionRule) commission.Rule {
	out := commission.Rule{ID: r.ID, Scope: scopes[r.Scope], ScopeID: r.TenantID, Bps: int64(r.Bps), Flat: r.Flat,
		Currency: r.CurrencyCode, Priority: r.Priority}
	if r.ScopeID != nil && r.Scope != commissionrule.ScopeTenant {
		out.ScopeID = *r.ScopeID
	}
	if r.ValidFrom != nil {
		out.From = *r.ValidFrom
	}
	if r.ValidUntil != nil {
		out.Until = *r.ValidUntil
	}
	return out
}
