package cart

import "github.com/dakkah/cityos/ent"

// Service runs cart operations.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }
