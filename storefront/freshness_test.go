package storefront_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/ent/subdomainclaim"
	"github.com/dakkah/cityos/resolution"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/testenv"
)

// holdAnswers gives app a resolution cache that keeps answers for an hour instead of the
// default two seconds, so a test sees a change only if an invalidation dropped the old
// answer, never because it expired.
func holdAnswers(app *app.Instance) {
	app.Rules = resolution.NewResolver(storefront.Directory{Client: app.Client}, app.Config.PlatformDomain,
		resolution.WithBus(app.Bus), resolution.WithTTL(time.Hour))
	app.Stores.Rules = app.Rules // the handler reaches the rules through app.Stores
}

const moveStoreQ = `mutation($id: ID!, $sub: String!) { updateStore(id: $id, input: {subdomain: $sub}) { subdomain } }`

func TestResolutionIsFreshAfterAChange(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		holdAnswers(api.App)
		adminA := f.As(testenv.TenantAdminA)

		// Prime the cache, positive and negative answers.
		assert.Equal(t, "a1", handleOf(resolve(t, api, nil, "a1.dakkah.test", "", "")))
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "a1-new.dakkah.test", "", "").Status)
		assert.Equal(t, "a2", handleOf(resolve(t, api, nil, "a2.dakkah.test", "", "")))

		// Control: a write that bypasses the service (so nobody is told) is not seen, which
		// shows the answers above really are cached: a2's claim of its subdomain, deleted.
		_, err := db.Client.SubdomainClaim.Delete().Where(subdomainclaim.StoreID(f.StoreA2.ID)).Exec(sys())
		require.NoError(t, err)
		assert.Equal(t, "a2", handleOf(resolve(t, api, nil, "a2.dakkah.test", "", "")))

		// Through the API, the new subdomain resolves at once and the old one is gone.
		api.MustDo(t, adminA, moveStoreQ, map[string]any{"id": id(f.StoreA1.ID), "sub": "a1-new"})
		r := resolve(t, api, nil, "a1-new.dakkah.test", "", "")
		assert.Equal(t, "SUBDOMAIN", strategyOf(r))
		assert.Equal(t, "a1", handleOf(r))
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "a1.dakkah.test", "", "").Status)
		assert.Equal(t, "a1", handleOf(resolve(t, api, nil, "dakkah.test", "/stores/a1-new", "")))
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "dakkah.test", "/stores/a1", "").Status)

		// A tenant's new subdomain takes over its path rule at once.
		assert.Equal(t, "a2", handleOf(resolve(t, api, nil, "acme.dakkah.test", "/stores/a2", "")))
		api.MustDo(t, adminA, `mutation($id: ID!) { updateTenant(id: $id, input: {subdomain: "acme-shops"}) { subdomain } }`, map[string]any{"id": id(f.TenantA.ID)})
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "acme.dakkah.test", "/stores/a2", "").Status)
		assert.Equal(t, "a2", handleOf(resolve(t, api, nil, "acme-shops.dakkah.test", "/stores/a2", "")))

		// A removed custom domain stops resolving at once.
		assert.Equal(t, "a1", handleOf(resolve(t, api, nil, "shop.acme-example.com", "", "")))
		api.MustDo(t, adminA, `mutation($id: ID!) { removeDomain(id: $id) }`, map[string]any{"id": id(f.DomainA1.ID)})
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "shop.acme-example.com", "", "").Status)

		// Clearing a subdomain too.
		api.MustDo(t, adminA, `mutation($id: ID!) { updateStore(id: $id, input: {clearSubdomain: true}) { id } }`, map[string]any{"id": id(f.StoreA1.ID)})
		assert.Equal(t, "NOT_FOUND", resolve(t, api, nil, "a1-new.dakkah.test", "", "").Status)
	})
}

func TestResolutionIsFreshAcrossInstances(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		one := f.API
		// A second instance over the same database and the same Redis (testenv.NewAPI would
		// give it an in-process Redis of its own when no CITYOS_TEST_REDIS_URL is set).
		app2, err := app.Assemble(one.App.Config, slog.New(slog.NewTextHandler(io.Discard, nil)),
			db.Client, db.SQL, one.App.Redis, one.App.RedisAddr)
		require.NoError(t, err)
		t.Cleanup(app2.Close)
		holdAnswers(one.App)
		holdAnswers(app2)
		two := &testenv.API{App: app2, Handler: app2.Handler(), DB: db}
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		require.NoError(t, one.App.ListenForChanges(ctx))
		require.NoError(t, app2.ListenForChanges(ctx))
		adminA := f.As(testenv.TenantAdminA)

		// Instance two has answered (and cached) the old state.
		assert.Equal(t, "a1", handleOf(resolve(t, two, nil, "a1.dakkah.test", "", "")))
		assert.Equal(t, "NOT_FOUND", resolve(t, two, nil, "a1-moved.dakkah.test", "", "").Status)
		assert.Equal(t, "a2", handleOf(resolve(t, two, nil, "dakkah.test", "/stores/a2", "")))

		// Instance one makes the change; instance two sees it once the invalidation arrives.
		one.MustDo(t, adminA, moveStoreQ, map[string]any{"id": id(f.StoreA1.ID), "sub": "a1-moved"})
		require.Eventually(t, func() bool {
			return handleOf(resolve(t, two, nil, "a1-moved.dakkah.test", "", "")) == "a1"
		}, 30*time.Second, 5*time.Millisecond, "instance two never saw the new subdomain")
		assert.Equal(t, "NOT_FOUND", resolve(t, two, nil, "a1.dakkah.test", "", "").Status)

		// And the other way round. (A deleted store would not do here: its row is read
		// fresh after every lookup, so a stale cached match still answers NOT_FOUND.)
		assert.Equal(t, "a2", handleOf(resolve(t, one, nil, "a2.dakkah.test", "", "")))
		assert.Equal(t, "NOT_FOUND", resolve(t, one, nil, "a2-moved.dakkah.test", "", "").Status)
		two.MustDo(t, adminA, moveStoreQ, map[string]any{"id": id(f.StoreA2.ID), "sub": "a2-moved"})
		require.Eventually(t, func() bool {
			return handleOf(resolve(t, one, nil, "a2-moved.dakkah.test", "", "")) == "a2"
		}, 30*time.Second, 5*time.Millisecond, "instance one never saw the new subdomain")
		assert.Equal(t, "NOT_FOUND", resolve(t, one, nil, "a2.dakkah.test", "", "").Status)
	})
}
