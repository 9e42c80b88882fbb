package main

import (
	"encoding/json"
	"time"
)

// placedRow is an order as the API's audit hook and outbox read it after its insert:
// every column by its JSON name, the id left for the statement that inserts it.
type placedRow struct {
	CreatedAt         time.Time       `json:"created_at"`
	UpdatedAt         time.Time       `json:"updated_at"`
	DisplayID         int64           `json:"display_id"`
	CartID            int64           `json:"cart_id"`
	IdempotencyKey    string          `json:"idempotency_key"`
	Email             string          `json:"email"`
	Status            string          `json:"status"`
	PaymentStatus     string          `json:"payment_status"`
	FulfillmentStatus string          `json:"fulfillment_status"`
	CurrencyCode      string          `json:"currency_code"`
	Subtotal          int64           `json:"subtotal"`
	ShippingTotal     int64           `json:"shipping_total"`
	TaxTotal          int64           `json:"tax_total"`
	Total             int64           `json:"total"`
	RefundedTotal     int64           `json:"refunded_total"`
	PaymentProvider   string          `json:"payment_provider"`
	PaymentReference  string          `json:"payment_reference"`
	ShippingMethod    string          `json:"shipping_method"`
	ShippingAddress   json.RawMessage `json:"shipping_address"`
	BillingAddress    json.RawMessage `json:"billing_address"`
	CanceledAt        *time.Time      `json:"canceled_at"`
	TenantID          int64           `json:"tenant_id"`
	StoreID           int64           `json:"store_id"`
	CustomerID        *int64          `json:"customer_id"`
	Version           int64           `json:"version"`
	CompanyID         *int64          `json:"company_id"`
	PaymentDueAt      *time.Time      `json:"payment_due_at"`
}

// auditSkipped are the fields an audit row's diff leaves out (audit.ignoredFields).
var auditSkipped = map[string]bool{"id": true, "updated_at": true, "version": true}

// records are order.placed's payload (the row; the id is added as it is inserted) and
// the audit row's diff: each field that is set, as {"after": value}.
func (o placedRow) records() (payload, diff []byte, err error) {
	if payload, err = json.Marshal(o); err != nil {
		return nil, nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(payload, &fields); err != nil {
		return nil, nil, err
	}
	return payload, afterDiff(fields), nil
}

// afterDiff is a created row's audit diff: its non-null fields but the bookkeeping ones.
func afterDiff(fields map[string]json.RawMessage) []byte {
	o := jsonOut{b: make([]byte, 0, 1024)}
	o.raw("{")
	for k, v := range fields {
		if auditSkipped[k] || string(v) == "null" {
			continue
		}
		o.key(k)
		o.raw(`{"after":`)
		o.raw(string(v))
		o.raw("}")
	}
	o.raw("}")
	return o.b
}

// lineDiff is an order line's audit diff, but its order_id (added as it is inserted).
func lineDiff(l checkoutLine, tenantID int64) (string, error) {
	b, err := json.Marshal(map[string]map[string]any{
		"sku": {"after": l.sku}, "title": {"after": l.title}, "total": {"after": l.unitPrice * l.quantity},
		"quantity": {"after": l.quantity}, "tenant_id": {"after": tenantID}, "unit_price": {"after": l.unitPrice},
		"variant_id": {"after": l.variant},
	})
	return string(b), err
}
