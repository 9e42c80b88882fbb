package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/vendor"
)

// addVendors gives tenant A, besides the fixture's active vendors V1 (va-one) and V2
// (va-two), a pending application of the fixture's newbie (va-pending), and tenant B an
// active vendor (vb-one).
func addVendors(ctx context.Context, f *fx) {
	c := f.DB.Client
	for _, v := range []*ent.VendorCreate{
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
				SA:  Filtered(Set("vendors", "handle", "va-one", "va-pending", "va-two", "vb-one")),
				TA:  Filtered(Set("vendors", "handle", "va-one", "va-pending", "va-two")),
				SM:  Filtered(Set("vendors", "handle")),
				CU:  Filtered(Set("vendors", "handle")),
				PK:  Filtered(Set("vendors", "handle", "va-one", "va-two")), // a storefront shows its tenant's active vendors
				SK:  Filtered(Set("vendors", "handle", "vb-one")),
				AN:  unauthenticated,
				VA1: Filtered(Set("vendors", "handle", "va-one")),
				VS1: Filtered(Set("vendors", "handle", "va-one")),
				VA2: Filtered(Set("vendors", "handle", "va-two")),
			},
		},
		{
			// The payout account is the tenant's admins' (and the vendor's own admins'): its
			// staff read the vendor without it, another vendor's admin not at all.
			Name: "vendor/va-one",
			Op:   one,
			Vars: vendorVars("va-one"),
			Expect: func() Cells {
				ok := Allow(Eq("vendor.handle", "va-one"), Eq("vendor.payoutAccount", "acct_va_one"))
				staff := Allow(Eq("vendor.handle", "va-one"), Null("vendor.payoutAccount"))
				none := Allow(Null("vendor"))
				// A storefront sees an active vendor's public face, never its payout account.
				return Cells{SA: ok, TA: ok, SM: none, CU: none, PK: staff, SK: none, AN: unauthenticated,
					VA1: ok, VS1: staff, VA2: none}
			}(),
		},
		{
			Name: "vendor/va-two",
			Op:   one,
			Vars: vendorVars("va-two"),
			Expect: func() Cells {
				ok := Allow(Eq("vendor.handle", "va-two"), Eq("vendor.payoutAccount", "acct_va_two"))
				none := Allow(Null("vendor"))
				face := Allow(Eq("vendor.handle", "va-two"), Null("vendor.payoutAccount"))
				return Cells{SA: ok, TA: ok, SM: none, CU: none, PK: face, SK: none, AN: unauthenticated,
					VA1: none, VS1: none, VA2: ok}
			}(),
		},
	}
}

func vendorMutationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	// The applicant is not the vendor's admin yet: it does not read back the payout account.
	applied := Allow(Eq("applyAsVendor.status", "pending"), Eq("applyAsVendor.tenant.handle", "acme"), Null("applyAsVendor.payoutAccount"))
	appliedAdmin := Allow(Eq("applyAsVendor.status", "pending"), Eq("applyAsVendor.payoutAccount", "acct_new"))
	// A storefront's key sees its tenant's active vendors (their public face): it is
	// refused a change of one of them, and does not find the others.
	staffOnly := func(field, status string) Cells {
		pk := notFound
		if status == "suspended" {
			pk = unauthenticated
		}
		ok := Allow(Eq(field+".status", status))
		return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: pk, SK: notFound, AN: unauthenticated,
			VA1: notFound, VS1: notFound, VA2: notFound}
	}
	// V1's own admin and staff see V1, and may still not move it.
	ownVendorForbidden := func(c Cells) Cells {
		c.VA1, c.VS1 = forbidden, forbidden
		return c
	}
	invited := Allow(Eq("inviteVendor.status", "active"), Eq("inviteVendor.handle", "va-new"))
	// inviteVendorStaff names the vendor it invites to: whoever may not invite there is
	// FORBIDDEN, whether or not it sees the vendor. The rows invite a vendor_admin: the
	// invitation's role enum has no vendor_staff yet (vendors.TestInviteVendorStaff).
	const inviteStaffOp = `mutation($v: ID!) { inviteVendorStaff(vendorId: $v, email: "hire@vendor.test", role: vendor_admin) {
		invitation { email role vendorID } } }`
	staffInvited := func(handle string) Outcome {
		return Allow(Eq("inviteVendorStaff.invitation.email", "hire@vendor.test"), Eq("inviteVendorStaff.invitation.role", "vendor_admin"),
			EqF("inviteVendorStaff.invitation.vendorID", func(f *fx) any { return gid(vendorID(f, handle)) }))
	}
	inviteStaffCells := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated,
			VA1: ok, VS1: forbidden, VA2: forbidden}
	}
	return []Case{
		{
			Name: "applyAsVendor/acme",
			Op: `mutation { applyAsVendor(tenantHandle: "acme", input: {handle: "va-new", name: "New", payoutAccount: "acct_new"}) {
				status payoutAccount tenant { handle } } }`,
			Expect: Cells{SA: appliedAdmin, TA: appliedAdmin, SM: applied, CU: applied, PK: unauthenticated, SK: forbidden, AN: unauthenticated,
				VA1: applied, VS1: applied, VA2: applied},
		},
		{
			Name: "inviteVendor/acme",
			Op: `mutation($t: ID!) { inviteVendor(tenantId: $t, adminEmail: "owner@va-new.test", input: {handle: "va-new", name: "New"}) {
				handle status } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} },
			Expect: Cells{SA: invited, TA: invited, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated,
				VA1: forbidden, VS1: forbidden, VA2: forbidden},
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
			Expect: ownVendorForbidden(staffOnly("suspendVendor", "suspended")),
		},
		{
			Name: "suspendVendor/vb-one",
			Op:   `mutation($id: ID!) { suspendVendor(id: $id) { status } }`,
			Vars: vendorVars("vb-one"),
			Expect: func() Cells {
				ok := Allow(Eq("suspendVendor.status", "suspended"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: unauthenticated,
					VA1: notFound, VS1: notFound, VA2: notFound}
			}(),
		},
		{
			Name: "updateVendor/va-one",
			Op:   `mutation($id: ID!) { updateVendor(id: $id, input: {name: "Renamed"}) { name status } }`,
			Vars: vendorVars("va-one"),
			Expect: func() Cells {
				// V1's staff read its profile and do not change it.
				ok := Allow(Eq("updateVendor.name", "Renamed"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					VA1: ok, VS1: forbidden, VA2: notFound}
			}(),
		},
		{
			Name:   "inviteVendorStaff/va-one",
			Op:     inviteStaffOp,
			Vars:   func(_ testing.TB, f *fx) map[string]any { return map[string]any{"v": gid(vendorID(f, "va-one"))} },
			Expect: inviteStaffCells(staffInvited("va-one")),
		},
		{
			// Suspended, V1's admin only reads; its tenant's admins still invite.
			Name: "inviteVendorStaff/va-one suspended",
			Op:   inviteStaffOp,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"v": gid(vendorID(f, "va-one"))} },
			Setup: func(t testing.TB, f *fx) {
				if _, err := f.API.App.Vendors.Suspend(sysCtx(), vendorID(f, "va-one")); err != nil {
					t.Fatalf("suspend va-one: %v", err)
				}
			},
			Expect: func() Cells {
				c := inviteStaffCells(staffInvited("va-one"))
				c.VA1 = forbidden
				return c
			}(),
		},
		{
			Name: "inviteVendorStaff/vb-one",
			Op:   inviteStaffOp,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"v": gid(vendorID(f, "vb-one"))} },
			Expect: func() Cells {
				ok := staffInvited("vb-one")
				return Cells{SA: ok, TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated,
					VA1: forbidden, VS1: forbidden, VA2: forbidden}
			}(),
		},
	}
}

// TestVendorRowsStateVendorCells: the rows of operations on vendors never leave a vendor
// principal's cell to the customer's default (Cells.orCustomer).
func TestVendorRowsStateVendorCells(t *testing.T) {
	for _, c := range append(vendorQueryCases(), vendorMutationCases()...) {
		for name, o := range map[string]Outcome{"VA1": c.Expect.VA1, "VS1": c.Expect.VS1, "VA2": c.Expect.VA2} {
			if o.kind == unset {
				t.Errorf("case %q: state %s: a vendor row states every vendor cell", c.Name, name)
			}
		}
	}
}
