package platform_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/platform"
)

// Migration product_images turns a product's list of image URLs into images {url, alt
// "", rank = position}, leaving none and [] as they were; its down migration turns them
// back into URLs in rank order.
func TestProductImagesMigrationConvertsRows(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		ctx := context.Background()
		const before, after = 20261205174420, 20261205190708
		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, before))
		exec := func(q string) {
			t.Helper()
			_, err := e.db.ExecContext(ctx, q)
			require.NoError(t, err, q)
		}
		exec(`INSERT INTO tenants (created_at, updated_at, handle, name) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'acme', 'Acme')`)
		var tenant int
		require.NoError(t, e.db.QueryRowContext(ctx, `SELECT id FROM tenants WHERE handle = 'acme'`).Scan(&tenant))
		for handle, images := range map[string]string{
			"two":   `'["https://images.dakkah.test/two-1.jpg", "https://images.dakkah.test/two-2.jpg"]'`,
			"empty": `'[]'`,
			"none":  `NULL`,
		} {
			exec(`INSERT INTO products (created_at, updated_at, title, handle, tenant_id, images) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '` +
				handle + `', '` + handle + `', ` + strconv.Itoa(tenant) + `, ` + images + `)`)
		}
		images := func(handle string, into any) bool {
			t.Helper()
			var raw sql.NullString
			require.NoError(t, e.db.QueryRowContext(ctx, `SELECT images FROM products WHERE handle = '`+handle+`'`).Scan(&raw))
			if raw.Valid {
				require.NoError(t, json.Unmarshal([]byte(raw.String), into), raw.String)
			}
			return raw.Valid
		}

		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, after))
		var two, empty []media.Image
		images("two", &two)
		assert.Equal(t, []media.Image{
			{URL: "https://images.dakkah.test/two-1.jpg", Alt: "", Rank: 0},
			{URL: "https://images.dakkah.test/two-2.jpg", Alt: "", Rank: 1},
		}, two)
		assert.True(t, images("empty", &empty))
		assert.Equal(t, []media.Image{}, empty)
		assert.False(t, images("none", &empty), "no images stay null")

		// Down again: the URLs, in rank order.
		exec(`UPDATE products SET images = '[{"url": "https://x.test/b.jpg", "alt": "B", "rank": 7}, {"url": "https://x.test/a.jpg", "alt": "A", "rank": 2}]' WHERE handle = 'empty'`)
		require.NoError(t, platform.MigrateTo(ctx, e.dialect, e.db, before))
		var urls []string
		images("two", &urls)
		assert.Equal(t, []string{"https://images.dakkah.test/two-1.jpg", "https://images.dakkah.test/two-2.jpg"}, urls)
		images("empty", &urls)
		assert.Equal(t, []string{"https://x.test/a.jpg", "https://x.test/b.jpg"}, urls)
	})
}
