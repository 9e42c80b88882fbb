package tenancy

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/subdomainclaim"
)

// holder names who holds a subdomain: a tenant (store 0) or one of its stores.
type holder struct{ tenantID, storeID int }

// claimSubdomain makes label the one subdomain of h in the namespace tenants and stores
// share, releasing the label h held before; a nil label only releases. The claim row's
// unique index decides between concurrent claims of one label, so there is no window
// between a check and an insert. Claims are read and written with the policy bypass
// (the caller was already allowed to change h) and a refusal says only "taken", never whose.
func claimSubdomain(ctx context.Context, tx *ent.Tx, h holder, label *string) error {
	sys := access.Bypass(ctx)
	release := tx.SubdomainClaim.Delete().Where(subdomainclaim.TenantID(h.tenantID))
	if h.storeID != 0 {
		release.Where(subdomainclaim.StoreID(h.storeID))
	} else {
		release.Where(subdomainclaim.StoreIDIsNil())
	}
	if _, err := release.Exec(sys); err != nil {
		return err
	}
	if label == nil {
		return nil
	}
	c := tx.SubdomainClaim.Create().SetLabel(*label).SetTenantID(h.tenantID)
	if h.storeID != 0 {
		c.SetStoreID(h.storeID)
	}
	if err := c.Exec(sys); err != nil {
		if ent.IsConstraintError(err) {
			return apperr.New(apperr.Conflict, "subdomain %q is already taken", *label)
		}
		return err
	}
	return nil
}

// validSubdomain checks a requested subdomain; nil stays nil.
func validSubdomain(requested *string) (*string, error) {
	if requested == nil {
		return nil, nil
	}
	sub, err := Subdomain("subdomain", *requested)
	if err != nil {
		return nil, err
	}
	return &sub, nil
}
