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

// SubdomainClaim reserves one label of the platform domain for a tenant (store_id null)
// or one of its stores. Tenants and stores share one namespace: the unique index on
// label is what keeps two of them from taking the same label, even in a race.
type SubdomainClaim struct{ ent.Schema }

func (SubdomainClaim) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (SubdomainClaim) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Immutable(),
		field.String("label").NotEmpty().MaxLen(63).Immutable(),
		field.Int("store_id").Optional().Nillable().Immutable(),
	}
}

func (SubdomainClaim) Edges() []ent.Edge {
	return []ent.Edge{
		// A deleted tenant or store lets go of its label with it.
		edge.To("tenant", Tenant.Type).Field("tenant_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
		edge.To("store", Store.Type).Field("store_id").Unique().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

func (SubdomainClaim) Indexes() []ent.Index {
	return []ent.Index{index.Fields("label").Unique(), index.Fields("tenant_id"), index.Fields("store_id")}
}

func (SubdomainClaim) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy: claims are written and read by the tenancy service only, on behalf of a
// tenant or store change the caller was allowed to make.
func (SubdomainClaim) Policy() ent.Policy { return access.SystemOnlyPolicy() }
