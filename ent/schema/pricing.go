package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// Region is where a tenant sells: a currency, its countries and how tax applies.
type Region struct{ ent.Schema }

func (Region) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Region) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200),
		field.String("currency_code").MinLen(3).MaxLen(3),
		field.Strings("countries").Optional(),
		field.Int("tax_rate_bps").NonNegative().Max(100_00).Default(0).Comment("tax rate in basis points: 1500 = 15%"),
		field.Bool("tax_inclusive").Default(false),
	}
}

func (Region) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("shipping_options", ShippingOption.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Policy: a tenant's regions are public reference data of its storefronts.
func (Region) Policy() ent.Policy { return access.CatalogReferencePolicy() }

// Price is a variant's amount in one currency, optionally only for one region.
type Price struct{ ent.Schema }

func (Price) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Price) Fields() []ent.Field {
	return []ent.Field{
		field.Int("variant_id").Immutable(),
		field.String("currency_code").MinLen(3).MaxLen(3),
		field.Int64("amount").NonNegative().Comment("minor units"),
		field.Int("region_id").Optional().Nillable(),
	}
}

func (Price) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("variant", ProductVariant.Type).Ref("prices").Field("variant_id").Unique().Required().Immutable(),
		edge.To("region", Region.Type).Field("region_id").Unique(),
	}
}

func (Price) Indexes() []ent.Index {
	return []ent.Index{index.Fields("variant_id", "currency_code")}
}

// Policy follows the variant's product.
func (Price) Policy() ent.Policy { return access.ProductPartPolicy() }

// ShippingOption is a flat-rate way to ship to a region, priced in its currency.
type ShippingOption struct{ ent.Schema }

func (ShippingOption) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (ShippingOption) Fields() []ent.Field {
	return []ent.Field{
		field.Int("region_id").Annotations(entgql.Type("ID")),
		field.String("name").NotEmpty().MaxLen(200),
		field.Int64("amount").NonNegative().Comment("minor units, in the region's currency"),
	}
}

func (ShippingOption) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("region", Region.Type).Ref("shipping_options").Field("region_id").Unique().Required(),
	}
}

// Policy: public reference data of the tenant's storefronts.
func (ShippingOption) Policy() ent.Policy { return access.CatalogReferencePolicy() }
