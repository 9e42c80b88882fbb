package payment

import "context"

// InvoiceName is how orders placed on payment terms record their provider.
const InvoiceName = "invoice"

// Invoice is the provider of orders on payment terms (a company's net_30): nothing is
// taken at checkout, the order is placed not paid with a due date, and staff record the
// payment when it arrives (capturePayment). Every registry has it, and none offers it to
// a cart: checkout alone chooses it, for a company buyer on terms (see Registry.Get).
type Invoice struct{}

func (Invoice) Name() string { return InvoiceName }

func (Invoice) Authorize(_ context.Context, req AuthorizeRequest) (string, error) {
	return InvoiceName + ":" + req.IdempotencyKey, nil
}

// Local: nothing is taken at checkout.
func (Invoice) Local() {}

// Capture, Refund and Void are bookkeeping only: the money moves outside the platform.
func (Invoice) Capture(context.Context, string, int64) error { return nil }
func (Invoice) Refund(context.Context, string, int64) error  { return nil }
func (Invoice) Void(context.Context, string) error           { return nil }
