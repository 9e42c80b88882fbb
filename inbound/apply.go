package inbound

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// errDone stops an apply that finds its webhook no longer accepted (applied by an
// earlier run of the task, or failed): nothing is changed twice.
var errDone = errors.New("inbound webhook already applied or failed")

// Apply applies accepted webhook id, once: the record turns applied in the transaction
// of the change, so a retry (or a second copy of the task) finds it applied and does
// nothing. A change the data cannot make (validation, a handle of no product, a write
// the endpoint may not make) marks it failed with the reason; only an error worth a
// retry (the database) is returned.
func (s *Service) Apply(ctx context.Context, id int) error {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	w, err := s.client.InboundWebhook.Get(sys, id)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil || w.Status != inboundwebhook.StatusAccepted {
		return err
	}
	storeChanged := false
	err = s.applyOnce(sys, w, &storeChanged)
	switch {
	case err == nil:
		if storeChanged && s.OnStoreChange != nil {
			s.OnStoreChange(ctx)
		}
		return nil
	case errors.Is(err, errDone):
		return nil
	case !permanent(err):
		return err
	}
	_, ferr := s.client.InboundWebhook.Update().
		Where(inboundwebhook.ID(id), inboundwebhook.StatusEQ(inboundwebhook.StatusAccepted)).
		SetStatus(inboundwebhook.StatusFailed).SetReason(reason(err)).Save(sys)
	return ferr
}

func (s *Service) applyOnce(sys context.Context, w *ent.InboundWebhook, storeChanged *bool) error {
	if w.EndpointID == nil {
		return apperr.New(apperr.BadUserInput, "not an endpoint's webhook")
	}
	ep, err := s.client.IntegrationEndpoint.Get(sys, *w.EndpointID)
	if ent.IsNotFound(err) {
		return apperr.New(apperr.NotFound, "the endpoint was deleted")
	}
	if err != nil {
		return err
	}
	// The payload was validated when it arrived; it is read again the same way (its
	// integers, below 2^53, survive the round trip through JSON).
	body, err := json.Marshal(w.Payload)
	if err != nil {
		return err
	}
	msg, err := parse(body)
	if err != nil {
		return err
	}
	t, err := s.client.Tenant.Get(sys, ep.TenantID)
	if err != nil {
		return err
	}
	return txn.Run(sys, s.client, func(tx *ent.Tx) error {
		n, err := tx.InboundWebhook.Update().
			Where(inboundwebhook.ID(w.ID), inboundwebhook.StatusEQ(inboundwebhook.StatusAccepted)).
			SetStatus(inboundwebhook.StatusApplied).SetAppliedAt(s.Now()).Save(sys)
		if err != nil {
			return err
		}
		if n == 0 {
			return errDone
		}
		c := tx.Client()
		a := applier{tx: tx, tenantID: ep.TenantID, storeID: ep.StoreID,
			catalog: catalog.New(c), pricing: pricing.New(c), inventory: inventory.New(c),
			tenancy: tenancy.New(c, s.PlatformDomain)}
		_, isStore := msg.change.(storeUpdate)
		*storeChanged = isStore
		return msg.change.apply(ent.NewTxContext(endpointContext(sys, ep, t), tx), a)
	})
}

// endpointContext is the principal an endpoint's changes are made as: the endpoint
// itself, with the grants of its tenant's admin, of its store's manager when it is
// limited to one store, or of its vendor's admin when it is a vendor's, so the privacy
// policies hold it to its tenant, store or vendor. Its
// changes carry it as their origin: their events are never sent back to it.
func endpointContext(ctx context.Context, ep *ent.IntegrationEndpoint, t *ent.Tenant) context.Context {
	g := viewer.Grant{Role: viewer.RoleTenantAdmin, TenantID: ep.TenantID,
		ReadOnly: t.Status == tenant.StatusSuspended || t.Status == tenant.StatusInactive}
	switch {
	case ep.VendorID != nil:
		g.Role, g.VendorID = viewer.RoleVendorAdmin, *ep.VendorID
	case ep.StoreID != nil:
		g.Role, g.StoreID = viewer.RoleStoreManager, *ep.StoreID
	}
	v := &viewer.Viewer{Kind: viewer.Integration, EndpointID: ep.ID, Grants: []viewer.Grant{g}}
	return outbox.WithOrigin(viewer.NewContext(ctx, v), ep.ID)
}

// permanent says err comes from the webhook's content or rights, not from the moment:
// retrying would not change it.
func permanent(err error) bool {
	if _, ok := apperr.As(err); ok {
		return apperr.CodeOf(err) != apperr.Internal
	}
	return ent.IsNotFound(err) || ent.IsNotSingular(err) || ent.IsValidationError(err) ||
		ent.IsConstraintError(err) || errors.Is(err, privacy.Deny)
}
