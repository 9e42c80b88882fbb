package tenancy_test

import (
	"testing"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/testenv/dnstest"
)

// withDNSServer serves api's domain checks from a DNS server started for the test.
func withDNSServer(t *testing.T, api *testenv.API) *dnstest.Server {
	d := dnstest.Start(t)
	api.App.LookupTXT = d.LookupTXT
	api.Handler = api.App.Handler()
	return d
}
