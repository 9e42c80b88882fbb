package tenancy

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/theme"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// CreateStoreInput is the input of CreateStore.
type CreateStoreInput struct {
	TenantID       int
	Handle         string
	Name           string
	Status         *store.Status
	StorefrontType *store.StorefrontType
	Subdomain      *string
	Theme          *theme.Config
	Metadata       map[string]any
}

// UpdateStoreInput is the input of UpdateStore; nil fields are left as they are. A theme
// replaces the store's theme whole.
type UpdateStoreInput struct {
	Name           *string
	Status         *store.Status
	StorefrontType *store.StorefrontType
	Subdomain      *string
	ClearSubdomain *bool
	Theme          *theme.Config
	Metadata       map[string]any
}

// CreateStore creates a store in a tenant.
func (s *Service) CreateStore(ctx context.Context, in CreateStoreInput) (*ent.Store, error) {
	handle, err := validate.Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	name, err := validate.Name("name", in.Name)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Store, error) {
		// Reading the tenant first turns "not yours" into NOT_FOUND.
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		c := tx.Store.Create().SetTenantID(in.TenantID).SetHandle(handle).SetName(name).
			SetNillableStatus(in.Status).SetNillableStorefrontType(in.StorefrontType)
		sub, err := validSubdomain(in.Subdomain)
		if err != nil {
			return nil, err
		}
		c.SetNillableSubdomain(sub)
		if in.Theme != nil {
			t, err := validTheme(*in.Theme)
			if err != nil {
				return nil, err
			}
			c.SetThemeConfig(t)
		}
		if in.Metadata != nil {
			c.SetMetadata(in.Metadata)
		}
		out, err := c.Save(ctx)
		if err != nil {
			return nil, txn.Conflict(err, "the tenant already has a store with that handle, or the subdomain is taken")
		}
		if sub != nil {
			if err := claimSubdomain(ctx, tx, holder{out.TenantID, out.ID}, sub); err != nil {
				return nil, err
			}
		}
		// Every store sells through a channel of its own from the start.
		return out, tx.SalesChannel.Create().SetTenantID(out.TenantID).SetStoreID(out.ID).SetName(out.Name).Exec(ctx)
	})
}

// UpdateStore changes a store's settings.
func (s *Service) UpdateStore(ctx context.Context, id int, in UpdateStoreInput) (*ent.Store, error) {
	return change(ctx, s, func(tx *ent.Tx) (*ent.Store, error) {
		st, err := tx.Store.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.Store.UpdateOneID(id).SetNillableStatus(in.Status).SetNillableStorefrontType(in.StorefrontType)
		if in.Name != nil {
			name, err := validate.Name("name", *in.Name)
			if err != nil {
				return nil, err
			}
			u.SetName(name)
		}
		claim := func() error { return nil }
		switch {
		case in.ClearSubdomain != nil && *in.ClearSubdomain:
			u.ClearSubdomain()
			claim = func() error { return claimSubdomain(ctx, tx, holder{st.TenantID, id}, nil) }
		case in.Subdomain != nil:
			sub, err := validSubdomain(in.Subdomain)
			if err != nil {
				return nil, err
			}
			u.SetSubdomain(*sub)
			claim = func() error { return claimSubdomain(ctx, tx, holder{st.TenantID, id}, sub) }
		}
		if in.Theme != nil {
			t, err := validTheme(*in.Theme)
			if err != nil {
				return nil, err
			}
			u.SetThemeConfig(t)
		}
		if in.Metadata != nil {
			u.SetMetadata(in.Metadata)
		}
		out, err := u.Save(ctx)
		if err != nil {
			return nil, txn.Conflict(err, "that subdomain is already taken")
		}
		// The claim comes after the row, as on create: every writer takes its own
		// table's index entry first and the shared claim last, so racing writers
		// cannot wait on each other in a circle.
		return out, claim()
	})
}

// DeleteStore deletes a store with its custom domains and sales channels.
func (s *Service) DeleteStore(ctx context.Context, id int) error {
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Store.Get(ctx, id); err != nil {
			return err
		}
		ds, err := tx.Domain.Query().Where(domain.StoreID(id)).IDs(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if err := tx.Domain.DeleteOneID(d).Exec(ctx); err != nil {
				return err
			}
		}
		chs, err := tx.SalesChannel.Query().Where(saleschannel.StoreID(id)).IDs(ctx)
		if err != nil {
			return err
		}
		for _, c := range chs {
			if err := tx.SalesChannel.DeleteOneID(c).Exec(ctx); err != nil {
				return err
			}
		}
		// The foreign keys from API keys and roles to a store are ON DELETE SET NULL, so
		// the database would leave a live key or a store_manager role pointing at no store
		// (and that manager still counted as the tenant's staff). Refuse instead; the check
		// comes after the policy-checked delete so an unauthorised caller hears FORBIDDEN.
		referenced, err := storeReferenced(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := txn.Conflict(tx.Store.DeleteOneID(id).Exec(ctx), storeReferencedMsg); err != nil {
			return err
		}
		if referenced {
			return apperr.New(apperr.Conflict, "%s", storeReferencedMsg) // rolls the deletes back
		}
		return nil
	})
	if err == nil {
		s.changed(ctx)
	}
	return err
}

const storeReferencedMsg = "the store is still referenced (keys or roles): revoke them first"

// storeReferenced reports whether an unrevoked API key or a role still points at a store.
// It reads with the policy bypass: the answer is only "referenced", never by what.
func storeReferenced(ctx context.Context, tx *ent.Tx, id int) (bool, error) {
	sys := access.Bypass(ctx)
	keys, err := tx.APIKey.Query().Where(apikey.StoreID(id), apikey.RevokedAtIsNil()).Exist(sys)
	if err != nil || keys {
		return keys, err
	}
	return tx.Membership.Query().Where(membership.StoreID(id)).Exist(sys)
}

func validTheme(t theme.Config) (theme.Config, error) {
	t = t.Normalize()
	return t, t.Validate()
}
