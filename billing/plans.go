package billing

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/validate"
)

// PlanInput is what setPlan changes; nil fields are left as they are (or take their
// defaults on a new plan). Unlimited lifts the named limits ("stores", "products",
// "staffSeats", "integrationEndpoints", "apiRateLimit").
type PlanInput struct {
	Name                    *string
	Price                   *int64
	CurrencyCode            *string
	MaxStores               *int
	MaxProducts             *int
	MaxStaffSeats           *int
	MaxIntegrationEndpoints *int
	APIRateLimit            *int
	StripePriceID           *string
	Unlimited               []string
}

// Plans lists the plans, cheapest first.
func (s *Service) Plans(ctx context.Context) ([]*ent.Plan, error) {
	return s.client.Plan.Query().Order(plan.ByPrice(), plan.ByID()).All(ctx)
}

// PlanByKey returns the plan key names (NOT_FOUND when the platform has none).
func (s *Service) PlanByKey(ctx context.Context, key plan.Key) (*ent.Plan, error) {
	if err := plan.KeyValidator(key); err != nil {
		return nil, apperr.Invalid("plan", "no plan %q: basic, pro or enterprise", key)
	}
	p, err := s.client.Plan.Query().Where(plan.KeyEQ(key)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "the platform has no %s plan yet: setPlan defines it", key)
	}
	return p, err
}

// SetPlan creates or changes the plan key (the platform's admins, by policy). A new
// plan needs a name.
func (s *Service) SetPlan(ctx context.Context, key plan.Key, in PlanInput) (*ent.Plan, error) {
	if err := plan.KeyValidator(key); err != nil {
		return nil, apperr.Invalid("key", "no plan %q: basic, pro or enterprise", key)
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	cur, err := s.client.Plan.Query().Where(plan.KeyEQ(key)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		if in.Name == nil {
			return nil, apperr.Invalid("name", "a new plan needs a name")
		}
		c := s.client.Plan.Create().SetKey(key)
		in.apply(c.Mutation())
		p, err := c.Save(ctx)
		if ent.IsConstraintError(err) { // created meanwhile: change it instead
			return s.SetPlan(ctx, key, in)
		}
		return p, err
	case err != nil:
		return nil, err
	}
	u := s.client.Plan.UpdateOne(cur)
	in.apply(u.Mutation())
	return u.Save(ctx)
}

func (in *PlanInput) check() error {
	if in.Name != nil {
		n, err := validate.Name("name", *in.Name)
		if err != nil {
			return err
		}
		in.Name = &n
	}
	if in.Price != nil && (*in.Price < 0 || *in.Price > pricing.MaxAmount) {
		return apperr.Invalid("price", "price must be 0-%d (minor units)", pricing.MaxAmount)
	}
	if in.CurrencyCode != nil {
		c, err := pricing.CurrencyCode("currencyCode", *in.CurrencyCode)
		if err != nil {
			return err
		}
		in.CurrencyCode = &c
	}
	for _, l := range []struct {
		field string
		v     *int
		min   int
	}{{"maxStores", in.MaxStores, 0}, {"maxProducts", in.MaxProducts, 0}, {"maxStaffSeats", in.MaxStaffSeats, 0},
		{"maxIntegrationEndpoints", in.MaxIntegrationEndpoints, 0}, {"apiRateLimit", in.APIRateLimit, 1}} {
		if l.v != nil && (*l.v < l.min || *l.v > 1_000_000_000) {
			return apperr.Invalid(l.field, "%s must be %d-1000000000 (or listed in unlimited)", l.field, l.min)
		}
	}
	if in.StripePriceID != nil {
		v := strings.TrimSpace(*in.StripePriceID)
		if len(v) > 255 {
			return apperr.Invalid("stripePriceId", "stripePriceId must be at most 255 characters")
		}
		in.StripePriceID = &v
	}
	set := map[string]bool{"stores": in.MaxStores != nil, "products": in.MaxProducts != nil, "staffSeats": in.MaxStaffSeats != nil,
		"integrationEndpoints": in.MaxIntegrationEndpoints != nil, "apiRateLimit": in.APIRateLimit != nil}
	for _, u := range in.Unlimited {
		if _, ok := unlimitable[u]; !ok {
			return apperr.Invalid("unlimited", "%q is not a limit: stores, products, staffSeats, integrationEndpoints or apiRateLimit", u)
		}
		if set[u] {
			return apperr.Invalid("unlimited", "%s is both set and lifted: give one", u)
		}
	}
	return nil
}

// unlimitable maps the names Unlimited takes to the fields they clear.
var unlimitable = map[string]string{
	string(Stores): plan.FieldMaxStores, string(Products): plan.FieldMaxProducts, string(StaffSeats): plan.FieldMaxStaffSeats,
	string(IntegrationEndpoints): plan.FieldMaxIntegrationEndpoints, "apiRateLimit": plan.FieldAPIRateLimit,
}

func (in PlanInput) apply(m *ent.PlanMutation) {
	if in.Name != nil {
		m.SetName(*in.Name)
	}
	if in.Price != nil {
		m.SetPrice(*in.Price)
	}
	if in.CurrencyCode != nil {
		m.SetCurrencyCode(*in.CurrencyCode)
	}
	for _, f := range []struct {
		v   *int
		set func(int)
	}{{in.MaxStores, m.SetMaxStores}, {in.MaxProducts, m.SetMaxProducts}, {in.MaxStaffSeats, m.SetMaxStaffSeats},
		{in.MaxIntegrationEndpoints, m.SetMaxIntegrationEndpoints}, {in.APIRateLimit, m.SetAPIRateLimit}} {
		if f.v != nil {
			f.set(*f.v)
		}
	}
	if in.StripePriceID != nil {
		m.SetStripePriceID(*in.StripePriceID)
	}
	for _, u := range in.Unlimited {
		_ = m.ClearField(unlimitable[u])
	}
}

// DefaultPlans are the plans a new platform starts with (the demo seed sets them).
func DefaultPlans() map[plan.Key]PlanInput {
	n := func(v int) *int { return &v }
	p := func(v int64) *int64 { return &v }
	s := func(v string) *string { return &v }
	return map[plan.Key]PlanInput{
		plan.KeyBasic: {Name: s("Basic"), Price: p(2900), CurrencyCode: s("USD"), MaxStores: n(2), MaxProducts: n(500),
			MaxStaffSeats: n(5), MaxIntegrationEndpoints: n(2), APIRateLimit: n(600)},
		plan.KeyPro: {Name: s("Pro"), Price: p(9900), CurrencyCode: s("USD"), MaxStores: n(10), MaxProducts: n(10000),
			MaxStaffSeats: n(25), MaxIntegrationEndpoints: n(10), APIRateLimit: n(3000)},
		plan.KeyEnterprise: {Name: s("Enterprise"), Price: p(49900), CurrencyCode: s("USD"),
			APIRateLimit: n(12000)},
	}
}
