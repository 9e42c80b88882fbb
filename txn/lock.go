package txn

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// LockedOnPostgres, as a query predicate, locks the selected rows until the transaction
// ends, on PostgreSQL; SQLite needs no lock, its transactions write one at a time.
func LockedOnPostgres(s *sql.Selector) {
	if s.Dialect() == dialect.Postgres {
		s.ForUpdate()
	}
}
