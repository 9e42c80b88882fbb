package access

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/approvalrequest"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// ApprovalRequestPolicy: a buyer sees the requests it made, a company's admins every
// request of their company, the tenant's admins and the store's managers those of their
// tenant or store. Nobody else sees them; checkout writes them in its system context.
func ApprovalRequestPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.ApprovalRequestQueryRuleFunc(func(ctx context.Context, q *ent.ApprovalRequestQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.ApprovalRequest
				if p, ok := staffScoped(v, approvalrequest.TenantIDIn, approvalrequest.StoreIDIn, approvalrequest.Or); ok {
					any = append(any, p)
				}
				if ids := v.CompaniesWithRole(viewer.RoleCompanyAdmin); len(ids) > 0 {
					any = append(any, approvalrequest.CompanyIDIn(ids...))
				}
				if v.Kind == viewer.User && len(v.Companies()) > 0 {
					any = append(any, approvalrequest.CustomerID(v.UserID))
				}
				if len(any) == 0 {
					return denyNothingVisible("approval requests")
				}
				q.Where(approvalrequest.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// MayDecideApproval reports (as nil) whether the viewer may approve or reject a request
// of company c of tenant t: the company's admins, and the tenant's admins, who manage
// its companies.
func MayDecideApproval(v *viewer.Viewer, t, c int) error {
	if decideCompanyAdminWrite(v, t, c) == nil || decideStaffWrite(v, rowScope{TenantID: t}, false) == privacy.Allow {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the company's admins approve or reject its buyers' requests")
}

// MayActForBuyer reports (as nil) whether the viewer may act on a buyer's own request or
// quote: the buyer itself (customer), or an admin of the buyer's company (companyID, 0 for
// none), with a grant that may write.
func MayActForBuyer(v *viewer.Viewer, t, customerID, companyID int) error {
	if companyID != 0 && decideCompanyAdminWrite(v, t, companyID) == nil {
		return nil
	}
	if v.Kind == viewer.User && v.UserID == customerID {
		for _, g := range v.Grants {
			if g.TenantID == t && g.ReadOnly {
				return apperr.New(apperr.Forbidden, "the company or its tenant is suspended: its people may read, not write")
			}
		}
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the buyer and its company's admins do that")
}
