package tenancy_test

import (
	"context"
	"net"
	"sync"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id           = testenv.ID
	atoi         = testenv.Atoi
	requireError = testenv.RequireError
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "tenancy-test") }

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
