package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// AuditLog records one change: who made it, to what, and the fields before and after.
// Rows are written in the same transaction as the change and never edited.
type AuditLog struct{ ent.Schema }

func (AuditLog) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("actor").Immutable(),
		field.String("action").Immutable(),
		field.String("entity_type").Immutable(),
		field.Int("entity_id").Immutable().Annotations(entgql.Type("ID")),
		field.JSON("diff", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("Map"), entgql.Skip(entgql.SkipWhereInput)),
		// request_id is null for changes made outside any request (workers, scheduled checks).
		field.String("request_id").Optional().Nillable().Immutable(),
		field.Time("created_at").Immutable().Default(time.Now).Annotations(entgql.OrderField("CREATED_AT")),
	}
}

func (AuditLog) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "created_at"), index.Fields("store_id")}
}

func (AuditLog) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes AuditLog rows to the viewer (see package access).
func (AuditLog) Policy() ent.Policy { return access.AuditLogPolicy() }
