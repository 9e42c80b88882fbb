package access_test

import (
	"context"
	"testing"
	"time"

	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenantinvoice"
)

// addBilling gives the platform three plans without limits (the matrix's other rows
// create freely) and tenant B a pro subscription with one open invoice; tenant A has
// none (so the platform still sets its tier by hand in updateTenant's row).
func addBilling(ctx context.Context, f *fx) {
	c := f.DB.Client
	var pro int
	for i, key := range []plan.Key{plan.KeyBasic, plan.KeyPro, plan.KeyEnterprise} {
		p := must1(c.Plan.Create().SetKey(key).SetName(string(key)).SetPrice(int64(1000 * (i + 1))).Save(ctx))
		if key == plan.KeyPro {
			pro = p.ID
		}
	}
	start := time.Now().UTC().Add(-24 * time.Hour)
	sub := must1(c.TenantSubscription.Create().SetTenantID(f.TenantB.ID).SetPlanID(pro).SetStatus("active").
		SetCurrentPeriodStart(start).SetCurrentPeriodEnd(start.AddDate(0, 1, 0)).Save(ctx))
	mustDo(c.TenantInvoice.Create().SetTenantID(f.TenantB.ID).SetSubscriptionID(sub.ID).SetKind("period").
		SetAmount(2000).SetCurrencyCode("USD").SetPeriodStart(start).SetPeriodEnd(start.AddDate(0, 1, 0)).
		SetDueAt(start.AddDate(0, 0, 14)).Exec(ctx))
}

func tenantBVars(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantB.ID)} }

// billingCases: anyone reads the plans; the platform edits them, starts subscriptions
// and records payments; a tenant's admins (here B's secret key, a tenant_admin) read
// their subscription and change its plan; tenant A's people see nothing of B's.
func billingCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	plans := Allow(Eq("plans.0.key", "basic"))
	subscribed := Allow(All(Eq("tenantSubscription.plan.key", "pro"), Eq("tenantSubscription.invoices.0.status", "open"),
		Eq("tenantSubscription.usage.0.limit", "stores")))
	reads = []Case{
		{
			Name:   "plans",
			Op:     `{ plans { key } }`,
			Expect: Cells{SA: plans, TA: plans, SM: plans, CU: plans, PK: plans, SK: plans, AN: plans},
		},
		{
			Name: "tenantSubscription/bolt",
			Op:   `query($t: ID!) { tenantSubscription(tenantId: $t) { status plan { key } invoices { status } usage { limit used max } } }`,
			Vars: tenantBVars,
			Expect: Cells{SA: subscribed, TA: notFound, SM: forbidden, CU: forbidden, PK: unauthenticated,
				SK: subscribed, AN: unauthenticated},
		},
	}
	writes = []Case{
		{
			Name: "setPlan/pro",
			Op:   `mutation { setPlan(key: pro, input: {maxStores: 50}) { maxStores } }`,
			Expect: Cells{SA: Allow(Eq("setPlan.maxStores", 50)), TA: forbidden, SM: forbidden, CU: forbidden,
				PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
		{
			Name: "subscribeTenant/acme",
			Op:   `mutation($t: ID!) { subscribeTenant(tenantId: $t, plan: basic, trialDays: 14) { status plan { key } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} },
			Expect: Cells{SA: Allow(Eq("subscribeTenant.status", "trialing")), TA: forbidden, SM: forbidden, CU: forbidden,
				PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
		{
			Name: "changePlan/bolt",
			Op:   `mutation($t: ID!) { changePlan(tenantId: $t, plan: enterprise) { plan { key } } }`,
			Vars: tenantBVars,
			Expect: Cells{SA: Allow(Eq("changePlan.plan.key", "enterprise")), TA: notFound,
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: Allow(Eq("changePlan.plan.key", "enterprise")), AN: unauthenticated},
		},
		{
			Name: "cancelTenantSubscription/bolt",
			Op:   `mutation($t: ID!) { cancelTenantSubscription(tenantId: $t) { status invoices { status } } }`,
			Vars: tenantBVars,
			Expect: Cells{SA: Allow(All(Eq("cancelTenantSubscription.status", "canceled"), Eq("cancelTenantSubscription.invoices.0.status", "void"))),
				TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
		{
			Name: "markTenantInvoicePaid/bolt",
			Op:   `mutation($id: ID!) { markTenantInvoicePaid(id: $id, reference: "TRF-1") { status reference } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"id": gid(f.DB.Client.TenantInvoice.Query().Where(tenantinvoice.TenantID(f.TenantB.ID)).OnlyIDX(sysCtx()))}
			},
			Expect: Cells{SA: Allow(Eq("markTenantInvoicePaid.status", "paid")), TA: forbidden, SM: forbidden, CU: forbidden,
				PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
	}
	return reads, writes
}

func billingReadCases() []Case {
	r, _ := billingCases()
	return r
}

func billingWriteCases() []Case {
	_, w := billingCases()
	return w
}
