package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// StockLocation is a place stock is kept.
type StockLocation struct{ ent.Schema }

func (StockLocation) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (StockLocation) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200),
		// vendor_id is the vendor whose stock the location keeps; null for the tenant's own.
		field.Int("vendor_id").Optional().Nillable().Immutable(),
	}
}

// Policy: staff data of the tenant.
func (StockLocation) Policy() ent.Policy { return access.TenantStaffPolicy() }

// InventoryLevel is the stock of one variant at one location. Available is stocked
// minus reserved; reservations are taken with a conditional update, so stock is never
// oversold however many checkouts race for it.
type InventoryLevel struct{ ent.Schema }

func (InventoryLevel) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (InventoryLevel) Fields() []ent.Field {
	return []ent.Field{
		field.Int("variant_id").Immutable(),
		field.Int("location_id").Immutable(),
		field.Int("stocked_quantity").NonNegative().Default(0),
		field.Int("reserved_quantity").NonNegative().Default(0),
	}
}

func (InventoryLevel) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("variant", ProductVariant.Type).Ref("inventory_levels").Field("variant_id").Unique().Required().Immutable(),
		edge.To("location", StockLocation.Type).Field("location_id").Unique().Required().Immutable(),
	}
}

func (InventoryLevel) Indexes() []ent.Index {
	return []ent.Index{index.Fields("variant_id", "location_id", "tenant_id").Unique()}
}

// Policy: availability is public with the product; levels are written by staff.
func (InventoryLevel) Policy() ent.Policy { return access.ProductPartPolicy() }
