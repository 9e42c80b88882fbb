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

// APIKey lets a program call the API: a publishable key for one store's storefront,
// or a secret key acting as staff with the roles it was given. Only a hash of the
// token is kept.
type APIKey struct{ ent.Schema }

func (APIKey) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (APIKey) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Enum("kind").Values("publishable", "secret").Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		field.Strings("roles").Optional().Immutable(),
		field.String("token_hash").Unique().Sensitive().Immutable(),
		field.String("token_prefix").Immutable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

func (APIKey) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Immutable(),
	}
}

func (APIKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField("apiKeys"), entgql.RelayConnection()}
}

func (APIKey) Indexes() []ent.Index {
	return []ent.Index{index.Fields("store_id")}
}

// Policy scopes APIKey rows to the viewer (see package access).
func (APIKey) Policy() ent.Policy { return access.APIKeyPolicy() }
