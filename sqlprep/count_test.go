package sqlprep

import (
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/require"
)

func TestCountRowsCountsRowsNotIDs(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT COUNT("orders"."id") FROM "orders" WHERE "orders"."tenant_id" IN ($1)`: `SELECT COUNT(*) FROM "orders" WHERE "orders"."tenant_id" IN ($1)`,
		"SELECT COUNT(`orders`.`id`) FROM `orders` WHERE `orders`.`tenant_id` IN (?)":  "SELECT COUNT(*) FROM `orders` WHERE `orders`.`tenant_id` IN (?)",
		`SELECT COUNT("orders"."id") FROM "orders"`:                                    `SELECT COUNT(*) FROM "orders"`,
		// Left as they are: another column, a distinct count, another table, a prefix of one.
		`SELECT COUNT("orders"."customer_id") FROM "orders"`:                   `SELECT COUNT("orders"."customer_id") FROM "orders"`,
		`SELECT COUNT(DISTINCT "orders"."id") FROM "orders"`:                   `SELECT COUNT(DISTINCT "orders"."id") FROM "orders"`,
		`SELECT COUNT("orders"."id") FROM "orders_archive"`:                    `SELECT COUNT("orders"."id") FROM "orders_archive"`,
		`SELECT COUNT("orders"."id") FROM "orders" AS "o" WHERE "o"."id" > $1`: `SELECT COUNT(*) FROM "orders" AS "o" WHERE "o"."id" > $1`,
		`SELECT COUNT("o"."id") FROM "orders" AS "o"`:                          `SELECT COUNT("o"."id") FROM "orders" AS "o"`,
		`SELECT COUNT(*) FROM "orders"`:                                        `SELECT COUNT(*) FROM "orders"`,
		`SELECT COUNT(`:                                                        `SELECT COUNT(`,
		`SELECT "orders"."id" FROM "orders"`:                                   `SELECT "orders"."id" FROM "orders"`,
	} {
		require.Equal(t, want, countRows(in), in)
	}
}

// The shape is ent's own, in both dialects.
func TestCountRowsMatchesEntsCount(t *testing.T) {
	for _, d := range []string{dialect.Postgres, dialect.SQLite} {
		q := entsql.Dialect(d).Select().From(entsql.Table("orders"))
		q.Where(entsql.EQ(q.C("tenant_id"), 7)).Count(q.C("id"))
		text, _ := q.Query()
		require.True(t, strings.HasPrefix(countRows(text), "SELECT COUNT(*) FROM "), "%s: %s", d, text)
	}
}
