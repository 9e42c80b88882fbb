// Package storefront answers "which store is this request for?" for storefronts: it
// backs the resolution rules with the database and says whether the store may serve.
package storefront

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/subdomainclaim"
	"github.com/dakkah/cityos/viewer"
)

// Directory looks stores up by address for the resolver. Addresses are public, so the
// lookups run in the system context; what is shown of the store is decided later.
type Directory struct{ Client *ent.Client }

func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "store-resolution") }

func firstID(ids []int, err error) (int, bool, error) {
	if err != nil || len(ids) == 0 {
		return 0, false, err
	}
	return ids[0], true, nil
}

// StoreByVerifiedDomain finds the store of a verified custom domain.
func (d Directory) StoreByVerifiedDomain(ctx context.Context, hostname string) (int, bool, error) {
	ds, err := d.Client.Domain.Query().Where(domain.Hostname(hostname), domain.StatusEQ(domain.StatusVerified)).
		Select(domain.FieldStoreID).All(sys(ctx))
	if err != nil || len(ds) == 0 {
		return 0, false, err
	}
	return ds[0].StoreID, true, nil
}

// StoreBySubdomain finds the store with a subdomain. Subdomains are read from their
// claims (a label of the namespace tenants and stores share, written with the store's
// subdomain by package tenancy): one table of the platform's, by its unique label, where
// the stores' table is the tenants' and, distributed by tenant, would be asked on every
// node (docs/scale-out.md).
func (d Directory) StoreBySubdomain(ctx context.Context, label string) (int, bool, error) {
	c, ok, err := d.claim(ctx, label)
	if !ok || c.StoreID == nil {
		return 0, false, err
	}
	return *c.StoreID, true, nil
}

// TenantBySubdomain finds the tenant with a subdomain (see StoreBySubdomain).
func (d Directory) TenantBySubdomain(ctx context.Context, label string) (int, bool, error) {
	c, ok, err := d.claim(ctx, label)
	if !ok || c.StoreID != nil {
		return 0, false, err
	}
	return c.TenantID, true, nil
}

// claim is the claim of label, if any: a tenant's (no store) or a store's.
func (d Directory) claim(ctx context.Context, label string) (*ent.SubdomainClaim, bool, error) {
	cs, err := d.Client.SubdomainClaim.Query().Where(subdomainclaim.LabelEQ(label)).
		Select(subdomainclaim.FieldTenantID, subdomainclaim.FieldStoreID).All(sys(ctx))
	if err != nil || len(cs) == 0 {
		return nil, false, err
	}
	return cs[0], true, nil
}

// StoreByTenantHandle finds a tenant's store by handle.
func (d Directory) StoreByTenantHandle(ctx context.Context, tenantID int, handle string) (int, bool, error) {
	return firstID(d.Client.Store.Query().Where(store.TenantID(tenantID), store.Handle(handle)).IDs(sys(ctx)))
}
