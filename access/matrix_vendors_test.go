package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/vendor"
)

// addVendors gives tenant A an active vendor (va-one) and a pending application of the
// fixture's newbie (va-pending), and tenant B an active vendor (vb-one).
func addVendors(ctx context.Context, f *fx) {
	c := f.DB.Client
	for _, v := range []*ent.VendorCreate{
		c.Vendor.Create().SetTenantID(f.TenantA.ID).SetHandle("va-one").SetName("VA One").SetStatus(vendor.StatusActive).SetPayoutAccount("acct_va_one"),
		c.Vendor.Create().SetTenantID(f.TenantA.ID).SetHandle("va-pending").SetName("VA Pending").SetApplicantID(f.Newbie.ID),
		c.Vendor.Create().SetTenantID(f.TenantB.ID).SetHandle("vb-one").SetName("VB One").SetStatus(vendor.StatusActive).SetPayoutAccount("acct_vb_one"),
	} {
		if err := v.Exec(ctx); err != nil {
			panic(err)
		}
	}
}

func vendorID(f *fx, handle string) int {
	return f.DB.Client.Vendor.Query().Where(vendor.Handle(handle)).OnlyIDX(sysCtx())
}

func vendorVars(handle string) func(testing.TB, *fx) map[string]any {
	return func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(vendorID(f, handle))} }
}

func vendorQueryCases() []Case {
	unauthenticated := Deny("UNAUTHENTICATED")
	const one = `query($id: ID!) { vendor(id: $id) { handle payoutAccount tenant { handle } } }`
	return []Case{
		{
			Name: "vendors",
			Op:   `{ vendors(first: 50) { totalCount edges { node { handle status } } } }`,
			Expect: Cells{
				SA: Filtered(Set("vendors", "handle", "va-one", "va-pending", "vb-one")),
				TA: Filtered(Set("vendors", "handle", "va-one", "va-pending")),
				SM: Filtered(Set("vendors", "handle")),
				CU: Filtered(Set("vendors", "handle")),
				PK: Filtered(Set("vendors", "handle", "va-one")), // a storefront shows its tenant's active vendors
				SK: Filtered(Set("vendors", "handle", "vb-one")),
				AN: unauthenticated,
			},
		},
		{
			// The payout account is the tenant's admins' (and the vendor's own admins').
			Name: "vendor/va-one",
			Op:   one,
			Vars: vendorVars("va-one"),
			Expect: func() Cells {
				ok := Allow(Eq("vendor.handle", "va-one"), Eq("vendor.payoutAccount", "acct_va_one"))
				none := Allow(Null("vendor"))
				// A storefront sees an active vendor's public face, never its payout account.
				face := Allow(Eq("vendor.handle", "va-one"), Null("vendor.payoutAccount"))
				return Cells{SA: ok, TA: ok, SM: none, CU: none, PK: face, SK: none, AN: unauthenticated}
			}(),
		},
	}
}

func vendorMutationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	// The applicant is not the vendor's admin yet: it does not read back the payout account.
	applied := Allow(Eq("applyAsVendor.status", "pending"), Eq("applyAsVendor.tenant.handle", "acme"), Null("applyAsVendor.payoutAccount"))
	appliedAdmin := Allow(Eq("applyAsVendor.status", "pending"), Eq("applyAsVendor.payoutAccount", "acct_new"))
	// A storefront's key sees its tenant's active vendors (the vendor's public face): it
	// is refused a change of one of them, and does not find the others.
	staffOnly := func(field, status string) Cells {
		pk := notFound
		if status == "suspended" {
			pk = unauthenticated
		}
		ok := Allow(Eq(field+".status", status))
		return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: pk, SK: notFound, AN: unauthenticated}
	}
	invited := Allow(Eq("inviteVendor.status", "active"), Eq("inviteVendor.handle", "va-new"))
	return []Case{
		{
			Name: "applyAsVendor/acme",
			Op: `mutation { applyAsVendor(tenantHandle: "acme", input: {handle: "va-new", name: "New", payoutAccount: "acct_new"}) {
				status payoutAccount tenant { handle } } }`,
			Expect: Cells{SA: appliedAdmin, TA: appliedAdmin, SM: applied, CU: applied, PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
		{
			Name: "inviteVendor/acme",
			Op: `mutation($t: ID!) { inviteVendor(tenantId: $t, adminEmail: "owner@va-new.test", input: {handle: "va-new", name: "New"}) {
				handle status } }`,
			Vars:   func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} },
			Expect: Cells{SA: invited, TA: invited, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated},
		},
		{
			Name:   "approveVendor/va-pending",
			Op:     `mutation($id: ID!) { approveVendor(id: $id) { status } }`,
			Vars:   vendorVars("va-pending"),
			Expect: staffOnly("approveVendor", "active"),
		},
		{
			Name:   "rejectVendor/va-pending",
			Op:     `mutation($id: ID!) { rejectVendor(id: $id, reason: "incomplete") { status } }`,
			Vars:   vendorVars("va-pending"),
			Expect: staffOnly("rejectVendor", "rejected"),
		},
		{
			Name:   "suspendVendor/va-one",
			Op:     `mutation($id: ID!) { suspendVendor(id: $id) { status } }`,
			Vars:   vendorVars("va-one"),
			Expect: staffOnly("suspendVendor", "suspended"),
		},
		{
			Name: "suspendVendor/vb-one",
			Op:   `mutation($id: ID!) { suspendVendor(id: $id) { status } }`,
			Vars: vendorVars("vb-one"),
			Expect: func() Cells {
				ok := Allow(Eq("suspendVendor.status", "suspended"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "updateVendor/va-one",
			Op:   `mutation($id: ID!) { updateVendor(id: $id, input: {name: "Renamed"}) { name status } }`,
			Vars: vendorVars("va-one"),
			Expect: func() Cells {
				ok := Allow(Eq("updateVendor.name", "Renamed"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
	}
}
