package tenancy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/testenv"
)

const (
	createTenantQ = `mutation($in: CreateTenantInput!) { createTenant(input: $in) { id handle subdomain } }`
	updateTenantQ = `mutation($id: ID!, $in: UpdateTenantInput!) { updateTenant(id: $id, input: $in) { id subdomain country billingEmail } }`
	createStoreQ  = `mutation($in: CreateStoreInput!) { createStore(input: $in) { id handle subdomain tenantID } }`
	updateStoreQ  = `mutation($id: ID!, $in: UpdateStoreInput!) { updateStore(id: $id, input: $in) { id subdomain status } }`
)

func TestValidationErrorsNameTheField(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		a1 := id(f.StoreA1.ID)
		storeIn := func(extra map[string]any) map[string]any {
			in := map[string]any{"tenantId": id(f.TenantA.ID), "handle": "fresh", "name": "Fresh"}
			for k, v := range extra {
				in[k] = v
			}
			return map[string]any{"in": in}
		}
		theme := func(th map[string]any) map[string]any { return storeIn(map[string]any{"theme": th}) }
		cases := []struct {
			name, as, query string
			vars            map[string]any
			field           string
		}{
			{"tenant handle with a space", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "Bad Handle", "name": "X"}}, "handle"},
			{"tenant handle upper case", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "Acme2", "name": "X"}}, "handle"},
			{"tenant subdomain with underscore", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "ok", "name": "X", "subdomain": "bad_sub"}}, "subdomain"},
			{"tenant subdomain reserved www", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "ok", "name": "X", "subdomain": "www"}}, "subdomain"},
			{"tenant billing email", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "ok", "name": "X", "billingEmail": "not-an-email"}}, "billingEmail"},
			{"tenant country", testenv.SuperAdmin, createTenantQ, map[string]any{"in": map[string]any{"handle": "ok", "name": "X", "country": "Saudi"}}, "country"},
			{"update tenant billing email", testenv.TenantAdminA, updateTenantQ, map[string]any{"id": id(f.TenantA.ID), "in": map[string]any{"billingEmail": "billing at acme"}}, "billingEmail"},
			{"update tenant country", testenv.TenantAdminA, updateTenantQ, map[string]any{"id": id(f.TenantA.ID), "in": map[string]any{"country": "S1"}}, "country"},
			{"update tenant reserved subdomain", testenv.TenantAdminA, updateTenantQ, map[string]any{"id": id(f.TenantA.ID), "in": map[string]any{"subdomain": "WWW"}}, "subdomain"},
			{"store handle leading hyphen", testenv.TenantAdminA, createStoreQ, storeIn(map[string]any{"handle": "-bad"}), "handle"},
			{"store handle with dot", testenv.TenantAdminA, createStoreQ, storeIn(map[string]any{"handle": "a.b"}), "handle"},
			{"store subdomain with space", testenv.TenantAdminA, createStoreQ, storeIn(map[string]any{"subdomain": "two words"}), "subdomain"},
			{"store subdomain reserved www", testenv.TenantAdminA, createStoreQ, storeIn(map[string]any{"subdomain": "www"}), "subdomain"},
			{"store subdomain reserved api", testenv.TenantAdminA, createStoreQ, storeIn(map[string]any{"subdomain": "api"}), "subdomain"},
			{"theme colour name", testenv.TenantAdminA, createStoreQ, theme(map[string]any{"colors": map[string]any{"primary": "red"}}), "theme.colors.primary"},
			{"theme colour five digits", testenv.TenantAdminA, createStoreQ, theme(map[string]any{"colors": map[string]any{"secondary": "#12345"}}), "theme.colors.secondary"},
			{"theme logo ftp", testenv.TenantAdminA, createStoreQ, theme(map[string]any{"logo": "ftp://cdn.example.com/logo.png"}), "theme.logo"},
			{"theme logo javascript", testenv.TenantAdminA, createStoreQ, theme(map[string]any{"logo": "javascript:alert(1)"}), "theme.logo"},
			{"theme favicon relative", testenv.TenantAdminA, createStoreQ, theme(map[string]any{"favicon": "/favicon.ico"}), "theme.favicon"},
			{"update store subdomain reserved", testenv.TenantAdminA, updateStoreQ, map[string]any{"id": a1, "in": map[string]any{"subdomain": "www"}}, "subdomain"},
			{"update store theme colour", testenv.ManagerA1, updateStoreQ, map[string]any{"id": a1, "in": map[string]any{"theme": map[string]any{"colors": map[string]any{"accent": "#12345"}}}}, "theme.colors.accent"},
			{"update store logo", testenv.ManagerA1, updateStoreQ, map[string]any{"id": a1, "in": map[string]any{"theme": map[string]any{"logo": "data:image/png;base64,AAAA"}}}, "theme.logo"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := api.Do(t, f.As(c.as), c.query, c.vars)
				requireError(t, r, "BAD_USER_INPUT", c.field)
			})
		}

		// Nothing was written by the refused calls.
		ctx := sys()
		nTenants, err := db.Client.Tenant.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, nTenants)
		nStores, err := db.Client.Store.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 3, nStores)
		a, err := db.Client.Tenant.Query().Where(tenant.ID(f.TenantA.ID)).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, "billing@acme.test", a.BillingEmail)
		s, err := db.Client.Store.Query().Where(store.ID(f.StoreA1.ID)).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, "a1", *s.Subdomain)
		assert.Equal(t, "#3b82f6", s.ThemeConfig.Colors.Primary)
	})
}

func TestValidInputIsNormalised(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		r := f.API.MustDo(t, f.As(testenv.SuperAdmin), `mutation($in: CreateTenantInput!) {
			createTenant(input: $in) { id handle subdomain country billingEmail } }`,
			map[string]any{"in": map[string]any{"handle": "zeta", "name": " Zeta ", "subdomain": " Zeta-Shop ", "country": "sa", "billingEmail": "Billing@Zeta.TEST"}})
		var out struct {
			CreateTenant struct{ Handle, Subdomain, Country, BillingEmail string }
		}
		r.Decode(t, &out)
		assert.Equal(t, "zeta", out.CreateTenant.Handle)
		assert.Equal(t, "zeta-shop", out.CreateTenant.Subdomain)
		assert.Equal(t, "SA", out.CreateTenant.Country)
		assert.Equal(t, "billing@zeta.test", out.CreateTenant.BillingEmail)

		r = f.API.MustDo(t, f.As(testenv.TenantAdminA), `mutation($in: CreateStoreInput!) {
			createStore(input: $in) { themeConfig { colors { primary } logo } } }`,
			map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "handle": "themed", "name": "Themed",
				"theme": map[string]any{"colors": map[string]any{"primary": "#ABCDEF"}, "logo": "https://cdn.example.com/l.png"}}})
		var st struct {
			CreateStore struct {
				ThemeConfig struct {
					Colors struct{ Primary string }
					Logo   string
				}
			}
		}
		r.Decode(t, &st)
		assert.Equal(t, "#abcdef", st.CreateStore.ThemeConfig.Colors.Primary)
		assert.Equal(t, "https://cdn.example.com/l.png", st.CreateStore.ThemeConfig.Logo)
	})
}
