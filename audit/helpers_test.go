package audit_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
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
// that its audit row is held for the commit (txn.Batch writes it with the transaction's
// other records, just before committing), then fails with after's error.
func tenancyWithTx(t *testing.T, db *testenv.DB, after func() error) error {
	ctx := sys("audit-rollback")
	return txn.Run(ctx, db.Client, func(tx *ent.Tx) error {
		if err := tx.Country.Create().SetCode("ZZ").SetName("Nowhere").Exec(ctx); err != nil {
			return err
		}
		n, err := tx.AuditLog.Query().Where(auditlog.EntityType("Country"), auditlog.Actor("system:audit-rollback")).Count(ctx)
		if err != nil || n != 0 {
			return fmt.Errorf("the audit row is held until the commit: %d rows, %v", n, err)
		}
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

// withFakeDNS rebuilds api's handler around a fake TXT lookup.
func withFakeDNS(api *testenv.API) *fakeDNS {
	dns := &fakeDNS{records: map[string][]string{}}
	api.App.LookupTXT = dns.lookupTXT
	api.Handler = api.App.Handler()
	return dns
}

// requireSecretsRedacted checks that every field of r's diff named like a secret
// (password, hash, token, secret) holds only the redaction mark.
func requireSecretsRedacted(t *testing.T, r *ent.AuditLog) {
	t.Helper()
	for field, ch := range r.Diff {
		f := strings.ToLower(field)
		if !strings.Contains(f, "password") && !strings.Contains(f, "secret") && !strings.HasSuffix(f, "_hash") &&
			f != "token" && !strings.HasSuffix(f, "_token") {
			continue
		}
		m, ok := ch.(map[string]any)
		require.True(t, ok, "%s %s: diff.%s is %v", r.EntityType, r.Action, field, ch)
		for side, v := range m {
			assert.Equal(t, audit.Redacted, v, "%s %s %d: diff.%s.%s", r.EntityType, r.Action, r.EntityID, field, side)
		}
	}
}
