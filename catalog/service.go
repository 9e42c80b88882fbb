package catalog

import "github.com/dakkah/cityos/ent"

// Service runs the catalog operations.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }
