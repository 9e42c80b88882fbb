package platform_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/platform"
)

// Migration product_sales_channels_tenant gives every product's place in a sales
// channel its product's tenant, two tenants' places side by side; its down migration
// takes the column away and keeps the places.
func TestChannelPlacesMigrationFillsTheTenant(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		ctx := context.Background()
		const before, after = 20261206014817, 20261206072026
		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, before))
		insert := func(q string, args ...any) int {
			t.Helper()
			var id int
			require.NoError(t, e.db.QueryRowContext(ctx, fmt.Sprintf(q, args...)+` RETURNING id`).Scan(&id), q)
			return id
		}
		type place struct{ product, channel, tenant int }
		var want []place
		for _, handle := range []string{"acme", "globex"} {
			tenant := insert(`INSERT INTO tenants (created_at, updated_at, handle, name) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '%s', '%s')`, handle, handle)
			store := insert(`INSERT INTO stores (created_at, updated_at, handle, name, tenant_id) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'main', 'Main', %d)`, tenant)
			channel := insert(`INSERT INTO sales_channels (created_at, updated_at, name, tenant_id, store_id) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'Web', %d, %d)`, tenant, store)
			for _, p := range []string{"one", "two"} {
				product := insert(`INSERT INTO products (created_at, updated_at, title, handle, tenant_id) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '%s', '%s', %d)`, p, p, tenant)
				_, err := e.db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO product_sales_channels (product_id, sales_channel_id) VALUES (%d, %d)`, product, channel))
				require.NoError(t, err)
				want = append(want, place{product, channel, tenant})
			}
		}

		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, after))
		rows, err := e.db.QueryContext(ctx, `SELECT product_id, sales_channel_id, tenant_id FROM product_sales_channels`)
		require.NoError(t, err)
		var got []place
		for rows.Next() {
			var p place
			require.NoError(t, rows.Scan(&p.product, &p.channel, &p.tenant))
			got = append(got, p)
		}
		require.NoError(t, rows.Err())
		assert.ElementsMatch(t, want, got)
		_, err = e.db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO product_sales_channels (product_id, sales_channel_id) VALUES (%d, %d)`, want[0].product, want[2].channel))
		assert.Error(t, err, "a place without its tenant is refused")

		// Down again: the places, without the column.
		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, before))
		var n int
		require.NoError(t, e.db.QueryRowContext(ctx, `SELECT count(*) FROM product_sales_channels`).Scan(&n))
		assert.Equal(t, len(want), n)
		_, err = e.db.ExecContext(ctx, `SELECT tenant_id FROM product_sales_channels`)
		assert.Error(t, err, "tenant_id is gone")
	})
}
