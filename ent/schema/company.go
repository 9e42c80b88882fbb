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
	"github.com/dakkah/cityos/address"
)

// Company is a business that buys from a tenant's b2b stores: its employees (customers
// of the tenant) order within their spending limits and the company's approval rule.
// Tenant staff create and manage companies; a company's admins manage its employees.
type Company struct{ ent.Schema }

func (Company) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Company) Fields() []ent.Field {
	return []ent.Field{
		field.String("handle").NotEmpty().MaxLen(63).Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		field.String("tax_id").Optional().MaxLen(64),
		field.JSON("billing_address", &address.Address{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.JSON("shipping_address", &address.Address{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").Values("active", "suspended").Default("active"),
		// currency_code is the currency the company buys in (ISO 4217): its limits and
		// approval threshold are in its minor units.
		field.String("currency_code").MinLen(3).MaxLen(3),
		// discount_bps is taken off its employees' prices on the tenant's b2b stores.
		field.Int("discount_bps").Default(0).Range(0, 10000),
		field.Enum("payment_terms").Values("pay_now", "net_30").Default("pay_now"),
		// time_zone (IANA) is where the company's limit periods begin: a "day" is its day.
		field.String("time_zone").Default("UTC").MaxLen(64),
		// approval: none, every order, or orders whose total is above approval_threshold.
		field.Enum("approval").Values("none", "all", "above").Default("none"),
		field.Int64("approval_threshold").Optional().Nillable().Min(0),
		field.JSON("metadata", map[string]any{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Company) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("employees", Employee.Type).Annotations(entgql.RelayConnection()),
	}
}

func (Company) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "handle").Unique()}
}

func (Company) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes Company rows to the viewer (see package access).
func (Company) Policy() ent.Policy { return access.CompanyPolicy() }

// Employee links a customer of the tenant to one company, as its company_admin or a
// buyer, with the buyer's spending limit per period. A deactivated employee keeps its
// history and grants nothing.
type Employee struct{ ent.Schema }

func (Employee) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Employee) Fields() []ent.Field {
	return []ent.Field{
		field.Int("company_id").Immutable().Annotations(entgql.Type("ID")),
		// user_id is the customer account; a customer works for one company at most.
		field.Int("user_id").Immutable().Annotations(entgql.Type("ID")),
		field.Enum("role").Values("company_admin", "buyer").Default("buyer"),
		field.Enum("status").Values("active", "deactivated").Default("active"),
		// spending_limit (minor units of the company's currency) per spending_period; no
		// limit when null.
		field.Int64("spending_limit").Optional().Nillable().Min(0),
		field.Enum("spending_period").Values("day", "week", "month").Optional().Nillable(),
	}
}

func (Employee) Edges() []ent.Edge {
	return []ent.Edge{
		// A company's employees go with it.
		edge.From("company", Company.Type).Ref("employees").Field("company_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
		edge.To("user", User.Type).Field("user_id").Unique().Required().Immutable().
			Annotations(entsql.OnDelete(entsql.Cascade)),
	}
}

func (Employee) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "tenant_id").Unique(), index.Fields("company_id")}
}

func (Employee) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy scopes Employee rows to the viewer (see package access).
func (Employee) Policy() ent.Policy { return access.EmployeePolicy() }
