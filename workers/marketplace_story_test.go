package workers_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// The marketplace as its people live it, through the GraphQL API alone and as the demo
// logins, with the real workers in between: a maker applies and is approved, lists a
// product the tenant approves, a shopper buys from two vendors in one checkout, each
// vendor fulfils its own part, the payment is captured and part refunded, and the payout
// run pays each vendor what it is owed, to the cent, while no vendor sees another's rows.
func TestMarketplaceStory(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.PayoutHold = 7 * 24 * time.Hour
		api := testenv.NewAPI(t, db, cfg)
		_, err := seed.Demo(context.Background(), db.Client, api.App.Tenancy, seed.DefaultPassword)
		require.NoError(t, err)
		s := &story{t: t, api: api}
		run := s.workers(db, api)

		souq := testenv.Headers{"X-Store-Host": "souq.dakkah.test"}
		var where struct {
			ResolveStore struct {
				Store  struct{ ID string }
				Tenant struct{ ID string }
			}
		}
		s.do(nil, `{ resolveStore(host: "souq.dakkah.test") { store { id } tenant { id } } }`, nil, &where)
		storeID, tenantID := where.ResolveStore.Store.ID, where.ResolveStore.Tenant.ID

		// A maker signs up on the souq and applies; the tenant's admin approves.
		var reg struct{ RegisterCustomer struct{ AccessToken string } }
		s.do(souq, `mutation { registerCustomer(input: {email: "maker@oasis.test", password: "oasis-pottery-1"}) { accessToken } }`, nil, &reg)
		maker := bearer(reg.RegisterCustomer.AccessToken)
		var applied struct{ ApplyAsVendor struct{ ID, Status string } }
		s.do(maker, `mutation { applyAsVendor(tenantHandle: "saudi-marketplace", input: {handle: "oasis-pottery", name: "Oasis Pottery", payoutAccount: "acct_oasis"}) { id status } }`, nil, &applied)
		require.Equal(t, "pending", applied.ApplyAsVendor.Status)
		oasis := applied.ApplyAsVendor.ID
		tenant := s.login("admin@saudi-marketplace.test")
		s.do(tenant, `mutation($v: ID!) { approveVendor(id: $v) { status } }`, vars{"v": oasis}, nil)

		// The new vendor lists a product at its own stock location; it sells once approved.
		var loc struct{ CreateStockLocation struct{ ID string } }
		s.do(maker, `mutation($t: ID!, $v: ID!) { createStockLocation(input: {tenantId: $t, vendorId: $v, name: "Oasis kiln"}) { id } }`,
			vars{"t": tenantID, "v": oasis}, &loc)
		var made struct{ CreateProduct struct{ ID string } }
		s.do(maker, `mutation($t: ID!, $v: ID!) { createProduct(input: {tenantId: $t, vendorId: $v, title: "Clay Incense Burner", handle: "oasis-incense-burner", status: published}) { id } }`,
			vars{"t": tenantID, "v": oasis}, &made)
		product := made.CreateProduct.ID
		var variant struct{ CreateProductVariant struct{ ID string } }
		s.do(maker, `mutation($p: ID!) { createProductVariant(input: {productId: $p, title: "Default", sku: "OASIS-BURNER"}) { id } }`, vars{"p": product}, &variant)
		burner := variant.CreateProductVariant.ID
		s.do(maker, `mutation($v: ID!, $l: ID!) {
			setPrice(input: {variantId: $v, currencyCode: "SAR", amount: 12345}) { id }
			setStockLevel(variantId: $v, locationId: $l, stockedQuantity: 5) { stockedQuantity } }`,
			vars{"v": burner, "l": loc.CreateStockLocation.ID}, nil)
		s.do(maker, `mutation($p: ID!, $s: ID!) { submitProductForReview(productId: $p, storeId: $s) { reviewStatus } }`, vars{"p": product, "s": storeID}, nil)
		assert.NotContains(t, s.souqHandles(souq), "oasis-incense-burner", "not on sale before approval")
		s.do(tenant, `mutation($p: ID!) { approveProduct(productId: $p) { reviewStatus } }`, vars{"p": product}, nil)
		assert.Contains(t, s.souqHandles(souq), "oasis-incense-burner")

		// A shopper buys one burner (the new vendor) and three saffrons (hejaz-spices) in
		// one checkout.
		saffron := s.variantOf(souq, "hejaz-saffron")
		var regions struct {
			Regions []struct{ ID, CurrencyCode string }
		}
		s.do(souq, `{ regions { id currencyCode } }`, nil, &regions)
		var sar string
		for _, r := range regions.Regions {
			if r.CurrencyCode == "SAR" {
				sar = r.ID
			}
		}
		var cart struct{ CreateCart struct{ ID string } }
		s.do(souq, `mutation($r: ID!) { createCart(input: {regionId: $r, email: "shopper@example.com"}) { id } }`, vars{"r": sar}, &cart)
		cartID := cart.CreateCart.ID
		s.do(souq, `mutation($c: ID!, $a: ID!, $b: ID!, $addr: AddressInput!) {
			a: addLineItem(cartId: $c, variantId: $a, quantity: 1) { id }
			b: addLineItem(cartId: $c, variantId: $b, quantity: 3) { id }
			setShippingAddress(cartId: $c, input: $addr) { id } }`,
			vars{"c": cartID, "a": burner, "b": saffron, "addr": vars{"firstName": "Sara", "lastName": "Al-Harbi",
				"address1": "King Fahd Rd 1", "city": "Riyadh", "postalCode": "12211", "countryCode": "SA"}}, nil)
		var options struct{ ShippingOptions []struct{ ID string } }
		s.do(souq, `query($c: ID!) { shippingOptions(cartId: $c) { id } }`, vars{"c": cartID}, &options)
		s.do(souq, `mutation($c: ID!, $o: ID!) { setShippingMethod(cartId: $c, shippingOptionId: $o) { id } }`,
			vars{"c": cartID, "o": options.ShippingOptions[0].ID}, nil)
		var placed struct{ CompleteCart struct{ ID string } }
		s.do(souq, `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "story") { id } }`, vars{"c": cartID}, &placed)
		orderID := placed.CompleteCart.ID

		// The order is in two vendor orders; each vendor sees and fulfils only its own.
		hejaz, najd := s.login("admin@hejaz-spices.test"), s.login("admin@najd-crafts.test")
		mine := func(h testenv.Headers) []suborderOut {
			var out struct {
				Suborders struct{ Edges []struct{ Node suborderOut } }
			}
			s.do(h, `{ suborders(first: 10) { edges { node { id total customerName vendor { handle } items { sku quantity total } } } } }`, nil, &out)
			var got []suborderOut
			for _, e := range out.Suborders.Edges {
				got = append(got, e.Node)
			}
			return got
		}
		ofOasis, ofHejaz := mine(maker), mine(hejaz)
		require.Len(t, ofOasis, 1)
		require.Len(t, ofHejaz, 1)
		assert.Empty(t, mine(najd), "najd-crafts sold nothing here")
		assert.Equal(t, suborderOut{ID: ofOasis[0].ID, Total: ofOasis[0].Total, CustomerName: "Sara Al-Harbi",
			Vendor: struct{ Handle string }{"oasis-pottery"}, Items: []itemOut{{"OASIS-BURNER", 1, 12345}}}, ofOasis[0])
		assert.Equal(t, []itemOut{{"hejaz-saffron-1", 3, 13500}}, ofHejaz[0].Items)
		testenv.RequireError(t, s.api.Do(t, hejaz, `mutation($id: ID!) { fulfillVendorOrder(id: $id) { id } }`, vars{"id": ofOasis[0].ID}), "NOT_FOUND")

		fulfilled := func() string {
			var out struct {
				Node struct{ FulfillmentStatus string }
			}
			s.do(tenant, `query($id: ID!) { node(id: $id) { ... on Order { fulfillmentStatus } } }`, vars{"id": orderID}, &out)
			return out.Node.FulfillmentStatus
		}
		s.do(maker, `mutation($id: ID!) { fulfillVendorOrder(id: $id) { fulfillmentStatus } }`, vars{"id": ofOasis[0].ID}, nil)
		assert.Equal(t, "not_fulfilled", fulfilled(), "the least advanced part")
		s.do(hejaz, `mutation($id: ID!) { fulfillVendorOrder(id: $id) { fulfillmentStatus } }`, vars{"id": ofHejaz[0].ID}, nil)
		assert.Equal(t, "fulfilled", fulfilled())

		// The tenant captures the payment, then refunds one saffron of hejaz-spices' part.
		s.do(tenant, `mutation($o: ID!) { capturePayment(orderId: $o) { paymentStatus } }`, vars{"o": orderID}, nil)
		s.do(tenant, `mutation($id: ID!) { refundVendorOrder(id: $id, amount: 4500) { refundedTotal } }`, vars{"id": ofHejaz[0].ID}, nil)
		run.events()

		// The ledger, by hand: the burner pays the tenant's 10 % (1234.5, half-even 1234);
		// hejaz-spices' 7 % of 13 500 is 945, and the refund of a third reverses a third
		// of it (315).
		assert.Equal(t, balanceOut{Gross: 12345, Commission: 1234, Net: 11111}, s.balance(tenant, oasis))
		hejazID := s.vendorID(hejaz)
		assert.Equal(t, balanceOut{Gross: 13500, Commission: 945, Refunds: 4500, CommissionReversed: 315, Net: 8370}, s.balance(hejaz, hejazID))
		testenv.RequireError(t, s.api.Do(t, hejaz, balanceQ, vars{"v": oasis}), "NOT_FOUND", "") // another vendor does not exist for it

		// The run pays nothing inside the hold, then each vendor its net once.
		run.payouts(time.Now())
		assert.Empty(t, s.payouts(tenant, ""), "sales wait for the hold")
		run.payouts(time.Now().Add(cfg.PayoutHold + time.Hour))
		run.payouts(time.Now().Add(cfg.PayoutHold + time.Hour))
		paid := s.payouts(tenant, "")
		require.Len(t, paid, 2, "one payout per vendor, however often the run runs")
		byVendor := map[string]payoutOut{}
		for _, p := range paid {
			byVendor[p.Vendor.Handle] = p
		}
		assert.Equal(t, int64(11111), byVendor["oasis-pottery"].Amount)
		assert.Equal(t, int64(8370), byVendor["hejaz-spices"].Amount)
		assert.Equal(t, []payoutOut{byVendor["oasis-pottery"]}, s.payouts(maker, ""), "a vendor sees its own payouts")
		assert.Empty(t, s.payouts(najd, ""))
		var other struct{ Payout *payoutOut }
		s.do(hejaz, `query($id: ID!) { payout(id: $id) { id } }`, vars{"id": byVendor["oasis-pottery"].ID}, &other)
		assert.Nil(t, other.Payout, "another vendor's payout does not exist for hejaz-spices")
		testenv.RequireError(t, s.api.Do(t, maker, `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "mine") { id } }`,
			vars{"id": byVendor["oasis-pottery"].ID}), "FORBIDDEN")
		s.do(tenant, `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "bank-2026-12-05") { status } }`, vars{"id": byVendor["oasis-pottery"].ID}, nil)
		require.Len(t, s.payouts(maker, "paid"), 1)
		assert.Equal(t, balanceOut{Gross: 12345, Commission: 1234, Net: 11111}, s.balance(maker, oasis), "the ledger keeps what was paid")

		// Vendors never see the tenant's customers: the maker, a customer too, sees itself.
		customers := func(h testenv.Headers) []string {
			var out struct {
				Customers struct {
					Edges []struct{ Node struct{ Email string } }
				}
			}
			s.do(h, `query($t: ID!) { customers(tenantId: $t, first: 5) { edges { node { email } } } }`, vars{"t": tenantID}, &out)
			var got []string
			for _, e := range out.Customers.Edges {
				got = append(got, e.Node.Email)
			}
			return got
		}
		assert.Equal(t, []string{"maker@oasis.test"}, customers(maker))
		assert.Empty(t, customers(hejaz))
		assert.ElementsMatch(t, []string{"maker@oasis.test", "admin@riyadh-hotels.test", "buyer1@riyadh-hotels.test", "buyer2@riyadh-hotels.test"},
			customers(tenant), "the tenant's admin sees its customers (the maker, and the demo company's people)")
	})
}

type vars = map[string]any

type itemOut struct {
	Sku      string
	Quantity int
	Total    int64
}

type suborderOut struct {
	ID           string
	Total        int64
	CustomerName string
	Vendor       struct{ Handle string }
	Items        []itemOut
}

type balanceOut struct{ Gross, Commission, Refunds, CommissionReversed, Net int64 }

type payoutOut struct {
	ID     string
	Amount int64
	Vendor struct{ Handle string }
}

const balanceQ = `query($v: ID!) { vendorBalance(vendorId: $v, currencyCode: "SAR") { gross commission refunds commissionReversed net } }`

type story struct {
	t   *testing.T
	api *testenv.API
}

func bearer(token string) testenv.Headers { return testenv.Headers{"Authorization": "Bearer " + token} }

// do runs an operation that must succeed and decodes its data into out (when not nil).
func (s *story) do(h testenv.Headers, q string, v vars, out any) {
	s.t.Helper()
	r := s.api.MustDo(s.t, h, q, v)
	if out != nil {
		r.Decode(s.t, out)
	}
}

func (s *story) login(email string) testenv.Headers {
	s.t.Helper()
	var out struct{ Login struct{ AccessToken string } }
	s.do(nil, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
		vars{"e": email, "p": seed.DefaultPassword}, &out)
	return bearer(out.Login.AccessToken)
}

func (s *story) souqHandles(souq testenv.Headers) []string {
	s.t.Helper()
	var out struct {
		Products struct {
			Edges []struct{ Node struct{ Handle string } }
		}
	}
	s.do(souq, `{ products(first: 50) { edges { node { handle } } } }`, nil, &out)
	var hs []string
	for _, e := range out.Products.Edges {
		hs = append(hs, e.Node.Handle)
	}
	return hs
}

func (s *story) variantOf(souq testenv.Headers, handle string) string {
	s.t.Helper()
	var out struct {
		ProductByHandle struct{ Variants []struct{ ID string } }
	}
	s.do(souq, `query($h: String!) { productByHandle(handle: $h) { variants { id } } }`, vars{"h": handle}, &out)
	return out.ProductByHandle.Variants[0].ID
}

// vendorID is the vendor of a vendor admin's login: the one vendor it sees.
func (s *story) vendorID(h testenv.Headers) string {
	s.t.Helper()
	var out struct {
		Vendors struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	s.do(h, `{ vendors(first: 5) { edges { node { id } } } }`, nil, &out)
	require.Len(s.t, out.Vendors.Edges, 1)
	return out.Vendors.Edges[0].Node.ID
}

func (s *story) balance(h testenv.Headers, vendor string) balanceOut {
	s.t.Helper()
	var out struct{ VendorBalance balanceOut }
	s.do(h, balanceQ, vars{"v": vendor}, &out)
	return out.VendorBalance
}

func (s *story) payouts(h testenv.Headers, status string) []payoutOut {
	s.t.Helper()
	q := `{ payouts(first: 10) { edges { node { id amount vendor { handle } } } } }`
	var v vars
	if status != "" {
		q = `query($s: PayoutStatus) { payouts(first: 10, status: $s) { edges { node { id amount vendor { handle } } } } }`
		v = vars{"s": status}
	}
	var out struct {
		Payouts struct{ Edges []struct{ Node payoutOut } }
	}
	s.do(h, q, v, &out)
	var got []payoutOut
	for _, e := range out.Payouts.Edges {
		got = append(got, e.Node)
	}
	return got
}

// storyWorkers are the platform's workers over a queue of the test's own.
type storyWorkers struct {
	s     *story
	db    *testenv.DB
	api   *testenv.API
	deps  workers.Deps
	queue string
	q     *asynq.Client
	insp  *asynq.Inspector
}

func (s *story) workers(db *testenv.DB, api *testenv.API) *storyWorkers {
	rdb, _ := testenv.Redis(s.t)
	queue, prefix := "story-"+random(s.t), "story-"+random(s.t)+":"
	s.t.Cleanup(func() { cleanQueue(rdb, queue, prefix) })
	return &storyWorkers{s: s, db: db, api: api, queue: queue,
		q: asynq.NewClientFromRedisClient(rdb), insp: asynq.NewInspectorFromRedisClient(rdb),
		deps: workers.Deps{Client: db.Client, Redis: rdb, Notifier: &mailbox{}, KeyPrefix: prefix,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Commissions: api.App.Commissions}}
}

// events relays the outbox and hands every event to the workers, until none is left
// (handling an event may raise more: the commission lines' own).
func (w *storyWorkers) events() {
	t := w.s.t
	t.Helper()
	ctx := context.Background()
	for {
		n, err := outbox.Relay(ctx, w.db.Client, w.q, asynq.Queue(w.queue))
		require.NoError(t, err)
		if n == 0 {
			return
		}
		tasks, err := w.insp.ListPendingTasks(w.queue, asynq.PageSize(1000))
		require.NoError(t, err)
		for _, ti := range tasks {
			require.NoError(t, workers.Mux(w.deps).ProcessTask(ctx, asynq.NewTask(ti.Type, ti.Payload)), ti.Type)
			require.NoError(t, w.insp.DeleteTask(w.queue, ti.ID))
		}
	}
}

// payouts is the periodic payout run as the worker runs it, at now.
func (w *storyWorkers) payouts(now time.Time) {
	t := w.s.t
	t.Helper()
	d := w.deps
	d.Payouts = w.api.App.Payouts.WithClock(func() time.Time { return now })
	require.NoError(t, workers.Mux(d).ProcessTask(context.Background(), asynq.NewTask(workers.TaskPayouts, nil)))
}
