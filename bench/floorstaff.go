package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/lib/pq"

	"github.com/dakkah/cityos/auth"
)

// floorAdmin is the tenant a bearer token's user administers: the token checked as the
// API checks it, the user active and a tenant admin.
func floorAdmin(ctx context.Context, db *sql.DB, issuer *auth.Issuer, authorization string) (int64, error) {
	token, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok {
		return 0, errors.New("no bearer token")
	}
	claims, err := issuer.ParseAccess(token)
	if err != nil {
		return 0, err
	}
	var tenantID int64
	err = db.QueryRowContext(ctx, `SELECT m.tenant_id FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.user_id = $1 AND m.role = 'tenant_admin' AND u.status = 'active' AND m.tenant_id IS NOT NULL
		ORDER BY m.id LIMIT 1`, claims.UserID).Scan(&tenantID)
	return tenantID, err
}

// floorOrders answers a tenant admin's first 50 orders with their items.
func floorOrders(ctx context.Context, db *sql.DB, tenantID int64) ([]byte, error) {
	// Counted on their own: a window count over a tenant's every order would read them
	// all for a page of 50.
	var total int64
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM orders WHERE tenant_id = $1`, tenantID).Scan(&total); err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT id, display_id, status, payment_status, fulfillment_status, currency_code,
		total, email, customer_id, shipping_address FROM orders WHERE tenant_id = $1 ORDER BY id LIMIT 50`, tenantID)
	if err != nil {
		return nil, err
	}
	type order struct {
		id, display, total                    int64
		status, payment, fulfilment, currency string
		email                                 sql.NullString
		customer                              sql.NullInt64
		address                               []byte
	}
	var page []order
	for rows.Next() {
		var o order
		if err := rows.Scan(&o.id, &o.display, &o.status, &o.payment, &o.fulfilment, &o.currency, &o.total, &o.email,
			&o.customer, &o.address); err != nil {
			rows.Close()
			return nil, err
		}
		page = append(page, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids := make([]int64, len(page))
	for i, o := range page {
		ids[i] = o.id
	}
	items, err := floorOrderItems(ctx, db, tenantID, ids)
	if err != nil {
		return nil, err
	}
	out := jsonOut{b: make([]byte, 0, 64<<10)}
	out.connection("orders", total)
	for _, o := range page {
		out.node(o.id)
		out.raw(`,"displayID":`)
		out.int(o.display)
		for _, f := range []struct{ k, v string }{{"status", o.status}, {"paymentStatus", o.payment},
			{"fulfillmentStatus", o.fulfilment}, {"currencyCode", o.currency}} {
			out.key(f.k)
			out.str(f.v)
		}
		out.raw(`,"total":`)
		out.int(o.total)
		out.raw(`,"email":`)
		out.nullStr(o.email.String, o.email.Valid)
		out.raw(`,"customerID":`)
		if o.customer.Valid {
			out.id(o.customer.Int64)
		} else {
			out.raw("null")
		}
		out.raw(`,"shippingAddress":`)
		if err := out.address(o.address); err != nil {
			return nil, err
		}
		out.raw(`,"items":[`)
		out.b = append(out.b, items[o.id]...)
		out.raw("]}}")
	}
	out.raw("]}}}")
	return out.b, nil
}

// floorOrderItems writes each order's items, by order.
func floorOrderItems(ctx context.Context, db *sql.DB, tenantID int64, orderIDs []int64) (map[int64][]byte, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, order_id, title, sku, quantity, unit_price, total FROM order_line_items
		WHERE tenant_id = $1 AND order_id = ANY($2) ORDER BY id`, tenantID, pq.Array(orderIDs))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]byte{}
	for rows.Next() {
		var (
			id, order, qty, unit, total int64
			title, sku                  string
		)
		if err := rows.Scan(&id, &order, &title, &sku, &qty, &unit, &total); err != nil {
			return nil, err
		}
		o := jsonOut{b: out[order]}
		o.comma()
		o.raw(`{"id":`)
		o.id(id)
		o.raw(`,"title":`)
		o.str(title)
		o.raw(`,"sku":`)
		o.str(sku)
		o.raw(`,"quantity":`)
		o.int(qty)
		o.raw(`,"unitPrice":`)
		o.int(unit)
		o.raw(`,"total":`)
		o.int(total)
		o.raw("}")
		out[order] = o.b
	}
	return out, rows.Err()
}

func (o *jsonOut) address(raw []byte) error {
	if len(raw) == 0 || string(raw) == "null" {
		o.raw("null")
		return nil
	}
	var a struct{ FirstName, LastName, City, CountryCode string }
	if err := json.Unmarshal(raw, &a); err != nil {
		return err
	}
	o.raw(`{"firstName":`)
	o.str(a.FirstName)
	o.raw(`,"lastName":`)
	o.str(a.LastName)
	o.raw(`,"city":`)
	o.str(a.City)
	o.raw(`,"countryCode":`)
	o.str(a.CountryCode)
	o.raw("}")
	return nil
}

// floorStaffProducts answers a tenant admin's first 50 products with every variant's
// stock and prices.
func floorStaffProducts(ctx context.Context, db *sql.DB, tenantID int64) ([]byte, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, handle, title, status, thumbnail, COUNT(*) OVER () FROM products
		WHERE tenant_id = $1 ORDER BY id LIMIT 50`, tenantID)
	if err != nil {
		return nil, err
	}
	type prod struct {
		id                    int64
		handle, title, status string
		thumbnail             sql.NullString
	}
	var (
		page  []prod
		total int64
	)
	for rows.Next() {
		var p prod
		if err := rows.Scan(&p.id, &p.handle, &p.title, &p.status, &p.thumbnail, &total); err != nil {
			rows.Close()
			return nil, err
		}
		page = append(page, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids := make([]int64, len(page))
	for i, p := range page {
		ids[i] = p.id
	}
	vrows, err := db.QueryContext(ctx, `SELECT v.id, v.product_id, v.sku, v.title,
		COALESCE((SELECT SUM(GREATEST(l.stocked_quantity - l.reserved_quantity, 0)) FROM inventory_levels l WHERE l.variant_id = v.id), 0),
		COALESCE((SELECT json_agg(json_build_array(pr.amount, pr.currency_code) ORDER BY pr.id) FROM prices pr WHERE pr.variant_id = v.id), '[]')
		FROM product_variants v WHERE v.tenant_id = $1 AND v.product_id = ANY($2) ORDER BY v.id`, tenantID, pq.Array(ids))
	if err != nil {
		return nil, err
	}
	variants := map[int64][]byte{}
	for vrows.Next() {
		var (
			id, product, available int64
			sku, title             string
			prices                 []byte
		)
		if err := vrows.Scan(&id, &product, &sku, &title, &available, &prices); err != nil {
			vrows.Close()
			return nil, err
		}
		var list [][2]any
		if err := json.Unmarshal(prices, &list); err != nil {
			vrows.Close()
			return nil, err
		}
		o := jsonOut{b: variants[product]}
		o.comma()
		o.raw(`{"id":`)
		o.id(id)
		o.raw(`,"sku":`)
		o.str(sku)
		o.raw(`,"title":`)
		o.str(title)
		o.raw(`,"availableQuantity":`)
		o.int(available)
		o.raw(`,"prices":[`)
		for _, p := range list {
			o.comma()
			amount, _ := p[0].(float64)
			currency, _ := p[1].(string)
			o.raw(`{"amount":`)
			o.int(int64(amount))
			o.raw(`,"currencyCode":`)
			o.str(currency)
			o.raw("}")
		}
		o.raw("]}")
		variants[product] = o.b
	}
	vrows.Close()
	if err := vrows.Err(); err != nil {
		return nil, err
	}
	out := jsonOut{b: make([]byte, 0, 64<<10)}
	out.connection("products", total)
	for _, p := range page {
		out.node(p.id)
		out.raw(`,"handle":`)
		out.str(p.handle)
		out.raw(`,"title":`)
		out.str(p.title)
		out.raw(`,"status":`)
		out.str(p.status)
		out.raw(`,"thumbnail":`)
		out.nullStr(p.thumbnail.String, p.thumbnail.Valid)
		out.raw(`,"variants":[`)
		out.b = append(out.b, variants[p.id]...)
		out.raw("]}}")
	}
	out.raw("]}}}")
	return out.b, nil
}
