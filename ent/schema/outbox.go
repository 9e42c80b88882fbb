package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// OutboxEvent is an event written in the same transaction as the change that raised it;
// the relay hands it to the queue, so a crash can delay an event but never lose it.
type OutboxEvent struct{ ent.Schema }

func (OutboxEvent) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (OutboxEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Optional().Nillable().Immutable(),
		field.String("topic").Immutable(),
		field.JSON("payload", map[string]any{}).Immutable(),
		field.Time("published_at").Optional().Nillable(),
	}
}

func (OutboxEvent) Indexes() []ent.Index { return []ent.Index{index.Fields("published_at")} }

func (OutboxEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy: internal; written by the system context inside business transactions.
func (OutboxEvent) Policy() ent.Policy { return access.SystemOnlyPolicy() }
