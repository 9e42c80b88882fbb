package checkout_test

import (
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// TestCheckoutStatements counts the statements one storefront checkout runs, in the
// three requests the bench sends (see bench/scenarios.go).
func TestCheckoutStatements(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		// Configured as served: regions and shipping options come from memory for up to
		// the catalog cache's TTL (1s by default; an hour here, so no run sees one expire).
		cfg := testenv.Config()
		cfg.CatalogCacheTTL = time.Hour
		api, log := testenv.CountedAPI(t, db, cfg)
		shop := ct.Guest(c, c.StoreA1)
		addr0 := map[string]any{"firstName": "Bench", "lastName": "Shopper", "address1": "1 King Fahd Rd",
			"city": "Riyadh", "postalCode": "12211", "countryCode": "SA", "phone": "+966500000000"}

		order := func(key string) (counts [3]int, lists [3][]string) {
			var cart struct{ CreateCart struct{ ID string } }
			api.MustDo(t, shop, `mutation($r: ID!) { createCart(input: {regionId: $r, email: "bench@example.com"}) { id } }`,
				map[string]any{"r": ct.ID(c.SAR.ID)}).Decode(t, &cart)
			lists[0] = sqlOf(log.Take())
			var set struct{ SetShippingMethod struct{ Total int } }
			api.MustDo(t, shop, `mutation($c: ID!, $v: ID!, $a: AddressInput!, $o: ID!) {
  addLineItem(cartId: $c, variantId: $v, quantity: 1) { id }
  setShippingAddress(cartId: $c, input: $a) { id }
  setShippingMethod(cartId: $c, shippingOptionId: $o) { total }
}`, map[string]any{"c": cart.CreateCart.ID, "v": ct.ID(c.Variants["thobe"].ID), "a": addr0, "o": ct.ID(c.ShipSAR.ID)}).Decode(t, &set)
			require.Equal(t, 27500, set.SetShippingMethod.Total)
			lists[1] = sqlOf(log.Take())
			var done struct {
				CompleteCart struct {
					ID        string
					DisplayID int
					Total     int
				}
			}
			api.MustDo(t, shop, `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { id displayID total } }`,
				map[string]any{"c": cart.CreateCart.ID, "k": key}).Decode(t, &done)
			require.Equal(t, 27500, done.CompleteCart.Total)
			require.Positive(t, done.CompleteCart.DisplayID)
			lists[2] = sqlOf(log.Take())
			for i := range lists {
				counts[i] = len(lists[i])
			}
			return counts, lists
		}
		log.Take()
		order("warm-up") // the caches a first request fills
		counts, lists := order("counted")
		total := counts[0] + counts[1] + counts[2]
		t.Logf("%s: statements per order: create %d, fill %d, complete %d, total %d", db.Dialect,
			counts[0], counts[1], counts[2], total)
		// What brought the count down: 66 -> 47, the cart and checkout stopped reading
		// rows they had read; -> 37, cart changes stopped reading the cart back, and a
		// change of a detail took no transaction; -> 34, mutations sent together go on
		// from the cart the request changed; -> 29, regions and shipping options come
		// from memory; -> 28, completeCart answers from the order it wrote; -> 27,
		// reserving reads the levels without their variants; -> 25, a new line's product
		// title, stock and prices are read in one statement; -> 26, completion checks the
		// store is open and re-prices every line, in one statement (the shelf, which the
		// line's stock check in addLineItem reads instead of its own). Then up -> 30: the
		// audit log records the order's creation and its line (one insert each, built from
		// what was written) and its authorisation (the order read once, locked, before its
		// payment status changes, and one insert); its number, stock held and the cart are
		// not audited (see audit.Unaudited and the hook's ignored fields). Every change
		// raising its event took it to 32 (order.placed in the transaction, order.updated
		// with the number after it: the order read once and one insert); -> 30, a
		// transaction's audit records and events are each written in one INSERT just
		// before it commits (txn.Batch), and the hand-written order.placed is gone; -> 27,
		// the order takes its number before its transaction and is written with it: no
		// update after the commit (its read, its statement and its event's insert); -> 25,
		// a payment decided before the order is written (the manual provider here, a
		// paid session) is written with it: no locked read of the order, no update; -> 23
		// on PostgreSQL, a line's units are held in one statement (the level's update and
		// the reservation's insert, with no read of the levels before) when one level has
		// them all (inventory.reserveOnce); -> 22 on PostgreSQL, the transaction's audit
		// records and events are written in one statement (txn.Batch); -> 21 on
		// PostgreSQL, completion reads the cart and its lines in one statement (cart/inline.go);
		// -> 20, so does a change of the cart's lines, under the cart's lock; -> 18, and
		// both read the shelf in the same statement (cart.withShelf).
		limit := 25
		if db.Dialect == dialect.Postgres {
			limit = 18
		}
		require.LessOrEqual(t, total, limit, "statements per order: %q", lists)
		if testing.Verbose() {
			for i, l := range lists {
				for _, q := range l {
					if len(q) > 140 && !strings.Contains(q, "FOR UPDATE") {
						q = q[:140] + "…"
					}
					t.Logf("request %d: %s", i+1, strings.ReplaceAll(q, "\n", " "))
				}
			}
		}
	})
}

func sqlOf(ran []testenv.Statement) []string {
	out := make([]string, len(ran))
	for i, st := range ran {
		out[i] = st.SQL
	}
	return out
}
