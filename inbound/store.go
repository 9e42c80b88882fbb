package inbound

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/theme"
)

// storeUpdate changes a store's settings: data {handle, name, status, theme}. An
// endpoint limited to a store changes only that store.
type storeUpdate struct {
	handle string
	name   *string
	status *store.Status
	theme  *theme.Config
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
	if c.theme, err = f.theme("theme"); err != nil {
		return nil, err
	}
	return c, nil
}

// theme reads a store theme, {colors, fonts, logo, favicon} as the API takes it; its
// values are validated where every theme is (tenancy).
func (f fields) theme(name string) (*theme.Config, error) {
	if !f.has(name) {
		return nil, nil
	}
	obj, ok := f.m[name].(map[string]any)
	if !ok {
		return nil, apperr.Invalid(f.path+name, "must be an object")
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, apperr.Invalid(f.path+name, "must be an object")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var t theme.Config
	if err := dec.Decode(&t); err != nil {
		return nil, apperr.Invalid(f.path+name, "must be {colors: {primary, secondary, accent}, fonts: {heading, body}, logo, favicon}: %s", err.Error())
	}
	return &t, nil
}

func (c storeUpdate) apply(ctx context.Context, a applier) error {
	st, err := a.tx.Store.Query().Where(store.TenantID(a.tenantID), store.Handle(c.handle)).Only(ctx)
	if ent.IsNotFound(err) || err == nil && a.storeID != nil && st.ID != *a.storeID {
		return apperr.Invalid("data.handle", "no store with that handle")
	}
	if err != nil {
		return err
	}
	_, err = a.tenancy.UpdateStore(ctx, st.ID, tenancy.UpdateStoreInput{Name: c.name, Status: c.status, Theme: c.theme})
	return inData(err)
}
