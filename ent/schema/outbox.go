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
		field.Int("store_id").Optional().Nillable().Immutable(),
		field.String("topic").Immutable(),
		// The aggregate is the entity the event is about; sequence counts its changes.
		field.String("aggregate_type").Default("").Immutable(),
		field.Int("aggregate_id").Default(0).Immutable(),
		field.Int64("sequence").Default(0).Immutable(),
		field.JSON("payload", map[string]any{}).Immutable(),
		// origin_endpoint_id is the integration endpoint whose inbound webhook caused the
		// change: the event is never delivered back to it.
		field.Int("origin_endpoint_id").Optional().Nillable().Immutable(),
		// target_endpoint_id, when set, limits the event to one endpoint (a sync job's
		// snapshots, a ping): no other endpoint or subscriber hears it.
		field.Int("target_endpoint_id").Optional().Nillable().Immutable(),
		field.Time("published_at").Optional().Nillable(),
	}
}

func (OutboxEvent) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("published_at"),
		index.Fields("tenant_id", "id"),
		index.Fields("aggregate_type", "aggregate_id", "sequence"),
	}
}

func (OutboxEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy: internal; written by the system context inside business transactions.
func (OutboxEvent) Policy() ent.Policy { return access.SystemOnlyPolicy() }
