package cart

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/storefront"
)

// UnreservedOf is the SQL for the units the levels of variant (an SQL expression) hold
// unreserved. A level whose reservations exceed its stock (backorders) adds nothing
// rather than taking from the others.
func UnreservedOf(variant string) string {
	return `(SELECT COALESCE(SUM(CASE WHEN l.stocked_quantity > l.reserved_quantity
	THEN l.stocked_quantity - l.reserved_quantity ELSE 0 END), 0) FROM inventory_levels l WHERE l.variant_id = ` + variant + `)`
}

// SoldIn is the SQL saying the store s sells product p: published, of the store's tenant,
// in one of the store's enabled sales channels, and, for a vendor's product, approved
// and of an active vendor. It is the storefront catalog policy's rule
// (access.SellableIn), for the rows the shelf reads past the policies (and the bench's
// floor, which must sell what the API sells).
const SoldIn = `(p.status = 'published' AND p.tenant_id = s.tenant_id AND EXISTS (
	SELECT 1 FROM product_sales_channels psc JOIN sales_channels sc ON sc.id = psc.sales_channel_id
	WHERE psc.product_id = p.id AND sc.store_id = s.id AND sc.is_disabled = false)
	AND (p.vendor_id IS NULL OR (p.review_status = 'approved' AND EXISTS (
		SELECT 1 FROM vendors vd WHERE vd.id = p.vendor_id AND vd.status = 'active'))))`

// stock is what a variant is now in a cart's store: whether the store sells it (false
// once its product is unpublished, leaves the store's channels, or the variant is
// deleted), its product's title, how it tracks stock, the units it has unreserved, and
// its prices in the cart's currency, for the cart's region or for every region (see
// pricing.Choose).
type stock struct {
	sold                            bool
	productTitle                    string
	manageInventory, allowBackorder bool
	unreserved                      int
	prices                          []*ent.Price
	// vendor is the marketplace vendor selling the product; 0 for the tenant's own.
	vendor int
	// discountBps is the company discount the cart's customer buys at (see companyDiscount).
	discountBps int
}

// companyDiscount is the discount (basis points) of the company the cart's customer
// buys for, in a b2b store: an active employee of an active company of the store's
// tenant that buys in the cart's currency; NULL otherwise (a guest's cart costs an index
// probe that finds nothing). currency and customer are SQL expressions.
func companyDiscount(currency, customer string) string {
	return `(SELECT co.discount_bps FROM employees e JOIN companies co ON co.id = e.company_id
	WHERE s.storefront_type = 'b2b' AND e.user_id = ` + customer + ` AND e.tenant_id = s.tenant_id AND e.status = 'active'
	AND co.status = 'active' AND co.currency_code = ` + currency + `)`
}

// tracks says whether a cart may hold no more of the variant than is in stock.
func (st *stock) tracks() bool { return st.manageInventory && !st.allowBackorder }

// shelf is the catalog as a cart sees it now: its store's status, and the stock of the
// variants asked for (none for a variant that no longer exists).
type shelf struct {
	status   storefront.Status
	variants map[int]*stock
}

// of is the stock of a variant; a variant that no longer exists is not sold.
func (sh *shelf) of(variantID int) *stock {
	if st := sh.variants[variantID]; st != nil {
		return st
	}
	return &stock{}
}

// querier runs SQL: an *ent.Client or an *ent.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// shelfColumns are the columns of the shelf's rows (see shelfFrom and shelfRow), in a
// cart's currency and for its customer (SQL expressions).
func shelfColumns(currency, customer string) string {
	return `s.status, t.status, v.id, p.title, v.manage_inventory, v.allow_backorder,
` + SoldIn + `, ` + UnreservedOf("v.id") + `, pr.id, pr.region_id, pr.amount, p.vendor_id, ` + companyDiscount(currency, customer)
}

// shelfFrom is where the shelf's rows come from: the store's row and, for each variant
// the condition in picks, a row per price in the currency for the region or for every
// region (one row without a price when it has none). store, currency and region are SQL
// expressions.
func shelfFrom(store, currency, region, in string) string {
	return `FROM stores s
JOIN tenants t ON t.id = s.tenant_id
LEFT JOIN product_variants v ON ` + in + `
LEFT JOIN products p ON p.id = v.product_id
LEFT JOIN prices pr ON pr.variant_id = v.id AND pr.currency_code = ` + currency + ` AND (pr.region_id IS NULL OR pr.region_id = ` + region + `)
WHERE s.id = ` + store
}

// readShelf reads the shelf of cart c for the given variants in one statement, past the
// policies: the caller has reached the cart, and what its lines are made of is the
// cart's.
func readShelf(ctx context.Context, q querier, c *ent.Cart, variantIDs []int) (*shelf, error) {
	args := []any{c.StoreID, c.CurrencyCode, c.RegionID, c.CustomerID}
	in := "1 = 0" // no variants: the store's row alone
	if len(variantIDs) > 0 {
		ph := make([]string, len(variantIDs))
		for i, id := range variantIDs {
			args = append(args, id)
			ph[i] = "$" + strconv.Itoa(len(args))
		}
		in = "v.id IN (" + strings.Join(ph, ", ") + ")"
	}
	rows, err := q.QueryContext(ctx, `SELECT `+shelfColumns("$2", "$4")+`
`+shelfFrom("$1", "$2", "$3", in)+`
ORDER BY v.id, pr.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sh := &shelf{status: storefront.NotFound, variants: map[int]*stock{}}
	for rows.Next() {
		var r shelfRow
		if err := rows.Scan(r.dest()...); err != nil {
			return nil, err
		}
		sh.add(&r, c.CurrencyCode)
	}
	return sh, rows.Err()
}

// shelfRow is one row of the shelf (see shelfColumns).
type shelfRow struct {
	storeStatus, tenantStatus string
	variant, unreserved       sql.NullInt64
	title                     sql.NullString
	manage, backorder, sold   sql.NullBool
	priceID, region, amount   sql.NullInt64
	vendor, discount          sql.NullInt64
}

func (r *shelfRow) dest() []any {
	return []any{&r.storeStatus, &r.tenantStatus, &r.variant, &r.title, &r.manage, &r.backorder, &r.sold,
		&r.unreserved, &r.priceID, &r.region, &r.amount, &r.vendor, &r.discount}
}

// add adds a row to the shelf of a cart in currency.
func (sh *shelf) add(r *shelfRow, currency string) {
	sh.status = storefront.StatusOf(&ent.Store{Status: store.Status(r.storeStatus)}, &ent.Tenant{Status: tenant.Status(r.tenantStatus)})
	if !r.variant.Valid {
		return // the store's row, without variants
	}
	id := int(r.variant.Int64)
	st := sh.variants[id]
	if st == nil {
		st = &stock{sold: r.sold.Bool, productTitle: r.title.String, manageInventory: r.manage.Bool,
			allowBackorder: r.backorder.Bool, unreserved: int(r.unreserved.Int64), vendor: int(r.vendor.Int64),
			discountBps: int(r.discount.Int64)}
		sh.variants[id] = st
	}
	if !r.priceID.Valid {
		return // no price in the currency: the LEFT JOIN's one row
	}
	p := &ent.Price{ID: int(r.priceID.Int64), VariantID: id, CurrencyCode: currency, Amount: r.amount.Int64}
	if r.region.Valid {
		region := int(r.region.Int64)
		p.RegionID = &region
	}
	st.prices = append(st.prices, p)
}
