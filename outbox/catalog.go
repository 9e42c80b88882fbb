package outbox

import (
	"fmt"
	"strings"
)

// Aggregates names the entity types that raise events and the aggregate each is known
// by outside: an event's type is "<aggregate>.<verb>" (see Topic). Every entity type is
// either here or in Silent; TestEveryEntityRaisesEvents enumerates the schema and fails
// for one that is neither. An evented entity carries schema.VersionMixin: its version is
// the event's sequence.
var Aggregates = map[string]string{
	"Tenant":              "tenant",
	"Store":               "store",
	"Domain":              "domain",
	"APIKey":              "api_key",
	"SalesChannel":        "sales_channel",
	"Product":             "product",
	"ProductCategory":     "product_category",
	"ProductCollection":   "product_collection",
	"ProductOption":       "product_option",
	"ProductVariant":      "variant",
	"Price":               "price",
	"Region":              "region",
	"ShippingOption":      "shipping_option",
	"StockLocation":       "stock_location",
	"InventoryLevel":      "inventory",
	"User":                "customer", // customer accounts only: staff accounts have no tenant (see Raise)
	"CustomerAddress":     "customer_address",
	"Order":               "order",
	"IntegrationEndpoint": "integration_endpoint",
	"Vendor":              "vendor",
	"Suborder":            "vendor_order", // the API's VendorOrder
	"CommissionRule":      "commission_rule",
	"CommissionLine":      "commission",
	"Payout":              "payout",
	"Company":             "company",
	"Employee":            "company_employee",
	"ApprovalRequest":     "approval",
	"Quote":               "quote",
	"TenantSubscription":  "tenant_subscription",
	"TenantInvoice":       "tenant_invoice",
	"Subscription":        "subscription",
}

// Silent lists the entity types whose changes raise no event, and why.
var Silent = map[string]string{
	"AuditLog":    "the audit log itself",
	"OutboxEvent": "the events themselves",
	// A basket changes with every click; what it becomes, the order, raises order.placed.
	"Cart":     "shopper session state, not a change to the business",
	"LineItem": "a cart's lines: shopper session state",
	"Reservation": "stock held for an order, moved only by the order's own steps " +
		"(order.placed, order.canceled, order.shipped)",
	// The order's lines and fulfilments are parts of the order aggregate: written with it
	// and described by its events, which consumers follow by reading the order.
	"OrderLineItem":  "an order's lines, written once with the order (order.placed) and never changed",
	"Fulfillment":    "an order's fulfilment, raised as order.fulfilled, order.shipped and order.delivered",
	"RefreshToken":   "sign-in session state of one user, not tenant-owned data",
	"SubdomainClaim": "the platform's index of subdomains taken; the owning tenant's or store's change raises its event",
	// Staff access is the platform's business, kept in the audit log; no outside system
	// of a tenant acts on it, and an invitation's row exists to carry a token.
	"Membership": "staff access to a tenant, recorded in the audit log",
	"Invitation": "a pending staff invitation (it carries a token); the membership it becomes is audited",
	// The taxonomy belongs to the platform, not to a tenant: no tenant's endpoint hears it.
	"Country":     "platform reference data, owned by no tenant",
	"Scope":       "platform reference data, owned by no tenant",
	"Category":    "platform reference data, owned by no tenant",
	"Subcategory": "platform reference data, owned by no tenant",
	"Plan":        "the platform's price list, owned by no tenant; a tenant's move to another plan raises tenant_subscription.updated",
	// The event pipeline's own records: an event per delivery attempt would itself be
	// delivered, feeding itself; what inbound requests change raises its own events.
	"WebhookDelivery": "the log of delivery attempts of events",
	"InboundWebhook":  "the log of requests other systems pushed; the changes they apply raise their events",
	"SyncJob":         "a sync job's progress; what it sends are the snapshot events",
	// A message is written with a change of its quote (its updated_at), which raises quote.updated.
	"QuoteMessage": "a message of a quote's thread, raised as its quote's quote.updated",
	// A period is settled in the transaction that moves its subscription on.
	"SubscriptionRenewal": "a subscription's period, raised as its subscription's subscription.renewed or .payment_failed",
	// Written only through a product's or a channel's edges, which raise their row's event.
	"ProductSalesChannel": "a product's place in a sales channel, raised as its channel's or product's .updated",
}

// Raises reports whether changes of entity type typ raise events.
func Raises(typ string) bool {
	_, ok := Aggregates[typ]
	return ok
}

// The actions of a change, as the audit hook names them.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
)

// Topic is the event type of c: "<aggregate>.created|updated|deleted", or the semantic
// event a transition of the row's state stands for (see semantic).
func Topic(c Change) string {
	agg := Aggregates[c.Type]
	switch c.Action {
	case ActionCreate:
		if c.Type == "Order" {
			return OrderPlaced
		}
		return agg + ".created"
	case ActionDelete:
		return agg + ".deleted"
	}
	if t := semantic(c); t != "" {
		return t
	}
	return agg + ".updated"
}

// Order topics (every other topic is built by Topic).
const (
	OrderPlaced          = "order.placed"
	OrderCanceled        = "order.canceled"
	OrderPaymentCaptured = "order.payment_captured"
	OrderPaymentRefunded = "order.payment_refunded"
	OrderFulfilled       = "order.fulfilled"
	OrderShipped         = "order.shipped"
	OrderDelivered       = "order.delivered"
	DomainVerified       = "domain.verified"
	InventoryChanged     = "inventory.level_changed"
	EndpointDisabled     = "integration_endpoint.disabled"
	VendorApproved       = "vendor.approved"
	VendorRejected       = "vendor.rejected"
	VendorSuspended      = "vendor.suspended"
	PayoutPaid           = "payout.paid"
	PayoutFailed         = "payout.failed"
	ApprovalApproved     = "approval.approved"
	ApprovalRejected     = "approval.rejected"
	ApprovalCanceled     = "approval.canceled"
	ApprovalExpired      = "approval.expired"
	QuoteResponded       = "quote.responded"
	QuoteAccepted        = "quote.accepted"
	QuoteDeclined        = "quote.declined"
	QuoteExpired         = "quote.expired"
	// A customer's subscription (recurring order): renewed carries last_order_id, the
	// order placed for the period; payment_failed its failed_attempts and retry_at.
	SubscriptionRenewed       = "subscription.renewed"
	SubscriptionSkipped       = "subscription.skipped"
	SubscriptionPaymentFailed = "subscription.payment_failed"
	SubscriptionPaused        = "subscription.paused"
	SubscriptionResumed       = "subscription.resumed"
	SubscriptionCanceled      = "subscription.canceled"
	// A vendor order's (Suborder's) steps. vendor_order.refunded and .canceled carry the
	// row, whose refunded_total is the vendor order's running total of money given back:
	// a consumer reverses what it grew by since the last it handled (a cancel of an
	// unpaid part counts its remainder as given back; see orders.CancelSuborder).
	VendorOrderCanceled  = "vendor_order.canceled"
	VendorOrderRefunded  = "vendor_order.refunded"
	VendorOrderFulfilled = "vendor_order.fulfilled"
	VendorOrderShipped   = "vendor_order.shipped"
	VendorOrderDelivered = "vendor_order.delivered"
)

// semantic names the transition an update makes, "" for a plain update. One change
// raises one event (one sequence number); when an update makes several transitions at
// once (a cancellation that refunds), the first of this list names it and the payload
// shows the rest.
func semantic(c Change) string {
	became := func(field string, values ...string) bool {
		old, changed := c.Before[field]
		now := fmt.Sprint(c.Row[field])
		if !changed || fmt.Sprint(old) == now {
			return false
		}
		for _, v := range values {
			if now == v {
				return true
			}
		}
		return len(values) == 0
	}
	switch c.Type {
	case "Order":
		switch {
		case became("status", "canceled"):
			return OrderCanceled
		case became("refunded_total"):
			return OrderPaymentRefunded
		case became("payment_status", "captured"):
			return OrderPaymentCaptured
		case became("fulfillment_status", "delivered"):
			return OrderDelivered
		case became("fulfillment_status", "shipped"):
			return OrderShipped
		case became("fulfillment_status", "fulfilled"):
			return OrderFulfilled
		}
	case "Suborder":
		switch {
		case became("status", "canceled"):
			return VendorOrderCanceled
		case became("refunded_total"):
			return VendorOrderRefunded
		case became("fulfillment_status", "delivered"):
			return VendorOrderDelivered
		case became("fulfillment_status", "shipped"):
			return VendorOrderShipped
		case became("fulfillment_status", "fulfilled"):
			return VendorOrderFulfilled
		}
	case "Domain":
		if became("status", "verified") {
			return DomainVerified
		}
	case "IntegrationEndpoint":
		if became("enabled", "false") {
			return EndpointDisabled
		}
	case "Vendor":
		// A suspended vendor reinstated is approved again.
		switch {
		case became("status", "active"):
			return VendorApproved
		case became("status", "rejected"):
			return VendorRejected
		case became("status", "suspended"):
			return VendorSuspended
		}
	case "Payout":
		switch {
		case became("status", "paid"):
			return PayoutPaid
		case became("status", "failed"):
			return PayoutFailed
		}
	case "ApprovalRequest":
		switch {
		case became("status", "approved"):
			return ApprovalApproved
		case became("status", "rejected"):
			return ApprovalRejected
		case became("status", "canceled"):
			return ApprovalCanceled
		case became("status", "expired"):
			return ApprovalExpired
		}
	case "Quote":
		switch {
		case became("status", "responded"):
			return QuoteResponded
		case became("status", "accepted"):
			return QuoteAccepted
		case became("status", "declined"):
			return QuoteDeclined
		case became("status", "expired"):
			return QuoteExpired
		}
	case "Subscription":
		switch {
		case became("status", "canceled"):
			return SubscriptionCanceled
		case became("status", "paused"):
			return SubscriptionPaused
		case became("status", "active"):
			return SubscriptionResumed
		case became("last_order_id"):
			return SubscriptionRenewed
		case became("failed_attempts") && fmt.Sprint(c.Row["failed_attempts"]) != "0":
			return SubscriptionPaymentFailed
		case became("skip_next", "false"):
			return SubscriptionSkipped
		}
	case "InventoryLevel":
		return InventoryChanged
	}
	return ""
}

// generic reports a plain "<aggregate>.updated" topic: within one transaction it is
// folded into the aggregate's earlier event (see buffer.add).
func generic(topic string) bool { return strings.HasSuffix(topic, ".updated") }
