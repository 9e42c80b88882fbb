package access_test

import (
	"context"
	"testing"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent/approvalrequest"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/snapshot"
)

// addB2BHolds gives ca-one's buyer a pending approval request and an answered quote in
// store A1, each holding a cart of one thobe ready to become an order.
func addB2BHolds(ctx context.Context, f *fx) {
	c := f.DB.Client
	ca := c.Company.Query().Where(company.Handle("ca-one")).OnlyX(ctx)
	buyer := c.User.Query().Where(user.Email("buyer@ca-one.test")).OnlyX(ctx)
	thobe := f.Variants["thobe"]
	line := []snapshot.Line{{ID: 1, VariantID: thobe.ID, Title: "Default", Sku: thobe.Sku, Quantity: 1, UnitPrice: 25000}}
	cart := func(token int) int {
		a := address.Address{FirstName: "Buyer", LastName: "One", Address1: "Olaya 1", City: "Riyadh", CountryCode: "SA"}
		return must1(c.Cart.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetToken(token).SetRegionID(f.SAR.ID).
			SetCurrencyCode("SAR").SetEmail("buyer@ca-one.test").SetCustomerID(buyer.ID).SetShippingAddress(&a).
			SetShippingOptionID(f.ShipSAR.ID).SetHeldAt(time.Now()).Save(ctx)).ID
	}
	mustDo(c.ApprovalRequest.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetCompanyID(ca.ID).
		SetCustomerID(buyer.ID).SetCartID(cart(880001)).SetIdempotencyKey("matrix").SetReasons([]string{"over_limit"}).
		SetCurrencyCode("SAR").SetSubtotal(25000).SetShippingTotal(2500).SetTaxTotal(3587).SetTotal(27500).SetLines(line).
		SetTerms(snapshot.Terms{ShippingOptionID: f.ShipSAR.ID, ShippingMethod: "Standard", ShippingAmount: 2500, TaxInclusive: true}).
		SetPaymentProvider("manual").SetExpiresAt(time.Now().Add(24 * time.Hour)).Exec(ctx))
	price := int64(20000)
	quoted := []snapshot.Line{line[0]}
	quoted[0].QuotedUnitPrice = &price
	q := must1(c.Quote.Create().SetTenantID(f.TenantA.ID).SetStoreID(f.StoreA1.ID).SetCompanyID(ca.ID).SetCustomerID(buyer.ID).
		SetCartID(cart(880002)).SetCurrencyCode("SAR").SetLines(quoted).SetStatus(quote.StatusResponded).
		SetExpiresAt(time.Now().Add(24 * time.Hour)).Save(ctx))
	mustDo(c.QuoteMessage.Create().SetTenantID(f.TenantA.ID).SetQuoteID(q.ID).SetAuthorID(buyer.ID).SetSide("buyer").
		SetBody("best price?").Exec(ctx))
}

func requestVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.ApprovalRequest.Query().Where(approvalrequest.IdempotencyKey("matrix")).OnlyIDX(sysCtx()))}
}

func quoteVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.Quote.Query().Where(quote.StoreID(f.StoreA1.ID)).OnlyIDX(sysCtx()))}
}

// approvalCases: a buyer's requests and quotes are the tenant's staff's (a store's
// manager, its store's) to read; the tenant's admins decide requests and the store's
// staff answer quotes; no principal here is the buyer or its company's admin, so none
// accepts, declines or withdraws (checkout's tests cover those people). Whoever cannot
// see a request or quote is told it is not there.
func approvalCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	reads = []Case{
		{
			Name: "approvalRequests",
			Op:   `{ approvalRequests(first: 50) { totalCount edges { node { status total } } } }`,
			Expect: Cells{
				SA: Allow(Eq("approvalRequests.totalCount", 1)), TA: Allow(Eq("approvalRequests.totalCount", 1)),
				SM: Allow(Eq("approvalRequests.totalCount", 1)), CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK: Allow(Eq("approvalRequests.totalCount", 0)),
			},
		},
		{
			Name: "approvalRequest/ca-one buyer",
			Op:   `query($id: ID!) { approvalRequest(id: $id) { status lines { sku } } }`,
			Vars: requestVars,
			Expect: Cells{SA: Allow(Eq("approvalRequest.status", "pending")), TA: Allow(Eq("approvalRequest.status", "pending")),
				SM: Allow(Eq("approvalRequest.status", "pending")), CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK: Allow(Null("approvalRequest"))},
		},
		{
			Name: "quotes",
			Op:   `{ quotes(first: 50) { totalCount } }`,
			Expect: Cells{
				SA: Allow(Eq("quotes.totalCount", 1)), TA: Allow(Eq("quotes.totalCount", 1)), SM: Allow(Eq("quotes.totalCount", 1)),
				CU: Allow(Eq("quotes.totalCount", 0)), PK: unauthenticated, AN: unauthenticated, SK: Allow(Eq("quotes.totalCount", 0)),
			},
		},
		{
			Name: "quote/ca-one buyer",
			Op:   `query($id: ID!) { quote(id: $id) { status messages(first: 5) { totalCount } } }`,
			Vars: quoteVars,
			Expect: Cells{SA: Allow(Eq("quote.messages.totalCount", 1)), TA: Allow(Eq("quote.messages.totalCount", 1)),
				SM: Allow(Eq("quote.messages.totalCount", 1)), CU: Allow(Null("quote")), PK: unauthenticated, AN: unauthenticated,
				SK: Allow(Null("quote"))},
		},
	}
	writes = []Case{
		{
			Name: "approveRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { approveRequest(id: $id) { total } }`,
			Vars: requestVars,
			Expect: Cells{SA: Allow(Eq("approveRequest.total", 27500)), TA: Allow(Eq("approveRequest.total", 27500)),
				SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound},
		},
		{
			Name: "rejectRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { rejectRequest(id: $id, reason: "no") { status } }`,
			Vars: requestVars,
			Expect: Cells{SA: Allow(Eq("rejectRequest.status", "rejected")), TA: Allow(Eq("rejectRequest.status", "rejected")),
				SM: forbidden, CU: notFound, PK: notFound, SK: notFound, AN: notFound},
		},
		{
			Name: "cancelApprovalRequest/ca-one buyer",
			Op:   `mutation($id: ID!) { cancelApprovalRequest(id: $id) { status } }`,
			Vars: requestVars,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound,
				AN: notFound},
		},
		{
			Name: "respondToQuote/ca-one buyer",
			Op:   `mutation($id: ID!) { respondToQuote(id: $id, prices: [{line: 1, unitPrice: 19000}], message: "better") { status } }`,
			Vars: quoteVars,
			Expect: Cells{SA: Allow(Eq("respondToQuote.status", "responded")), TA: Allow(Eq("respondToQuote.status", "responded")),
				SM: Allow(Eq("respondToQuote.status", "responded")), CU: notFound, PK: notFound, SK: notFound,
				AN: notFound},
		},
		{
			Name: "addQuoteMessage/ca-one buyer",
			Op:   `mutation($id: ID!) { addQuoteMessage(id: $id, message: "hello") { side } }`,
			Vars: quoteVars,
			Expect: Cells{SA: Allow(Eq("addQuoteMessage.side", "staff")), TA: Allow(Eq("addQuoteMessage.side", "staff")),
				SM: Allow(Eq("addQuoteMessage.side", "staff")), CU: notFound, PK: notFound, SK: notFound,
				AN: notFound},
		},
		{
			Name: "acceptQuote/ca-one buyer",
			Op:   `mutation($id: ID!) { acceptQuote(id: $id) { total } }`,
			Vars: quoteVars,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound,
				AN: notFound},
		},
		{
			Name: "declineQuote/ca-one buyer",
			Op:   `mutation($id: ID!) { declineQuote(id: $id) { status } }`,
			Vars: quoteVars,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: notFound, SK: notFound,
				AN: notFound},
		},
		{
			Name: "requestQuote/a cart of A1 (not a b2b store)",
			Op:   `mutation($c: ID!) { requestQuote(cartId: $c, message: "price?") { id } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"c": gid(880001)} },
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: notFound, PK: unauthenticated, SK: notFound,
				AN: Deny("BAD_USER_INPUT")},
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
