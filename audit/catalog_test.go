package audit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/testenv"
)

// TestCatalogChangesAreAudited walks the catalog as a tenant admin does, through the API:
// each request's rows, by that admin, in tenant A's log only.
func TestCatalogChangesAreAudited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		actor := "user:" + id(c.Users[testenv.TenantAdminA].ID)
		run := func(rid, q string, vars map[string]any, out any) []*ent.AuditLog {
			t.Helper()
			r := c.API.MustDo(t, with(admin, rid), q, vars)
			if out != nil {
				r.Decode(t, out)
			}
			rows, err := db.Client.AuditLog.Query().Where(auditlog.RequestID(rid)).Order(ent.Asc(auditlog.FieldID)).All(sys("audit-test"))
			require.NoError(t, err)
			for _, row := range rows {
				assert.Equal(t, actor, row.Actor, rid)
				require.NotNil(t, row.TenantID, rid)
				assert.Equal(t, c.TenantA.ID, *row.TenantID, rid)
			}
			return rows
		}
		kinds := func(rows []*ent.AuditLog) (out []string) {
			for _, r := range rows {
				out = append(out, r.EntityType+" "+r.Action)
			}
			return out
		}

		var p struct{ CreateProduct struct{ ID string } }
		rows := run("req-product", `mutation($t: ID!) { createProduct(input: {tenantId: $t, title: "Kaftan", handle: "kaftan"}) { id } }`,
			map[string]any{"t": id(c.TenantA.ID)}, &p)
		assert.Equal(t, []string{"Product create"}, kinds(rows))
		assert.Equal(t, map[string]any{"after": "kaftan"}, rows[0].Diff["handle"])
		assert.Equal(t, map[string]any{"after": "draft"}, rows[0].Diff["status"], "defaults are recorded too")

		rows = run("req-publish", `mutation($id: ID!) { updateProduct(id: $id, input: {status: published}) { id } }`,
			map[string]any{"id": p.CreateProduct.ID}, nil)
		require.Equal(t, []string{"Product update"}, kinds(rows))
		assert.Equal(t, map[string]any{"status": map[string]any{"before": "draft", "after": "published"}}, rows[0].Diff)

		rows = run("req-assign", `mutation($ch: ID!, $p: ID!) { assignProductsToSalesChannel(salesChannelId: $ch, productIds: [$p]) { id } }`,
			map[string]any{"ch": id(c.ChannelA1.ID), "p": p.CreateProduct.ID}, nil)
		require.NotEmpty(t, rows)
		assignment := rows[len(rows)-1].Diff
		assert.Contains(t, assignment, "products", "the assignment is an edge change: %v", assignment)

		// Stock set twice at a new location: created once, then updated — never a second
		// "create" for a level that exists.
		v := c.Variants["thobe"]
		var loc struct{ CreateStockLocation struct{ ID string } }
		run("req-location", `mutation($t: ID!) { createStockLocation(input: {tenantId: $t, name: "Dammam"}) { id } }`,
			map[string]any{"t": id(c.TenantA.ID)}, &loc)
		set := `mutation($v: ID!, $l: ID!, $n: Int!) { setStockLevel(variantId: $v, locationId: $l, stockedQuantity: $n) { id } }`
		rows = run("req-stock-1", set, map[string]any{"v": id(v.ID), "l": loc.CreateStockLocation.ID, "n": 7}, nil)
		assert.Equal(t, []string{"InventoryLevel create"}, kinds(rows))
		rows = run("req-stock-2", set, map[string]any{"v": id(v.ID), "l": loc.CreateStockLocation.ID, "n": 9}, nil)
		require.Equal(t, []string{"InventoryLevel update"}, kinds(rows))
		assert.Equal(t, map[string]any{"stocked_quantity": map[string]any{"before": float64(7), "after": float64(9)}}, rows[0].Diff)

		rows = run("req-price", `mutation($v: ID!) { setPrice(input: {variantId: $v, currencyCode: "KWD", amount: 800}) { id } }`,
			map[string]any{"v": id(v.ID)}, nil)
		assert.Equal(t, []string{"Price create"}, kinds(rows))

		// Tenant B's admin sees none of it.
		other, _ := logs(t, c.API, c.As(testenv.TenantAdminB), map[string]any{"entityType": "Product"})
		for _, r := range other {
			require.NotNil(t, r.TenantID)
			assert.Equal(t, id(c.TenantB.ID), *r.TenantID)
		}
	})
}

// TestChangesOfManyRows: an update or delete of several rows writes a row for each, with
// each row's own before and after; a change of bookkeeping only writes nothing.
func TestChangesOfManyRows(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ctx := sys("audit-many")
		of := func(action string) []*ent.AuditLog {
			t.Helper()
			rows, err := db.Client.AuditLog.Query().Where(auditlog.Actor("system:audit-many"), auditlog.Action(action)).
				Order(ent.Asc(auditlog.FieldEntityID)).All(ctx)
			require.NoError(t, err)
			return rows
		}

		// Every published product of A becomes archived: one row per product.
		n, err := db.Client.Product.Update().Where(product.TenantID(c.TenantA.ID), product.StatusEQ(product.StatusPublished)).
			SetStatus(product.StatusArchived).Save(ctx)
		require.NoError(t, err)
		require.Equal(t, 3, n)
		rows := of("update")
		require.Len(t, rows, 3)
		for _, r := range rows {
			assert.Equal(t, "Product", r.EntityType)
			assert.Equal(t, map[string]any{"status": map[string]any{"before": "published", "after": "archived"}}, r.Diff)
		}

		// Increments: each level's own before and after.
		_, err = db.Client.InventoryLevel.Update().Where(inventorylevel.TenantID(c.TenantA.ID)).AddStockedQuantity(5).Save(ctx)
		require.NoError(t, err)
		levels, err := db.Client.InventoryLevel.Query().Where(inventorylevel.TenantID(c.TenantA.ID)).All(ctx)
		require.NoError(t, err)
		for _, l := range levels {
			r, err := db.Client.AuditLog.Query().Where(auditlog.Actor("system:audit-many"), auditlog.EntityType("InventoryLevel"),
				auditlog.EntityID(l.ID)).Only(ctx)
			require.NoError(t, err)
			assert.Equal(t, map[string]any{"before": float64(l.StockedQuantity - 5), "after": float64(l.StockedQuantity)}, r.Diff["stocked_quantity"])
		}

		// Held units only: bookkeeping, no row.
		before := len(of("update"))
		_, err = db.Client.InventoryLevel.Update().Where(inventorylevel.TenantID(c.TenantA.ID)).AddReservedQuantity(1).Save(ctx)
		require.NoError(t, err)
		assert.Len(t, of("update"), before)

		// A delete of many rows: a row each, with what the row held.
		n, err = db.Client.ShippingOption.Delete().Exec(sys("audit-many"))
		require.NoError(t, err)
		rows = of("delete")
		require.Len(t, rows, n)
		for _, r := range rows {
			assert.Equal(t, "ShippingOption", r.EntityType)
			assert.Contains(t, r.Diff, "amount")
		}
	})
}

// TestPaymentSecretsAreRedacted: a client secret never reaches the log, whatever field
// holds it.
func TestPaymentSecretsAreRedacted(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ctx := sys("audit-secrets")
		p, err := db.Client.Product.Create().SetTenantID(c.TenantA.ID).SetTitle("Gift card").SetHandle("gift-card").
			SetMetadata(map[string]any{"payment": map[string]any{"client": "pi_123_secret_456"}}).Save(ctx)
		require.NoError(t, err)
		require.NoError(t, db.Client.Product.UpdateOne(p).SetMetadata(map[string]any{"payment": "pi_123_secret_789"}).
			SetTitle("Gift card!").Exec(ctx))
		rows, err := db.Client.AuditLog.Query().Where(auditlog.EntityType("Product"), auditlog.EntityID(p.ID)).
			Order(ent.Asc(auditlog.FieldID)).All(ctx)
		require.NoError(t, err)
		require.Len(t, rows, 2)
		assert.Equal(t, map[string]any{"after": audit.Redacted}, rows[0].Diff["metadata"])
		assert.Equal(t, map[string]any{"before": audit.Redacted, "after": audit.Redacted}, rows[1].Diff["metadata"])
		assert.Equal(t, map[string]any{"before": "Gift card", "after": "Gift card!"}, rows[1].Diff["title"])
	})
}
