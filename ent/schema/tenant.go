package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/audit"
)

// Tenant is an organisation running stores on the platform.
type Tenant struct{ ent.Schema }

func (Tenant) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, VersionMixin{}} }

func (Tenant) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").Unique().NotEmpty().MaxLen(63).Annotations(entgql.OrderField("HANDLE")),
		field.String("name").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("NAME")),
		// status, tier and country are staff data: the GraphQL type exposes them through
		// resolvers that answer null to anyone but the platform and the tenant's staff.
		field.Enum("status").Values("active", "trial", "suspended", "inactive").Default("active").
			Annotations(entgql.Skip(entgql.SkipType)),
		// suspended_by says who suspended the tenant: the platform's admins (by hand) or
		// billing (past due beyond the grace period). Only a billing suspension is lifted
		// by a payment.
		field.Enum("suspended_by").Values("platform", "billing").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("subscription_tier").Values("basic", "pro", "enterprise").Default("basic").
			Annotations(entgql.Skip(entgql.SkipType)),
		field.String("billing_email").Optional().MaxLen(254).Annotations(entgql.Skip(entgql.SkipType, entgql.SkipWhereInput)),
		field.String("country").Optional().MaxLen(2).Annotations(entgql.Skip(entgql.SkipType)),
		field.String("subdomain").Optional().Nillable().Unique().MaxLen(63),
		field.JSON("metadata", map[string]any{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Tenant) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("stores", Store.Type).Ref("tenant").Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Tenant) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes Tenant rows to the viewer (see package access).
func (Tenant) Policy() ent.Policy { return access.TenantPolicy() }

// Hooks records every change in the audit log.
func (Tenant) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }
