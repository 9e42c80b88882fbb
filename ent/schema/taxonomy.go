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

// Country is an ISO 3166-1 country of the platform taxonomy.
type Country struct{ ent.Schema }

func (Country) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").Unique().MinLen(2).MaxLen(2),
		field.String("name").NotEmpty().MaxLen(100),
	}
}

// Scope is the top level of the platform taxonomy (e.g. retail, services).
type Scope struct{ ent.Schema }

func (Scope) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Scope) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").Unique().NotEmpty().MaxLen(63),
		field.String("name").NotEmpty().MaxLen(100),
	}
}

func (Scope) Edges() []ent.Edge {
	return []ent.Edge{edge.To("categories", Category.Type)}
}

// Category is a platform-wide category, optionally within a scope.
type Category struct{ ent.Schema }

func (Category) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Category) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").Unique().NotEmpty().MaxLen(63),
		field.String("name").NotEmpty().MaxLen(100),
		field.Int("scope_id").Optional().Nillable().Annotations(entgql.Type("ID")),
	}
}

func (Category) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("scope", Scope.Type).Ref("categories").Field("scope_id").Unique(),
		edge.To("subcategories", Subcategory.Type),
	}
}

func (Category) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Subcategory refines a category.
type Subcategory struct{ ent.Schema }

func (Subcategory) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Subcategory) Fields() []ent.Field {
	return []ent.Field{
		field.Int("category_id").Annotations(entgql.Type("ID")),
		field.String("handle").NotEmpty().MaxLen(63),
		field.String("name").NotEmpty().MaxLen(100),
	}
}

func (Subcategory) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("category", Category.Type).Ref("subcategories").Field("category_id").Unique().Required(),
	}
}

func (Subcategory) Indexes() []ent.Index {
	return []ent.Index{index.Fields("category_id", "handle").Unique()}
}

// Policy: readable by all, written by super admins.
func (Country) Policy() ent.Policy { return access.TaxonomyPolicy() }

// Hooks records every change in the audit log.
func (Country) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// Policy: readable by all, written by super admins.
func (Scope) Policy() ent.Policy { return access.TaxonomyPolicy() }

// Hooks records every change in the audit log.
func (Scope) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// Policy: readable by all, written by super admins.
func (Category) Policy() ent.Policy { return access.TaxonomyPolicy() }

// Hooks records every change in the audit log.
func (Category) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// Policy: readable by all, written by super admins.
func (Subcategory) Policy() ent.Policy { return access.TaxonomyPolicy() }

// Hooks records every change in the audit log.
func (Subcategory) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }
