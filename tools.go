//go:build tools

package cityos

// The code generators run by generate.go, kept in go.mod and go.sum by `go mod tidy`.
import (
	_ "entgo.io/ent/entc"
	_ "entgo.io/ent/entc/gen"
	_ "github.com/99designs/gqlgen"
)
