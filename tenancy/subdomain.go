package tenancy

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
)

// claimSubdomain checks that label is free in the one namespace tenants and stores share.
// Each table's unique index guards against its own duplicates; this check covers the
// other table. It reads across tenants, so it runs with the policy bypass and says only
// "taken", never whose.
func claimSubdomain(ctx context.Context, tx *ent.Tx, label string, exceptTenant, exceptStore int) error {
	sys := access.Bypass(ctx)
	tq := tx.Tenant.Query().Where(tenant.Subdomain(label))
	if exceptTenant != 0 {
		tq.Where(tenant.IDNEQ(exceptTenant))
	}
	sq := tx.Store.Query().Where(store.Subdomain(label))
	if exceptStore != 0 {
		sq.Where(store.IDNEQ(exceptStore))
	}
	for _, exists := range []func(context.Context) (bool, error){tq.Exist, sq.Exist} {
		taken, err := exists(sys)
		if err != nil {
			return err
		}
		if taken {
			return apperr.New(apperr.Conflict, "subdomain %q is already taken", label)
		}
	}
	return nil
}

// claimNewSubdomain validates a requested subdomain and checks that it is free.
func claimNewSubdomain(ctx context.Context, tx *ent.Tx, requested string, exceptTenant, exceptStore int) (string, error) {
	sub, err := Subdomain("subdomain", requested)
	if err != nil {
		return "", err
	}
	return sub, claimSubdomain(ctx, tx, sub, exceptTenant, exceptStore)
}
