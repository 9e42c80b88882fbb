package checkout_test

import (
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/testenv"
)

const (
	b2bCompleteQ = `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { id total companyID } }`
	approveQ     = `mutation($id: ID!) { approveRequest(id: $id) { id total companyID customerID } }`
	rejectQ      = `mutation($id: ID!, $r: String!) { rejectRequest(id: $id, reason: $r) { id status note } }`
	cancelQ      = `mutation($id: ID!) { cancelApprovalRequest(id: $id) { id status } }`
	requestQ     = `query($id: ID!) { approvalRequest(id: $id) { id status reasons total shippingMethod lines { id sku quantity unitPrice } } }`
	requestsQ    = `{ approvalRequests(first: 20) { totalCount edges { node { id status } } } }`
	addLineQ     = `mutation($c: ID!, $v: ID!) { addLineItem(cartId: $c, variantId: $v, quantity: 1) { id } }`
)

type b2bOrder struct {
	ID, CompanyID, CustomerID string
	Total                     int64
}

// b2bAt is the b2b fixture with the platform's clock at clock.
func b2bAt(t *testing.T, db *testenv.DB, clock *checkouttest.Clock) *checkouttest.B2B {
	cfg := testenv.Config()
	cfg.Now = clock.Now
	return checkouttest.NewB2B(t, testenv.NewCommerceWith(t, db, cfg))
}

// checkoutAs completes cart c as p in store A1 with key; it answers the order, or the
// response of a checkout that b2bOrder none.
func checkoutAs(t *testing.T, b *checkouttest.B2B, p checkouttest.Person, c *ent.Cart, key string) (*b2bOrder, *testenv.Response) {
	t.Helper()
	r := b.API.Do(t, p.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": checkouttest.ID(c.Token), "k": key})
	if len(r.Errors) > 0 {
		return nil, r
	}
	var out struct{ CompleteCart b2bOrder }
	r.Decode(t, &out)
	return &out.CompleteCart, r
}

// awaiting asserts r is AWAITING_APPROVAL for reasons and answers the request's id.
func awaiting(t *testing.T, r *testenv.Response, reasons ...string) string {
	t.Helper()
	testenv.RequireError(t, r, "AWAITING_APPROVAL")
	ext := r.Errors[0].Extensions
	got := []string{}
	for _, x := range ext["reasons"].([]any) {
		got = append(got, x.(string))
	}
	assert.Equal(t, reasons, got)
	id, _ := ext["approvalRequestId"].(string)
	require.NotEmpty(t, id)
	return id
}

func reserved(t *testing.T, b *checkouttest.B2B, handle string) int {
	t.Helper()
	return checkouttest.Stock(t, b.Commerce, handle).ReservedQuantity
}

// A buyer's checkout over its monthly limit places no order: the cart is held, its prices
// and stock frozen in an approval request that only its company's admins decide; approved,
// the order is b2bOrder from the frozen cart, once, at the prices it had.
func TestOverLimitWaitsForApproval(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		// 3 thobes at 250.00 and 25.00 shipping: 775.00 of Buyer1's 1,000.00 a month.
		first, r := checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3)), "k1")
		require.Nil(t, r.Errors)
		assert.Equal(t, int64(77500), first.Total)
		assert.Equal(t, checkouttest.ID(b.Company.ID), first.CompanyID, "the order is the company's")

		// One more thobe (275.00) would make 1,050.00.
		cart := b.Cart(t, b.Buyer1)
		_, r = checkoutAs(t, b, b.Buyer1, cart, "k2")
		id := awaiting(t, r, "over_limit")
		_, again := checkoutAs(t, b, b.Buyer1, cart, "k2")
		assert.Equal(t, id, awaiting(t, again, "over_limit"), "a retry answers the same request")
		_, other := checkoutAs(t, b, b.Buyer1, cart, "another-key")
		testenv.RequireError(t, other, "CONFLICT")
		assert.Equal(t, 4, reserved(t, b, "thobe"), "the request holds its unit")
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.In(b.StoreA1), addLineQ,
			map[string]any{"c": checkouttest.ID(cart.Token), "v": checkouttest.ID(b.Variants["abaya"].ID)}), "CONFLICT")

		var req struct {
			ApprovalRequest *struct {
				ID, Status, ShippingMethod string
				Reasons                    []string
				Total                      int64
				Lines                      []struct {
					ID, Quantity int
					Sku          string
					UnitPrice    int64
				}
			}
		}
		b.API.MustDo(t, b.Buyer1.Headers, requestQ, map[string]any{"id": id}).Decode(t, &req)
		require.NotNil(t, req.ApprovalRequest, "the buyer sees its request")
		assert.Equal(t, "pending", req.ApprovalRequest.Status)
		assert.Equal(t, int64(27500), req.ApprovalRequest.Total)
		assert.Equal(t, "Standard", req.ApprovalRequest.ShippingMethod)
		require.Len(t, req.ApprovalRequest.Lines, 1)
		assert.Equal(t, int64(25000), req.ApprovalRequest.Lines[0].UnitPrice)

		// The price list changes meanwhile: the request keeps the price it froze.
		ctx := checkouttest.Sys()
		require.NoError(t, db.Client.Price.Update().Where(price.VariantID(b.Variants["thobe"].ID), price.CurrencyCode("SAR")).
			SetAmount(30000).Exec(ctx))

		// Nobody but the company's admins (and the tenant's) decides.
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, approveQ, map[string]any{"id": id}), "FORBIDDEN")
		for _, h := range []testenv.Headers{b.OtherAdmin.Headers, b.Outsider.Headers, b.As(testenv.TenantAdminB), b.As(testenv.SecretB)} {
			testenv.RequireError(t, b.API.Do(t, h, approveQ, map[string]any{"id": id}), "NOT_FOUND")
			var none struct{ ApprovalRequest *struct{ ID string } }
			if r := b.API.Do(t, h, requestQ, map[string]any{"id": id}); len(r.Errors) == 0 {
				r.Decode(t, &none)
				assert.Nil(t, none.ApprovalRequest, "another company or tenant never sees the request")
			}
		}

		var out struct{ ApproveRequest b2bOrder }
		b.API.MustDo(t, b.Admin.Headers, approveQ, map[string]any{"id": id}).Decode(t, &out)
		assert.Equal(t, int64(27500), out.ApproveRequest.Total, "b2bOrder at the frozen price")
		assert.Equal(t, checkouttest.ID(b.Buyer1.User.ID), out.ApproveRequest.CustomerID)
		var twice struct{ ApproveRequest b2bOrder }
		b.API.MustDo(t, b.Admin.Headers, approveQ, map[string]any{"id": id}).Decode(t, &twice)
		assert.Equal(t, out.ApproveRequest.ID, twice.ApproveRequest.ID, "approving again answers the same order")
		retried, r := checkoutAs(t, b, b.Buyer1, cart, "k2")
		require.Nil(t, r.Errors)
		assert.Equal(t, out.ApproveRequest.ID, retried.ID, "the buyer's retry of its checkout finds the order")
		assert.Equal(t, 4, reserved(t, b, "thobe"), "the request's unit moved to the order, not reserved twice")

		// The company's admins see its orders; another company's do not.
		count := func(h testenv.Headers) int {
			var o struct{ Orders struct{ TotalCount int } }
			b.API.MustDo(t, h, `{ orders(first: 10) { totalCount } }`, nil).Decode(t, &o)
			return o.Orders.TotalCount
		}
		assert.Equal(t, 2, count(b.Admin.Headers))
		assert.Equal(t, 0, count(b.OtherAdmin.Headers))
		assert.Equal(t, 0, count(b.Buyer2.Headers), "a buyer sees its own orders only")
		var list struct{ ApprovalRequests struct{ TotalCount int } }
		b.API.MustDo(t, b.OtherAdmin.Headers, requestsQ, nil).Decode(t, &list)
		assert.Equal(t, 0, list.ApprovalRequests.TotalCount)
		b.API.MustDo(t, b.Admin.Headers, requestsQ, nil).Decode(t, &list)
		assert.Equal(t, 1, list.ApprovalRequests.TotalCount)
	})
}

// A rejected request gives its stock back and the cart to the buyer; a request nobody
// decides expires, and cannot be approved after.
func TestRejectCancelAndExpiry(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		ctx := checkouttest.Sys()
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetApproval(company.ApprovalAll).Exec(ctx))

		cart := b.Cart(t, b.Buyer2, checkouttest.Of("abaya", 2))
		_, r := checkoutAs(t, b, b.Buyer2, cart, "k")
		id := awaiting(t, r, "approval_required")
		assert.Equal(t, 2, reserved(t, b, "abaya"))
		testenv.RequireError(t, b.API.Do(t, b.Buyer2.Headers, rejectQ, map[string]any{"id": id, "r": "no"}), "FORBIDDEN")
		testenv.RequireError(t, b.API.Do(t, b.Admin.Headers, rejectQ, map[string]any{"id": id, "r": ""}), "BAD_USER_INPUT", "reason")
		var rej struct{ RejectRequest struct{ Status, Note string } }
		b.API.MustDo(t, b.Admin.Headers, rejectQ, map[string]any{"id": id, "r": "over budget this quarter"}).Decode(t, &rej)
		assert.Equal(t, "rejected", rej.RejectRequest.Status)
		assert.Equal(t, "over budget this quarter", rej.RejectRequest.Note)
		assert.Equal(t, 0, reserved(t, b, "abaya"), "the stock went back")
		testenv.RequireError(t, b.API.Do(t, b.Admin.Headers, approveQ, map[string]any{"id": id}), "CONFLICT")
		b.API.MustDo(t, b.Buyer2.In(b.StoreA1), addLineQ,
			map[string]any{"c": checkouttest.ID(cart.Token), "v": checkouttest.ID(b.Variants["thobe"].ID)})

		// The buyer checks out again, then withdraws; then again, and nobody decides.
		_, r = checkoutAs(t, b, b.Buyer2, cart, "k-2")
		second := awaiting(t, r, "approval_required")
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, cancelQ, map[string]any{"id": second}), "NOT_FOUND") // another buyer's
		var can struct{ CancelApprovalRequest struct{ Status string } }
		b.API.MustDo(t, b.Buyer2.Headers, cancelQ, map[string]any{"id": second}).Decode(t, &can)
		assert.Equal(t, "canceled", can.CancelApprovalRequest.Status)
		assert.Equal(t, 0, reserved(t, b, "abaya"))

		_, r = checkoutAs(t, b, b.Buyer2, cart, "k-3")
		third := awaiting(t, r, "approval_required")
		assert.Equal(t, 2, reserved(t, b, "abaya"))
		clock.Add(71 * time.Hour)
		n, err := b.API.App.Checkout.ExpireApprovals(ctx, 100)
		require.NoError(t, err)
		assert.Equal(t, 0, n, "not yet due")
		clock.Add(time.Hour)
		testenv.RequireError(t, b.API.Do(t, b.Admin.Headers, approveQ, map[string]any{"id": third}), "CONFLICT")
		n, err = b.API.App.Checkout.ExpireApprovals(ctx, 100)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Equal(t, 0, reserved(t, b, "abaya"), "expiry gave the stock back")
		var st struct{ ApprovalRequest struct{ Status string } }
		b.API.MustDo(t, b.Admin.Headers, requestQ, map[string]any{"id": third}).Decode(t, &st)
		assert.Equal(t, "expired", st.ApprovalRequest.Status)

		// The company's admin buys without approval; so does a customer of no company.
		_, r = checkoutAs(t, b, b.Admin, b.Cart(t, b.Admin), "a")
		require.Nil(t, r.Errors)
		plain, r := checkoutAs(t, b, b.Outsider, b.Cart(t, b.Outsider), "o")
		require.Nil(t, r.Errors)
		assert.Empty(t, plain.CompanyID)
	})
}

// A limit counts the orders of the current calendar month in the company's time zone
// (Riyadh, UTC+3): just after its midnight the limit is whole again, while it is still
// the last day of the month in UTC.
func TestLimitResetsAtTheCompanysMidnight(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 1, 31, 20, 30, 0, 0, time.UTC)) // 23:30 in Riyadh
		b := b2bAt(t, db, clock)
		_, r := checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3)), "jan")
		require.Nil(t, r.Errors)
		_, r = checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 1)), "jan-2")
		awaiting(t, r, "over_limit")
		clock.Set(time.Date(2026, 1, 31, 21, 30, 0, 0, time.UTC)) // 00:30 on 1 February in Riyadh
		_, r = checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3)), "feb")
		require.Nil(t, r.Errors, "a new month in Riyadh: the limit reset")
	})
}

// Two checkouts of one buyer racing past its limit: at most one places an order, the
// other waits for approval.
func TestRacingCheckoutsPassTheLimitOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		carts := []*ent.Cart{b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3)), b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3))}
		var wg sync.WaitGroup
		codes := make([]string, len(carts))
		for i, c := range carts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := b.API.Do(t, b.Buyer1.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": checkouttest.ID(c.Token), "k": "race"})
				codes[i] = r.Code()
			}()
		}
		wg.Wait()
		assert.ElementsMatch(t, []string{"", "AWAITING_APPROVAL"}, codes, "one order, one request")
		assert.Equal(t, 6, reserved(t, b, "thobe"), "3 for the order, 3 for the request")
	})
}

// Two admins approving one request at once place one order, and the loser takes no order
// number: the store's next order has the next number.
func TestRacingApprovalsLeaveNoGap(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		_, r := checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 5)), "k")
		id := awaiting(t, r, "over_limit")

		var arrived sync.WaitGroup // both approvals read the request pending before either places
		arrived.Add(2)
		checkout.SetBeforePlace(b.API.App.Checkout, func() { arrived.Done(); arrived.Wait() })
		ids := make([]string, 2)
		var wg sync.WaitGroup
		for i, h := range []testenv.Headers{b.Admin.Headers, b.As(testenv.TenantAdminA)} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var out struct{ ApproveRequest b2bOrder }
				if r := b.API.Do(t, h, approveQ, map[string]any{"id": id}); assert.Empty(t, r.Errors) {
					r.Decode(t, &out)
				}
				ids[i] = out.ApproveRequest.ID
			}()
		}
		wg.Wait()
		checkout.SetBeforePlace(b.API.App.Checkout, nil)
		require.NotEmpty(t, ids[0])
		assert.Equal(t, ids[0], ids[1], "one order")

		next, r := checkoutAs(t, b, b.Buyer2, b.Cart(t, b.Buyer2), "k")
		require.Nil(t, r.Errors)
		number := func(id string) int {
			n, err := strconv.Atoi(id)
			require.NoError(t, err)
			o, err := db.Client.Order.Get(checkouttest.Sys(), n)
			require.NoError(t, err)
			return o.DisplayID
		}
		assert.Equal(t, number(ids[0])+1, number(next.ID), "the losing approval took no number")
	})
}

// A held cart is never checked out, and every refusal says so as a CONFLICT: held by a
// request, by a quote, or (a hold whose request is gone) by nothing the buyer can see.
func TestHeldCartRefusalsAreConflicts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		c := b.Cart(t, b.Buyer2)
		require.NoError(t, db.Client.Cart.UpdateOneID(c.ID).SetHeldAt(clock.Now()).Exec(checkouttest.Sys()))
		_, r := checkoutAs(t, b, b.Buyer2, c, "k")
		testenv.RequireError(t, r, "CONFLICT")
		assert.Contains(t, r.Errors[0].Message, "on hold")

		_, cart := requestQuote(t, b, b.Buyer1)
		r = b.API.Do(t, b.Buyer1.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": cart, "k": "k"})
		testenv.RequireError(t, r, "CONFLICT")
		assert.Contains(t, r.Errors[0].Message, "held by quote")
	})
}
