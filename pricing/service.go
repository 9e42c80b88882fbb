package pricing

import "github.com/dakkah/cityos/ent"

// Service runs the pricing operations.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }
