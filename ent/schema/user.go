package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/audit"
)

// User is a person who signs in: staff of any scope, or a customer.
type User struct{ ent.Schema }

func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, VersionMixin{}} }

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(254),
		// Realm partitions accounts: 0 for platform accounts (staff), a tenant id for that
		// tenant's own customer accounts. An e-mail is unique within a realm.
		field.Int("realm").Default(0).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("password_hash").Sensitive(),
		field.String("name").Default("").MaxLen(200),
		field.Enum("status").Values("active", "disabled").Default("active"),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("memberships", Membership.Type),
		edge.To("refresh_tokens", RefreshToken.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("addresses", CustomerAddress.Type),
		// employment is the company a customer account works for (at most one).
		edge.From("employment", Employee.Type).Ref("user").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("email", "realm").Unique()}
}

func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy scopes User rows to the viewer (see package access).
func (User) Policy() ent.Policy { return access.UserPolicy() }

// Hooks records every change in the audit log (the password hash redacted).
func (User) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }
