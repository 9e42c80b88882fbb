package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/payout"
)

// addLedger gives tenant A a 10 % rule, 7 % for V1 and 5 % for V2, a sale of each vendor
// (100.00 of V1, 30.00 of V2) and a pending manual payout of each; tenant B a 9 % rule, a
// sale and a payout of vb-one.
func addLedger(ctx context.Context, f *fx) {
	c := f.DB.Client
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	v1, v2, vb := vendorID(f, "va-one"), vendorID(f, "va-two"), vendorID(f, "vb-one")
	rule := func(tenant int, scope commissionrule.Scope, id *int, bps int) {
		must(c.CommissionRule.Create().SetTenantID(tenant).SetScope(scope).SetNillableScopeID(id).SetBps(bps).Exec(ctx))
	}
	rule(f.TenantA.ID, commissionrule.ScopeTenant, nil, 1000)
	rule(f.TenantA.ID, commissionrule.ScopeVendor, &v1, 700)
	rule(f.TenantA.ID, commissionrule.ScopeVendor, &v2, 500)
	rule(f.TenantB.ID, commissionrule.ScopeTenant, nil, 900)
	for i, x := range []struct {
		tenant, vendor   int
		gross, comm, net int64
	}{{f.TenantA.ID, v1, 10000, 700, 9300}, {f.TenantA.ID, v2, 3000, 150, 2850}, {f.TenantB.ID, vb, 5000, 450, 4550}} {
		must(c.CommissionLine.Create().SetTenantID(x.tenant).SetKind("sale").SetVendorID(x.vendor).SetSuborderID(1).
			SetOrderID(1).SetOrderLineItemID(i + 1).SetCurrencyCode("SAR").SetAmount(x.gross).SetCommission(x.comm).
			SetBps(0).SetFlat(0).SetEventID("evt_matrix").SetCapturedAt(f.TenantA.CreatedAt).Exec(ctx))
		must(c.Payout.Create().SetTenantID(x.tenant).SetVendorID(x.vendor).SetCurrencyCode("SAR").SetAmount(x.net).
			SetGross(x.gross).SetCommission(x.comm).SetRefunds(0).SetCommissionReversed(0).SetProvider("manual").
			SetRunKey("matrix").Exec(ctx))
	}
}

func payoutOf(f *fx, handle string) int {
	return f.DB.Client.Payout.Query().Where(payout.VendorID(vendorID(f, handle))).OnlyIDX(sysCtx())
}

func v1Vars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"v": gid(vendorID(f, "va-one"))}
}

// ledgerQueryCases: a vendor reads its own ledger and payouts, never another's; tenant B's
// key nothing of A's.
func ledgerQueryCases() []Case {
	unauthenticated, forbidden, notFound := Deny("UNAUTHENTICATED"), Deny("FORBIDDEN"), Deny("NOT_FOUND")
	return []Case{
		{
			Name: "commissionRules",
			Op:   `{ commissionRules(first: 50) { edges { node { bps } } } }`,
			Expect: Cells{
				SA: Filtered(bpsSet("commissionRules", "1000", "700", "500", "900")), TA: Filtered(bpsSet("commissionRules", "1000", "700", "500")),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: Filtered(bpsSet("commissionRules", "900")), AN: unauthenticated,
				VA1: Filtered(bpsSet("commissionRules", "1000", "700")), VS1: Filtered(bpsSet("commissionRules", "1000", "700")),
				VA2: Filtered(bpsSet("commissionRules", "1000", "500")),
			},
		},
		{
			Name: "commissionLines of V1",
			Op:   `query($v: ID!) { commissionLines(vendorId: $v, first: 50) { edges { node { amount } } } }`,
			Vars: v1Vars,
			Expect: func() Cells {
				mine := Filtered(amountSet("commissionLines", "10000"))
				none := Filtered(amountSet("commissionLines"))
				return Cells{SA: mine, TA: mine, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated,
					VA1: mine, VS1: mine, VA2: none}
			}(),
		},
		{
			Name: "vendorBalance of V1",
			Op:   `query($v: ID!) { vendorBalance(vendorId: $v, currencyCode: "SAR") { gross commission net } }`,
			Vars: v1Vars,
			Expect: func() Cells {
				ok := Allow(Eq("vendorBalance.gross", float64(10000)), Eq("vendorBalance.net", float64(9300)))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: ok, VS1: ok, VA2: notFound}
			}(),
		},
		{
			Name: "payouts",
			Op:   `{ payouts(first: 50) { edges { node { amount } } } }`,
			Expect: Cells{
				SA: Filtered(amountSet("payouts", "9300", "2850", "4550")), TA: Filtered(amountSet("payouts", "9300", "2850")),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: Filtered(amountSet("payouts", "4550")), AN: unauthenticated,
				VA1: Filtered(amountSet("payouts", "9300")), VS1: Filtered(amountSet("payouts", "9300")),
				VA2: Filtered(amountSet("payouts", "2850")),
			},
		},
		{
			Name: "payout of V1",
			Op:   `query($id: ID!) { payout(id: $id) { amount } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(payoutOf(f, "va-one"))} },
			Expect: func() Cells {
				ok, none := Allow(Eq("payout.amount", float64(9300))), Allow(Null("payout"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated,
					VA1: ok, VS1: ok, VA2: none}
			}(),
		},
	}
}

func bpsSet(root string, bps ...string) Check {
	return Set(root, "bps", bps...)
}

func amountSet(root string, amounts ...string) Check {
	return Set(root, "amount", amounts...)
}

// ledgerMutationCases: only the tenant's admins write rules and mark payouts paid or failed.
func ledgerMutationCases() []Case {
	unauthenticated, forbidden, notFound := Deny("UNAUTHENTICATED"), Deny("FORBIDDEN"), Deny("NOT_FOUND")
	return []Case{
		{
			Name: "createCommissionRule in A",
			Op:   `mutation($t: ID!) { createCommissionRule(tenantId: $t, input: {scope: tenant, bps: 800}) { bps } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} },
			Expect: func() Cells {
				ok := Allow(Eq("createCommissionRule.bps", float64(800)))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated, V: forbidden}
			}(),
		},
		{
			Name: "updateCommissionRule of V1",
			Op:   `mutation($id: ID!) { updateCommissionRule(id: $id, input: {bps: 650}) { bps } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(ruleOf(f, 700))} },
			Expect: func() Cells {
				ok := Allow(Eq("updateCommissionRule.bps", float64(650)))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: forbidden, VS1: forbidden, VA2: notFound}
			}(),
		},
		{
			Name: "deleteCommissionRule of V1",
			Op:   `mutation($id: ID!) { deleteCommissionRule(id: $id) }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(ruleOf(f, 700))} },
			Expect: func() Cells {
				// A delete is refused outright by the mutation policy, before any read.
				ok := Allow(NotNull("deleteCommissionRule"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: forbidden, VS1: forbidden, VA2: forbidden}
			}(),
		},
		{
			Name: "markPayoutPaid of V1",
			Op:   `mutation($id: ID!) { markPayoutPaid(id: $id, reference: "BANK-1") { status reference } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(payoutOf(f, "va-one"))} },
			Expect: func() Cells {
				ok := Allow(Eq("markPayoutPaid.status", "paid"), Eq("markPayoutPaid.reference", "BANK-1"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: forbidden, VS1: forbidden, VA2: notFound}
			}(),
		},
		{
			Name: "markPayoutFailed of V1",
			Op:   `mutation($id: ID!) { markPayoutFailed(id: $id, reason: "IBAN closed") { status failureReason } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(payoutOf(f, "va-one"))} },
			Expect: func() Cells {
				ok := Allow(Eq("markPayoutFailed.status", "failed"), Eq("markPayoutFailed.failureReason", "IBAN closed"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: forbidden, VS1: forbidden, VA2: notFound}
			}(),
		},
	}
}

func ruleOf(f *fx, bps int) int {
	return f.DB.Client.CommissionRule.Query().Where(commissionrule.Bps(bps)).OnlyIDX(sysCtx())
}
