package cart

import (
	"context"
	"database/sql"

	"github.com/dakkah/cityos/ent"
)

// unreservedUnits is the SQL for the units the levels of variant $1 hold unreserved. A
// level whose reservations exceed its stock (backorders) adds nothing rather than
// taking from the others.
const unreservedUnits = `(SELECT COALESCE(SUM(CASE WHEN l.stocked_quantity > l.reserved_quantity
	THEN l.stocked_quantity - l.reserved_quantity ELSE 0 END), 0) FROM inventory_levels l WHERE l.variant_id = $1)`

// unreserved reads unreservedUnits for a variant through tx.
func unreserved(ctx context.Context, tx *ent.Tx, variantID int) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+unreservedUnits, variantID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	if rows.Next() {
		err = rows.Scan(&n)
	}
	if err == nil {
		err = rows.Err()
	}
	return n, err
}

// lineSource is what a new line of a variant is made of: its product's title, the units
// it has unreserved, and its prices in the cart's currency, for the cart's region or for
// every region (see pricing.Choose).
type lineSource struct {
	productTitle string
	unreserved   int
	prices       []*ent.Price
}

// readLineSource reads a variant's lineSource in one statement through tx. The caller has
// checked, under the storefront's policy, that the cart's store sells the variant.
func readLineSource(ctx context.Context, tx *ent.Tx, variantID, regionID int, currency string) (lineSource, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.title, `+unreservedUnits+`, pr.id, pr.region_id, pr.amount
FROM product_variants v
JOIN products p ON p.id = v.product_id
LEFT JOIN prices pr ON pr.variant_id = v.id AND pr.currency_code = $2 AND (pr.region_id IS NULL OR pr.region_id = $3)
WHERE v.id = $1
ORDER BY pr.id`, variantID, currency, regionID)
	if err != nil {
		return lineSource{}, err
	}
	defer rows.Close()
	var src lineSource
	found := false
	for rows.Next() {
		var id, region, amount sql.NullInt64
		if err := rows.Scan(&src.productTitle, &src.unreserved, &id, &region, &amount); err != nil {
			return lineSource{}, err
		}
		found = true
		if !id.Valid {
			continue // no price in currency: the LEFT JOIN's one row
		}
		p := &ent.Price{ID: int(id.Int64), VariantID: variantID, CurrencyCode: currency, Amount: amount.Int64}
		if region.Valid {
			r := int(region.Int64)
			p.RegionID = &r
		}
		src.prices = append(src.prices, p)
	}
	if err := rows.Err(); err != nil {
		return lineSource{}, err
	}
	if !found { // deleted since the policy showed it
		return lineSource{}, errVariantNotSold
	}
	return src, nil
}
