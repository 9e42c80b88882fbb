package audit_test

import (
	"context"
	"net"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/server"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id   = testenv.ID
	atoi = testenv.Atoi
)

func hashToken(s string) string { return auth.HashToken(s) }

var errConflict = apperr.New(apperr.Conflict, "a later step of the transaction failed")

// tenancyWithTx creates country ZZ in a transaction as system job "audit-rollback", checks
// that its audit row is there inside the transaction, then fails with after's error.
func tenancyWithTx(t *testing.T, db *testenv.DB, after func() error) error {
	ctx := sys("audit-rollback")
	return tenancy.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
		if err := tx.Country.Create().SetCode("ZZ").SetName("Nowhere").Exec(ctx); err != nil {
			return err
		}
		n, err := tx.AuditLog.Query().Where(auditlog.EntityType("Country"), auditlog.Actor("system:audit-rollback")).Count(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, n, "the audit row is written in the change's transaction")
		return after()
	})
}

func sys(name string) context.Context { return viewer.SystemContext(context.Background(), name) }

// with returns h plus an X-Request-Id.
func with(h testenv.Headers, requestID string) testenv.Headers {
	out := testenv.Headers{"X-Request-Id": requestID}
	for k, v := range h {
		out[k] = v
	}
	return out
}

// fakeDNS answers TXT lookups from a map.
type fakeDNS struct {
	mu      sync.Mutex
	records map[string][]string
}

func (d *fakeDNS) set(name string, values ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.records[name] = values
}

func (d *fakeDNS) lookupTXT(_ context.Context, name string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if v, ok := d.records[name]; ok {
		return v, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

// withFakeDNS rebuilds api's handler around a fake TXT lookup: platform.App.Handler wires
// net.DefaultResolver.LookupTXT with no seam, so the handler is assembled from its parts.
func withFakeDNS(api *testenv.API) *fakeDNS {
	dns := &fakeDNS{records: map[string][]string{}}
	app := api.App
	api.Handler = server.New(server.Deps{
		Config: app.Config,
		Resolver: &graph.Resolver{
			Client: app.Client, Identity: app.Identity, Tenancy: app.Tenancy, Taxonomy: app.Taxonomy,
			Storefront: app.Stores, LookupTXT: dns.lookupTXT,
		},
		Redis:  app.Redis,
		Ready:  map[string]func(context.Context) error{},
		Logger: app.Logger,
	})
	return dns
}
