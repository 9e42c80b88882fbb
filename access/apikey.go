package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// APIKeyPolicy: keys are tenant-admin business — only the tenant's admins (and the
// platform) see, create and revoke them.
func APIKeyPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.APIKeyQueryRuleFunc(func(ctx context.Context, q *ent.APIKeyQuery) error {
				admin := viewer.FromContext(ctx).AdminTenants()
				if len(admin) == 0 {
					return denyNothingVisible("API keys")
				}
				q.Where(apikey.TenantIDIn(admin...))
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{
			allowPlatform(),
			privacy.APIKeyMutationRuleFunc(func(ctx context.Context, m *ent.APIKeyMutation) error {
				if err := oneRowOnly(m.Op()); err != nil {
					return err
				}
				var s rowScope
				if m.Op().Is(ent.OpCreate) {
					s.TenantID, _ = m.TenantID()
					if sid, ok := m.StoreID(); ok {
						if err := checkStoreInTenant(ctx, m.Client(), sid, s.TenantID); err != nil {
							return err
						}
					}
				} else {
					id, _ := m.ID()
					k, err := m.Client().APIKey.Get(Bypass(ctx), id)
					if err != nil {
						return privacy.Denyf("API key %d does not exist", id)
					}
					s.TenantID = k.TenantID
				}
				return decideStaffWrite(viewer.FromContext(ctx), s, false)
			}),
		},
	}
}
