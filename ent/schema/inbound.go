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

// InboundWebhook is one webhook another system sent us: a signed change pushed to an
// integration endpoint, or a Stripe event. Every request is recorded, rejected ones too
// (with their reason), so a tenant can see what its systems sent and what became of it.
type InboundWebhook struct{ ent.Schema }

func (InboundWebhook) Fields() []ent.Field {
	return []ent.Field{
		// tenant_id and store_id are the endpoint's; null for a provider's events (Stripe),
		// which arrive for the platform before anyone knows whose they are.
		field.Int("tenant_id").Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)),
		field.Int("store_id").Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)),
		// endpoint_id is no foreign key: the record outlives a deleted endpoint.
		field.Int("endpoint_id").Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)),
		field.Enum("source").Values("endpoint", "stripe").Immutable(),
		// webhook_id is the sender's id of the message (webhook-id, a Stripe event id).
		field.String("webhook_id").Default("").MaxLen(255).Immutable(),
		field.String("type").Default("").MaxLen(255).Immutable(),
		field.Enum("status").Values("accepted", "rejected", "applied", "failed"),
		field.String("reason").Optional().Nillable().MaxLen(1000),
		// payload is the verified body; a rejected request's unverified body is not kept.
		field.JSON("payload", map[string]any{}).Optional().Annotations(entgql.Type("Map")),
		// dedupe_key is "<endpoint>:<webhook-id>" on accepted requests and null on the
		// rest: its unique index is what rejects a replayed id, even when two copies race.
		field.String("dedupe_key").Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("received_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("RECEIVED_AT")),
		field.Time("applied_at").Optional().Nillable(),
	}
}

func (InboundWebhook) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("tenant_id", "received_at"),
		index.Fields("dedupe_key", "tenant_id").Unique(),
		// Listing an endpoint's requests, and counting its recent rejections.
		index.Fields("endpoint_id", "status", "received_at"),
		index.Fields("source", "status", "received_at"),
	}
}

func (InboundWebhook) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}

// Policy: tenant admins read their tenant's requests, store managers those of the
// endpoints limited to their stores; only the system writes them (see package access).
func (InboundWebhook) Policy() ent.Policy { return access.InboundWebhookPolicy() }
