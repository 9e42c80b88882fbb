package testenv

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/tenant"
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
)

// Principals lists the principals of the authorization matrix in a fixed order.
var Principals = []string{SuperAdmin, TenantAdminA, ManagerA1, CustomerA, PublishableA, SecretB, Anonymous}

// Fixture is two tenants, A and B, with stores A1 and A2 (A) and B1 (B), a verified
// custom domain on A1, and a principal for every role.
type Fixture struct {
	API                 *API
	TenantA, TenantB    *ent.Tenant
	StoreA1, StoreA2    *ent.Store
	StoreB1             *ent.Store
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

	grant := func(name, email string, role membership.Role, tenantID, storeID *int) {
		u, err := svc.CreateUser(ctx, tenancy.CreateUserInput{Email: email, Password: Password})
		must(err)
		m, err := svc.GrantRole(ctx, u.ID, role, tenantID, storeID)
		must(err)
		if name == ManagerA1 {
			f.MembershipManagerA1 = m
		}
		f.Users[name] = u
		s, err := api.App.Identity.Login(context.Background(), email, Password)
		must(err)
		f.headers[name] = Headers{"Authorization": "Bearer " + s.AccessToken}
	}
	grant(SuperAdmin, "root@platform.test", membership.RoleSuperAdmin, nil, nil)
	grant(TenantAdminA, "admin@acme.test", membership.RoleTenantAdmin, &f.TenantA.ID, nil)
	grant(ManagerA1, "manager@a1.test", membership.RoleStoreManager, nil, &f.StoreA1.ID)
	grant(CustomerA, "customer@acme.test", membership.RoleCustomer, &f.TenantA.ID, nil)
	grant(TenantAdminB, "admin@bolt.test", membership.RoleTenantAdmin, &f.TenantB.ID, nil)

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
