package server

import (
	"entgo.io/contrib/entgql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/graph/generated"
)

type cursor = *entgql.Cursor[int]

// setComplexity prices each connection at its page size times what is asked per item,
// since gqlgen's default counts one per field whatever `first` says.
func setComplexity(c *generated.ComplexityRoot) {
	page := func(child int, first, last *int) int { return graph.PageSize(first, last) * (child + 1) }
	c.Query.Stores = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.StoreOrder, _ *ent.StoreWhereInput) int {
		return page(ch, f, l)
	}
	c.Query.Tenants = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.TenantOrder, _ *ent.TenantWhereInput) int {
		return page(ch, f, l)
	}
	c.Query.AuditLogs = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.AuditLogOrder, _ *ent.AuditLogWhereInput) int {
		return page(ch, f, l)
	}
	c.Query.APIKeys = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.APIKeyOrder, _ *ent.APIKeyWhereInput) int {
		return page(ch, f, l)
	}
	c.Query.Categories = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.CategoryOrder, _ *ent.CategoryWhereInput) int {
		return page(ch, f, l)
	}
	c.Tenant.Stores = func(ch int, _ cursor, f *int, _ cursor, l *int, _ *ent.StoreOrder, _ *ent.StoreWhereInput) int {
		return page(ch, f, l)
	}
}
