package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/theme"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/billing"
)

// Store is one brand of a tenant, with its own catalog, theme and addresses.
type Store struct{ ent.Schema }

func (Store) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Store) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").NotEmpty().MaxLen(63).Annotations(entgql.OrderField("HANDLE")),
		field.String("name").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("NAME")),
		field.Enum("status").Values("active", "inactive", "maintenance").Default("active"),
		field.Enum("storefront_type").Values("retail", "services", "marketplace", "b2b").Default("retail"),
		// subdomain is unique across the platform through its claim (see SubdomainClaim);
		// the index names tenant_id so that stores can be distributed by tenant.
		field.String("subdomain").Optional().Nillable().MaxLen(63),
		field.JSON("theme_config", theme.Config{}).Optional().Annotations(entgql.Type("ThemeConfig"), entgql.Skip(entgql.SkipWhereInput)),
		field.JSON("metadata", map[string]any{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		// order_seq is the last order display number given out in this store.
		field.Int("order_seq").Default(0).Annotations(entgql.Skip(entgql.SkipAll)),
		// vendor_id is set on a vendor's own branded storefront.
		field.Int("vendor_id").Optional().Nillable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Store) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("domains", Domain.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("vendor", Vendor.Type).Ref("stores").Field("vendor_id").Unique().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Store) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique(), index.Fields("subdomain", "tenant_id").Unique()}
}

func (Store) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes Store rows to the viewer (see package access).
func (Store) Policy() ent.Policy { return access.StorePolicy() }

// Hooks hold Store's creation to the tenant's plan (package billing).
func (Store) Hooks() []ent.Hook { return []ent.Hook{billing.LimitHook(billing.Stores)} }
