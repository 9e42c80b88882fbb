package audit

// Unaudited lists the entity types whose changes write no audit row, and why: state of
// shoppers' sessions and the platform's own plumbing, not changes to a business. Every
// other entity writes a row on create, update and delete; TestEveryEntityIsAudited
// enumerates the schema and fails for one that neither writes rows nor is listed here.
var Unaudited = map[string]string{
	"AuditLog": "the log itself",
	// A basket changes with every click of a shopper; checkout's cost is benchmarked
	// (checkout/statements_test.go). What it becomes, the order, is audited.
	"Cart":     "shopper session state, not a change to the business",
	"LineItem": "a cart's lines: shopper session state",
	// Held at checkout per line and released by cancellation or shipping; the order's
	// rows record those, and stock levels' stocked quantities are audited.
	"Reservation": "stock held for an order, moved only by the order's own audited steps",
	"OutboxEvent": "events raised by changes that are themselves audited",
	// Each row is itself the record of a request; the changes it applies are audited
	// with the endpoint as their actor.
	"InboundWebhook": "the record of a received webhook; the changes it applies are audited",
	"RefreshToken":   "sign-in session state of one user, not tenant-owned data",
	// The claim mirrors a tenant's or store's subdomain, whose change is audited on that row.
	// Each attempt is itself the record of what the platform did; the endpoint changes
	// they cause (disabled, its dead streak) are audited on the endpoint.
	"WebhookDelivery": "the delivery log itself: one row per attempt to send an event",
	"SubdomainClaim":  "the platform's index of subdomains taken; the owning row's change is audited",
	// Written only through a product's or a channel's edges, whose change is audited
	// on that row (its edge changes); the row itself is never changed.
	"ProductSalesChannel": "a product's place in a sales channel, audited as its product's or channel's edge change",
}
