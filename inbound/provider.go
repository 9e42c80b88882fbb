package inbound

import (
	"context"

	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/viewer"
)

// Provider events (Stripe) are recorded as InboundWebhooks too, without an endpoint or
// a tenant. Their handlers apply them at once and idempotently, and the provider retries
// what failed, so every request is its own record: rejected, then applied or failed.
// Only a summary is kept (ids and type), not the event's objects, which carry
// shoppers' personal data.

// ProviderRejected records a provider's request whose signature failed (at most
// RejectedPerMinute a minute).
func (s *Service) ProviderRejected(ctx context.Context, source inboundwebhook.Source, why string) {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	s.reject(sys, s.client.InboundWebhook.Create().SetSource(source).SetReceivedAt(s.Now()), source, nil, why)
}

// ProviderReceived records a provider's verified event, accepted, and returns its record.
func (s *Service) ProviderReceived(ctx context.Context, source inboundwebhook.Source, eventID, typ string, summary map[string]any) (int, error) {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	row, err := s.client.InboundWebhook.Create().SetSource(source).SetReceivedAt(s.Now()).
		SetWebhookID(clip(eventID, 255)).SetType(clip(typ, 255)).SetPayload(summary).
		SetStatus(inboundwebhook.StatusAccepted).Save(sys)
	if err != nil {
		return 0, err
	}
	return row.ID, nil
}

// ProviderDone records what became of provider event record id: applied, or failed
// with applyErr.
func (s *Service) ProviderDone(ctx context.Context, id int, applyErr error) error {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	u := s.client.InboundWebhook.UpdateOneID(id)
	if applyErr != nil {
		u.SetStatus(inboundwebhook.StatusFailed).SetReason(reason(applyErr))
	} else {
		u.SetStatus(inboundwebhook.StatusApplied).SetAppliedAt(s.Now())
	}
	return u.Exec(sys)
}
