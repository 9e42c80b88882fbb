package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/cart"
)

// benchEmail is the e-mail the checkout's createCart document writes into the cart.
const benchEmail = "bench@example.com"

// storeOpen is the SQL saying store s of tenant t takes orders (storefront.Open).
const storeOpen = `(s.status = 'active' AND t.status NOT IN ('suspended', 'inactive'))`

// priceOf is the SQL for the price a shopper pays for variant v in the cart c's region:
// the region's own, else the currency's first (pricing.Choose).
const priceOf = `(SELECT pr.amount FROM prices pr WHERE pr.variant_id = v.id AND pr.currency_code = c.currency_code
	AND (pr.region_id = c.region_id OR pr.region_id IS NULL) ORDER BY pr.region_id IS NULL, pr.id LIMIT 1)`

// createCart opens a cart in the store, priced in the region's currency, in one
// INSERT that also checks the region is the store's tenant's. The cart's id is its token,
// as the API answers it.
func (fc *floorCheckout) createCart(ctx context.Context, st floorStore, region string) ([]byte, error) {
	regionID, err := strconv.ParseInt(region, 10, 64)
	if err != nil {
		return nil, err
	}
	token, err := cart.NewToken()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	res, err := fc.stmts[createCartSQL].ExecContext(ctx, now, token, benchEmail, st.tenantID, st.id, regionID)
	if err != nil {
		return nil, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return nil, errors.New("regionId is not a region of the store's tenant")
	}
	o := jsonOut{b: make([]byte, 0, 64)}
	o.raw(`{"data":{"createCart":{"id":`)
	o.id(int64(token))
	o.raw("}}}")
	return o.b, nil
}

const createCartSQL = `INSERT INTO carts (created_at, updated_at, token, currency_code, email, tenant_id, store_id, region_id, revision)
	SELECT $1, $1, $2, r.currency_code, $3, $4, $5, r.id, 0 FROM regions r WHERE r.id = $6 AND r.tenant_id = $4`

// fillChanges is how many changes of the cart the fill document makes (a line, the
// address, the shipping method): the API adds one to the cart's revision for each, so
// the floor's cart row ends at the same revision.
const fillChanges = 3

// fillSQL is the fill document in one statement, which is its own transaction. The cart
// (open, of this store) is changed only at the revision this statement read it at, and
// only when every check passes: the store takes orders, the variant is sold in it and
// priced in the cart's currency, its unreserved units cover the line, the cart's other
// lines are as the catalog sells them now, and the shipping option is one of the cart's
// region. The line is then added (or its quantity raised, when the cart holds the
// variant already) and the cart's revision, address and shipping option written. A change
// of the cart committed meanwhile makes the UPDATE find another revision and write
// nothing: the caller reads again, as the API, which locks the cart first, would wait.
var fillSQL = `WITH c AS (
	SELECT c.id, c.region_id, c.currency_code, c.revision FROM carts c
	WHERE c.token = $1 AND c.tenant_id = $2 AND c.store_id = $3 AND c.completed_at IS NULL AND c.held_at IS NULL),
shop AS (SELECT ` + storeOpen + ` AS open, s.id, s.tenant_id FROM stores s JOIN tenants t ON t.id = s.tenant_id WHERE s.id = $3),
v AS (SELECT v.id, v.sku, v.title, p.title AS product_title, v.manage_inventory AND NOT v.allow_backorder AS tracks,
	` + cart.SoldIn + ` AS sold, ` + cart.UnreservedOf("v.id") + ` AS unreserved, ` + priceOf + ` AS price
	FROM product_variants v JOIN products p ON p.id = v.product_id CROSS JOIN shop s CROSS JOIN c WHERE v.id = $4),
old AS (SELECT li.id, li.variant_id, li.quantity, li.unit_price,
	(SELECT ` + cart.SoldIn + ` FROM products p WHERE p.id = v.product_id) AND li.unit_price IS NOT DISTINCT FROM ` + priceOf + ` AS current
	FROM line_items li JOIN c ON li.cart_id = c.id JOIN product_variants v ON v.id = li.variant_id CROSS JOIN shop s),
opt AS (SELECT o.id, o.amount FROM shipping_options o JOIN c ON o.region_id = c.region_id WHERE o.id = $5 AND o.tenant_id = $2),
want AS (SELECT 1 + COALESCE((SELECT quantity FROM old WHERE variant_id = $4), 0) AS quantity),
ok AS (SELECT c.id, c.revision FROM c, shop, v, opt, want WHERE shop.open AND v.sold AND v.price IS NOT NULL
	AND want.quantity <= ` + maxQuantity + ` AND (NOT v.tracks OR v.unreserved >= want.quantity)
	AND NOT EXISTS (SELECT 1 FROM old WHERE NOT old.current)),
saved AS (UPDATE carts SET revision = carts.revision + ` + strconv.Itoa(fillChanges) + `, updated_at = $7,
		shipping_address = $6, shipping_option_id = $5
	FROM ok WHERE carts.id = ok.id AND carts.revision = ok.revision AND carts.completed_at IS NULL AND carts.held_at IS NULL
	RETURNING carts.id),
raised AS (UPDATE line_items SET quantity = quantity + 1, updated_at = $7 FROM saved
	WHERE line_items.cart_id = saved.id AND line_items.variant_id = $4 RETURNING line_items.id),
added AS (INSERT INTO line_items (created_at, updated_at, title, sku, quantity, unit_price, cart_id, tenant_id, variant_id)
	SELECT $7, $7, CASE WHEN v.title <> '' AND v.title <> 'Default' THEN v.product_title || ' / ' || v.title ELSE v.product_title END,
		v.sku, 1, v.price, saved.id, $2, v.id
	FROM saved, v WHERE NOT EXISTS (SELECT 1 FROM old WHERE variant_id = $4) RETURNING id)
SELECT (SELECT count(*) FROM c), COALESCE((SELECT open FROM shop), false), COALESCE((SELECT sold FROM v), false),
	(SELECT price FROM v), (SELECT tracks AND unreserved < (SELECT quantity FROM want) FROM v),
	EXISTS (SELECT 1 FROM old WHERE NOT old.current), (SELECT amount FROM opt),
	(SELECT count(*) FROM saved), COALESCE((SELECT SUM(unit_price * quantity) FROM old), 0),
	r.tax_rate_bps, r.tax_inclusive
FROM regions r WHERE r.id = (SELECT region_id FROM c)`

var maxQuantity = strconv.Itoa(cart.MaxQuantity)

// fillInput are the fill document's variables.
type fillInput struct {
	Cart, Variant, Option string
	Address               json.RawMessage
}

// fillTries bounds how often the fill reads a cart again that changed meanwhile.
const fillTries = 3

// fill answers the fill document: one unit of a variant, the shipping address and
// the shipping method, in one statement (fillSQL); its answer is the cart's total.
func (fc *floorCheckout) fill(ctx context.Context, st floorStore, in fillInput) ([]byte, error) {
	token, err1 := strconv.ParseInt(in.Cart, 10, 64)
	variant, err2 := strconv.ParseInt(in.Variant, 10, 64)
	option, err3 := strconv.ParseInt(in.Option, 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, err
	}
	var a address.Address
	if err := json.Unmarshal(in.Address, &a); err != nil {
		return nil, err
	}
	a = a.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	addr, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	for range fillTries {
		var (
			carts, saved            int64
			open, sold, stale       bool
			price, shipping, taxBps sql.NullInt64
			short                   sql.NullBool
			others                  int64
			inclusive               bool
		)
		err := fc.stmts[fillSQL].QueryRowContext(ctx, token, st.tenantID, st.id, variant, option, addr, time.Now()).
			Scan(&carts, &open, &sold, &price, &short, &stale, &shipping, &saved, &others, &taxBps, &inclusive)
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && carts == 0):
			return nil, errors.New("cart not found, or completed")
		case err != nil:
			return nil, err
		case !open:
			return nil, errors.New("the store is not taking orders")
		case stale:
			return nil, errors.New("CART_CHANGED: the cart's lines are not as the catalog sells them now")
		case !sold:
			return nil, errors.New("variant not found in this store")
		case !price.Valid:
			return nil, errors.New("the variant has no price in the cart's currency")
		case short.Bool:
			return nil, errors.New("not enough units in stock")
		case !shipping.Valid:
			return nil, errors.New("shippingOptionId is not a shipping option of the cart's region")
		case saved == 0:
			continue // changed meanwhile: read it again
		}
		t, err := cart.Compute([]cart.Line{{UnitPrice: others + price.Int64, Quantity: 1}}, shipping.Int64, int(taxBps.Int64), inclusive)
		if err != nil {
			return nil, err
		}
		o := jsonOut{b: make([]byte, 0, 128)}
		o.raw(`{"data":{"i0":{"id":`)
		o.id(token)
		o.raw(`},"setShippingAddress":{"id":`)
		o.id(token)
		o.raw(`},"setShippingMethod":{"total":`)
		o.int(t.Total)
		o.raw("}}}")
		return o.b, nil
	}
	return nil, errors.New("the cart kept changing while it was being filled")
}
