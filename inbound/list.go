package inbound

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
)

// ListArgs are the paging, order and filter of a list of inbound webhooks.
type ListArgs struct {
	EndpointID    *int
	After, Before *entgql.Cursor[int]
	First, Last   *int
	OrderBy       *ent.InboundWebhookOrder
	Where         *ent.InboundWebhookWhereInput
}

// Webhooks lists the inbound webhooks the caller may see (the privacy policy decides),
// newest first unless ordered otherwise.
func (s *Service) Webhooks(ctx context.Context, a ListArgs) (*ent.InboundWebhookConnection, error) {
	q := s.client.InboundWebhook.Query()
	if a.EndpointID != nil {
		q.Where(inboundwebhook.EndpointID(*a.EndpointID))
	}
	order := a.OrderBy
	if order == nil {
		order = &ent.InboundWebhookOrder{Direction: entgql.OrderDirectionDesc, Field: ent.InboundWebhookOrderFieldReceivedAt}
	}
	return q.Paginate(ctx, a.After, a.First, a.Before, a.Last, ent.WithInboundWebhookOrder(order), ent.WithInboundWebhookFilter(a.Where.Filter))
}
