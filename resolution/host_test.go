package resolution

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeHost(t *testing.T) {
	cases := map[string]string{
		"Shop.Example.COM":      "shop.example.com",
		"shop.example.com.":     "shop.example.com",
		"shop.example.com:8443": "shop.example.com",
		"SHOP.example.com.:80":  "shop.example.com",
		"  acme.dakkah.com \t":  "acme.dakkah.com",
		"localhost:3000":        "localhost",
		"[::1]:8080":            "[::1]",
		"[::1]":                 "[::1]",
		"[::1":                  "[::1",
		"::1":                   "::1",
		"":                      "",
		":80":                   "",
		"a.com..":               "a.com",
	}
	for in, want := range cases {
		got := NormalizeHost(in)
		assert.Equal(t, want, got, "NormalizeHost(%q)", in)
		assert.Equal(t, got, NormalizeHost(got), "idempotent for %q", in)
	}
}

func TestValidLabel(t *testing.T) {
	long := "a123456789b123456789c123456789d123456789e123456789f123456789abc" // 63
	for _, ok := range []string{"a", "acme", "a-b", "0", "9lives", long} {
		assert.True(t, validLabel(ok), ok)
	}
	for _, bad := range []string{"", "-a", "a-", "A", "a_b", "a.b", "é", "a b", long + "x"} {
		assert.False(t, validLabel(bad), bad)
	}
}

func TestStoresLabel(t *testing.T) {
	cases := map[string]string{
		"/stores/acme":            "acme",
		"/stores/acme/":           "acme",
		"/stores/acme/products/1": "acme",
		"/stores/acme?x=1":        "acme",
		"/stores/acme/p?x=/y":     "acme",
		"/stores/ACME#top":        "acme",
		"/stores/":                "",
		"/stores":                 "",
		"/stores//acme":           "",
		"/store/acme":             "",
		"stores/acme":             "",
		"/x/stores/acme":          "",
		"/stores/-acme":           "",
		"/stores/ac_me":           "",
		"/stores/acme%2f":         "",
		"":                        "",
	}
	for in, want := range cases {
		assert.Equal(t, want, storesLabel(in), "storesLabel(%q)", in)
	}
}
