// Package cityos is the root of the CityOS Commerce module. `go generate ./...` here
// regenerates the ent client (with the GraphQL model schema) and then the gqlgen executor.
package cityos

//go:generate go run ./ent/entc.go
//go:generate go run github.com/99designs/gqlgen generate
