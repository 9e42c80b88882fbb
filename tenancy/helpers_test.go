package tenancy_test

import (
	"context"
	"net"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// id renders an ent id the way the API takes it.
func id(n int) string { return strconv.Itoa(n) }

// atoi parses an ID the API returned.
func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, "id %q", s)
	return n
}

func sys() context.Context { return viewer.SystemContext(context.Background(), "tenancy-test") }

// requireError asserts the response failed with code and, when field is not empty,
// extensions.field.
func requireError(t testing.TB, r *testenv.Response, code, field string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, "expected %s, got data %s", code, r.Data)
	require.Equal(t, code, r.Code(), "errors: %+v", r.Errors)
	if field != "" {
		require.Equal(t, field, r.Errors[0].Extensions["field"], "errors: %+v", r.Errors)
	}
}

// fakeDNS answers TXT lookups from a map instead of the network.
type fakeDNS struct {
	mu      sync.Mutex
	records map[string][]string
	asked   []string
}

func (d *fakeDNS) set(name string, values ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.records[name] = values
}

func (d *fakeDNS) lookupTXT(_ context.Context, name string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.asked = append(d.asked, name)
	if v, ok := d.records[name]; ok {
		return v, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

// withFakeDNS rebuilds api's handler with a fake TXT lookup.
func withFakeDNS(api *testenv.API) *fakeDNS {
	dns := &fakeDNS{records: map[string][]string{}}
	api.App.LookupTXT = dns.lookupTXT
	api.Handler = api.App.Handler()
	return dns
}
