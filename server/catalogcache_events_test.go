package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// An instance that hears the events keeps catalog answers past the TTL, and drops a
// tenant's the moment an event of that tenant arrives, leaving other tenants' alone.
func TestCatalogCacheForgetsATenantOnItsEvents(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.CatalogCacheTTL, cfg.CatalogCacheMaxAge = time.Millisecond, time.Hour
		api := testenv.NewAPI(t, db, cfg)
		sys := viewer.SystemContext(context.Background(), "test")
		title := func(h testenv.Headers, handle string) string {
			var out struct {
				Products struct {
					Edges []struct{ Node struct{ Title string } }
				}
			}
			api.MustDo(t, h, `query($h: String!) { products(first: 1, where: {handle: $h}) { edges { node { title } } } }`,
				map[string]any{"h": handle}).Decode(t, &out)
			require.Len(t, out.Products.Edges, 1)
			return out.Products.Edges[0].Node.Title
		}
		shopA, shopB := c.Shop(testenv.Anonymous, "a1.dakkah.test"), c.Shop(testenv.Anonymous, "b1.dakkah.test")
		thobe, gadget := title(shopA, "thobe"), title(shopB, "gadget")
		require.NoError(t, db.Client.Product.UpdateOneID(c.Products["thobe"].ID).SetTitle("Renamed thobe").Exec(sys))
		require.NoError(t, db.Client.Product.UpdateOneID(c.Products["gadget"].ID).SetTitle("Renamed gadget").Exec(sys))
		time.Sleep(5 * time.Millisecond) // past the TTL: only the max age keeps them
		require.Equal(t, thobe, title(shopA, "thobe"), "kept past the TTL")
		require.Equal(t, gadget, title(shopB, "gadget"), "kept past the TTL")

		tenantA := c.TenantA.ID
		ev := outbox.Event{ID: 1, Topic: "product.updated", TenantID: &tenantA, AggregateType: "product"}
		require.NoError(t, livefeed.Publish(sys, api.App.Bus, api.App.Config.EventsChannel, ev))
		require.Eventually(t, func() bool { return title(shopA, "thobe") == "Renamed thobe" }, 10*time.Second, 10*time.Millisecond,
			"tenant A's event drops its answers")
		require.Equal(t, gadget, title(shopB, "gadget"), "tenant B's answers stay")
	})
}
