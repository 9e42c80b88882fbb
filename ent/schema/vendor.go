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

// Vendor is a seller on a tenant's marketplace: it applies (or is invited), the tenant
// approves it, and its staff then manage only its own rows.
//
// Vendors have no orderBy: entgql would name its input VendorOrder, the name of a vendor's
// part of an order. The list comes in the order vendors were created.
type Vendor struct{ ent.Schema }

func (Vendor) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Vendor) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").NotEmpty().MaxLen(63).Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		field.Enum("status").Values("pending", "active", "suspended", "rejected").Default("pending"),
		field.String("contact_email").Optional().MaxLen(254),
		field.String("contact_phone").Optional().MaxLen(32),
		field.String("description").Optional().MaxLen(5000),
		field.String("logo").Optional().MaxLen(2048),
		// payout_account is the reference of the account the vendor is paid to. Sensitive:
		// absent from audit records and events; GraphQL shows it to the tenant's admins and
		// the vendor's own admins only (graph/vendors.resolvers.go).
		field.String("payout_account").Optional().MaxLen(200).Sensitive().Annotations(entgql.Skip(entgql.SkipAll)),
		field.JSON("metadata", map[string]any{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("rejected_reason").Optional().Nillable().MaxLen(1000),
		// applicant_id is the user who applied (applyAsVendor): approval makes them the
		// vendor's admin. Null for an invited vendor.
		field.Int("applicant_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Vendor) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("stores", Store.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Vendor) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique()}
}

func (Vendor) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection(), entgql.Skip(entgql.SkipOrderField)}
}

// Policy scopes Vendor rows to the viewer (see package access).
func (Vendor) Policy() ent.Policy { return access.VendorPolicy() }
