package cityos

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/dakkah/cityos/"

// layers ranks each top-level package: imports point from a higher rank to a lower or
// equal one (server → graph → capabilities → foundations → ent), never up. The generated
// ent code is rank 0 and is not checked: its schema imports the privacy policies and the
// audit hook by design.
var layers = map[string]int{
	"ent": 0,
	// Foundations: know nothing of the business.
	"apperr": 1, "address": 1, "commission": 1, "auth": 1, "config": 1, "expiring": 1, "reqcache": 1, "reqid": 1,
	"egress": 1, "pubsub": 1, "ratelimit": 1, "sqlprep": 1, "sqldeadline": 1, "stdwebhook": 1, "eventmetrics": 1, "snapshot": 1, "theme": 1, "media": 1, "txn": 1, "validate": 1, "viewer": 1, "platform": 1,
	// Capabilities: know nothing of HTTP or GraphQL.
	"access": 2, "audit": 2, "integration": 2, "cart": 2, "catalog": 2, "checkout": 2, "customer": 2, "identity": 2,
	"inventory": 2, "livefeed": 2, "notification": 2, "orders": 2, "outbox": 2, "payment": 2, "pricing": 2,
	"resolution": 2, "seed": 2, "storefront": 2, "syncs": 2, "reconcile": 2, "taxonomy": 2, "tenancy": 2, "webhooks": 2, "inbound": 2, "vendors": 2, "commissions": 2, "payouts": 2, "companies": 2, "billing": 2, "recurring": 2,
	// Adapters that call the capabilities.
	"graph": 3, "workers": 3,
	"server": 4,
	// Assembly and tools.
	"app": 5, "cmd": 5, "bench": 5, "testenv": 5,
}

// TestImportsPointDown fails when a package imports one of a higher layer, or a new
// top-level package has no layer yet.
func TestImportsPointDown(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || !strings.Contains(path, "/") {
			return nil
		}
		top := strings.SplitN(filepath.ToSlash(path), "/", 2)[0]
		from, ok := layers[top]
		if !ok {
			t.Errorf("%s: package %q has no layer in layers_test.go", path, top)
			return nil
		}
		if top == "ent" || strings.HasSuffix(filepath.Base(filepath.Dir(path)), "test") {
			return nil // generated code, and test-support packages such as checkouttest
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, module) {
				continue
			}
			dep := strings.SplitN(strings.TrimPrefix(p, module), "/", 2)[0]
			if to, ok := layers[dep]; ok && to > from {
				t.Errorf("%s imports %s: layer %d reaches up to layer %d", path, p, from, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
