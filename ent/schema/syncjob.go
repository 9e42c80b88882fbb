package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// SyncJob is a run of work that brings another system (or the platform itself) back in
// step: a full push of snapshots to an endpoint, an incremental re-send of its events,
// or a reconciliation run that repairs drift in a tenant's data and says what it fixed.
// Its counts and cursor are written with each page of work, so progress is readable
// while it runs and a restarted worker resumes after the last committed page.
type SyncJob struct{ ent.Schema }

func (SyncJob) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (SyncJob) Fields() []ent.Field {
	return []ent.Field{
		// endpoint_id is the endpoint a full or incremental sync sends to; null for
		// reconciliation, which repairs the tenant's own rows.
		field.Int("endpoint_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		// store_id is the endpoint's store, copied so store managers see the jobs of the
		// endpoints they see (see access.SyncJobPolicy).
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Enum("kind").Values("full", "incremental", "reconcile").Immutable(),
		field.Enum("status").Values("queued", "running", "succeeded", "failed", "partial").Default("queued"),
		// total counts the rows (or events) found, sent those written as events for the
		// endpoint, failed those that could not be, fixed the repairs of a reconciliation.
		field.Int("total").Default(0),
		field.Int("sent").Default(0),
		field.Int("failed").Default(0),
		field.Int("fixed").Default(0),
		// errors keeps the first few errors (see syncs.MaxErrors), not every one.
		field.Strings("errors").Optional(),
		// The cursor is where a resumed run continues: the aggregate type it was sending
		// and the last id it sent of it.
		field.String("cursor_entity").Default(""),
		field.Int("cursor_id").Default(0).Annotations(entgql.Type("ID")),
		// since is where an incremental sync starts re-sending events from.
		field.Time("since").Optional().Nillable().Immutable(),
		field.Time("started_at").Optional().Nillable(),
		field.Time("finished_at").Optional().Nillable(),
		// report says what a reconciliation found and fixed: counts and ids per repair.
		field.JSON("report", map[string]any{}).Optional().Annotations(entgql.Type("Map"), entgql.Skip(entgql.SkipWhereInput)),
	}
}

func (SyncJob) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("endpoint", IntegrationEndpoint.Type).Field("endpoint_id").Unique().Immutable(),
	}
}

func (SyncJob) Indexes() []ent.Index {
	return []ent.Index{index.Fields("endpoint_id"), index.Fields("store_id"), index.Fields("status")}
}

func (SyncJob) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		// Listed through syncJobs(endpointId, kind, status): no generic where filter.
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput, entgql.SkipWhereInput),
	}
}

// Policy: like the endpoints' — tenant admins start and read their tenant's jobs, store
// managers read those of endpoints limited to their stores (see package access).
func (SyncJob) Policy() ent.Policy { return access.SyncJobPolicy() }
