package customer

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/identity"
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

// translate turns a unique-index violation into a CONFLICT on field the caller can act on.
func translate(err error, field, conflictMsg string) error {
	if err != nil && ent.IsConstraintError(err) {
		return &apperr.Error{Code: apperr.Conflict, Field: field, Message: conflictMsg}
	}
	return err
}
