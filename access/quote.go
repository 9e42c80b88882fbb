package access

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/ent/quotemessage"
	"github.com/dakkah/cityos/viewer"
)

// visibleQuotes: a quote is its buyer's, its company's admins' and its store's staff's.
func visibleQuotes(v *viewer.Viewer) (predicate.Quote, bool) {
	var any []predicate.Quote
	if p, ok := staffScoped(v, quote.TenantIDIn, quote.StoreIDIn, quote.Or); ok {
		any = append(any, p)
	}
	if ids := v.CompaniesWithRole(viewer.RoleCompanyAdmin); len(ids) > 0 {
		any = append(any, quote.CompanyIDIn(ids...))
	}
	if ownRows(v, len(any)) {
		any = append(any, quote.CustomerID(v.UserID))
	}
	if len(any) == 0 {
		return nil, false
	}
	return quote.Or(any...), true
}

// QuotePolicy scopes quotes (see visibleQuotes); the quotes service writes them in its
// system context after its own checks (MayActForBuyer, MayAnswerQuote).
func QuotePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.QuoteQueryRuleFunc(func(ctx context.Context, q *ent.QuoteQuery) error {
				p, ok := visibleQuotes(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("quotes")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// QuoteMessagePolicy: a quote's thread is seen by whoever sees the quote.
func QuoteMessagePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.QuoteMessageQueryRuleFunc(func(ctx context.Context, q *ent.QuoteMessageQuery) error {
				p, ok := visibleQuotes(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("quotes")
				}
				q.Where(quotemessage.HasQuoteWith(p))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// MayAnswerQuote reports (as nil) whether the viewer may price a quote of store s of
// tenant t: the tenant's admins and the store's managers.
func MayAnswerQuote(v *viewer.Viewer, t, s int) error {
	if decideStaffWrite(v, rowScope{TenantID: t, StoreID: s}, true) == privacy.Allow {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the store's staff answer its quotes")
}
