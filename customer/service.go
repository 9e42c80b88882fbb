package customer

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/identity"
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
