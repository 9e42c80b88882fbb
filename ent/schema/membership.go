package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/billing"
)

// Membership grants a user one role in a scope: the platform (super_admin), a tenant, a
// store, or a vendor of a tenant.
type Membership struct{ ent.Schema }

func (Membership) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Membership) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable().Annotations(entgql.Type("ID")),
		field.Enum("role").Values("super_admin", "tenant_admin", "store_manager", "customer", "vendor_admin", "vendor_staff").Immutable(),
		field.Int("tenant_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		// vendor_id scopes vendor_admin and vendor_staff to one vendor of the tenant.
		field.Int("vendor_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
	}
}

func (Membership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("memberships").Field("user_id").Unique().Required().Immutable(),
		edge.To("tenant", Tenant.Type).Field("tenant_id").Unique().Immutable(),
		edge.To("store", Store.Type).Field("store_id").Unique().Immutable(),
		// A vendor's roles go with the vendor.
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll), entsql.OnDelete(entsql.Cascade)),
	}
}

func (Membership) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id"), index.Fields("tenant_id"), index.Fields("store_id"), index.Fields("vendor_id")}
}

// Policy scopes Membership rows to the viewer (see package access).
func (Membership) Policy() ent.Policy { return access.MembershipPolicy() }

// Hooks records every change in the audit log and holds staff seats to the tenant's
// plan (package billing).
func (Membership) Hooks() []ent.Hook {
	return []ent.Hook{audit.Hook(), billing.LimitHook(billing.StaffSeats)}
}
