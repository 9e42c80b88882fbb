package server_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func TestCatalogCache(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.CatalogCacheTTL = time.Hour // long enough that only invalidation can refresh it
		api := testenv.NewAPI(t, db, cfg)
		sys := viewer.SystemContext(context.Background(), "test")
		title := func(h testenv.Headers) string { return thobeTitle(t, api, h) }
		shopper := c.Shop(testenv.Anonymous, "a1.dakkah.test")
		key := c.As(testenv.PublishableA)
		require.Equal(t, "The thobe", title(shopper))
		require.Equal(t, "The thobe", title(key))

		// A change that did not pass through this instance: cached answers stay.
		require.NoError(t, db.Client.Product.UpdateOneID(c.Products["thobe"].ID).SetTitle("Renamed").Exec(sys))
		require.Equal(t, "The thobe", title(shopper), "served from the cache")
		require.Equal(t, "The thobe", title(key), "served from the cache")
		// A signed-in customer's reads are never cached.
		require.Equal(t, "Renamed", title(c.Shop(testenv.CustomerA, "a1.dakkah.test")))

		// Any mutation through this instance drops the cache.
		api.MustDo(t, c.As(testenv.TenantAdminA), `mutation($id: ID!) { updateProduct(id: $id, input: {description: "x"}) { id } }`,
			map[string]any{"id": c.Products["thobe"].ID})
		require.Equal(t, "Renamed", title(shopper))

		// Carts are never served from the cache, even for anonymous shoppers; and shopping
		// does not flush the catalog.
		require.NoError(t, db.Client.Product.UpdateOneID(c.Products["thobe"].ID).SetTitle("Renamed again").Exec(sys))
		require.Equal(t, "Renamed", title(shopper))
		var cart struct{ CreateCart struct{ ID string } }
		api.MustDo(t, shopper, `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`, map[string]any{"r": c.SAR.ID}).Decode(t, &cart)
		require.Equal(t, "Renamed", title(shopper), "a cart mutation leaves the catalog cache alone")
		items := func() int {
			var out struct {
				Cart struct{ Items []struct{ Quantity int } }
			}
			api.MustDo(t, shopper, `query($id: ID!) { cart(id: $id) { items { quantity } } }`, map[string]any{"id": cart.CreateCart.ID}).Decode(t, &out)
			return len(out.Cart.Items)
		}
		require.Equal(t, 0, items())
		require.NoError(t, db.Client.LineItem.Create().SetTenantID(c.TenantA.ID).SetCartID(cartID(t, c, cart.CreateCart.ID)).
			SetVariantID(c.Variants["thobe"].ID).SetTitle("t").SetSku("s").SetQuantity(1).SetUnitPrice(1).Exec(sys))
		require.Equal(t, 1, items(), "a cart read is always fresh")
	})
}

// A staff change through one instance drops the catalog cache of another that listens on
// the same Redis, though its TTL is far off.
func TestCatalogCacheAcrossInstances(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.CatalogCacheTTL = time.Hour // long enough that only invalidation can refresh it
		one := testenv.NewAPI(t, db, cfg)
		rdb2 := redis.NewClient(one.App.Redis.Options())
		t.Cleanup(func() { _ = rdb2.Close() })
		two := testenv.NewAPIWithRedis(t, db, cfg, rdb2, one.App.RedisAddr)
		ctx, stop := context.WithCancel(context.Background())
		t.Cleanup(stop)
		require.NoError(t, two.App.CatalogChanges.Listen(ctx, two.App.Bus))

		shopper := c.Shop(testenv.Anonymous, "a1.dakkah.test")
		title := func() string { return thobeTitle(t, two, shopper) }
		require.Equal(t, "The thobe", title())
		sys := viewer.SystemContext(context.Background(), "test")
		require.NoError(t, db.Client.Product.UpdateOneID(c.Products["thobe"].ID).SetTitle("Renamed").Exec(sys))
		require.Equal(t, "The thobe", title(), "served from instance 2's cache")

		one.MustDo(t, c.As(testenv.TenantAdminA), `mutation($id: ID!) { updateProduct(id: $id, input: {description: "x"}) { id } }`,
			map[string]any{"id": c.Products["thobe"].ID})
		require.Eventually(t, func() bool { return title() == "Renamed" }, 10*time.Second, 10*time.Millisecond,
			"instance 1's change drops instance 2's cache")
	})
}

// thobeTitle reads the thobe's title from a storefront grid through api.
func thobeTitle(t *testing.T, api *testenv.API, h testenv.Headers) string {
	t.Helper()
	var out struct {
		Products struct {
			Edges []struct{ Node struct{ Title string } }
		}
	}
	api.MustDo(t, h, `{ products(first: 10, where: {handle: "thobe"}) { edges { node { title } } } }`, nil).Decode(t, &out)
	require.Len(t, out.Products.Edges, 1)
	return out.Products.Edges[0].Node.Title
}

// cartID finds a cart's internal id from the token clients know it by.
func cartID(t *testing.T, c *testenv.Commerce, token string) int {
	t.Helper()
	n, err := strconv.Atoi(token)
	require.NoError(t, err)
	cr, err := c.API.DB.Client.Cart.Query().Where(entcart.Token(n)).Only(viewer.SystemContext(context.Background(), "test"))
	require.NoError(t, err)
	return cr.ID
}

// A catalog read that fails is answered through the cache like any other request: the
// error in the GraphQL shape, never a bare null. Failures are not kept: each attempt
// gets its own answer.
func TestCatalogCacheAnswersErrors(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cached := apiWith(t, db, func(cfg *config.Config) { cfg.CatalogCacheTTL = time.Hour })
		for _, h := range []testenv.Headers{c.Shop(testenv.Anonymous, "a1.dakkah.test"), c.As(testenv.PublishableA)} {
			for range 2 {
				r := gql(t, cached, h, `{ products(first: 5, after: "!!!") { totalCount } }`, nil)
				requireErrorCode(t, r, http.StatusOK, "BAD_USER_INPUT")
				require.Equal(t, "after", r.Errors[0].Extensions["field"])
				require.NotEmpty(t, r.Errors[0].Extensions["requestId"])
				require.JSONEq(t, `null`, string(r.Data), "products is not nullable: data is null")
			}
			// Then a good read of the same store is computed and served as before.
			r := gql(t, cached, h, `{ products(first: 5, where: {handle: "thobe"}) { totalCount } }`, nil)
			require.Empty(t, r.Errors, r.Body)
			require.JSONEq(t, `{"products": {"totalCount": 1}}`, string(r.Data))
		}
	})
}
