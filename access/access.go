// Package access holds the ent privacy policies that scope every query and mutation to
// what the viewer may see and do, following the role matrix. Deny is the default:
// a rule that does not recognise the viewer denies.
package access

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/viewer"
)

// Bypass returns ctx in which policies allow everything. Only the policies themselves and
// named system jobs use it, to look up the scope of a row they are deciding on.
func Bypass(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// OperatingTenantStatuses are the tenant statuses whose stores serve customers.
var OperatingTenantStatuses = []string{"active", "trial"}

// denyNothingVisible is returned by query rules when the viewer can see no row of a type.
func denyNothingVisible(kind string) error {
	return privacy.Denyf("%s are not visible to this caller", kind)
}

// denyNoStore refuses a storefront read (the catalog, its reference data) to a caller who
// may read it only in a store and named none: the client's mistake, BAD_USER_INPUT on
// storeId, as every request that must name its store and does not (storefront.NoStore).
func denyNoStore(kind string) error {
	return noStore{apperr.Invalid("storeId", "name the store: X-Publishable-Key or X-Store-Host (%s are read in a store)", kind)}
}

// noStore is a policy's denial that also tells the client what to do.
type noStore struct{ reason *apperr.Error }

func (d noStore) Error() string   { return d.reason.Message }
func (d noStore) Unwrap() []error { return []error{privacy.Deny, d.reason} }

// allowPlatform allows the system context and super admins.
func allowPlatform() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).IsSuperAdmin() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// rowScope is the tenant and, where there is one, the store a row belongs to.
type rowScope struct {
	TenantID int
	StoreID  int
}

// decideStaffWrite allows a write to a row in scope s by the tenant's admin or, when
// managersMay, by the manager of the row's store. Read-only (suspended) grants are denied.
func decideStaffWrite(v *viewer.Viewer, s rowScope, managersMay bool) error {
	if v.IsSuperAdmin() {
		return privacy.Allow
	}
	for _, g := range v.Grants {
		if g.TenantID != s.TenantID {
			continue
		}
		ok := g.Role == viewer.RoleTenantAdmin ||
			(managersMay && g.Role == viewer.RoleStoreManager && s.StoreID != 0 && g.StoreID == s.StoreID)
		if !ok {
			continue
		}
		if g.ReadOnly {
			return privacy.Denyf("the tenant is suspended or inactive: its data is read-only")
		}
		return privacy.Allow
	}
	return privacy.Denyf("this caller may not change that")
}

// storeTenant returns the tenant of a store, or an error when it does not exist.
func storeTenant(ctx context.Context, c *ent.Client, storeID int) (int, error) {
	s, err := c.Store.Query().Where(store.ID(storeID)).Select(store.FieldTenantID).Only(Bypass(ctx))
	if err != nil {
		return 0, privacy.Denyf("store %d does not exist", storeID)
	}
	return s.TenantID, nil
}

// checkStoreInTenant refuses an edge to a store of another tenant: the tenant filter does
// not cover foreign keys, so every store edge set on a mutation is checked here.
func checkStoreInTenant(ctx context.Context, c *ent.Client, storeID, tenantID int) error {
	t, err := storeTenant(ctx, c, storeID)
	if err != nil {
		return err
	}
	if t != tenantID {
		return privacy.Denyf("store %d does not belong to tenant %d", storeID, tenantID)
	}
	return nil
}

// bulkOnlyForPlatform denies multi-row updates and deletes to everyone but the platform:
// every staff write goes through one row, whose scope the policy can check.
func oneRowOnly(op ent.Op) error {
	if op.Is(ent.OpUpdate) || op.Is(ent.OpDelete) {
		return privacy.Denyf("bulk changes are reserved to the platform")
	}
	return nil
}
