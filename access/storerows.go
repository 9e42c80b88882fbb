package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// storeRows describes a type whose rows each belong to one store of a tenant (custom
// domains, sales channels): tenant admins see and change their tenants' rows, store
// managers their stores'; nobody else sees them. Written once, used by each such type.
type storeRows[P any] struct {
	kind string // plural, for denials: "domains"
	// visible is "tenant in admin tenants OR store in managed stores" (see staffScoped).
	visible func(v *viewer.Viewer) (P, bool)
	// where narrows a query of the type to p.
	where func(q ent.Query, p P)
	// load reads the row with id (in the bypass context) for its scope.
	load func(ctx context.Context, c *ent.Client, id int) (rowScope, error)
	// managersMay says whether store managers may make a write of this kind (op).
	managersMay func(op ent.Op) bool
	// check, if set, checks a write further once its row's scope is known.
	check func(ctx context.Context, m ent.Mutation, s rowScope) error
}

// storeRowMutation is what every generated mutation of such a type offers.
type storeRowMutation interface {
	ent.Mutation
	ID() (int, bool)
	TenantID() (int, bool)
	StoreID() (int, bool)
	Client() *ent.Client
}

func (r storeRows[P]) policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
				p, ok := r.visible(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible(r.kind)
				}
				r.where(q, p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.MutationRuleFunc(func(ctx context.Context, mut ent.Mutation) error {
				m, ok := mut.(storeRowMutation)
				if !ok {
					return privacy.Denyf("%T is not a store's row", mut)
				}
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				var s rowScope
				if m.Op().Is(ent.OpCreate) {
					s.TenantID, _ = m.TenantID()
					// A row without a store (an optional store left unset) is the tenant's.
					if s.StoreID, _ = m.StoreID(); s.StoreID != 0 {
						if err := checkStoreInTenant(ctx, m.Client(), s.StoreID, s.TenantID); err != nil {
							return err
						}
					}
				} else {
					id, _ := m.ID()
					var err error
					if s, err = r.load(Bypass(ctx), m.Client(), id); err != nil {
						return privacy.Denyf("%s: %d does not exist", r.kind, id)
					}
				}
				if r.check != nil {
					if err := r.check(ctx, m, s); err != nil {
						return err
					}
				}
				return decideStaffWrite(viewer.FromContext(ctx), s, r.managersMay(m.Op()))
			}),
		},
	}
}
