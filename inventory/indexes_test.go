package inventory_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// Releasing, shipping and moving reservations looks them up by their order or approval
// request: those lookups must not scan every reservation ever made.
func TestReservationLookupsUseIndexes(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		conn, err := db.SQL.Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		explain := "EXPLAIN QUERY PLAN "
		if db.Dialect == "postgres" {
			// With sequential scans priced out, the planner scans only where no index serves.
			_, err := conn.ExecContext(ctx, "SET enable_seqscan = off")
			require.NoError(t, err)
			// Closing the Conn hands the connection back to the pool: reset it first.
			defer func() { _, _ = conn.ExecContext(ctx, "RESET enable_seqscan") }()
			explain = "EXPLAIN "
		}
		for _, column := range []string{"order_id", "approval_request_id"} {
			rows, err := conn.QueryContext(ctx, explain+"SELECT id FROM reservations WHERE "+column+" = 1 AND released_at IS NULL")
			require.NoError(t, err)
			var plan []string
			for rows.Next() {
				cols, err := rows.Columns()
				require.NoError(t, err)
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				require.NoError(t, rows.Scan(ptrs...))
				for _, v := range vals {
					if s, ok := v.(string); ok {
						plan = append(plan, s)
					} else if b, ok := v.([]byte); ok {
						plan = append(plan, string(b))
					}
				}
			}
			require.NoError(t, rows.Err())
			text := strings.Join(plan, "\n")
			require.NotContains(t, text, "Seq Scan", "by %s", column)
			require.NotRegexp(t, `SCAN reservations\b`, text, "by %s", column)
			require.Contains(t, strings.ToLower(text), "reservation_"+column, "by %s", column)
		}
	})
}
