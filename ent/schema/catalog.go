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
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/media"
)

// SalesChannel is a way products reach buyers. Every store has its own; a product is
// sold in exactly the stores whose channels it is assigned to.
type SalesChannel struct{ ent.Schema }

func (SalesChannel) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (SalesChannel) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		// Text lengths here are bytes, four per character of the limits package catalog
		// checks (200 and 2,000 characters), so Arabic text gets its full length.
		field.String("name").NotEmpty().MaxLen(800),
		field.String("description").Default("").MaxLen(8000),
		field.Bool("is_disabled").Default(false),
	}
}

func (SalesChannel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Required().Immutable(),
		edge.From("products", Product.Type).Ref("sales_channels").
			Through("product_sales_channels", ProductSalesChannel.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (SalesChannel) Indexes() []ent.Index { return []ent.Index{index.Fields("store_id")} }

// Policy scopes sales channels to the viewer (see package access).
func (SalesChannel) Policy() ent.Policy { return access.SalesChannelPolicy() }

// Product is a tenant's catalog item; it is sold through sales channels.
type Product struct{ ent.Schema }

func (Product) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Product) Fields() []ent.Field {
	return []ent.Field{
		// Text lengths are bytes, four per character of the limits package catalog checks
		// (title 500, description 20,000, subtitle 500, type and material 200 characters),
		// so Arabic text gets its full length. Handles are ASCII slugs.
		field.String("title").NotEmpty().MaxLen(2000).Annotations(entgql.OrderField("TITLE")),
		field.String("handle").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("HANDLE")),
		field.String("description").Default("").MaxLen(80000),
		// What a shop shows beside the title: a line under it, the kind of product, what
		// it is made of and where (ISO 3166-1 alpha-2).
		field.String("subtitle").Default("").MaxLen(2000),
		field.String("product_type").Default("").MaxLen(800),
		field.String("material").Default("").MaxLen(800),
		field.String("origin_country").Default("").MaxLen(2),
		field.Enum("status").Values("draft", "published", "archived").Default("draft"),
		field.String("thumbnail").Optional().MaxLen(2048),
		// The gallery, in rank order (package catalog sorts it on every write).
		field.JSON("images", []media.Image{}).Optional().Annotations(entgql.Type("[Image!]!"), entgql.Skip(entgql.SkipWhereInput)),
		field.Strings("tags").Optional().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Int("category_id").Optional().Nillable().Annotations(entgql.Type("ID")),
		field.Int("collection_id").Optional().Nillable().Annotations(entgql.Type("ID")),
		field.JSON("metadata", map[string]any{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		// vendor_id is the marketplace vendor that sells the product; null for the tenant's own.
		field.Int("vendor_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		// review_status is the tenant's review of a vendor's product: only an approved product
		// of an active vendor is sold. The tenant's own products are never reviewed.
		field.Enum("review_status").Values("not_submitted", "pending", "approved", "rejected").Default("not_submitted"),
		field.String("review_note").Optional().Nillable().MaxLen(1000),
		// review_store_id is the marketplace store the vendor proposed the product for.
		field.Int("review_store_id").Optional().Nillable().Annotations(entgql.Type("ID")),
	}
}

func (Product) Edges() []ent.Edge {
	return []ent.Edge{
		// A vendor with products cannot be deleted: its products must never fall to the tenant.
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Immutable().
			Annotations(entsql.OnDelete(entsql.Restrict)),
		edge.To("category", ProductCategory.Type).Field("category_id").Unique(),
		edge.To("collection", ProductCollection.Type).Field("collection_id").Unique(),
		edge.To("options", ProductOption.Type),
		edge.To("variants", ProductVariant.Type),
		edge.To("sales_channels", SalesChannel.Type).
			Through("product_sales_channels", ProductSalesChannel.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Product) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique(), index.Fields("tenant_id", "status"), index.Fields("vendor_id")}
}

func (Product) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy scopes products to the viewer (see package access).
func (Product) Policy() ent.Policy { return access.ProductPolicy() }

// Hooks hold Product's creation to the tenant's plan (package billing).
func (Product) Hooks() []ent.Hook { return []ent.Hook{billing.LimitHook(billing.Products)} }

// ProductSalesChannel is a product's place in a sales channel: the edge between the two,
// with the tenant of both, so the table can be distributed by tenant like its ends
// (docs/scale-out.md). Rows are written through the product's or the channel's edges,
// whose policies, audit rows and events cover the change; ent/template/tenantedge.tmpl
// fills tenant_id from the row the edge is added to.
type ProductSalesChannel struct{ ent.Schema }

func (ProductSalesChannel) Annotations() []schema.Annotation {
	return []schema.Annotation{
		field.ID("product_id", "sales_channel_id"),
		entgql.Skip(entgql.SkipAll),
	}
}

func (ProductSalesChannel) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Immutable(),
		field.Int("product_id").Immutable(),
		field.Int("sales_channel_id").Immutable(),
	}
}

func (ProductSalesChannel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("tenant", Tenant.Type).Field("tenant_id").Unique().Required().Immutable(),
		// A product's or channel's deletion takes its places with it, as the join table of
		// a plain many-to-many edge did.
		edge.To("product", Product.Type).Field("product_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
		edge.To("sales_channel", SalesChannel.Type).Field("sales_channel_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

// Indexes: the storefront goes from a store's channels to their products.
func (ProductSalesChannel) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "sales_channel_id")}
}

// Policy: read by the platform and the tenant's staff; changed only through the edges.
func (ProductSalesChannel) Policy() ent.Policy { return access.ProductSalesChannelPolicy() }

// ProductCategory is a node of a tenant's category tree.
type ProductCategory struct{ ent.Schema }

func (ProductCategory) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (ProductCategory) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(800), // bytes: 200 characters (package catalog)
		field.String("handle").NotEmpty().MaxLen(200),
		field.Int("parent_id").Optional().Nillable().Annotations(entgql.Type("ID")),
	}
}

func (ProductCategory) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", ProductCategory.Type).From("parent").Field("parent_id").Unique(),
	}
}

func (ProductCategory) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique()}
}

// Policy: readable where the tenant's catalog is; written by its admins.
func (ProductCategory) Policy() ent.Policy { return access.CatalogReferencePolicy() }

// ProductCollection groups products for merchandising.
type ProductCollection struct{ ent.Schema }

func (ProductCollection) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (ProductCollection) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(800), // bytes: 200 characters (package catalog)
		field.String("handle").NotEmpty().MaxLen(200),
	}
}

func (ProductCollection) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique()}
}

// Policy: readable where the tenant's catalog is; written by its admins.
func (ProductCollection) Policy() ent.Policy { return access.CatalogReferencePolicy() }

// ProductOption is a dimension a product varies in (size, colour) and its values.
type ProductOption struct{ ent.Schema }

func (ProductOption) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, VersionMixin{}} }

func (ProductOption) Fields() []ent.Field {
	return []ent.Field{
		field.Int("product_id").Immutable().Annotations(entgql.Type("ID")),
		field.String("title").NotEmpty().MaxLen(400), // bytes: 100 characters (package catalog)
		field.Strings("values"),
	}
}

func (ProductOption) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("options").Field("product_id").Unique().Required().Immutable(),
	}
}

// Policy follows the product's.
func (ProductOption) Policy() ent.Policy { return access.ProductPartPolicy() }

// ProductVariant is one purchasable version of a product, with its own SKU, prices and stock.
type ProductVariant struct{ ent.Schema }

func (ProductVariant) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (ProductVariant) Fields() []ent.Field {
	return []ent.Field{
		field.Int("product_id").Immutable().Annotations(entgql.Type("ID")),
		// Bytes, four per character of catalog's limits (500 and 100 characters).
		field.String("title").NotEmpty().MaxLen(2000),
		field.String("sku").NotEmpty().MaxLen(400),
		field.JSON("option_values", map[string]string{}).Optional().Annotations(entgql.Type("Map"), entgql.Skip(entgql.SkipWhereInput)),
		field.String("barcode").Optional().MaxLen(400),
		field.Int("weight").Optional().NonNegative().Comment("grams"),
		// The packed unit's size, in millimetres, for shipping rates and product pages.
		field.Int("length").Optional().Nillable().NonNegative().Comment("millimetres"),
		field.Int("width").Optional().Nillable().NonNegative().Comment("millimetres"),
		field.Int("height").Optional().Nillable().NonNegative().Comment("millimetres"),
		// The variant's own pictures (one colour's), in rank order.
		field.JSON("images", []media.Image{}).Optional().Annotations(entgql.Type("[Image!]!"), entgql.Skip(entgql.SkipWhereInput)),
		field.Bool("manage_inventory").Default(true),
		field.Bool("allow_backorder").Default(false),
	}
}

func (ProductVariant) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("product", Product.Type).Ref("variants").Field("product_id").Unique().Required().Immutable(),
		edge.To("prices", Price.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("inventory_levels", InventoryLevel.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (ProductVariant) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "sku").Unique(), index.Fields("product_id")}
}

// Policy follows the product's.
func (ProductVariant) Policy() ent.Policy { return access.ProductPartPolicy() }
