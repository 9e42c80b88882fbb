package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/lib/pq"
)

// What the storefront sees of a tenant's catalog in a store: published, in one of the
// store's enabled channels, and a marketplace product only when approved and its vendor
// active. The same rule the API's privacy policy applies, written once by hand.
const sellable = `p.tenant_id = $1 AND p.status = 'published'
	AND p.id IN (SELECT psc.product_id FROM product_sales_channels psc
		JOIN sales_channels c ON c.id = psc.sales_channel_id WHERE c.store_id = $2 AND NOT c.is_disabled)
	AND (p.vendor_id IS NULL OR (p.review_status = 'approved'
		AND EXISTS (SELECT 1 FROM vendors v WHERE v.id = p.vendor_id AND v.status = 'active')))`

// floorRegion is the currency of a region of the store's tenant.
func floorRegion(ctx context.Context, db *sql.DB, st floorStore, region string) (id int64, currency string, err error) {
	id, err = strconv.ParseInt(region, 10, 64)
	if err != nil {
		return 0, "", err
	}
	err = db.QueryRowContext(ctx, `SELECT currency_code FROM regions WHERE id = $1 AND tenant_id = $2`, id, st.tenantID).Scan(&currency)
	return id, currency, err
}

type floorImage struct {
	URL  string `json:"url"`
	Alt  string `json:"alt"`
	Rank int64  `json:"rank"`
}

func (o *jsonOut) images(raw []byte) error {
	var imgs []floorImage
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &imgs); err != nil {
			return err
		}
	}
	o.raw("[")
	for _, im := range imgs {
		o.comma()
		o.raw(`{"url":`)
		o.str(im.URL)
		o.raw(`,"alt":`)
		o.str(im.Alt)
		o.raw(`,"rank":`)
		o.int(im.Rank)
		o.raw("}")
	}
	o.raw("]")
	return nil
}

// optionValues writes a variant's options as an object with its keys in order.
func (o *jsonOut) optionValues(raw []byte) error {
	if len(raw) == 0 {
		o.raw("null")
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	o.raw("{")
	for _, k := range keys {
		o.comma()
		o.str(k)
		o.raw(":")
		o.str(m[k])
	}
	o.raw("}")
	return nil
}

func (o *jsonOut) strings(raw []byte) error {
	if len(raw) == 0 {
		o.raw("null")
		return nil
	}
	var vs []string
	if err := json.Unmarshal(raw, &vs); err != nil {
		return err
	}
	o.raw("[")
	for _, v := range vs {
		o.comma()
		o.str(v)
	}
	o.raw("]")
	return nil
}

// variantsSQL reads the variants of some products with what a shopper sees of each: the
// units for sale over all locations, and the price the region pays (the region's own,
// else the currency's first).
const variantsSQL = `SELECT v.id, v.product_id, v.title, v.sku, v.option_values, v.weight, v.length, v.width, v.height, v.images,
	COALESCE((SELECT SUM(GREATEST(l.stocked_quantity - l.reserved_quantity, 0)) FROM inventory_levels l WHERE l.variant_id = v.id), 0),
	(SELECT pr.amount FROM prices pr WHERE pr.variant_id = v.id AND pr.currency_code = $3 AND (pr.region_id = $4 OR pr.region_id IS NULL)
		ORDER BY pr.region_id IS NULL, pr.id LIMIT 1)
	FROM product_variants v WHERE v.tenant_id = $1 AND v.product_id = ANY($2) ORDER BY v.id`

type floorVariant struct {
	id, productID                        int64
	title, sku                           string
	options, images                      []byte
	weight, length, width, height, price sql.NullInt64
	available                            int64
}

func floorVariants(ctx context.Context, db *sql.DB, tenantID int64, productIDs []int64, region int64, currency string) (map[int64][]floorVariant, error) {
	rows, err := db.QueryContext(ctx, variantsSQL, tenantID, pq.Array(productIDs), currency, region)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64][]floorVariant, len(productIDs))
	for rows.Next() {
		var v floorVariant
		if err := rows.Scan(&v.id, &v.productID, &v.title, &v.sku, &v.options, &v.weight, &v.length, &v.width, &v.height, &v.images,
			&v.available, &v.price); err != nil {
			return nil, err
		}
		out[v.productID] = append(out[v.productID], v)
	}
	return out, rows.Err()
}

// variant writes one variant with the fields of the selection: the light grid's; with
// withOptions its option values (the rich grid); with full its sizes and images too
// (the product page).
func (o *jsonOut) variant(v floorVariant, currency string, withOptions, full bool) error {
	o.raw(`{"id":`)
	o.id(v.id)
	o.raw(`,"sku":`)
	o.str(v.sku)
	o.raw(`,"title":`)
	o.str(v.title)
	if withOptions || full {
		o.raw(`,"optionValues":`)
		if err := o.optionValues(v.options); err != nil {
			return err
		}
	}
	if full {
		for _, f := range []struct {
			name string
			n    sql.NullInt64
		}{{"weight", v.weight}, {"length", v.length}, {"width", v.width}, {"height", v.height}} {
			o.key(f.name)
			o.nullInt(f.n.Int64, f.n.Valid)
		}
	}
	if full {
		o.raw(`,"images":`)
		if err := o.images(v.images); err != nil {
			return err
		}
	}
	o.raw(`,"availableQuantity":`)
	o.int(v.available)
	o.raw(`,"calculatedPrice":`)
	if v.price.Valid {
		o.raw(`{"amount":`)
		o.int(v.price.Int64)
		o.raw(`,"currencyCode":`)
		o.str(currency)
		o.raw("}")
	} else {
		o.raw("null")
	}
	o.raw("}")
	return nil
}

// floorGrid answers the grid: the first page of 20 products with the total, in three
// statements after the region (the page and its total, the variants; for the rich
// selection the options too).
func floorGrid(ctx context.Context, db *sql.DB, st floorStore, region string, rich bool) ([]byte, error) {
	regionID, currency, err := floorRegion(ctx, db, st, region)
	if err != nil {
		return nil, err
	}
	q := `SELECT p.id, p.handle, p.title, p.subtitle, p.thumbnail, p.images, p.description,
		cat.name, cat.handle, col.title, col.handle, COUNT(*) OVER ()
		FROM products p LEFT JOIN product_categories cat ON cat.id = p.category_id
		LEFT JOIN product_collections col ON col.id = p.collection_id
		WHERE ` + sellable + ` ORDER BY p.id LIMIT 20`
	rows, err := db.QueryContext(ctx, q, st.tenantID, st.id)
	if err != nil {
		return nil, err
	}
	type gridProduct struct {
		id                                  int64
		handle, title, subtitle, desc       string
		thumbnail                           sql.NullString
		images                              []byte
		catName, catHandle, colTit, colHand sql.NullString
	}
	var (
		page  []gridProduct
		total int64
	)
	for rows.Next() {
		var p gridProduct
		if err := rows.Scan(&p.id, &p.handle, &p.title, &p.subtitle, &p.thumbnail, &p.images, &p.desc,
			&p.catName, &p.catHandle, &p.colTit, &p.colHand, &total); err != nil {
			rows.Close()
			return nil, err
		}
		page = append(page, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(page) == 0 {
		// COUNT(*) OVER () has no row to ride on past the last page.
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM products p WHERE `+sellable, st.tenantID, st.id).Scan(&total); err != nil {
			return nil, err
		}
	}
	ids := make([]int64, len(page))
	for i, p := range page {
		ids[i] = p.id
	}
	variants, err := floorVariants(ctx, db, st.tenantID, ids, regionID, currency)
	if err != nil {
		return nil, err
	}
	var options map[int64][]floorOption
	if rich {
		if options, err = floorOptions(ctx, db, st.tenantID, ids); err != nil {
			return nil, err
		}
	}
	o := jsonOut{b: make([]byte, 0, 32<<10)}
	o.connection("products", total)
	for _, p := range page {
		o.node(p.id)
		o.raw(`,"handle":`)
		o.str(p.handle)
		o.raw(`,"title":`)
		o.str(p.title)
		o.raw(`,"subtitle":`)
		o.str(p.subtitle)
		if rich {
			o.raw(`,"description":`)
			o.str(p.desc)
		}
		o.raw(`,"thumbnail":`)
		o.nullStr(p.thumbnail.String, p.thumbnail.Valid)
		o.raw(`,"images":`)
		if err := o.images(p.images); err != nil {
			return nil, err
		}
		if rich {
			o.raw(`,"options":`)
			if err := o.options(options[p.id]); err != nil {
				return nil, err
			}
			o.raw(`,"category":`)
			o.named("name", p.catName, p.catHandle)
			o.raw(`,"collection":`)
			o.named("title", p.colTit, p.colHand)
		}
		o.raw(`,"variants":[`)
		for _, v := range variants[p.id] {
			o.comma()
			if err := o.variant(v, currency, rich, false); err != nil {
				return nil, err
			}
		}
		o.raw("]}}")
	}
	o.raw("]}}}")
	return o.b, nil
}

// named writes a category or collection: its name (or title) and handle, or null.
func (o *jsonOut) named(field string, name, handle sql.NullString) {
	if !name.Valid {
		o.raw("null")
		return
	}
	o.raw(`{"` + field + `":`)
	o.str(name.String)
	o.raw(`,"handle":`)
	o.str(handle.String)
	o.raw("}")
}

type floorOption struct {
	title  string
	values []byte
}

func floorOptions(ctx context.Context, db *sql.DB, tenantID int64, productIDs []int64) (map[int64][]floorOption, error) {
	rows, err := db.QueryContext(ctx, `SELECT product_id, title, values FROM product_options
		WHERE tenant_id = $1 AND product_id = ANY($2) ORDER BY id`, tenantID, pq.Array(productIDs))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]floorOption{}
	for rows.Next() {
		var id int64
		var op floorOption
		if err := rows.Scan(&id, &op.title, &op.values); err != nil {
			return nil, err
		}
		out[id] = append(out[id], op)
	}
	return out, rows.Err()
}

func (o *jsonOut) options(ops []floorOption) error {
	o.raw("[")
	for _, op := range ops {
		o.comma()
		o.raw(`{"title":`)
		o.str(op.title)
		o.raw(`,"values":`)
		if err := o.strings(op.values); err != nil {
			return err
		}
		o.raw("}")
	}
	o.raw("]")
	return nil
}

// floorProduct answers the product page by handle: the region, the product, its options
// and its variants.
func floorProduct(ctx context.Context, db *sql.DB, st floorStore, handle, region string) ([]byte, error) {
	regionID, currency, err := floorRegion(ctx, db, st, region)
	if err != nil {
		return nil, err
	}
	var (
		id                                             int64
		title, subtitle, desc, ptype, material, origin string
		thumbnail                                      sql.NullString
		tags, images                                   []byte
	)
	err = db.QueryRowContext(ctx, `SELECT p.id, p.title, p.subtitle, p.description, p.product_type, p.material,
		p.origin_country, p.thumbnail, p.tags, p.images FROM products p WHERE p.handle = $3 AND `+sellable,
		st.tenantID, st.id, strings.TrimSpace(handle)).
		Scan(&id, &title, &subtitle, &desc, &ptype, &material, &origin, &thumbnail, &tags, &images)
	if errors.Is(err, sql.ErrNoRows) {
		return []byte(`{"data":{"productByHandle":null}}`), nil
	}
	if err != nil {
		return nil, err
	}
	options, err := floorOptions(ctx, db, st.tenantID, []int64{id})
	if err != nil {
		return nil, err
	}
	variants, err := floorVariants(ctx, db, st.tenantID, []int64{id}, regionID, currency)
	if err != nil {
		return nil, err
	}
	o := jsonOut{b: make([]byte, 0, 4<<10)}
	o.raw(`{"data":{"productByHandle":{"id":`)
	o.id(id)
	o.raw(`,"handle":`)
	o.str(strings.TrimSpace(handle))
	for _, f := range []struct{ k, v string }{{"title", title}, {"subtitle", subtitle}, {"description", desc},
		{"productType", ptype}, {"material", material}, {"originCountry", origin}} {
		o.key(f.k)
		o.str(f.v)
	}
	o.raw(`,"thumbnail":`)
	o.nullStr(thumbnail.String, thumbnail.Valid)
	o.raw(`,"tags":`)
	if err := o.strings(tags); err != nil {
		return nil, err
	}
	o.raw(`,"images":`)
	if err := o.images(images); err != nil {
		return nil, err
	}
	o.raw(`,"options":`)
	if err := o.options(options[id]); err != nil {
		return nil, err
	}
	o.raw(`,"variants":[`)
	for _, v := range variants[id] {
		o.comma()
		if err := o.variant(v, currency, true, true); err != nil {
			return nil, err
		}
	}
	o.raw("]}}}")
	return o.b, nil
}
