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

// Invitation offers a staff role in a tenant (or one of its stores) to whoever controls
// an e-mail address. It becomes a membership only when the invited user accepts it with
// the token: a tenant can never attach a user who does not belong to it on its own.
type Invitation struct{ ent.Schema }

func (Invitation) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (Invitation) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(254).Immutable(),
		field.Enum("role").Values("tenant_admin", "store_manager", "vendor_admin", "vendor_staff").Immutable(),
		field.Int("store_id").Optional().Nillable().Immutable(),
		field.Int("vendor_id").Optional().Nillable().Immutable(),
		field.String("token_hash").Unique().Sensitive().Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("accepted_at").Optional().Nillable(),
		field.Int("accepted_by").Optional().Nillable(),
	}
}

func (Invitation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

func (Invitation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("store_id"), index.Fields("vendor_id")}
}

func (Invitation) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy scopes Invitation rows to the viewer (see package access).
func (Invitation) Policy() ent.Policy { return access.InvitationPolicy() }
