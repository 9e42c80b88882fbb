// Package cityos is the root of the CityOS Commerce module. `go generate ./...` here
// regenerates the ent client (with the GraphQL model schema), the gqlgen executor and,
// when the ent schema changed, the next SQL migration (platform/migrations/{sqlite,postgres},
// named "changes"; it needs the PostgreSQL of CITYOS_MIGRATE_DEV_URL, by default
// postgres://root@127.0.0.1:5432/test). To give a migration its own name, run
// `go run ./cmd/migrategen <name>` after entc instead; with no schema change it writes nothing.
package cityos

//go:generate go run ./ent/entc.go
//go:generate go run ./cmd/gqlgen
//go:generate go run ./cmd/migrategen changes
