package tenancy

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// CreateAPIKeyInput is the input of CreateAPIKey.
type CreateAPIKeyInput struct {
	TenantID int
	StoreID  *int
	Kind     apikey.Kind
	Name     string
	Roles    []membership.Role
}

// CreatedAPIKey carries the token, shown to the caller this once.
type CreatedAPIKey struct {
	APIKey *ent.APIKey
	Token  string
}

// CreateAPIKey issues a key. A publishable key opens one store's storefront; a secret key
// acts as staff with its roles: tenant_admin, or store_manager of its store.
func (s *Service) CreateAPIKey(ctx context.Context, in CreateAPIKeyInput) (CreatedAPIKey, error) {
	name, err := validate.Name("name", in.Name)
	if err != nil {
		return CreatedAPIKey{}, err
	}
	prefix := "sk"
	switch in.Kind {
	case apikey.KindPublishable:
		prefix = "pk"
		if in.StoreID == nil {
			return CreatedAPIKey{}, apperr.Invalid("storeId", "a publishable key needs the store it opens")
		}
		if len(in.Roles) > 0 {
			return CreatedAPIKey{}, apperr.Invalid("roles", "a publishable key has no staff roles")
		}
	case apikey.KindSecret:
		if len(in.Roles) == 0 {
			return CreatedAPIKey{}, apperr.Invalid("roles", "a secret key needs at least one role")
		}
		for _, r := range in.Roles {
			switch {
			case r == membership.RoleTenantAdmin:
			case r == membership.RoleStoreManager && in.StoreID != nil:
			default:
				return CreatedAPIKey{}, apperr.Invalid("roles", "a secret key may hold tenant_admin, or store_manager with a store; not %s", r)
			}
		}
	default:
		return CreatedAPIKey{}, apperr.Invalid("kind", "unknown key kind %q", in.Kind)
	}
	token, err := auth.NewSecretToken(prefix)
	if err != nil {
		return CreatedAPIKey{}, err
	}
	roles := make([]string, len(in.Roles))
	for i, r := range in.Roles {
		roles[i] = string(r)
	}
	var out *ent.APIKey
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return err
		}
		c := tx.APIKey.Create().SetTenantID(in.TenantID).SetKind(in.Kind).SetName(name).SetRoles(roles).
			SetTokenHash(auth.HashToken(token)).SetTokenPrefix(auth.DisplayPrefix(token))
		if in.StoreID != nil {
			st, err := tx.Store.Get(ctx, *in.StoreID)
			if err != nil {
				return err
			}
			// The platform's policy allows any store; a key must still stay within its tenant.
			if st.TenantID != in.TenantID {
				return apperr.Invalid("storeId", "the store does not belong to that tenant")
			}
			c.SetStoreID(*in.StoreID)
		}
		var err error
		out, err = c.Save(ctx)
		return err
	})
	if err != nil {
		return CreatedAPIKey{}, err
	}
	return CreatedAPIKey{APIKey: out.Unwrap(), Token: token}, nil
}

// RevokeAPIKey stops a key from working. Revoking twice keeps the first time.
func (s *Service) RevokeAPIKey(ctx context.Context, id int) (*ent.APIKey, error) {
	var out *ent.APIKey
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		k, err := tx.APIKey.Get(ctx, id)
		if err != nil {
			return err
		}
		if k.RevokedAt != nil {
			out = k
			return nil
		}
		out, err = tx.APIKey.UpdateOneID(id).SetRevokedAt(time.Now()).Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx) // instances holding the key in memory forget it
	return out.Unwrap(), nil
}
