package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/dakkah/cityos/access"
)

// CustomerAddress is an address a customer keeps in their address book.
type CustomerAddress struct{ ent.Schema }

func (CustomerAddress) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (CustomerAddress) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable().Annotations(entgql.Type("ID")),
		field.String("first_name").MaxLen(200),
		field.String("last_name").MaxLen(200),
		field.String("address1").MaxLen(200),
		field.String("address2").Optional().MaxLen(200),
		field.String("city").MaxLen(200),
		field.String("postal_code").Optional().MaxLen(20),
		field.String("country_code").MinLen(2).MaxLen(2),
		field.String("phone").Optional().MaxLen(40),
	}
}

func (CustomerAddress) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("addresses").Field("user_id").Unique().Required().Immutable(),
	}
}

// Policy: a customer's own; readable by the tenant's admins.
func (CustomerAddress) Policy() ent.Policy { return access.CustomerOwnedPolicy() }
