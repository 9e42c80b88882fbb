package graph

import (
	"time"

	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/graph/model"
)

// ruleInput is a rule's GraphQL input as package commissions takes it.
func ruleInput(scope commissionrule.Scope, scopeID *int, in model.UpdateCommissionRuleInput) commissions.RuleInput {
	out := commissions.RuleInput{Scope: scope, ScopeID: scopeID, Bps: in.Bps, Currency: in.CurrencyCode,
		ValidFrom: in.ValidFrom, ValidUntil: in.ValidUntil, Priority: in.Priority,
		ClearValidFrom: isTrue(in.ClearValidFrom), ClearValidUntil: isTrue(in.ClearValidUntil)}
	if in.Flat != nil {
		f := int64(*in.Flat)
		out.Flat = &f
	}
	return out
}

func isTrue(b *bool) bool { return b != nil && *b }

// timeOrZero is *t, or the zero time (an open bound).
func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
