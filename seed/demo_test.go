package seed_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "seed-test") }

// What the demo promises (seed/demo.go's package comment and Print).
var (
	wantTenants = map[string]struct {
		tier   string
		stores []string
	}{
		"saudi-marketplace": {"enterprise", []string{"dates-coffee", "home-decor", "modern-fashion", "oud-perfumes", "saudi-traditional", "souq", "wholesale"}},
		"gulf-goods":        {"pro", []string{"gulf-electronics"}},
	}
	wantThemes = map[string][2]string{
		"saudi-traditional": {"#d97706", "#92400e"},
		"modern-fashion":    {"#3b82f6", "#1e40af"},
		"home-decor":        {"#15803d", "#78350f"},
		"oud-perfumes":      {"#111111", "#d4af37"},
		"dates-coffee":      {"#7c2d12", "#fef3c7"},
		"gulf-electronics":  {"#0f172a", "#38bdf8"},
		"souq":              {"#0f766e", "#f59e0b"},
		"wholesale":         {"#1e3a8a", "#e2e8f0"},
	}
	// login → "role tenant-handle store-handle" of its one membership.
	wantLogins = map[string]string{
		"admin@dakkah.test":              "super_admin - -",
		"admin@saudi-marketplace.test":   "tenant_admin saudi-marketplace -",
		"admin@gulf-goods.test":          "tenant_admin gulf-goods -",
		"manager@saudi-traditional.test": "store_manager saudi-marketplace saudi-traditional",
		"admin@najd-crafts.test":         "vendor_admin saudi-marketplace -",
		"admin@hejaz-spices.test":        "vendor_admin saudi-marketplace -",
	}
)

const (
	loginQ = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email } } }`
	meQ    = `{ me { email memberships { role tenant { handle } store { handle } } } }`
)

func demo(t *testing.T, db *testenv.DB, api *testenv.API) *seed.Result {
	t.Helper()
	res, err := seed.Demo(context.Background(), db.Client, api.App.Tenancy, seed.DefaultPassword)
	require.NoError(t, err)
	return res
}

func TestDemoCreatesWhatItPromises(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		res := demo(t, db, api)
		ctx := sys()

		// Two tenants, eight stores: subdomain = handle, the themes.
		tenants, err := db.Client.Tenant.Query().WithStores().All(ctx)
		require.NoError(t, err)
		require.Len(t, tenants, len(wantTenants))
		for _, tn := range tenants {
			want, ok := wantTenants[tn.Handle]
			require.True(t, ok, "unexpected tenant %s", tn.Handle)
			assert.Equal(t, want.tier, string(tn.SubscriptionTier), tn.Handle)
			assert.Equal(t, "active", string(tn.Status), tn.Handle)
			require.NotNil(t, tn.Subdomain)
			assert.Equal(t, tn.Handle, *tn.Subdomain)
			var handles []string
			for _, s := range tn.Edges.Stores {
				handles = append(handles, s.Handle)
				require.NotNil(t, s.Subdomain, s.Handle)
				assert.Equal(t, s.Handle, *s.Subdomain)
				assert.Equal(t, store.StatusActive, s.Status)
				th, ok := wantThemes[s.Handle]
				require.True(t, ok, s.Handle)
				assert.Equal(t, th[0], s.ThemeConfig.Colors.Primary, s.Handle)
				assert.Equal(t, th[1], s.ThemeConfig.Colors.Secondary, s.Handle)
				assert.Equal(t, "Tajawal", s.ThemeConfig.Fonts.Heading, s.Handle)
				assert.Equal(t, "Inter", s.ThemeConfig.Fonts.Body, s.Handle)
			}
			sort.Strings(handles)
			assert.Equal(t, want.stores, handles, tn.Handle)
		}
		nStores, err := db.Client.Store.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 8, nStores)
		var stores []string
		for _, ts := range wantTenants {
			stores = append(stores, ts.stores...)
		}
		assert.ElementsMatch(t, stores, res.Stores)
		nCountries, err := db.Client.Country.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 6, nCountries)

		// Every login signs in with the password and holds its role.
		require.Len(t, res.Logins, len(wantLogins))
		assert.Equal(t, seed.DefaultPassword, res.Password)
		sessions := map[string]testenv.Headers{}
		for _, l := range res.Logins {
			var out struct {
				Login struct {
					AccessToken string
					User        struct{ Email string }
				}
			}
			api.MustDo(t, nil, loginQ, map[string]any{"e": l.Email, "p": seed.DefaultPassword}).Decode(t, &out)
			require.NotEmpty(t, out.Login.AccessToken, l.Email)
			assert.Equal(t, l.Email, out.Login.User.Email)
			h := testenv.Headers{"Authorization": "Bearer " + out.Login.AccessToken}
			var me struct {
				Me struct {
					Memberships []struct {
						Role   string
						Tenant *struct{ Handle string }
						Store  *struct{ Handle string }
					}
				}
			}
			api.MustDo(t, h, meQ, nil).Decode(t, &me)
			ms := me.Me.Memberships
			require.Len(t, ms, 1, l.Email)
			th, sh := "-", "-"
			if ms[0].Tenant != nil {
				th = ms[0].Tenant.Handle
			}
			if ms[0].Store != nil {
				sh = ms[0].Store.Handle
			}
			assert.Equal(t, wantLogins[l.Email], fmt.Sprintf("%s %s %s", ms[0].Role, th, sh), l.Email)
			assert.Equal(t, l.Role, ms[0].Role)
			sessions[l.Email] = h

			r := api.Do(t, nil, loginQ, map[string]any{"e": l.Email, "p": "not-the-password"})
			assert.Equal(t, "UNAUTHENTICATED", r.Code(), l.Email)
		}
		// The roles work: the manager changes its store and no other.
		mgr := sessions["manager@saudi-traditional.test"]
		byHandle := map[string]int{}
		all, err := db.Client.Store.Query().All(ctx)
		require.NoError(t, err)
		for _, s := range all {
			byHandle[s.Handle] = s.ID
		}
		const rename = `mutation($id: ID!) { updateStore(id: $id, input: {name: "Renamed"}) { id } }`
		api.MustDo(t, mgr, rename, map[string]any{"id": fmt.Sprint(byHandle["saudi-traditional"])})
		assert.NotEmpty(t, api.Do(t, mgr, rename, map[string]any{"id": fmt.Sprint(byHandle["modern-fashion"])}).Errors)
		assert.NotEmpty(t, api.Do(t, sessions["admin@gulf-goods.test"], rename, map[string]any{"id": fmt.Sprint(byHandle["oud-perfumes"])}).Errors)
		api.MustDo(t, sessions["admin@saudi-marketplace.test"], rename, map[string]any{"id": fmt.Sprint(byHandle["oud-perfumes"])})

		// One publishable key per store, each opening its own store's storefront.
		require.Len(t, res.Keys, 8)
		for _, k := range res.Keys {
			require.NotEmpty(t, k.Token, k.Store)
			n, err := db.Client.APIKey.Query().Where(apikey.StoreID(byHandle[k.Store]), apikey.KindEQ(apikey.KindPublishable), apikey.Name(seed.DemoKeyName)).Count(ctx)
			require.NoError(t, err)
			assert.Equal(t, 1, n, k.Store)
			r := api.MustDo(t, testenv.Headers{"X-Publishable-Key": k.Token}, `{ stores { edges { node { handle } } } }`, nil)
			assert.JSONEq(t, `{"stores":{"edges":[{"node":{"handle":"`+k.Store+`"}}]}}`, string(r.Data), k.Store)
		}
		nKeys, err := db.Client.APIKey.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 8, nKeys)

		// The verified custom domain serves saudi-traditional; subdomains and paths work too.
		d, err := db.Client.Domain.Query().Where(domain.Hostname("sauditraditions.test")).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, domain.StatusVerified, d.Status)
		assert.Equal(t, byHandle["saudi-traditional"], d.StoreID)
		const resolveQ = `query($h: String!, $p: String) { resolveStore(host: $h, path: $p) { strategy status store { handle } } }`
		for _, c := range []struct{ host, path, want string }{
			{"sauditraditions.test", "", `"CUSTOM_DOMAIN","status":"ACTIVE","store":{"handle":"saudi-traditional"}`},
			{"gulf-electronics.dakkah.test", "", `"SUBDOMAIN","status":"ACTIVE","store":{"handle":"gulf-electronics"}`},
			{"saudi-marketplace.dakkah.test", "/stores/home-decor", `"PATH","status":"ACTIVE","store":{"handle":"home-decor"}`},
			{"dakkah.test", "/stores/dates-coffee", `"PATH","status":"ACTIVE","store":{"handle":"dates-coffee"}`},
		} {
			r := api.MustDo(t, nil, resolveQ, map[string]any{"h": c.host, "p": c.path})
			assert.JSONEq(t, `{"resolveStore":{"strategy":`+c.want+`}}`, string(r.Data), c.host)
		}
	})
}

// tableCounts counts the rows of every table of the database.
func tableCounts(t *testing.T, db *testenv.DB) map[string]int {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if db.Dialect == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := db.SQL.Query(q)
	require.NoError(t, err)
	var names []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	require.NotEmpty(t, names)
	out := map[string]int{}
	for _, n := range names {
		var c int
		require.NoError(t, db.SQL.QueryRow(`SELECT COUNT(*) FROM "`+n+`"`).Scan(&c))
		out[n] = c
	}
	return out
}

func TestDemoRunTwiceCreatesNoDuplicates(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		first := demo(t, db, api)
		before := tableCounts(t, db)
		for _, table := range []string{"tenants", "stores", "domains", "users", "memberships", "api_keys", "countries", "audit_logs"} {
			assert.Positive(t, before[table], table)
		}
		// An operator's change to demo data survives a re-run.
		_, err := db.Client.Store.Update().Where(store.Handle("home-decor")).SetName("Home & Garden").Save(sys())
		require.NoError(t, err)
		before = tableCounts(t, db)

		second := demo(t, db, api)
		assert.Equal(t, before, tableCounts(t, db), "a second run adds nothing, audit rows included")
		s, err := db.Client.Store.Query().Where(store.Handle("home-decor")).Only(sys())
		require.NoError(t, err)
		assert.Equal(t, "Home & Garden", s.Name)

		// It reports the same logins, stores and domain; keys by prefix only (their tokens
		// were shown once, on the first run).
		assert.Equal(t, first.Logins, second.Logins)
		assert.Equal(t, first.Stores, second.Stores)
		assert.Equal(t, first.Domain, second.Domain)
		require.Len(t, second.Keys, len(first.Keys))
		for i, k := range second.Keys {
			assert.Empty(t, k.Token, k.Store)
			assert.Equal(t, first.Keys[i].Prefix, k.Prefix, k.Store)
			assert.Equal(t, first.Keys[i].Store, k.Store)
		}
		// A third run after a key was revoked makes that store a new one, and only that.
		var revoked *ent.APIKey
		revoked, err = db.Client.APIKey.Query().Where(apikey.TokenPrefix(first.Keys[0].Prefix)).Only(sys())
		require.NoError(t, err)
		_, err = api.App.Tenancy.RevokeAPIKey(sys(), revoked.ID)
		require.NoError(t, err)
		third := demo(t, db, api)
		var fresh []string
		for _, k := range third.Keys {
			if k.Token != "" {
				fresh = append(fresh, k.Store)
			}
		}
		assert.Equal(t, []string{first.Keys[0].Store}, fresh)
		n, err := db.Client.APIKey.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 9, n) // one per store (8), and the revoked one
	})
}
