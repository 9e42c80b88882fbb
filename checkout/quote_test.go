package checkout_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/quotemessage"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
)

const (
	requestQuoteQ = `mutation($c: ID!, $m: String!) { requestQuote(cartId: $c, message: $m) { id status companyID lines { id sku quantity unitPrice quotedUnitPrice } } }`
	respondQ      = `mutation($id: ID!, $p: [QuotePriceInput!]!, $m: String!) { respondToQuote(id: $id, prices: $p, message: $m) { id status lines { id unitPrice quotedUnitPrice } } }`
	sayQ          = `mutation($id: ID!, $m: String!) { addQuoteMessage(id: $id, message: $m) { side body } }`
	acceptQ       = `mutation($id: ID!) { acceptQuote(id: $id) { id total companyID } }`
	declineQ      = `mutation($id: ID!) { declineQuote(id: $id, reason: "found it cheaper") { status declineReason } }`
	quoteQ        = `query($id: ID!) { quote(id: $id) { id status messages(first: 10) { totalCount edges { node { side body } } } } }`
)

type quoteOut struct {
	ID, Status, CompanyID string
	Lines                 []struct {
		ID              int
		Sku             string
		Quantity        int
		UnitPrice       int64
		QuotedUnitPrice *int64
	}
}

// requestQuote asks for a quote on a ready cart of p with items, and answers it.
func requestQuote(t *testing.T, b *checkouttest.B2B, p checkouttest.Person, items ...checkouttest.Item) (quoteOut, string) {
	t.Helper()
	c := b.Cart(t, p, items...)
	var out struct{ RequestQuote quoteOut }
	b.API.MustDo(t, p.In(b.StoreA1), requestQuoteQ, map[string]any{"c": checkouttest.ID(c.Token), "m": "what is your best price?"}).Decode(t, &out)
	return out.RequestQuote, checkouttest.ID(c.Token)
}

// A buyer asks for prices, the store's staff answer per line, both sides talk, and the
// buyer's acceptance places the order at the quoted prices, once. Nobody of another
// company or tenant sees the quote.
func TestQuoteBecomesAnOrderAtTheQuotedPrices(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		q, cart := requestQuote(t, b, b.Buyer1, checkouttest.Of("abaya", 2))
		assert.Equal(t, "requested", q.Status)
		assert.Equal(t, checkouttest.ID(b.Company.ID), q.CompanyID)
		require.Len(t, q.Lines, 1)
		assert.Equal(t, int64(40000), q.Lines[0].UnitPrice)
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.In(b.StoreA1), b2bCompleteQ, map[string]any{"c": cart, "k": "k"}), "CONFLICT")

		price := []map[string]any{{"line": 1, "unitPrice": 35000}}
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, respondQ, map[string]any{"id": q.ID, "p": price, "m": "x"}), "FORBIDDEN")
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.TenantAdminB), respondQ, map[string]any{"id": q.ID, "p": price, "m": "x"}), "NOT_FOUND")
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.ManagerA1), respondQ,
			map[string]any{"id": q.ID, "p": []map[string]any{{"line": 2, "unitPrice": 1}}, "m": "x"}), "BAD_USER_INPUT", "prices")
		var resp struct{ RespondToQuote quoteOut }
		b.API.MustDo(t, b.As(testenv.ManagerA1), respondQ, map[string]any{"id": q.ID, "p": price, "m": "350.00 each for two"}).Decode(t, &resp)
		assert.Equal(t, "responded", resp.RespondToQuote.Status)
		require.NotNil(t, resp.RespondToQuote.Lines[0].QuotedUnitPrice)
		assert.Equal(t, int64(35000), *resp.RespondToQuote.Lines[0].QuotedUnitPrice)
		var said struct{ AddQuoteMessage struct{ Side, Body string } }
		b.API.MustDo(t, b.Buyer1.Headers, sayQ, map[string]any{"id": q.ID, "m": "deal"}).Decode(t, &said)
		assert.Equal(t, "buyer", said.AddQuoteMessage.Side)
		assert.Equal(t, "deal", said.AddQuoteMessage.Body, "the message written is the one answered")

		var thread struct {
			Quote *struct {
				Messages struct {
					TotalCount int
					Edges      []struct{ Node struct{ Side, Body string } }
				}
			}
		}
		b.API.MustDo(t, b.Admin.Headers, quoteQ, map[string]any{"id": q.ID}).Decode(t, &thread)
		require.NotNil(t, thread.Quote, "the company's admins see its quotes")
		assert.Equal(t, 3, thread.Quote.Messages.TotalCount)
		for _, h := range []testenv.Headers{b.OtherAdmin.Headers, b.OtherBuyer.Headers, b.Buyer2.Headers, b.As(testenv.TenantAdminB)} {
			thread.Quote = nil
			if r := b.API.Do(t, h, quoteQ, map[string]any{"id": q.ID}); len(r.Errors) == 0 {
				r.Decode(t, &thread)
			}
			assert.Nil(t, thread.Quote, "another buyer, company or tenant never sees the quote")
			testenv.RequireError(t, b.API.Do(t, h, acceptQ, map[string]any{"id": q.ID}), "NOT_FOUND")
		}

		var acc, again struct{ AcceptQuote b2bOrder }
		b.API.MustDo(t, b.Buyer1.Headers, acceptQ, map[string]any{"id": q.ID}).Decode(t, &acc)
		assert.Equal(t, int64(2*35000+2500), acc.AcceptQuote.Total, "two abayas at the quoted price and shipping")
		assert.Equal(t, checkouttest.ID(b.Company.ID), acc.AcceptQuote.CompanyID)
		b.API.MustDo(t, b.Buyer1.Headers, acceptQ, map[string]any{"id": q.ID}).Decode(t, &again)
		assert.Equal(t, acc.AcceptQuote.ID, again.AcceptQuote.ID, "accepted once")
		assert.Equal(t, 2, reserved(t, b, "abaya"))
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, sayQ, map[string]any{"id": q.ID, "m": "more?"}), "CONFLICT")
	})
}

// Quotes are a b2b store's signed-in buyers'; a declined or expired quote lets the cart
// go; a buyer's quote over its limit is accepted by a company admin only.
func TestQuoteRules(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		guest := checkouttest.Build(t, b.Commerce, checkouttest.Cart{})
		testenv.RequireError(t, b.API.Do(t, checkouttest.Guest(b.Commerce, b.StoreA1), requestQuoteQ,
			map[string]any{"c": checkouttest.ID(guest.Token), "m": "hi"}), "UNAUTHENTICATED")
		retail := checkouttest.Build(t, b.Commerce, checkouttest.Cart{Store: b.StoreA2, Customer: b.Buyer1.User, Items: []checkouttest.Item{checkouttest.Of("hijab", 1)}})
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.In(b.StoreA2), requestQuoteQ,
			map[string]any{"c": checkouttest.ID(retail.Token), "m": "hi"}), "FORBIDDEN")

		// Declined: the cart changes again.
		q, cart := requestQuote(t, b, b.Outsider)
		assert.Empty(t, q.CompanyID, "a customer of no company asks as itself")
		var dec struct {
			DeclineQuote struct{ Status, DeclineReason string }
		}
		b.API.MustDo(t, b.Outsider.Headers, declineQ, map[string]any{"id": q.ID}).Decode(t, &dec)
		assert.Equal(t, "declined", dec.DeclineQuote.Status)
		b.API.MustDo(t, b.Outsider.In(b.StoreA1), addLineQ, map[string]any{"c": cart, "v": checkouttest.ID(b.Variants["abaya"].ID)})

		// Unanswered for 30 days: expired, the cart free.
		q, cart = requestQuote(t, b, b.Buyer2)
		clock.Add(30*24*time.Hour + time.Minute)
		n, err := b.API.App.Checkout.ExpireQuotes(checkouttest.Sys(), 100)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.ManagerA1), respondQ,
			map[string]any{"id": q.ID, "p": []map[string]any{{"line": 1, "unitPrice": 1}}, "m": "late"}), "CONFLICT")
		b.API.MustDo(t, b.Buyer2.In(b.StoreA1), addLineQ, map[string]any{"c": cart, "v": checkouttest.ID(b.Variants["abaya"].ID)})

		// Four thobes at the list price pass Buyer1's 1,000.00: only a company admin accepts.
		q, _ = requestQuote(t, b, b.Buyer1, checkouttest.Of("thobe", 4))
		b.API.MustDo(t, b.As(testenv.TenantAdminA), respondQ, map[string]any{"id": q.ID, "p": []map[string]any{{"line": 1, "unitPrice": 25000}}, "m": "list price"})
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, acceptQ, map[string]any{"id": q.ID}), "FORBIDDEN")
		testenv.RequireError(t, b.API.Do(t, b.OtherAdmin.Headers, acceptQ, map[string]any{"id": q.ID}), "NOT_FOUND")
		var acc struct{ AcceptQuote b2bOrder }
		b.API.MustDo(t, b.Admin.Headers, acceptQ, map[string]any{"id": q.ID}).Decode(t, &acc)
		assert.Equal(t, int64(4*25000+2500), acc.AcceptQuote.Total)
	})
}

// A quote is its company's only while its buyer works there: once the buyer is
// deactivated or removed, neither the buyer nor a company admin accepts it.
func TestDepartedBuyerCannotAcceptQuote(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		ctx := checkouttest.Sys()
		answered := func(p checkouttest.Person) string {
			q, _ := requestQuote(t, b, p)
			b.API.MustDo(t, b.As(testenv.ManagerA1), respondQ, map[string]any{"id": q.ID, "p": []map[string]any{{"line": 1, "unitPrice": 20000}}, "m": "200.00"})
			return q.ID
		}
		deactivated, removed := answered(b.Buyer1), answered(b.Buyer2)
		require.NoError(t, db.Client.Employee.UpdateOneID(b.Buyer1.Employee.ID).SetStatus(employee.StatusDeactivated).Exec(ctx))
		require.NoError(t, db.Client.Employee.DeleteOneID(b.Buyer2.Employee.ID).Exec(ctx))

		r := b.API.Do(t, b.Buyer1.Headers, acceptQ, map[string]any{"id": deactivated})
		testenv.RequireError(t, r, "FORBIDDEN")
		assert.Contains(t, r.Errors[0].Message, "no longer an active employee")
		testenv.RequireError(t, b.API.Do(t, b.Buyer2.Headers, acceptQ, map[string]any{"id": removed}), "FORBIDDEN")
		testenv.RequireError(t, b.API.Do(t, b.Admin.Headers, acceptQ, map[string]any{"id": deactivated}), "FORBIDDEN")
		n, err := db.Client.Order.Query().Where(order.CustomerIDIn(b.Buyer1.User.ID, b.Buyer2.User.ID)).Count(ctx)
		require.NoError(t, err)
		assert.Zero(t, n, "no order placed for a departed buyer")
	})
}

// A quote's thread holds checkout.MaxQuoteMessages messages at most: the next one, from
// either side, is refused.
func TestQuoteThreadIsCapped(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		q, _ := requestQuote(t, b, b.Buyer1)
		id, err := strconv.Atoi(q.ID)
		require.NoError(t, err)
		more := make([]*ent.QuoteMessageCreate, checkout.MaxQuoteMessages-2) // the request's message and one more fit
		for i := range more {
			more[i] = db.Client.QuoteMessage.Create().SetTenantID(b.TenantA.ID).SetQuoteID(id).
				SetAuthorID(b.Buyer1.User.ID).SetSide(quotemessage.SideBuyer).SetBody("again")
		}
		require.NoError(t, db.Client.QuoteMessage.CreateBulk(more...).Exec(checkouttest.Sys()))

		b.API.MustDo(t, b.Buyer1.Headers, sayQ, map[string]any{"id": q.ID, "m": "the last one"})
		r := b.API.Do(t, b.Buyer1.Headers, sayQ, map[string]any{"id": q.ID, "m": "one too many"})
		testenv.RequireError(t, r, "CONFLICT")
		assert.Contains(t, r.Errors[0].Message, "full")
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.ManagerA1), respondQ,
			map[string]any{"id": q.ID, "p": []map[string]any{{"line": 1, "unitPrice": 1}}, "m": "x"}), "CONFLICT")
		n, err := db.Client.QuoteMessage.Query().Where(quotemessage.QuoteID(id)).Count(checkouttest.Sys())
		require.NoError(t, err)
		assert.Equal(t, checkout.MaxQuoteMessages, n)
	})
}

// A message written with a secret API key has no author (no user wrote it); a signed-in
// user's names them.
func TestQuoteMessageOfAnAPIKeyHasNoAuthor(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		clock := checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
		b := b2bAt(t, db, clock)
		q, _ := requestQuote(t, b, b.Buyer1)
		const say = `mutation($id: ID!, $m: String!) { addQuoteMessage(id: $id, message: $m) { side authorID } }`
		var out struct {
			AddQuoteMessage struct {
				Side     string
				AuthorID *string
			}
		}
		key, err := b.API.App.Tenancy.CreateAPIKey(checkouttest.Sys(), tenancy.CreateAPIKeyInput{TenantID: b.TenantA.ID,
			Kind: apikey.KindSecret, Name: "ERP", Roles: []membership.Role{membership.RoleTenantAdmin}})
		require.NoError(t, err)
		b.API.MustDo(t, testenv.Headers{"X-Api-Key": key.Token}, say, map[string]any{"id": q.ID, "m": "from the ERP"}).Decode(t, &out)
		assert.Equal(t, "staff", out.AddQuoteMessage.Side)
		assert.Nil(t, out.AddQuoteMessage.AuthorID)
		b.API.MustDo(t, b.Buyer1.Headers, say, map[string]any{"id": q.ID, "m": "thanks"}).Decode(t, &out)
		require.NotNil(t, out.AddQuoteMessage.AuthorID)
		assert.Equal(t, checkouttest.ID(b.Buyer1.User.ID), *out.AddQuoteMessage.AuthorID)
	})
}
