package access

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/viewer"
)

// CompanyPolicy: the tenant's admins create and manage its companies; its store managers
// read them (they serve the companies' orders); a company's employees read their own
// company. Nobody else sees companies.
func CompanyPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.CompanyQueryRuleFunc(func(ctx context.Context, q *ent.CompanyQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.Company
				if ids := v.StaffTenants(); len(ids) > 0 {
					any = append(any, company.TenantIDIn(ids...))
				}
				if ids := v.Companies(); len(ids) > 0 {
					any = append(any, company.IDIn(ids...))
				}
				if len(any) == 0 {
					return denyNothingVisible("companies")
				}
				q.Where(company.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.CompanyMutationRuleFunc(func(ctx context.Context, m *ent.CompanyMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				v := viewer.FromContext(ctx)
				if m.Op().Is(ent.OpCreate) {
					t, _ := m.TenantID()
					return decideStaffWrite(v, rowScope{TenantID: t}, false)
				}
				id, _ := m.ID()
				row, err := m.Client().Company.Query().Where(company.ID(id)).Select(company.FieldTenantID).Only(Bypass(ctx))
				if err != nil {
					return privacy.Denyf("company %d does not exist", id)
				}
				return decideStaffWrite(v, rowScope{TenantID: row.TenantID}, false)
			}),
		},
	}
}

// EmployeeManagedFields are what a company's admins may set on their employees: the
// role, active or not, and the spending limit.
var EmployeeManagedFields = []string{
	employee.FieldRole, employee.FieldStatus, employee.FieldSpendingLimit, employee.FieldSpendingPeriod,
	employee.FieldUpdatedAt, employee.FieldVersion,
}

// EmployeePolicy: the tenant's admins manage every employee of its companies; a
// company's admins see and manage their company's employees (not
// their own row, so a company is never left without its admin by mistake); a buyer
// sees its own row.
func EmployeePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.EmployeeQueryRuleFunc(func(ctx context.Context, q *ent.EmployeeQuery) error {
				v := viewer.FromContext(ctx)
				var any []predicate.Employee
				if ids := v.AdminTenants(); len(ids) > 0 {
					any = append(any, employee.TenantIDIn(ids...))
				}
				if ids := v.CompaniesWithRole(viewer.RoleCompanyAdmin); len(ids) > 0 {
					any = append(any, employee.CompanyIDIn(ids...))
				}
				if v.Kind == viewer.User && len(v.Companies()) > 0 {
					any = append(any, employee.UserID(v.UserID))
				}
				if len(any) == 0 {
					return denyNothingVisible("employees")
				}
				q.Where(employee.Or(any...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.EmployeeMutationRuleFunc(func(ctx context.Context, m *ent.EmployeeMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				v := viewer.FromContext(ctx)
				if m.Op().Is(ent.OpCreate) {
					t, _ := m.TenantID()
					c, _ := m.CompanyID()
					if err := checkCompanyInTenant(ctx, m.Client(), c, t); err != nil {
						return err
					}
					u, _ := m.UserID()
					if err := checkCustomerOfTenant(ctx, m.Client(), u, t); err != nil {
						return err
					}
					if decideCompanyAdminWrite(v, t, c) == nil {
						return privacy.Allow
					}
					return decideStaffWrite(v, rowScope{TenantID: t}, false)
				}
				id, _ := m.ID()
				row, err := m.Client().Employee.Query().Where(employee.ID(id)).
					Select(employee.FieldTenantID, employee.FieldCompanyID, employee.FieldUserID).Only(Bypass(ctx))
				if err != nil {
					return privacy.Denyf("employee %d does not exist", id)
				}
				if m.Op().Is(ent.OpUpdateOne) && slices.Contains(v.CompaniesWithRole(viewer.RoleCompanyAdmin), row.CompanyID) {
					if v.Kind == viewer.User && row.UserID == v.UserID {
						return privacy.Denyf("a company admin does not change its own role, status or limit")
					}
					for _, f := range append(m.Fields(), m.ClearedFields()...) {
						if !slices.Contains(EmployeeManagedFields, f) {
							return privacy.Denyf("a company's admins do not change an employee's %s", f)
						}
					}
					if err := decideCompanyAdminWrite(v, row.TenantID, row.CompanyID); err != nil {
						return err
					}
					return privacy.Allow
				}
				return decideStaffWrite(v, rowScope{TenantID: row.TenantID}, false)
			}),
		},
	}
}

// MayAddEmployees reports (as nil) whether the viewer may add employees to company c of
// tenant t: the platform, the tenant's admins, the company's admins. Callers ask before
// looking the person up, so nobody else learns which e-mails have accounts.
func MayAddEmployees(v *viewer.Viewer, t, c int) error {
	if decideCompanyAdminWrite(v, t, c) == nil {
		return nil
	}
	if err := decideStaffWrite(v, rowScope{TenantID: t}, false); err != privacy.Allow {
		return apperr.New(apperr.Forbidden, "only the tenant's admins and the company's admins add its employees")
	}
	return nil
}

// decideCompanyAdminWrite allows the admin of company c (of tenant t) to write, not while
// the company is suspended or the tenant read-only; nil means allowed.
func decideCompanyAdminWrite(v *viewer.Viewer, t, c int) error {
	for _, g := range v.Grants {
		if g.Role != viewer.RoleCompanyAdmin || g.CompanyID != c || g.TenantID != t {
			continue
		}
		if g.ReadOnly {
			return privacy.Denyf("the company or its tenant is suspended: its people may read, not write")
		}
		return nil
	}
	return privacy.Denyf("not an admin of company %d", c)
}

// checkCustomerOfTenant refuses an employee who is not a customer account of tenant t.
func checkCustomerOfTenant(ctx context.Context, c *ent.Client, userID, tenantID int) error {
	row, err := c.User.Query().Where(user.ID(userID)).Select(user.FieldRealm).Only(Bypass(ctx))
	if err != nil {
		return privacy.Denyf("user %d does not exist", userID)
	}
	if row.Realm != tenantID {
		return privacy.Denyf("user %d is not a customer of tenant %d", userID, tenantID)
	}
	return nil
}

// checkCompanyInTenant refuses an edge to a company of another tenant (see checkStoreInTenant).
func checkCompanyInTenant(ctx context.Context, c *ent.Client, companyID, tenantID int) error {
	row, err := c.Company.Query().Where(company.ID(companyID)).Select(company.FieldTenantID).Only(Bypass(ctx))
	if err != nil {
		return privacy.Denyf("company %d does not exist", companyID)
	}
	if row.TenantID != tenantID {
		return privacy.Denyf("company %d does not belong to tenant %d", companyID, tenantID)
	}
	return nil
}
