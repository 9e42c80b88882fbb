package inventory

import (
	"context"
	"database/sql"
	"time"

	"github.com/dakkah/cityos/ent"
)

// reserveInOneStatement is, on PostgreSQL, the usual reservation in one round trip:
// $2 units of variant $1 taken from the first of its levels that has any unreserved (by
// id, the level reserve starts with) when that level has them all, and held for order
// $4 or approval request $5. It answers whether the variant tracks its inventory (NULL:
// there is no such variant) and how many reservations it wrote (0 or 1). The UPDATE
// re-checks the level's units after waiting on its lock, as hasAvailable does, so two
// checkouts never both take the last unit. The rows it writes record nothing: a level's
// reserved_quantity is bookkeeping to the audit hook and the events, and reservations
// are neither audited nor evented (see audit.Unaudited, outbox.Aggregates).
const reserveInOneStatement = `WITH variant AS (
	SELECT manage_inventory FROM product_variants WHERE id = $1),
level AS (
	UPDATE inventory_levels SET reserved_quantity = reserved_quantity + $2, updated_at = $3
	WHERE id = (SELECT id FROM inventory_levels WHERE variant_id = $1
		AND stocked_quantity > reserved_quantity ORDER BY id LIMIT 1)
	AND stocked_quantity - reserved_quantity >= $2 AND (SELECT manage_inventory FROM variant)
	RETURNING id, tenant_id),
held AS (
	INSERT INTO reservations (created_at, updated_at, tenant_id, inventory_level_id, quantity, order_id, approval_request_id)
	SELECT $3, $3, tenant_id, id, $2, $4, $5 FROM level RETURNING id)
SELECT (SELECT manage_inventory FROM variant), (SELECT count(*) FROM held)`

// reserveOnce tries w in one statement (reserveInOneStatement): done when its units are
// held, or when its variant does not track inventory and needs none. Anything else (units
// spread over levels, backorders, too few, no such variant) is left to reserveVariant.
func reserveOnce(ctx context.Context, tx *ent.Tx, h Holder, w Want) (done bool, err error) {
	rows, err := tx.QueryContext(ctx, reserveInOneStatement, w.VariantID, w.Quantity, time.Now(),
		nullID(h.OrderID), nullID(h.ApprovalID))
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var (
		tracks sql.NullBool
		held   int
	)
	if rows.Next() {
		if err := rows.Scan(&tracks, &held); err != nil {
			return false, err
		}
	}
	if err := rows.Close(); err != nil {
		return false, err
	}
	return held == 1 || (tracks.Valid && !tracks.Bool), nil
}

// nullID is id, or NULL for 0.
func nullID(id int) any {
	if id == 0 {
		return nil
	}
	return id
}
