package vendors_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/vendors"
	"github.com/dakkah/cityos/viewer"
)

const (
	applyQ  = `mutation($h: String, $in: VendorInput!) { applyAsVendor(tenantHandle: $h, input: $in) { id handle status payoutAccount tenant { handle } } }`
	inviteQ = `mutation($t: ID!, $in: VendorInput!, $e: String!) { inviteVendor(tenantId: $t, input: $in, adminEmail: $e) { id handle status } }`
	readQ   = `query($id: ID!) { vendor(id: $id) { id handle name status rejectedReason payoutAccount } }`
	updateQ = `mutation($id: ID!, $in: UpdateVendorInput!) { updateVendor(id: $id, input: $in) { id name payoutAccount } }`
	acceptQ = `mutation($tok: String!, $p: String) { acceptInvitation(token: $tok, password: $p) { membership { role } session { accessToken } } }`
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "vendors-test") }

type vendorOut struct {
	ID             string
	Handle, Name   string
	Status         string
	RejectedReason *string
	PayoutAccount  *string
}

func move(t *testing.T, f *testenv.Fixture, h testenv.Headers, verb, id string) *testenv.Response {
	t.Helper()
	switch verb {
	case "reject":
		return f.API.Do(t, h, `mutation($id: ID!) { v: rejectVendor(id: $id, reason: "not a fit") { id status rejectedReason } }`, map[string]any{"id": id})
	default:
		return f.API.Do(t, h, `mutation($id: ID!) { v: `+verb+`Vendor(id: $id) { id status } }`, map[string]any{"id": id})
	}
}

func status(t *testing.T, r *testenv.Response) string {
	t.Helper()
	var out struct{ V vendorOut }
	require.Empty(t, r.Errors)
	r.Decode(t, &out)
	return out.V.Status
}

func read(t *testing.T, f *testenv.Fixture, h testenv.Headers, id string) *vendorOut {
	t.Helper()
	var out struct{ Vendor *vendorOut }
	f.API.Do(t, h, readQ, map[string]any{"id": id}).Decode(t, &out)
	return out.Vendor
}

// An application is pending, grants nothing until approved, and its applicant becomes
// the vendor's admin on approval: then the admin keeps its profile, until suspended.
func TestApplyApproveSuspend(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		cu, ta := f.As(testenv.CustomerA), f.As(testenv.TenantAdminA)

		requireErr := testenv.RequireError
		requireErr(t, f.API.Do(t, nil, applyQ, map[string]any{"h": "acme", "in": map[string]any{"handle": "najd", "name": "Najd"}}), "UNAUTHENTICATED")
		requireErr(t, f.API.Do(t, cu, applyQ, map[string]any{"h": "acme", "in": map[string]any{"handle": "Bad Handle", "name": "Najd"}}), "BAD_USER_INPUT", "handle")
		requireErr(t, f.API.Do(t, cu, applyQ, map[string]any{"h": "nope", "in": map[string]any{"handle": "najd", "name": "Najd"}}), "NOT_FOUND")

		var applied struct{ ApplyAsVendor struct{ vendorOut } }
		f.API.MustDo(t, cu, applyQ, map[string]any{"h": "acme", "in": map[string]any{"handle": "najd", "name": "Najd", "payoutAccount": "acct_najd"}}).Decode(t, &applied)
		id := applied.ApplyAsVendor.ID
		assert.Equal(t, "pending", applied.ApplyAsVendor.Status)
		requireErr(t, f.API.Do(t, cu, applyQ, map[string]any{"h": "acme", "in": map[string]any{"handle": "najd", "name": "Twice"}}), "CONFLICT")

		// The applicant sees its application, and may not change it yet.
		require.NotNil(t, read(t, f, cu, id))
		assert.Nil(t, read(t, f, cu, id).PayoutAccount, "the applicant is not the vendor's admin yet")
		requireErr(t, f.API.Do(t, cu, updateQ, map[string]any{"id": id, "in": map[string]any{"name": "Mine"}}), "FORBIDDEN")
		// Tenant B sees nothing of tenant A's vendors; the applicant cannot approve itself.
		assert.Nil(t, read(t, f, f.As(testenv.SecretB), id))
		requireErr(t, move(t, f, f.As(testenv.SecretB), "approve", id), "NOT_FOUND")
		requireErr(t, move(t, f, cu, "approve", id), "FORBIDDEN")
		requireErr(t, move(t, f, f.As(testenv.ManagerA1), "approve", id), "NOT_FOUND")

		// Invalid transitions are conflicts.
		requireErr(t, move(t, f, ta, "suspend", id), "CONFLICT")
		assert.Equal(t, "active", status(t, move(t, f, ta, "approve", id)))
		requireErr(t, move(t, f, ta, "approve", id), "CONFLICT")
		requireErr(t, move(t, f, ta, "reject", id), "CONFLICT")

		// Approval made the applicant the vendor's admin.
		ms := db.Client.Membership.Query().Where(membership.UserID(f.Users[testenv.CustomerA].ID), membership.RoleEQ(membership.RoleVendorAdmin)).AllX(sys())
		require.Len(t, ms, 1)
		assert.Equal(t, id, testenv.ID(*ms[0].VendorID))
		assert.Equal(t, "acct_najd", *read(t, f, cu, id).PayoutAccount)
		var upd struct{ UpdateVendor vendorOut }
		f.API.MustDo(t, cu, updateQ, map[string]any{"id": id, "in": map[string]any{"name": "Najd Crafts", "logo": "https://cdn.example/najd.png"}}).Decode(t, &upd)
		assert.Equal(t, "Najd Crafts", upd.UpdateVendor.Name)
		requireErr(t, f.API.Do(t, cu, updateQ, map[string]any{"id": id, "in": map[string]any{"logo": "javascript:alert(1)"}}), "BAD_USER_INPUT", "logo")

		// Suspended: its admin reads, and no longer writes; the tenant reinstates it.
		assert.Equal(t, "suspended", status(t, move(t, f, ta, "suspend", id)))
		assert.Equal(t, "suspended", read(t, f, cu, id).Status)
		requireErr(t, f.API.Do(t, cu, updateQ, map[string]any{"id": id, "in": map[string]any{"name": "Sneaky"}}), "FORBIDDEN")
		assert.Equal(t, "active", status(t, move(t, f, ta, "approve", id)))
		ofVendor := membership.VendorID(testenv.Atoi(t, id))
		assert.Len(t, db.Client.Membership.Query().Where(ofVendor, membership.RoleEQ(membership.RoleVendorAdmin)).AllX(sys()), 1,
			"reinstating grants no second membership")

		// Every change raised its event, with the vendor as payload and never its payout account.
		evs := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("vendor"), outboxevent.AggregateID(testenv.Atoi(t, id))).
			Order(outboxevent.ByID()).AllX(sys())
		var topics []string
		for _, ev := range evs {
			topics = append(topics, ev.Topic)
			assert.NotContains(t, ev.Payload, "payout_account")
			assert.Equal(t, "najd", ev.Payload["handle"])
		}
		assert.Equal(t, []string{"vendor.created", "vendor.approved", "vendor.updated", "vendor.suspended", "vendor.approved"}, topics)

		// A vendor's roles go with it.
		require.NoError(t, db.Client.Vendor.DeleteOneID(testenv.Atoi(t, id)).Exec(sys()))
		assert.Zero(t, db.Client.Membership.Query().Where(ofVendor).CountX(sys()))
	})
}

// A rejected application stays rejected, with its reason, and grants nothing.
func TestApplyReject(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ta := f.As(testenv.TenantAdminA)
		// A platform (staff) account may apply to any tenant.
		var applied struct{ ApplyAsVendor struct{ vendorOut } }
		f.API.MustDo(t, f.As(testenv.ManagerA1), applyQ, map[string]any{"h": "acme", "in": map[string]any{"handle": "hejaz", "name": "Hejaz"}}).Decode(t, &applied)
		id := applied.ApplyAsVendor.ID
		r := move(t, f, ta, "reject", id)
		require.Empty(t, r.Errors)
		v := read(t, f, f.As(testenv.ManagerA1), id)
		require.NotNil(t, v)
		assert.Equal(t, "rejected", v.Status)
		assert.Equal(t, "not a fit", *v.RejectedReason)
		for _, verb := range []string{"approve", "suspend", "reject"} {
			testenv.RequireError(t, move(t, f, ta, verb, id), "CONFLICT")
		}
		assert.Zero(t, db.Client.Membership.Query().Where(membership.VendorID(testenv.Atoi(t, id))).CountX(sys()))
		evs := db.Client.OutboxEvent.Query().Where(outboxevent.Topic("vendor.rejected")).AllX(sys())
		require.Len(t, evs, 1)
		assert.Equal(t, "not a fit", evs[0].Payload["rejected_reason"])
	})
}

// One person may have MaxPendingApplications waiting in a tenant, however many it sends
// at once; an answered one makes room.
func TestPendingApplicationsAreBounded(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		applicant := f.As(testenv.ManagerA1)
		const racers = vendors.MaxPendingApplications + 3
		results := make([]*testenv.Response, racers)
		var wg sync.WaitGroup
		for i := range racers {
			wg.Go(func() {
				results[i] = f.API.Do(t, applicant, applyQ, map[string]any{"h": "acme",
					"in": map[string]any{"handle": fmt.Sprintf("seller-%d", i), "name": "Seller"}})
			})
		}
		wg.Wait()
		var ids []string
		for _, r := range results {
			if len(r.Errors) > 0 {
				testenv.RequireError(t, r, "CONFLICT")
				continue
			}
			var out struct{ ApplyAsVendor struct{ vendorOut } }
			r.Decode(t, &out)
			ids = append(ids, out.ApplyAsVendor.ID)
		}
		require.Len(t, ids, vendors.MaxPendingApplications)
		testenv.RequireError(t, f.API.Do(t, applicant, applyQ, map[string]any{"h": "acme",
			"in": map[string]any{"handle": "one-more", "name": "Seller"}}), "CONFLICT")
		require.Empty(t, move(t, f, f.As(testenv.TenantAdminA), "reject", ids[0]).Errors)
		require.Empty(t, f.API.Do(t, applicant, applyQ, map[string]any{"h": "acme",
			"in": map[string]any{"handle": "one-more", "name": "Seller"}}).Errors, "a rejected one makes room")
	})
}

// An invited vendor is active at once; its admin joins by accepting the invitation, and
// sees its own vendor only. Its staff read it, without the payout account.
func TestInviteAndVendorWalls(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ta := f.As(testenv.TenantAdminA)
		invite := func(handle, email string) string {
			var out struct{ InviteVendor vendorOut }
			f.API.MustDo(t, ta, inviteQ, map[string]any{"t": testenv.ID(f.TenantA.ID), "e": email,
				"in": map[string]any{"handle": handle, "name": handle, "payoutAccount": "acct_" + handle}}).Decode(t, &out)
			assert.Equal(t, "active", out.InviteVendor.Status)
			return out.InviteVendor.ID
		}
		v1, v2 := invite("v1", "owner@v1.test"), invite("v2", "owner@v2.test")
		testenv.RequireError(t, f.API.Do(t, f.As(testenv.CustomerA), inviteQ, map[string]any{"t": testenv.ID(f.TenantA.ID), "e": "x@y.test",
			"in": map[string]any{"handle": "v3", "name": "v3"}}), "FORBIDDEN")
		testenv.RequireError(t, f.API.Do(t, f.As(testenv.SecretB), inviteQ, map[string]any{"t": testenv.ID(f.TenantA.ID), "e": "x@y.test",
			"in": map[string]any{"handle": "v3", "name": "v3"}}), "FORBIDDEN")

		var acc struct {
			AcceptInvitation struct {
				Membership struct{ Role string }
				Session    struct{ AccessToken string }
			}
		}
		f.API.MustDo(t, nil, acceptQ, map[string]any{"tok": f.API.Mail.InvitationToken(t, "owner@v1.test"), "p": "owner-password"}).Decode(t, &acc)
		assert.Equal(t, "vendor_admin", acc.AcceptInvitation.Membership.Role)
		va1 := testenv.Headers{"Authorization": "Bearer " + acc.AcceptInvitation.Session.AccessToken}

		assert.Equal(t, "acct_v1", *read(t, f, va1, v1).PayoutAccount)
		assert.Nil(t, read(t, f, va1, v2), "a vendor's admin never sees another vendor")
		testenv.RequireError(t, f.API.Do(t, va1, updateQ, map[string]any{"id": v2, "in": map[string]any{"name": "Mine"}}), "NOT_FOUND")
		testenv.RequireError(t, move(t, f, va1, "suspend", v1), "FORBIDDEN")
		var list struct{ Vendors struct{ TotalCount int } }
		f.API.MustDo(t, va1, `{ vendors(first: 10) { totalCount } }`, nil).Decode(t, &list)
		assert.Equal(t, 1, list.Vendors.TotalCount)
		f.API.MustDo(t, ta, `{ vendors(first: 10, where: {status: active}) { totalCount } }`, nil).Decode(t, &list)
		assert.Equal(t, 4, list.Vendors.TotalCount, "v1, v2 and the fixture's va-one and va-two")
		f.API.MustDo(t, f.As(testenv.SecretB), `{ vendors(first: 10) { totalCount } }`, nil).Decode(t, &list)
		assert.Zero(t, list.Vendors.TotalCount)

		// Staff of V1 read it, not its payout account, and change nothing.
		vs := staffOf(t, f, db, v1)
		got := read(t, f, vs, v1)
		require.NotNil(t, got)
		assert.Nil(t, got.PayoutAccount)
		testenv.RequireError(t, f.API.Do(t, vs, updateQ, map[string]any{"id": v1, "in": map[string]any{"name": "Staff"}}), "FORBIDDEN")
		// A tenant admin of A sees every payout account; nobody of tenant B does.
		assert.Equal(t, "acct_v2", *read(t, f, ta, v2).PayoutAccount)
		assert.Nil(t, read(t, f, f.As(testenv.SecretB), v2))
	})
}

// staffOf signs in a new vendor_staff of vendor id.
func staffOf(t *testing.T, f *testenv.Fixture, db *testenv.DB, id string) testenv.Headers {
	t.Helper()
	ten := f.API.App.Tenancy
	u, err := ten.CreateUser(sys(), tenancy.CreateUserInput{Email: "staff@v1.test", Password: testenv.Password})
	require.NoError(t, err)
	require.NoError(t, db.Client.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleVendorStaff).
		SetTenantID(f.TenantA.ID).SetVendorID(testenv.Atoi(t, id)).Exec(sys()))
	s, err := f.API.App.Identity.Login(context.Background(), "staff@v1.test", testenv.Password)
	require.NoError(t, err)
	return testenv.Headers{"Authorization": "Bearer " + s.AccessToken}
}

// A store may be run by a vendor of its own tenant only: the tenant filter does not cover
// foreign keys, so the store policy checks the edge.
func TestStoreVendorStaysInTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		mk := func(tenantID int, handle string) int {
			return db.Client.Vendor.Create().SetTenantID(tenantID).SetHandle(handle).SetName(handle).SaveX(sys()).ID
		}
		va, vb := mk(f.TenantA.ID, "va"), mk(f.TenantB.ID, "vb")
		adminA := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: f.Users[testenv.TenantAdminA].ID,
			Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: f.TenantA.ID}}})
		require.Error(t, db.Client.Store.UpdateOneID(f.StoreA1.ID).SetVendorID(vb).Exec(adminA))
		require.Error(t, db.Client.Store.Create().SetTenantID(f.TenantA.ID).SetHandle("vs").SetName("VS").SetVendorID(vb).Exec(adminA))
		require.NoError(t, db.Client.Store.UpdateOneID(f.StoreA1.ID).SetVendorID(va).Exec(adminA))
		st := db.Client.Store.GetX(sys(), f.StoreA1.ID)
		require.NotNil(t, st.VendorID)
		assert.Equal(t, va, *st.VendorID)
	})
}
