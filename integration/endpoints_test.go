package integration_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "integration-test") }

const (
	createQ = `mutation($in: CreateIntegrationEndpointInput!) { createIntegrationEndpoint(input: $in) {
		secret endpoint { id tenantID storeID url description eventTypes enabled disabledReason hasPreviousSecret } } }`
	updateQ = `mutation($id: ID!, $in: UpdateIntegrationEndpointInput!) { updateIntegrationEndpoint(id: $id, input: $in) {
		id url description eventTypes enabled disabledReason } }`
	deleteQ = `mutation($id: ID!) { deleteIntegrationEndpoint(id: $id) }`
	rotateQ = `mutation($id: ID!, $s: Int) { rotateIntegrationEndpointSecret(id: $id, overlapSeconds: $s) {
		secret endpoint { id hasPreviousSecret previousSecretExpiresAt } } }`
	listQ = `query($where: IntegrationEndpointWhereInput) { integrationEndpoints(first: 50, where: $where) {
		totalCount edges { node { id description storeID } } } }`
)

type endpointJSON struct {
	ID, TenantID, URL, Description string
	StoreID                        *string
	EventTypes                     []string
	Enabled                        bool
	DisabledReason                 *string
	HasPreviousSecret              bool
	PreviousSecretExpiresAt        *time.Time
}

type withSecret struct {
	Secret   string
	Endpoint endpointJSON
}

func create(t *testing.T, f *testenv.Fixture, h testenv.Headers, in map[string]any) withSecret {
	t.Helper()
	var out struct{ CreateIntegrationEndpoint withSecret }
	f.API.MustDo(t, h, createQ, map[string]any{"in": in}).Decode(t, &out)
	return out.CreateIntegrationEndpoint
}

func TestCreateShowsTheSecretOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.TenantAdminA)
		got := create(t, f, admin, map[string]any{"tenantId": testenv.ID(f.TenantA.ID), "storeId": testenv.ID(f.StoreA1.ID),
			"url": "https://erp.example.com/hooks", "description": "  ERP  ", "eventTypes": []string{"order.*", "product.created"}})
		require.True(t, strings.HasPrefix(got.Secret, stdwebhook.SecretPrefix), got.Secret)
		e := got.Endpoint
		assert.Equal(t, "https://erp.example.com/hooks", e.URL)
		assert.Equal(t, "ERP", e.Description)
		assert.Equal(t, []string{"order.*", "product.created"}, e.EventTypes)
		assert.True(t, e.Enabled)
		assert.Equal(t, testenv.ID(f.StoreA1.ID), *e.StoreID)
		assert.False(t, e.HasPreviousSecret)

		// The stored secret is the one shown, and it signs what the receiver verifies.
		row, err := db.Client.IntegrationEndpoint.Get(sys(), testenv.Atoi(t, e.ID))
		require.NoError(t, err)
		assert.Equal(t, []string{got.Secret}, integration.Signers(row, time.Now()))

		// No later read shows it: the type has no such field, and the audit record of
		// the creation redacts it.
		r := f.API.Do(t, admin, `query($id: ID!) { node(id: $id) { ... on IntegrationEndpoint { secret } } }`, map[string]any{"id": e.ID})
		testenv.RequireError(t, r, "BAD_USER_INPUT")
		requireNoSecretInAudit(t, db, row.ID, got.Secret)
	})
}

func requireNoSecretInAudit(t *testing.T, db *testenv.DB, id int, secrets ...string) {
	t.Helper()
	rows, err := db.Client.AuditLog.Query().Where(auditlog.EntityType("IntegrationEndpoint"), auditlog.EntityID(id)).All(sys())
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	for _, r := range rows {
		b, err := json.Marshal(r.Diff)
		require.NoError(t, err)
		for _, s := range secrets {
			assert.NotContains(t, string(b), s, "audit %s", r.Action)
			assert.NotContains(t, string(b), strings.TrimPrefix(s, stdwebhook.SecretPrefix), "audit %s", r.Action)
		}
	}
}

func TestCreateValidates(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.TenantAdminA)
		tA := testenv.ID(f.TenantA.ID)
		try := func(h testenv.Headers, in map[string]any) *testenv.Response {
			base := map[string]any{"tenantId": tA, "url": "https://hooks.example.com/in", "eventTypes": []string{"*"}}
			for k, v := range in {
				base[k] = v
			}
			return f.API.Do(t, h, createQ, map[string]any{"in": base})
		}
		before, err := db.Client.IntegrationEndpoint.Query().Count(sys())
		require.NoError(t, err)

		for _, u := range []string{
			"", "hooks.example.com", "ftp://hooks.example.com/", "https://user:pw@hooks.example.com/",
			"http://hooks.example.com/", // https only, except localhost in dev
			"http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/", "https://metadata.google.internal/",
			"https://10.0.0.1/", "https://192.168.1.10/", "https://172.16.0.1/", "https://100.64.0.1/",
			"https://[fe80::1]/", "https://[fd00::1]/", "https://[::ffff:10.0.0.1]/", "https://0.0.0.0/",
			"https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/",
			"http://127.0.0.2/", "https://private.example.com/", "https://loopback.example.com/",
			"https://metadata.example.com/", "https://ula.example.com/", "https://nowhere.invalid/", "https://intranet/",
			"https://hooks.example.com/" + strings.Repeat("a", integration.MaxURL),
		} {
			testenv.RequireError(t, try(admin, map[string]any{"url": u}), "BAD_USER_INPUT", "url")
		}
		tooMany := make([]string, integration.MaxEventTypes+1)
		for i := range tooMany {
			tooMany[i] = "order.placed"
		}
		for _, types := range [][]string{{}, {"order"}, {"order.exploded"}, {"nothing.*"}, {"*", "*.placed"}, tooMany} {
			testenv.RequireError(t, try(admin, map[string]any{"eventTypes": types}), "BAD_USER_INPUT", "eventTypes")
		}
		testenv.RequireError(t, try(admin, map[string]any{"description": strings.Repeat("é", integration.MaxDescription/2+1)}), "BAD_USER_INPUT", "description")
		// A store of another tenant: hidden from A's admin; refused as input to the
		// platform, which sees it.
		testenv.RequireError(t, try(admin, map[string]any{"storeId": testenv.ID(f.StoreB1.ID)}), "NOT_FOUND")
		testenv.RequireError(t, try(f.As(testenv.SuperAdmin), map[string]any{"storeId": testenv.ID(f.StoreB1.ID)}), "BAD_USER_INPUT", "storeId")
		after, err := db.Client.IntegrationEndpoint.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, before, after, "no refused call made an endpoint")

		// In development, http (and https) to this machine is allowed (prod: see
		// TestProductionRefusesLocalhost).
		for _, u := range []string{"http://localhost:3000/hooks", "http://127.0.0.1:9000/", "http://[::1]:9000/"} {
			create(t, f, admin, map[string]any{"tenantId": tA, "url": u, "eventTypes": []string{"*"}})
		}
	})
}

// TestProductionRefusesLocalhost: without CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST (prod's
// default) the machine itself is as forbidden as any other private address.
func TestProductionRefusesLocalhost(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.Env, cfg.WebhookAllowHTTPLocalhost = "prod", false
		api := testenv.NewAPI(t, db, cfg)
		for _, u := range []string{"http://localhost:3000/", "https://localhost/", "http://127.0.0.1/", "https://[::1]/", "http://hooks.example.com/"} {
			r := api.Do(t, f.As(testenv.TenantAdminA), createQ, map[string]any{"in": map[string]any{
				"tenantId": testenv.ID(f.TenantA.ID), "url": u, "eventTypes": []string{"*"}}})
			testenv.RequireError(t, r, "BAD_USER_INPUT", "url")
		}
		api.MustDo(t, f.As(testenv.TenantAdminA), createQ, map[string]any{"in": map[string]any{
			"tenantId": testenv.ID(f.TenantA.ID), "url": "https://hooks.example.com/", "eventTypes": []string{"*"}}})
	})
}

func TestUpdateAndReenable(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.TenantAdminA)
		e := create(t, f, admin, map[string]any{"tenantId": testenv.ID(f.TenantA.ID), "url": "https://erp.example.com/", "eventTypes": []string{"*"}}).Endpoint
		id := testenv.Atoi(t, e.ID)
		upd := func(in map[string]any) *testenv.Response {
			return f.API.Do(t, admin, updateQ, map[string]any{"id": e.ID, "in": in})
		}
		testenv.RequireError(t, upd(map[string]any{"url": "https://10.1.2.3/"}), "BAD_USER_INPUT", "url")
		testenv.RequireError(t, upd(map[string]any{"eventTypes": []string{}}), "BAD_USER_INPUT", "eventTypes")
		testenv.RequireError(t, upd(map[string]any{"eventTypes": []string{"order.lost"}}), "BAD_USER_INPUT", "eventTypes")

		var out struct{ UpdateIntegrationEndpoint endpointJSON }
		f.API.MustDo(t, admin, updateQ, map[string]any{"id": e.ID, "in": map[string]any{
			"url": "https://crm.example.com/in", "description": "CRM", "eventTypes": []string{"customer.*"}}}).Decode(t, &out)
		assert.Equal(t, "https://crm.example.com/in", out.UpdateIntegrationEndpoint.URL)
		assert.Equal(t, "CRM", out.UpdateIntegrationEndpoint.Description)
		assert.Equal(t, []string{"customer.*"}, out.UpdateIntegrationEndpoint.EventTypes)

		// The platform disabled it (say, after dead deliveries); enabling starts afresh.
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(id).SetEnabled(false).
			SetDisabledReason("20 deliveries in a row failed").SetDeadStreak(20).Exec(sys()))
		f.API.MustDo(t, admin, updateQ, map[string]any{"id": e.ID, "in": map[string]any{"enabled": true}}).Decode(t, &out)
		assert.True(t, out.UpdateIntegrationEndpoint.Enabled)
		assert.Nil(t, out.UpdateIntegrationEndpoint.DisabledReason)
		row, err := db.Client.IntegrationEndpoint.Get(sys(), id)
		require.NoError(t, err)
		assert.Zero(t, row.DeadStreak)
		assert.Equal(t, "https://crm.example.com/in", row.URL, "fields not given stay")

		// Deleted, it is gone.
		f.API.MustDo(t, admin, deleteQ, map[string]any{"id": e.ID})
		n, err := db.Client.IntegrationEndpoint.Query().Count(sys())
		require.NoError(t, err)
		var list struct{ IntegrationEndpoints struct{ TotalCount int } }
		f.API.MustDo(t, f.As(testenv.SuperAdmin), listQ, nil).Decode(t, &list)
		assert.Equal(t, n, list.IntegrationEndpoints.TotalCount)
		testenv.RequireError(t, f.API.Do(t, admin, deleteQ, map[string]any{"id": e.ID}), "NOT_FOUND")
	})
}

func TestRotateSecretOverlap(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.TenantAdminA)
		first := create(t, f, admin, map[string]any{"tenantId": testenv.ID(f.TenantA.ID), "url": "https://erp.example.com/", "eventTypes": []string{"*"}})
		id := testenv.Atoi(t, first.Endpoint.ID)
		rotate := func(seconds any) *testenv.Response {
			return f.API.Do(t, admin, rotateQ, map[string]any{"id": first.Endpoint.ID, "s": seconds})
		}
		testenv.RequireError(t, rotate(-1), "BAD_USER_INPUT", "overlapSeconds")
		testenv.RequireError(t, rotate(int(integration.MaxOverlap.Seconds())+1), "BAD_USER_INPUT", "overlapSeconds")

		// Default overlap: a day during which both secrets sign.
		var out struct{ RotateIntegrationEndpointSecret withSecret }
		rotate(nil).Decode(t, &out)
		second := out.RotateIntegrationEndpointSecret
		require.True(t, strings.HasPrefix(second.Secret, stdwebhook.SecretPrefix))
		require.NotEqual(t, first.Secret, second.Secret)
		assert.True(t, second.Endpoint.HasPreviousSecret)
		require.NotNil(t, second.Endpoint.PreviousSecretExpiresAt)
		assert.WithinDuration(t, time.Now().Add(integration.DefaultOverlap), *second.Endpoint.PreviousSecretExpiresAt, time.Minute)
		row, err := db.Client.IntegrationEndpoint.Get(sys(), id)
		require.NoError(t, err)
		now := time.Now()
		assert.Equal(t, []string{second.Secret, first.Secret}, integration.Signers(row, now))
		assert.Equal(t, []string{second.Secret}, integration.Signers(row, now.Add(integration.DefaultOverlap+time.Second)))

		// A delivery signed during the overlap verifies with either secret.
		h := http.Header{}
		body := []byte(`{"type":"order.placed"}`)
		require.NoError(t, stdwebhook.Headers(h, "evt_0000000000000001", now, body, integration.Signers(row, now)...))
		for _, s := range []string{first.Secret, second.Secret} {
			_, err := stdwebhook.Verify(h, body, now, s)
			assert.NoError(t, err)
		}

		// No overlap: the previous secret stops at once.
		rotate(0).Decode(t, &out)
		assert.False(t, out.RotateIntegrationEndpointSecret.Endpoint.HasPreviousSecret)
		row, err = db.Client.IntegrationEndpoint.Get(sys(), id)
		require.NoError(t, err)
		assert.Equal(t, []string{out.RotateIntegrationEndpointSecret.Secret}, integration.Signers(row, time.Now()))
		requireNoSecretInAudit(t, db, id, first.Secret, second.Secret, out.RotateIntegrationEndpointSecret.Secret)
	})
}
