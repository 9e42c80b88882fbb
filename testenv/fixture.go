package testenv

import (
	"context"
	"strings"
	"testing"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/theme"
	"github.com/dakkah/cityos/viewer"
)

// Password is every fixture user's password.
const Password = "fixture-password"

// Principal names, as the authorization matrix uses them.
const (
	SuperAdmin   = "super_admin"
	TenantAdminA = "tenant_admin_A"
	ManagerA1    = "store_manager_A1"
	CustomerA    = "customer_A"
	PublishableA = "publishable_key_A1"
	SecretB      = "secret_key_B"
	Anonymous    = "anonymous"
	TenantAdminB = "tenant_admin_B"
	// The vendor principals: vendor_admin and vendor_staff of vendor V1, vendor_admin of
	// vendor V2, both vendors of tenant A.
	VendorAdminV1 = "vendor_admin_V1"
	VendorStaffV1 = "vendor_staff_V1"
	VendorAdminV2 = "vendor_admin_V2"
	// The company principals: company_admin and buyer of company C1 (ca-one) and of
	// company C2 (ca-two), both companies of tenant A. They are customer accounts of A,
	// which the authorization matrix's own fixture creates and signs in (SignIn).
	CompanyAdminC1 = "company_admin_C1"
	BuyerC1        = "buyer_C1"
	CompanyAdminC2 = "company_admin_C2"
	BuyerC2        = "buyer_C2"
)

// Principals lists the principals of the authorization matrix in a fixed order.
var Principals = []string{SuperAdmin, TenantAdminA, ManagerA1, CustomerA, PublishableA, SecretB, Anonymous,
	VendorAdminV1, VendorStaffV1, VendorAdminV2, CompanyAdminC1, BuyerC1, CompanyAdminC2, BuyerC2}

// Fixture is two tenants, A and B, with stores A1 and A2 (A) and B1 (B), a verified
// custom domain on A1, active vendors V1 (va-one) and V2 (va-two) of A, and a principal
// for every role.
type Fixture struct {
	API                 *API
	TenantA, TenantB    *ent.Tenant
	StoreA1, StoreA2    *ent.Store
	StoreB1             *ent.Store
	VendorV1, VendorV2  *ent.Vendor
	DomainA1, DomainB1  *ent.Domain
	Users               map[string]*ent.User
	Keys                map[string]string // principal → API key token
	KeyA1, KeyB         *ent.APIKey
	MembershipManagerA1 *ent.Membership
	headers             map[string]Headers
}

// As returns the request headers that authenticate as principal.
func (f *Fixture) As(principal string) Headers {
	h := Headers{}
	for k, v := range f.headers[principal] {
		h[k] = v
	}
	return h
}

// SignIn makes u the principal name: it starts a session for u and keeps its headers.
func (f *Fixture) SignIn(t testing.TB, name string, u *ent.User) {
	t.Helper()
	s, err := f.API.App.Identity.StartSession(context.Background(), u)
	if err != nil {
		t.Fatalf("fixture: sign in %s: %v", name, err)
	}
	f.Users[name] = u
	f.headers[name] = Headers{"Authorization": "Bearer " + s.AccessToken}
}

// NewFixture builds the fixture over a fresh API on db.
func NewFixture(t testing.TB, db *DB) *Fixture {
	t.Helper()
	return NewFixtureWith(t, db, Config())
}

// NewFixtureWith is NewFixture over an API configured with cfg.
func NewFixtureWith(t testing.TB, db *DB, cfg config.Config) *Fixture {
	t.Helper()
	api := NewAPI(t, db, cfg)
	ctx := viewer.SystemContext(context.Background(), "test-fixture")
	svc := api.App.Tenancy
	f := &Fixture{API: api, Users: map[string]*ent.User{}, Keys: map[string]string{}, headers: map[string]Headers{}}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("fixture: %v", err)
		}
	}
	var err error
	ptr := func(s string) *string { return &s }
	f.TenantA, err = svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: "acme", Name: "Acme", Subdomain: ptr("acme"),
		BillingEmail: ptr("billing@acme.test"), Metadata: map[string]any{"secret": "a-meta"}})
	must(err)
	f.TenantB, err = svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: "bolt", Name: "Bolt", Subdomain: ptr("bolt"),
		BillingEmail: ptr("billing@bolt.test"), Metadata: map[string]any{"secret": "b-meta"}})
	must(err)
	blue := &theme.Config{Colors: theme.Colors{Primary: "#3b82f6"}}
	f.StoreA1, err = svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: "a1", Name: "A One", Subdomain: ptr("a1"), Theme: blue, Metadata: map[string]any{"secret": "a1-meta"}})
	must(err)
	f.StoreA2, err = svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: "a2", Name: "A Two", Subdomain: ptr("a2")})
	must(err)
	f.StoreB1, err = svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantB.ID, Handle: "b1", Name: "B One", Subdomain: ptr("b1")})
	must(err)
	for store, host := range map[**ent.Domain]struct {
		id   int
		name string
	}{&f.DomainA1: {f.StoreA1.ID, "shop.acme-example.com"}, &f.DomainB1: {f.StoreB1.ID, "shop.bolt-example.com"}} {
		ch, err := svc.AddDomain(ctx, host.id, host.name)
		must(err)
		*store, err = db.Client.Domain.UpdateOneID(ch.Domain.ID).SetStatus(domain.StatusVerified).Save(ctx)
		must(err)
	}

	// signUp creates the principal's user, has role give it its membership, then signs in.
	signUp := func(name, email string, role func(u *ent.User) *ent.Membership) {
		u, err := svc.CreateUser(ctx, tenancy.CreateUserInput{Email: email, Password: Password})
		must(err)
		if m := role(u); name == ManagerA1 {
			f.MembershipManagerA1 = m
		}
		f.Users[name] = u
		s, err := api.App.Identity.Login(context.Background(), email, Password)
		must(err)
		f.headers[name] = Headers{"Authorization": "Bearer " + s.AccessToken}
	}
	grant := func(name, email string, role membership.Role, tenantID, storeID *int) {
		signUp(name, email, func(u *ent.User) *ent.Membership {
			m, err := svc.GrantRole(ctx, u.ID, role, tenantID, storeID)
			must(err)
			return m
		})
	}
	// GrantRole gives no vendor role (they come with a vendor's approval or invitation):
	// the fixture writes the membership itself.
	vendorRole := func(name, email string, role membership.Role, v *ent.Vendor) {
		signUp(name, email, func(u *ent.User) *ent.Membership {
			m, err := db.Client.Membership.Create().SetUserID(u.ID).SetRole(role).
				SetTenantID(v.TenantID).SetVendorID(v.ID).Save(ctx)
			must(err)
			return m
		})
	}
	newVendor := func(handle, name string) *ent.Vendor {
		v, err := db.Client.Vendor.Create().SetTenantID(f.TenantA.ID).SetHandle(handle).SetName(name).
			SetStatus(vendor.StatusActive).SetPayoutAccount("acct_" + strings.ReplaceAll(handle, "-", "_")).Save(ctx)
		must(err)
		return v
	}
	f.VendorV1, f.VendorV2 = newVendor("va-one", "VA One"), newVendor("va-two", "VA Two")
	grant(SuperAdmin, "root@platform.test", membership.RoleSuperAdmin, nil, nil)
	grant(TenantAdminA, "admin@acme.test", membership.RoleTenantAdmin, &f.TenantA.ID, nil)
	grant(ManagerA1, "manager@a1.test", membership.RoleStoreManager, nil, &f.StoreA1.ID)
	grant(CustomerA, "customer@acme.test", membership.RoleCustomer, &f.TenantA.ID, nil)
	grant(TenantAdminB, "admin@bolt.test", membership.RoleTenantAdmin, &f.TenantB.ID, nil)
	vendorRole(VendorAdminV1, "admin@va-one.test", membership.RoleVendorAdmin, f.VendorV1)
	vendorRole(VendorStaffV1, "staff@va-one.test", membership.RoleVendorStaff, f.VendorV1)
	vendorRole(VendorAdminV2, "admin@va-two.test", membership.RoleVendorAdmin, f.VendorV2)

	pk, err := svc.CreateAPIKey(ctx, tenancy.CreateAPIKeyInput{TenantID: f.TenantA.ID, StoreID: &f.StoreA1.ID, Kind: apikey.KindPublishable, Name: "A1 storefront"})
	must(err)
	f.KeyA1, f.Keys[PublishableA] = pk.APIKey, pk.Token
	f.headers[PublishableA] = Headers{"X-Publishable-Key": pk.Token}
	sk, err := svc.CreateAPIKey(ctx, tenancy.CreateAPIKeyInput{TenantID: f.TenantB.ID, Kind: apikey.KindSecret, Name: "B backend", Roles: []membership.Role{membership.RoleTenantAdmin}})
	must(err)
	f.KeyB, f.Keys[SecretB] = sk.APIKey, sk.Token
	f.headers[SecretB] = Headers{"X-Api-Key": sk.Token}
	f.headers[Anonymous] = Headers{}
	return f
}

// SetTenantStatus changes a tenant's status directly (platform action).
func (f *Fixture) SetTenantStatus(t testing.TB, id int, s tenant.Status) {
	t.Helper()
	ctx := viewer.SystemContext(context.Background(), "test-fixture")
	if _, err := f.API.App.Tenancy.SetTenantStatus(ctx, id, s); err != nil {
		t.Fatalf("set tenant status: %v", err)
	}
}
