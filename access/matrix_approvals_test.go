package access_test

import (
	"context"
	"testing"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/approvalrequest"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/snapshot"
)

// addB2BHolds gives ca-one's buyer (buyer_C1) a pending approval request, and its second
// buyer (mate@ca-one.test) an answered quote, in store A1, each holding a cart of one
// thobe ready to become an order: the buyer sees its own request and not its fellow's
// quote; their company's admin sees and decides both.
func addB2BHolds(ctx context.Context, f *fx) {
	c := f.DB.Client
	ca := c.Company.Query().Where(company.Handle("ca-one")).OnlyX(ctx)
	buyer := c.User.Query().Where(user.Email("buyer@ca-one.test")).OnlyX(ctx)
	mate := c.User.Query().Where(user.Email("mate@ca-one.test")).OnlyX(ctx)
	thobe := f.Variants["thobe"]
	line := []snapshot.Line{{ID: 1, VariantID: thobe.ID, Title: "Default", Sku: thobe.Sku, Quantity: 1, UnitPrice: 25000}}
	cart := func(token int, u *ent.User) int {
		a := address.Address{FirstName: "Buyer", LastName: "One", Address1: "Olaya 1", City: "Riyadh", CountryCode: "SA"}
		return must1(c.Cart.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetToken(token).SetRegionID(f.SAR.ID).
			SetCurrencyCode("SAR").SetEmail(u.Email).SetCustomerID(u.ID).SetShippingAddress(&a).
			SetShippingOptionID(f.ShipSAR.ID).SetHeldAt(time.Now()).Save(ctx)).ID
	}
	mustDo(c.ApprovalRequest.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetCompanyID(ca.ID).
		SetCustomerID(buyer.ID).SetCartID(cart(880001, buyer)).SetIdempotencyKey("matrix").SetReasons([]string{"over_limit"}).
		SetCurrencyCode("SAR").SetSubtotal(25000).SetShippingTotal(2500).SetTaxTotal(3587).SetTotal(27500).SetLines(line).
		SetTerms(snapshot.Terms{ShippingOptionID: f.ShipSAR.ID, ShippingMethod: "Standard", ShippingAmount: 2500, TaxInclusive: true}).
		SetPaymentProvider("manual").SetExpiresAt(time.Now().Add(24 * time.Hour)).Exec(ctx))
	price := int64(20000)
	quoted := []snapshot.Line{line[0]}
	quoted[0].QuotedUnitPrice = &price
	q := must1(c.Quote.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetCompanyID(ca.ID).SetCustomerID(mate.ID).
		SetCartID(cart(880002, mate)).SetCurrencyCode("SAR").SetLines(quoted).SetStatus(quote.StatusResponded).
		SetExpiresAt(time.Now().Add(24 * time.Hour)).Save(ctx))
	mustDo(c.QuoteMessage.Create().SetTenantID(f.TenantA.ID).SetQuoteID(q.ID).SetAuthorID(mate.ID).SetSide("buyer").
		SetBody("best price?").Exec(ctx))
}

func requestVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.ApprovalRequest.Query().Where(approvalrequest.IdempotencyKey("matrix")).OnlyIDX(sysCtx()))}
}

func quoteVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.Quote.Query().Where(quote.StoreID(f.StoreA1.ID)).OnlyIDX(sysCtx()))}
}

// approvalCases: a buyer's requests and quotes are its own, its company's admins' and
// the tenant's staff's (a store's manager, its store's) to read; the tenant's admins and
// the company's admins decide requests, the store's staff answer quotes, and the buyer's
// side (the buyer, its company's admins) withdraws, accepts and declines. A fellow buyer
// and the other company see none of it. Whoever cannot see a request or quote is told it
// is not there.
func approvalCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	requests := func(n int) Outcome { return Allow(Eq("approvalRequests.totalCount", n)) }
	quotes := func(n int) Outcome { return Allow(Eq("quotes.totalCount", n)) }
	reads = []Case{
		{
			Name: "approvalRequests",
			Op:   `{ approvalRequests(first: 50) { totalCount edges { node { status total } } } }`,
			Expect: Cells{
				SA: requests(1), TA: requests(1), SM: requests(1), CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK: requests(0), CA1: requests(1), B1: requests(1), CA2: requests(0), B2: requests(0),
			},
		},
		{
			Name: "approvalRequest/ca-one buyer",
			Op:   `query($id: ID!) { approvalRequest(id: $id) { status lines { sku } } }`,
			Vars: requestVars,
			Expect: func() Cells {
				ok, none := Allow(Eq("approvalRequest.status", "pending")), Allow(Null("approvalRequest"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, AN: unauthenticated, SK: none,
					CA1: ok, B1: ok, CA2: none, B2: none}
			}(),
		},
		{
			Name: "quotes",
			Op:   `{ quotes(first: 50) { totalCount } }`,
			Expect: Cells{
				SA: quotes(1), TA: quotes(1), SM: quotes(1), CU: quotes(0), PK: unauthenticated, AN: unauthenticated,
				SK: quotes(0), CA1: quotes(1), B1: quotes(0), CA2: quotes(0), B2: quotes(0),
			},
		},
		{
			Name: "quote/ca-one second buyer",
			Op:   `query($id: ID!) { quote(id: $id) { status messages(first: 5) { totalCount } } }`,
			Vars: quoteVars,
			Expect: func() Cells {
				ok, none := Allow(Eq("quote.messages.totalCount", 1)), Allow(Null("quote"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: none, PK: unauthenticated, AN: unauthenticated, SK: none,
					CA1: ok, B1: none, CA2: none, B2: none}
			}(),
		},
	}
	writes = []Case{
		{
			Name: "approveRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { approveRequest(id: $id) { total } }`,
			Vars: requestVars,
			Expect: func() Cells {
				ok := Allow(Eq("approveRequest.total", 27500))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
					CA1: ok, B1: forbidden, CA2: notFound, B2: notFound}
			}(),
		},
		{
			Name: "rejectRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { rejectRequest(id: $id, reason: "no") { status } }`,
			Vars: requestVars,
			Expect: func() Cells {
				ok := Allow(Eq("rejectRequest.status", "rejected"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
					CA1: ok, B1: forbidden, CA2: notFound, B2: notFound}
			}(),
		},
		{
			Name: "cancelApprovalRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { cancelApprovalRequest(id: $id) { status } }`,
			Vars: requestVars,
			Expect: func() Cells {
				ok := Allow(Eq("cancelApprovalRequest.status", "canceled"))
				return Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
					CA1: ok, B1: ok, CA2: notFound, B2: notFound}
			}(),
		},
		{
			Name: "respondToQuote/ca-one second buyer",
			Op:   `mutation($id: ID!) { respondToQuote(id: $id, prices: [{line: 1, unitPrice: 19000}], message: "better") { status } }`,
			Vars: quoteVars,
			Expect: func() Cells {
				ok := Allow(Eq("respondToQuote.status", "responded"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
					CA1: forbidden, B1: notFound, CA2: notFound, B2: notFound}
			}(),
		},
		{
			Name: "addQuoteMessage/ca-one second buyer",
			Op:   `mutation($id: ID!) { addQuoteMessage(id: $id, message: "hello") { side } }`,
			Vars: quoteVars,
			Expect: func() Cells {
				staff := Allow(Eq("addQuoteMessage.side", "staff"))
				return Cells{SA: staff, TA: staff, SM: staff, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
					CA1: Allow(Eq("addQuoteMessage.side", "buyer")), B1: notFound, CA2: notFound, B2: notFound}
			}(),
		},
		{
			Name: "acceptQuote/ca-one second buyer",
			Op:   `mutation($id: ID!) { acceptQuote(id: $id) { total } }`,
			Vars: quoteVars,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
				CA1: Allow(Eq("acceptQuote.total", 22500)), B1: notFound, CA2: notFound, B2: notFound},
		},
		{
			Name: "declineQuote/ca-one second buyer",
			Op:   `mutation($id: ID!) { declineQuote(id: $id) { status } }`,
			Vars: quoteVars,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound,
				CA1: Allow(Eq("declineQuote.status", "declined")), B1: notFound, CA2: notFound, B2: notFound},
		},
		{
			// The buyer's own cart in A1 (not a b2b store), already held by its approval
			// request.
			Name: "requestQuote/a cart of A1 (not a b2b store)",
			Op:   `mutation($c: ID!) { requestQuote(cartId: $c, message: "price?") { id } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"c": gid(880001)} },
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: unauthenticated, SK: notFound,
				AN: Deny("BAD_USER_INPUT"), CA1: notFound, B1: Deny("CONFLICT"), CA2: notFound, B2: notFound},
		},
	}
	return reads, writes
}

func approvalReadCases() []Case {
	r, _ := approvalCases()
	return r
}

func approvalWriteCases() []Case {
	_, w := approvalCases()
	return w
}
