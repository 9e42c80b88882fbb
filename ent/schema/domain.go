package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// Domain is a custom hostname a store is served on once its owner proves control of it.
type Domain struct{ ent.Schema }

func (Domain) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Domain) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		field.String("hostname").NotEmpty().MaxLen(253),
		field.Enum("status").Values("pending", "verified", "failed").Default("pending"),
		field.String("verification_token").Sensitive().Immutable(),
		field.Bool("is_primary").Default(false),
		field.Time("verified_at").Optional().Nillable(),
		// verified_hostname is the hostname while the domain is verified, null otherwise.
		// Several tenants may claim a hostname while it is pending (a squatter cannot block
		// the real owner); its unique index lets only one claim ever be verified.
		field.String("verified_hostname").Optional().Nillable().Unique().MaxLen(253).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Domain) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("store", Store.Type).Ref("domains").Field("store_id").Unique().Required().Immutable(),
	}
}

func (Domain) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("store_id"),
		index.Fields("hostname"),
		index.Fields("tenant_id", "hostname").Unique(),
	}
}

// Policy scopes Domain rows to the viewer (see package access).
func (Domain) Policy() ent.Policy { return access.DomainPolicy() }
