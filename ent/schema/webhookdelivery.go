package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// WebhookDelivery is one attempt to deliver one event to one integration endpoint. A
// delivery retried ten times is ten rows: operators see every answer the receiver gave.
// The row never holds the signing secret, and of the response only its status and a
// short excerpt of a failed one.
type WebhookDelivery struct{ ent.Schema }

func (WebhookDelivery) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (WebhookDelivery) Fields() []ent.Field {
	noWhere := entgql.Skip(entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		field.Int("endpoint_id").Immutable().Annotations(entgql.Type("ID"), noWhere),
		// store_id is the endpoint's store (null for a whole-tenant endpoint): the
		// attempts are read by the endpoint's readers, store managers by their stores.
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID"), noWhere),
		// event_id is the outbox row; webhook_id its public id, the webhook-id header,
		// the same on every attempt and replay so that receivers de-duplicate by it.
		field.Int("event_id").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("webhook_id").Immutable().Annotations(noWhere),
		field.String("event_type").Immutable(),
		// run tells a replay's attempts from the first delivery's ("" for the first).
		field.String("run").Default("").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("attempt").Immutable().Annotations(noWhere),
		// The row is written once the attempt is over: failed when another attempt
		// follows (at next_attempt_at); dead when none will. created_at is when the
		// request was made.
		field.Enum("status").Values("succeeded", "failed", "dead"),
		field.Int("response_code").Optional().Nillable().Annotations(noWhere),
		field.Int("latency_ms").Optional().Nillable().Annotations(noWhere),
		field.String("error").Optional().Nillable().MaxLen(1000).Annotations(noWhere),
		field.Time("next_attempt_at").Optional().Nillable().Annotations(noWhere),
	}
}

func (WebhookDelivery) Edges() []ent.Edge {
	return []ent.Edge{
		// Deleting an endpoint deletes its delivery history with it.
		edge.To("endpoint", IntegrationEndpoint.Type).Field("endpoint_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipWhereInput)),
	}
}

func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{
		// One row per attempt: a task re-run after its attempt was recorded finds the row
		// and sends nothing. The event leads: every lookup names it, and an event has a
		// handful of rows where an endpoint has thousands.
		index.Fields("event_id", "endpoint_id", "run", "attempt", "tenant_id").Unique(),
		index.Fields("endpoint_id", "created_at"),
		index.Fields("created_at"),
	}
}

func (WebhookDelivery) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}

// Policy: read by the endpoint's readers; written only by the delivery worker (see
// package access).
func (WebhookDelivery) Policy() ent.Policy { return access.WebhookDeliveryPolicy() }
