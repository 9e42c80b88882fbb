package customer

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/viewer"
)

// Service runs customer accounts.
type Service struct {
	client   *ent.Client
	identity *identity.Service
}

// New returns a Service.
func New(client *ent.Client, ids *identity.Service) *Service {
	return &Service{client: client, identity: ids}
}

// registration is the named system context account creation runs in: the caller is an
// anonymous shopper, who may not write users or memberships itself.
func registration(ctx context.Context) context.Context {
	return viewer.SystemContext(ctx, "customer-registration")
}

// shopStore is the store whose tenant a customer account belongs to: the one the request
// shops in, or storeID. With open set, it must be open for business.
func (s *Service) shopStore(ctx context.Context, storeID *int, open bool) (*ent.Store, error) {
	v := viewer.FromContext(ctx)
	id := v.StoreID
	switch {
	case storeID != nil && id != 0 && *storeID != id:
		return nil, apperr.Invalid("storeId", "storeId names another store than the one the request is for")
	case storeID != nil:
		id = *storeID
	case id == 0:
		return nil, apperr.Invalid("storeId", "name the store: storeId, X-Store-Host or a publishable key")
	}
	// A store's status is public (store resolution reports it); reading it is the service's.
	st, err := s.client.Store.Query().Where(store.ID(id)).WithTenant().Only(registration(ctx))
	if ent.IsNotFound(err) {
		return nil, apperr.Invalid("storeId", "no such store")
	}
	if err != nil {
		return nil, err
	}
	if open && storefront.StatusOf(st, st.Edges.Tenant) != storefront.Active {
		return nil, apperr.Invalid("storeId", "the store is not open")
	}
	return st, nil
}

// translate turns a unique-index violation into a CONFLICT on field the caller can act on.
func translate(err error, field, conflictMsg string) error {
	if err != nil && ent.IsConstraintError(err) {
		return &apperr.Error{Code: apperr.Conflict, Field: field, Message: conflictMsg}
	}
	return err
}
