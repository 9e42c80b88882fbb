package storefront_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

const resolveQ = `query($host: String!, $path: String, $hint: String) {
  resolveStore(host: $host, path: $path, hint: $hint) {
    strategy status
    store { id handle name themeConfig { colors { primary } } metadata domains { hostname } tenant { handle billingEmail metadata } }
    tenant { handle billingEmail metadata stores { totalCount } }
  }
}`

type answer struct {
	Strategy *string
	Status   string
	Store    *struct {
		ID, Handle, Name string
		ThemeConfig      *struct{ Colors struct{ Primary *string } }
		Metadata         map[string]any
		Domains          []struct{ Hostname string }
		Tenant           struct {
			Handle       string
			BillingEmail *string
			Metadata     map[string]any
		}
	}
	Tenant *struct {
		Handle       string
		BillingEmail *string
		Metadata     map[string]any
		Stores       struct{ TotalCount int }
	}
}

func id(n int) string { return strconv.Itoa(n) }

func sys() context.Context { return viewer.SystemContext(context.Background(), "storefront-test") }

// resolve asks as h (anonymous when nil) which store a request is for.
func resolve(t *testing.T, api *testenv.API, h testenv.Headers, host, path, hint string) answer {
	t.Helper()
	vars := map[string]any{"host": host}
	if path != "" {
		vars["path"] = path
	}
	if hint != "" {
		vars["hint"] = hint
	}
	var out struct{ ResolveStore answer }
	api.MustDo(t, h, resolveQ, vars).Decode(t, &out)
	return out.ResolveStore
}

func strategyOf(r answer) string {
	if r.Strategy == nil {
		return ""
	}
	return *r.Strategy
}

func handleOf(r answer) string {
	if r.Store == nil {
		return ""
	}
	return r.Store.Handle
}

func TestResolveStoreStrategies(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc := f.API.App.Tenancy
		// A store whose handle and subdomain differ, to tell the two path rules apart, and a
		// pending custom domain.
		sub := "acme-outlet"
		_, err := svc.CreateStore(sys(), tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: "outlet", Name: "Outlet", Subdomain: &sub})
		require.NoError(t, err)
		_, err = svc.AddDomain(sys(), f.StoreA2.ID, "pending.acme-example.com")
		require.NoError(t, err)

		cases := []struct {
			name, host, path, hint string
			strategy, handle       string
		}{
			{"custom domain", "shop.acme-example.com", "", "", "CUSTOM_DOMAIN", "a1"},
			{"custom domain, mixed case, port, trailing dot", "Shop.ACME-example.com.:443", "", "", "CUSTOM_DOMAIN", "a1"},
			{"custom domain of another tenant", "shop.bolt-example.com", "/stores/a1", "", "CUSTOM_DOMAIN", "b1"},
			{"custom domain wins over a hint", "shop.acme-example.com", "", "b1", "CUSTOM_DOMAIN", "a1"},
			{"pending custom domain does not resolve", "pending.acme-example.com", "", "", "", ""},

			{"subdomain", "a1.dakkah.test", "", "", "SUBDOMAIN", "a1"},
			{"subdomain mixed case", "A1.Dakkah.TEST", "", "", "SUBDOMAIN", "a1"},
			{"subdomain with port", "a1.dakkah.test:8080", "", "", "SUBDOMAIN", "a1"},
			{"subdomain with trailing dot", "a1.dakkah.test.", "", "", "SUBDOMAIN", "a1"},
			{"subdomain of another tenant's store", "b1.dakkah.test", "", "", "SUBDOMAIN", "b1"},
			{"subdomain is not the handle", "outlet.dakkah.test", "", "", "", ""},
			{"subdomain differing from the handle", "acme-outlet.dakkah.test", "", "", "SUBDOMAIN", "outlet"},
			{"subdomain wins over its path", "a1.dakkah.test", "/stores/a2", "", "SUBDOMAIN", "a1"},

			{"tenant subdomain with handle path", "acme.dakkah.test", "/stores/a2", "", "PATH", "a2"},
			{"tenant path takes the handle", "acme.dakkah.test", "/stores/outlet", "", "PATH", "outlet"},
			{"tenant path, deeper and with a query", "ACME.dakkah.test:3000", "/stores/A2/products/42?page=2", "", "PATH", "a2"},
			{"tenant path of the other tenant", "bolt.dakkah.test", "/stores/b1", "", "PATH", "b1"},
			{"tenant path does not cross tenants", "acme.dakkah.test", "/stores/b1", "", "", ""},
			{"tenant subdomain without a path", "acme.dakkah.test", "", "", "", ""},

			{"platform domain with subdomain path", "dakkah.test", "/stores/a1", "", "PATH", "a1"},
			{"www platform domain with subdomain path", "www.dakkah.test", "/stores/a1", "", "PATH", "a1"},
			{"platform path, mixed case and port", "WWW.Dakkah.Test:443", "/stores/B1/", "", "PATH", "b1"},
			{"platform path takes the subdomain", "dakkah.test", "/stores/acme-outlet", "", "PATH", "outlet"},
			{"platform path is not the handle", "dakkah.test", "/stores/outlet", "", "", ""},
			{"platform domain without a path", "dakkah.test", "/", "", "", ""},

			{"hint", "localhost:3000", "", "b1", "HINT", "b1"},
			{"hint mixed case, unknown host", "preview.example.net", "/", " A2 ", "HINT", "a2"},
			{"hint after a platform path that does not match", "dakkah.test", "/stores/nope", "a1", "HINT", "a1"},

			{"unknown host", "unknown.example.com", "", "", "", ""},
			{"unknown subdomain", "nope.dakkah.test", "", "", "", ""},
			{"unknown hint", "localhost", "", "nope", "", ""},
			{"junk", "not a host", "../../etc", "<b>", "", ""},
			{"deeper platform subdomain", "x.a1.dakkah.test", "", "", "", ""},
			{"platform domain under another name", "a1.dakkah.test.evil.com", "", "", "", ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := resolve(t, f.API, nil, c.host, c.path, c.hint)
				if c.strategy == "" {
					assert.Equal(t, "NOT_FOUND", r.Status)
					assert.Nil(t, r.Strategy)
					assert.Nil(t, r.Store)
					assert.Nil(t, r.Tenant)
					return
				}
				assert.Equal(t, "ACTIVE", r.Status)
				assert.Equal(t, c.strategy, strategyOf(r))
				assert.Equal(t, c.handle, handleOf(r))
				require.NotNil(t, r.Tenant)
				assert.Equal(t, r.Store.Tenant.Handle, r.Tenant.Handle)
			})
		}
	})
}

// assertPublicOnly checks that a resolution carries the store's public face and nothing
// private: no metadata, no domains, no billing e-mail, no catalog of stores.
func assertPublicOnly(t *testing.T, r answer) {
	t.Helper()
	require.NotNil(t, r.Store)
	require.NotNil(t, r.Tenant)
	assert.NotEmpty(t, r.Store.Name)
	assert.Nil(t, r.Store.Metadata)
	assert.Empty(t, r.Store.Domains)
	assert.NotNil(t, r.Store.Domains, "domains is an empty list, not null")
	assert.Nil(t, r.Store.Tenant.BillingEmail)
	assert.Nil(t, r.Store.Tenant.Metadata)
	assert.Nil(t, r.Tenant.BillingEmail)
	assert.Nil(t, r.Tenant.Metadata)
}

func TestResolveStoreStatuses(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		svc := api.App.Tenancy
		setStore := func(id int, s store.Status) {
			t.Helper()
			_, err := svc.UpdateStore(sys(), id, tenancy.UpdateStoreInput{Status: &s})
			require.NoError(t, err)
		}
		check := func(host, want string) answer {
			t.Helper()
			for _, h := range []testenv.Headers{nil, f.As(testenv.PublishableA), f.As(testenv.CustomerA)} {
				r := resolve(t, api, h, host, "", "")
				require.Equal(t, want, r.Status, "%s as %v", host, h)
				require.NotNil(t, r.Strategy)
				assertPublicOnly(t, r)
			}
			r := resolve(t, api, nil, host, "", "")
			switch want {
			case "TENANT_SUSPENDED", "TENANT_INACTIVE":
				assert.Zero(t, r.Tenant.Stores.TotalCount, "a closed tenant lists no stores to the public")
			case "INACTIVE", "MAINTENANCE":
				assert.Equal(t, 1, r.Tenant.Stores.TotalCount, "the closed store is not in its tenant's public list")
			}
			return r
		}

		// Active: public face only, even then.
		r := check("a1.dakkah.test", "ACTIVE")
		require.NotNil(t, r.Store.ThemeConfig)
		assert.Equal(t, "#3b82f6", *r.Store.ThemeConfig.Colors.Primary)
		assert.Equal(t, "acme", r.Tenant.Handle)

		// Store statuses.
		setStore(f.StoreA2.ID, store.StatusInactive)
		check("a2.dakkah.test", "INACTIVE")
		setStore(f.StoreA2.ID, store.StatusMaintenance)
		r = check("a2.dakkah.test", "MAINTENANCE")
		assert.Equal(t, "A Two", r.Store.Name, "the closed page can still name the store")
		check("a1.dakkah.test", "ACTIVE")

		// Tenant statuses, which come before the store's, whichever rule matched.
		f.SetTenantStatus(t, f.TenantB.ID, tenant.StatusSuspended)
		check("b1.dakkah.test", "TENANT_SUSPENDED")
		check("shop.bolt-example.com", "TENANT_SUSPENDED")
		r = resolve(t, api, nil, "bolt.dakkah.test", "/stores/b1", "")
		assert.Equal(t, "TENANT_SUSPENDED", r.Status)
		assert.Equal(t, "PATH", strategyOf(r))
		f.SetTenantStatus(t, f.TenantB.ID, tenant.StatusInactive)
		check("b1.dakkah.test", "TENANT_INACTIVE")
		f.SetTenantStatus(t, f.TenantB.ID, tenant.StatusTrial)
		r = check("b1.dakkah.test", "ACTIVE")
		assert.Equal(t, 1, r.Tenant.Stores.TotalCount)

		f.SetTenantStatus(t, f.TenantA.ID, tenant.StatusSuspended)
		check("a2.dakkah.test", "TENANT_SUSPENDED") // the store is in maintenance too
		check("shop.acme-example.com", "TENANT_SUSPENDED")
		f.SetTenantStatus(t, f.TenantA.ID, tenant.StatusActive)
		setStore(f.StoreA2.ID, store.StatusActive)
		check("a2.dakkah.test", "ACTIVE")
		check("shop.acme-example.com", "ACTIVE")
	})
}
