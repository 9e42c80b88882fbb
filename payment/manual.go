package payment

import "context"

// Manual is the default provider: an order is authorised when placed and staff capture
// it when the money has arrived by other means.
type Manual struct{}

func (Manual) Name() string { return "manual" }

func (Manual) Authorize(_ context.Context, req AuthorizeRequest) (string, error) {
	return "manual:" + req.IdempotencyKey, nil
}

// Local: an authorisation is a reference made here.
func (Manual) Local() {}

func (Manual) Capture(context.Context, string, int64) error { return nil }
func (Manual) Refund(context.Context, string, int64) error  { return nil }
func (Manual) Void(context.Context, string) error           { return nil }
