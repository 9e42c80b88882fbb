package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"github.com/dakkah/cityos/audit"
)

// TimeMixin stamps rows with creation and update times.
type TimeMixin struct{ mixin.Schema }

func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Immutable().Default(time.Now).
			Annotations(entgql.OrderField("CREATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Annotations(entgql.OrderField("UPDATED_AT"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// TenantMixin marks a row as owned by one tenant. The tenant never changes. Every
// change of a tenant's rows is recorded in the audit log, in its transaction, except
// for the types audit.Unaudited lists with their reasons.
type TenantMixin struct{ mixin.Schema }

func (TenantMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Immutable().Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)),
	}
}

func (TenantMixin) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("tenant", Tenant.Type).Field("tenant_id").Unique().Required().Immutable(),
	}
}

// Indexes leads one index with tenant_id. Every unique index of a tenant table names
// tenant_id too, last where lookups go by the other columns, so the tables can be
// distributed by tenant (docs/scale-out.md; checked by platform's TestSchemaDistributable).
func (TenantMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id")}
}

// Hooks records every change in the audit log (after the policy's hook: only allowed
// changes reach it).
func (TenantMixin) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// VersionMixin counts the changes of a row that raises events: 1 when it is created,
// one more with every change the events hook records (see package outbox). The event's
// sequence is the row's version after the change, so consumers can tell a stale event
// from a newer one; the count costs no statement of its own (it rides on the change's
// UPDATE) and, the row being locked by that UPDATE, two changes never share a number.
type VersionMixin struct{ mixin.Schema }

func (VersionMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("version").Default(1).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}
