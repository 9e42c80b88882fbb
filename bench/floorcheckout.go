package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/cart"
)

// checkoutCart is a cart as completion reads it (checkoutReadSQL), with its lines.
type checkoutCart struct {
	id, revision, region      int64
	completed, held, open     bool
	email, currency, provider sql.NullString
	address, billing          []byte
	customer                  sql.NullInt64
	optionID                  sql.NullInt64
	optionOK                  bool
	optionName                sql.NullString
	shipping                  sql.NullInt64
	regionCurrency            string
	taxBps                    int
	inclusive                 bool
	lines                     []checkoutLine
}

// checkoutLine is a cart line, by variant, with what the catalog says of it now.
type checkoutLine struct {
	variant, quantity, unitPrice int64
	title, sku                   string
	current, vendor              bool
}

// checkoutReadSQL reads the cart, its store's status, region, shipping option and lines,
// each line with whether the store sells it now at its price: what the API's completion
// reads in its cart load, its shelf (cart.Refresh) and from its region and shipping
// option caches, in one statement.
const checkoutReadSQL = `SELECT c.id, c.revision, c.completed_at IS NOT NULL, c.held_at IS NOT NULL, ` + storeOpen + `,
	c.email, c.currency_code, c.payment_provider, c.shipping_address, c.billing_address, c.customer_id, c.shipping_option_id,
	COALESCE(o.region_id = c.region_id AND o.tenant_id = c.tenant_id, false), o.name, o.amount,
	r.currency_code, r.tax_rate_bps, r.tax_inclusive,
	li.variant_id, li.quantity, li.unit_price, li.title, li.sku,
	` + cart.SoldIn + ` AND li.unit_price IS NOT DISTINCT FROM ` + priceOf + `, p.vendor_id IS NOT NULL
FROM carts c JOIN stores s ON s.id = c.store_id JOIN tenants t ON t.id = s.tenant_id JOIN regions r ON r.id = c.region_id
LEFT JOIN shipping_options o ON o.id = c.shipping_option_id
LEFT JOIN line_items li ON li.cart_id = c.id
LEFT JOIN product_variants v ON v.id = li.variant_id
LEFT JOIN products p ON p.id = v.product_id
WHERE c.token = $1 AND c.tenant_id = $2 AND c.store_id = $3
ORDER BY li.variant_id, li.id`

func (fc *floorCheckout) readCart(ctx context.Context, st floorStore, token int64) (*checkoutCart, error) {
	rows, err := fc.stmts[checkoutReadSQL].QueryContext(ctx, token, st.tenantID, st.id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var c *checkoutCart
	for rows.Next() {
		var (
			r                checkoutCart
			variant, qty, up sql.NullInt64
			title, sku       sql.NullString
			current, vendor  sql.NullBool
		)
		if err := rows.Scan(&r.id, &r.revision, &r.completed, &r.held, &r.open, &r.email, &r.currency, &r.provider,
			&r.address, &r.billing, &r.customer, &r.optionID, &r.optionOK, &r.optionName, &r.shipping, &r.regionCurrency, &r.taxBps, &r.inclusive,
			&variant, &qty, &up, &title, &sku, &current, &vendor); err != nil {
			return nil, err
		}
		if c == nil {
			c = &r
		}
		if variant.Valid {
			c.lines = append(c.lines, checkoutLine{variant: variant.Int64, quantity: qty.Int64, unitPrice: up.Int64,
				title: title.String, sku: sku.String, current: current.Bool, vendor: vendor.Bool})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if c == nil {
		return nil, errors.New("cart not found")
	}
	return c, nil
}

// ready checks the cart may be completed as the API's plan does, and computes its totals.
func (c *checkoutCart) ready() (cart.Totals, error) {
	var a address.Address
	switch {
	case !c.open:
		return cart.Totals{}, errors.New("the store is not taking orders")
	case len(c.lines) == 0:
		return cart.Totals{}, errors.New("the cart has no items")
	case c.email.String == "":
		return cart.Totals{}, errors.New("the cart needs an email")
	case c.address == nil:
		return cart.Totals{}, errors.New("the cart needs a shipping address")
	case !c.optionID.Valid:
		return cart.Totals{}, errors.New("the cart needs a shipping method")
	case !c.optionOK:
		return cart.Totals{}, errors.New("the shipping method is not offered in the cart's region")
	case c.regionCurrency != c.currency.String:
		return cart.Totals{}, errors.New("the cart's currency is not its region's")
	case c.provider.String != "" && c.provider.String != "manual":
		return cart.Totals{}, errors.New("the floor pays with the manual provider only")
	}
	if err := json.Unmarshal(c.address, &a); err != nil {
		return cart.Totals{}, err
	}
	if err := a.Validate("shippingAddress"); err != nil {
		return cart.Totals{}, err
	}
	lines := make([]cart.Line, len(c.lines))
	for i, l := range c.lines {
		if !l.current {
			return cart.Totals{}, errors.New("CART_CHANGED: the cart's lines are not as the catalog sells them now")
		}
		if l.vendor {
			return cart.Totals{}, errors.New("the floor places orders of the tenant's own products only (no vendor split)")
		}
		lines[i] = cart.Line{UnitPrice: l.unitPrice, Quantity: int(l.quantity)}
	}
	return cart.Compute(lines, c.shipping.Int64, c.taxBps, c.inclusive)
}

// bumpCounterAsync takes the store's next order number, autocommitted without waiting
// for the disk, as checkout/number.go does: the order's own synchronous commit flushes it.
const bumpCounterAsync = `WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE stores SET order_seq = order_seq + 1 FROM async WHERE stores.id = $1 RETURNING order_seq`

// placeSQL places the order in one statement of the order's transaction: the cart is
// claimed (open, not held, at the revision read), and only then the order is inserted
// with its lines, each line's units reserved from the first level of its variant that
// has them all (inventory/reserve_once.go), and the records the API's audit hook and
// outbox write: an audit row for the order and one for each line, and order.placed with
// the order as its payload. It answers the order's id (NULL when the claim failed), the
// reservations written, the lines whose variant tracks stock, and the records written.
const placeSQL = `WITH claim AS (
	UPDATE carts SET completed_at = $1, updated_at = $1
	WHERE id = $2 AND completed_at IS NULL AND held_at IS NULL AND revision = $3 RETURNING id),
ord AS (INSERT INTO orders (created_at, updated_at, display_id, cart_id, idempotency_key, email, status, payment_status,
		fulfillment_status, currency_code, subtotal, shipping_total, tax_total, total, refunded_total, payment_provider,
		payment_reference, shipping_method, shipping_address, billing_address, customer_id, tenant_id, store_id, version)
	SELECT $1, $1, $6, claim.id, $7, $8, 'pending', 'authorized', 'not_fulfilled', $9, $10, $11, $12, $13, 0, 'manual',
		$14, $15, $16, $26, $27, $4, $5, 1 FROM claim RETURNING id),
want AS (SELECT * FROM unnest($17::bigint[], $18::text[], $19::text[], $20::bigint[], $21::bigint[], $22::jsonb[])
	WITH ORDINALITY AS w(variant_id, title, sku, quantity, unit_price, diff, n)),
items AS (INSERT INTO order_line_items (variant_id, title, sku, quantity, unit_price, total, order_id, tenant_id)
	SELECT w.variant_id, w.title, w.sku, w.quantity, w.unit_price, w.unit_price * w.quantity, ord.id, $4
	FROM ord, want w ORDER BY w.n RETURNING id, variant_id),
level AS (UPDATE inventory_levels l SET reserved_quantity = l.reserved_quantity + w.quantity, updated_at = $1
	FROM ord, want w JOIN product_variants v ON v.id = w.variant_id AND v.manage_inventory
	WHERE l.id = (SELECT id FROM inventory_levels WHERE variant_id = w.variant_id
		AND stocked_quantity > reserved_quantity ORDER BY id LIMIT 1)
	AND l.stocked_quantity - l.reserved_quantity >= w.quantity
	RETURNING l.id, l.tenant_id, w.quantity),
held AS (INSERT INTO reservations (created_at, updated_at, tenant_id, inventory_level_id, quantity, order_id)
	SELECT $1, $1, level.tenant_id, level.id, level.quantity, ord.id FROM level, ord RETURNING id),
audit AS (INSERT INTO audit_logs (tenant_id, store_id, actor, action, entity_type, entity_id, diff, request_id, created_at)
	SELECT tenant_id, store_id, 'system:checkout', 'create', entity_type, entity_id, diff, $24, $1 FROM (
		SELECT $4::bigint, $5::bigint, 'Order', ord.id, $23::jsonb, 0::bigint FROM ord
		UNION ALL
		SELECT $4, NULL, 'OrderLineItem', items.id,
			w.diff || jsonb_build_object('order_id', jsonb_build_object('after', ord.id)), w.n
		FROM ord, items JOIN want w ON w.variant_id = items.variant_id
	) AS rows (tenant_id, store_id, entity_type, entity_id, diff, n) ORDER BY n
	RETURNING id),
event AS (INSERT INTO outbox_events (created_at, updated_at, tenant_id, topic, payload, store_id, aggregate_type, aggregate_id, sequence)
	SELECT $1, $1, $4, 'order.placed', $25::jsonb || jsonb_build_object('id', ord.id), $5, 'order', ord.id, 1 FROM ord
	RETURNING id)
SELECT (SELECT id FROM ord), (SELECT count(*) FROM held),
	(SELECT count(*) FROM want w JOIN product_variants v ON v.id = w.variant_id WHERE v.manage_inventory),
	(SELECT count(*) FROM audit) + (SELECT count(*) FROM event)`

// completeTries bounds how often completion reads a cart again that changed meanwhile.
const completeTries = 3

var errCartMoved = errors.New("the cart changed while it was being completed")

// complete answers completeCart: the cart read and checked (one statement), the
// store's order number taken (one, autocommitted), then the order placed in one
// transaction of one statement (placeSQL), committed synchronously.
func (fc *floorCheckout) complete(ctx context.Context, st floorStore, cartID, key string) ([]byte, error) {
	token, err := strconv.ParseInt(cartID, 10, 64)
	if err != nil {
		return nil, err
	}
	if key == "" || len(key) > 200 {
		return nil, errors.New("idempotencyKey must be 1 to 200 characters")
	}
	requestID := uuid.NewString()
	var number int64 // taken once: a try that rolled back placed no order with it
	for range completeTries {
		c, err := fc.readCart(ctx, st, token)
		if err != nil {
			return nil, err
		}
		if c.completed {
			return fc.placedOrder(ctx, st, c.id, key)
		}
		if c.held {
			return nil, errors.New("the cart waits on an approval request or a quote")
		}
		t, err := c.ready()
		if err != nil {
			return nil, err
		}
		if number == 0 {
			if err := fc.stmts[bumpCounterAsync].QueryRowContext(ctx, st.id).Scan(&number); err != nil {
				return nil, err
			}
		}
		id, err := fc.place(ctx, st, c, t, number, key, requestID)
		if errors.Is(err, errCartMoved) {
			continue
		}
		var pqErr *pq.Error
		if errors.As(err, &pqErr) && pqErr.Code == "23505" { // a twin placed the cart's order first
			return fc.placedOrder(ctx, st, c.id, key)
		}
		if err != nil {
			return nil, err
		}
		return orderAnswer(id, number, t.Total), nil
	}
	return nil, errCartMoved
}

// place runs placeSQL in its transaction and commits it, or rolls it back when the cart
// moved or the stock fell short.
func (fc *floorCheckout) place(ctx context.Context, st floorStore, c *checkoutCart, t cart.Totals, number int64, key, requestID string) (int64, error) {
	now := time.Now()
	reference := "manual:cart-" + strconv.FormatInt(c.id, 10) + ":" + key
	o := placedRow{CreatedAt: now, UpdatedAt: now, DisplayID: number, CartID: c.id, IdempotencyKey: key,
		Email: c.email.String, Status: "pending", PaymentStatus: "authorized", FulfillmentStatus: "not_fulfilled",
		CurrencyCode: c.currency.String, Subtotal: t.Subtotal, ShippingTotal: t.Shipping, TaxTotal: t.Tax, Total: t.Total,
		PaymentProvider: "manual", PaymentReference: reference, ShippingMethod: c.optionName.String,
		ShippingAddress: c.address, BillingAddress: c.billing, TenantID: st.tenantID, StoreID: st.id, Version: 1}
	if c.customer.Valid {
		o.CustomerID = &c.customer.Int64
	}
	payload, diff, err := o.records()
	if err != nil {
		return 0, err
	}
	n := len(c.lines)
	variants, quantities, prices := make([]int64, n), make([]int64, n), make([]int64, n)
	titles, skus, diffs := make([]string, n), make([]string, n), make([]string, n)
	for i, l := range c.lines {
		variants[i], quantities[i], prices[i], titles[i], skus[i] = l.variant, l.quantity, l.unitPrice, l.title, l.sku
		if diffs[i], err = lineDiff(l, st.tenantID); err != nil {
			return 0, err
		}
	}
	tx, err := fc.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }() // a no-op once committed
	var (
		id                     sql.NullInt64
		held, tracked, records int64
	)
	err = tx.StmtContext(ctx, fc.stmts[placeSQL]).QueryRowContext(ctx, now, c.id, c.revision, st.tenantID, st.id, number, key, c.email.String,
		c.currency.String, t.Subtotal, t.Shipping, t.Tax, t.Total, reference, c.optionName.String, c.address,
		pq.Array(variants), pq.Array(titles), pq.Array(skus), pq.Array(quantities), pq.Array(prices), pq.Array(diffs),
		diff, requestID, payload, c.billing, c.customer).Scan(&id, &held, &tracked, &records)
	switch {
	case err != nil:
		return 0, err
	case !id.Valid:
		return 0, errCartMoved
	case held < tracked:
		// The API then reserves across levels or as a backorder; the bench's stock is on
		// one level per variant, so the floor stops here.
		return 0, fmt.Errorf("out of stock: %d of %d lines could be reserved on one level", held, tracked)
	case records != int64(n)+2:
		return 0, fmt.Errorf("wrote %d audit rows and events, want %d", records, n+2)
	}
	return id.Int64, tx.Commit()
}

// placedOrder answers the order a completed cart became, when it was placed with key.
func (fc *floorCheckout) placedOrder(ctx context.Context, st floorStore, cartID int64, key string) ([]byte, error) {
	var (
		id, display, total int64
		placedKey          string
	)
	err := fc.db.QueryRowContext(ctx, `SELECT id, display_id, total, idempotency_key FROM orders WHERE cart_id = $1 AND tenant_id = $2`,
		cartID, st.tenantID).Scan(&id, &display, &total, &placedKey)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, errors.New("the cart was already completed")
	case err != nil:
		return nil, err
	case placedKey != key:
		return nil, errors.New("the cart was already completed with another idempotency key")
	}
	return orderAnswer(id, display, total), nil
}

func orderAnswer(id, display, total int64) []byte {
	o := jsonOut{b: make([]byte, 0, 96)}
	o.raw(`{"data":{"completeCart":{"id":`)
	o.id(id)
	o.raw(`,"displayID":`)
	o.int(display)
	o.raw(`,"total":`)
	o.int(total)
	o.raw("}}}")
	return o.b
}
