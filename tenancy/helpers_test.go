package tenancy_test

import (
	"context"
	"net"
	"sync"

	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/server"
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

// withFakeDNS rebuilds api's handler with a fake TXT lookup. platform.App.Handler builds
// its graph.Resolver with net.DefaultResolver.LookupTXT and offers no seam, so the
// handler is assembled here from the same parts (server.New over the app's services).
func withFakeDNS(api *testenv.API) *fakeDNS {
	dns := &fakeDNS{records: map[string][]string{}}
	app := api.App
	api.Handler = server.New(server.Deps{
		Config: app.Config,
		Resolver: &graph.Resolver{
			Client:     app.Client,
			Identity:   app.Identity,
			Tenancy:    app.Tenancy,
			Taxonomy:   app.Taxonomy,
			Storefront: app.Stores,
			LookupTXT:  dns.lookupTXT,
		},
		Redis:  app.Redis,
		Ready:  map[string]func(context.Context) error{},
		Logger: app.Logger,
	})
	return dns
}
