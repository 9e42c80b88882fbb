// Command gqlgen generates the GraphQL executor (graph/generated) as `gqlgen generate`
// does, with one difference: below the root, fields and list elements are resolved one
// after the other in the request's goroutine instead of one goroutine each.
//
// gqlgen starts a goroutine for every field with a resolver and every element of a list
// of objects: a storefront grid of 20 products with 3 variants and 4 images started about
// 300, and growing their stacks cost more CPU than resolving the fields. Nothing below the
// root waits on anything the goroutines would overlap: a page's prices and stock are
// loaded once for all of its variants (graph/productpage.go), edges come eager-loaded, and
// statement counts are asserted in tests. Root fields still run concurrently.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// exec is the generated executor; inOrder replaces gqlgen's concurrent list marshaller in
// it (graph/generated/inorder.go).
const (
	exec         = "graph/generated/exec.go"
	concurrently = "graphql.MarshalSliceConcurrently("
	inOrder      = "marshalSliceInOrder("
	// Every object starts a group for its @defer'd fields, which costs its path (built
	// from the root), a field set and a map; with no field resolved concurrently there
	// are never any (gqlgen defers only those), so the group stays the empty value.
	newGroup   = "deferred := graphql.NewDeferredGroup(ctx)"
	emptyGroup = "var deferred graphql.DeferredGroup"
	deferrable = "Deferrable"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		return err
	}
	plain := plainFields{}
	if err := api.Generate(cfg, api.AddPlugin(sequential{}), api.AddPlugin(plain)); err != nil {
		return err
	}
	src, err := os.ReadFile(exec)
	if err != nil {
		return err
	}
	n := bytes.Count(src, []byte(concurrently))
	if n == 0 {
		return fmt.Errorf("%s no longer calls %s: check what gqlgen generates for lists", exec, concurrently)
	}
	src = bytes.ReplaceAll(src, []byte(concurrently), []byte(inOrder))
	if bytes.Contains(src, []byte(deferrable)) {
		return fmt.Errorf("%s defers fields now: its objects need their deferred groups", exec)
	}
	src = bytes.ReplaceAll(src, []byte(newGroup), []byte(emptyGroup))
	src, n = marshalPlain(src, plain)
	if n == 0 {
		return fmt.Errorf("%s has no plain field gqlgen resolves as %s expects: check what gqlgen generates for fields", exec, "cmd/gqlgen/plain.go")
	}
	return os.WriteFile(exec, src, 0o644)
}

// sequential turns off concurrent field resolution for every object below the root.
type sequential struct{}

func (sequential) Name() string { return "sequential" }

func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if !o.Root {
			o.DisableConcurrency = true
		}
	}
	return nil
}
