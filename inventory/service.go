package inventory

import "github.com/dakkah/cityos/ent"

// Service runs the stock operations staff call; Reserve, Release and Ship are used by
// checkout and orders inside their own transactions.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }
