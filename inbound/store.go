package inbound

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/tenancy"
)

// storeUpdate changes a store's settings: data {handle, name, status}. An endpoint
// limited to a store changes only that store.
type storeUpdate struct {
	handle string
	name   *string
	status *store.Status
}

func parseStoreUpdate(f fields) (change, error) {
	var c storeUpdate
	var err error
	if c.handle, err = f.str("handle", true); err != nil {
		return nil, err
	}
	if c.name, err = f.optStr("name"); err != nil {
		return nil, err
	}
	status, err := f.oneOf("status", "active", "inactive", "maintenance")
	if err != nil {
		return nil, err
	}
	if status != nil {
		s := store.Status(*status)
		c.status = &s
	}
	return c, nil
}

func (c storeUpdate) apply(ctx context.Context, a applier) error {
	st, err := a.tx.Store.Query().Where(store.TenantID(a.tenantID), store.Handle(c.handle)).Only(ctx)
	if ent.IsNotFound(err) || err == nil && a.storeID != nil && st.ID != *a.storeID {
		return apperr.Invalid("data.handle", "no store with that handle")
	}
	if err != nil {
		return err
	}
	_, err = a.tenancy.UpdateStore(ctx, st.ID, tenancy.UpdateStoreInput{Name: c.name, Status: c.status})
	return inData(err)
}
