package platform_test

import (
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect/sql/schema"

	entmigrate "github.com/dakkah/cityos/ent/migrate"
)

// referenceTables are the tables copied whole to every node when the database is
// distributed by tenant with Citus (docs/scale-out.md). Every other table is distributed
// by tenant_id. A reference table may point only at reference tables.
var referenceTables = map[string]string{
	"tenants":              "the tenants themselves",
	"users":                "accounts sign in before a tenant is known; staff span tenants",
	"refresh_tokens":       "a user's, looked up by token hash at refresh",
	"countries":            "taxonomy, shared by every tenant",
	"scopes":               "taxonomy, shared by every tenant",
	"categories":           "taxonomy, shared by every tenant",
	"subcategories":        "taxonomy, shared by every tenant",
	"plans":                "the platform's price list",
	"tenant_subscriptions": "the platform's billing of tenants, found by the provider's ids in its webhooks",
	"tenant_invoices":      "the platform's billing of tenants, found by the provider's ids in its webhooks",
	"domains":              "a request's host is resolved before its tenant is known; a verified hostname is platform-wide",
	"subdomain_claims":     "a request's host is resolved before its tenant is known; a label is platform-wide",
	"api_keys":             "found by token hash before the tenant is known",
	"invitations":          "found by token hash before the tenant is known",
	"memberships":          "a user's roles, read at sign-in before a tenant is known; a super admin's has no tenant",
}

// referenceKeys are the foreign keys from reference tables to distributed ones, which
// Citus does not support: distribution drops them. tenancy writes these rows in the
// transaction that checks the store or vendor is the tenant's.
var referenceKeys = map[string]bool{
	"domains.store_id":          true,
	"subdomain_claims.store_id": true,
	"api_keys.store_id":         true,
	"invitations.store_id":      true,
	"invitations.vendor_id":     true,
	"memberships.store_id":      true,
	"memberships.vendor_id":     true,
}

// platformRows are distributed tables that also hold rows of the platform itself, with
// no tenant. Citus refuses a null distribution column: distribution gives those rows a
// tenant id of their own (docs/scale-out.md).
var platformRows = map[string]string{
	"audit_logs":       "changes to rows of no tenant (staff accounts, platform settings)",
	"inbound_webhooks": "Stripe's requests, recorded before (or without) finding a tenant",
	"outbox_events":    "platform events (a staff account's changes)",
}

// undistributable are tenant-owned tables that cannot be distributed yet, with what
// distribution needs of them. Adding to this list needs a plan in docs/scale-out.md.
var undistributable = map[string]string{}

// TestSchemaDistributable reads the live ent schema: every table is a reference table,
// or it carries tenant_id, leads an index with it and names it in every unique index and
// unique column (Citus enforces uniqueness only within a shard, so a unique key without
// the distribution column cannot be kept). A new tenant table that breaks this fails here.
func TestSchemaDistributable(t *testing.T) {
	seen := map[string]bool{}
	for _, tb := range entmigrate.Tables {
		seen[tb.Name] = true
		if _, ok := referenceTables[tb.Name]; ok {
			for _, fk := range tb.ForeignKeys {
				_, ref := referenceTables[fk.RefTable.Name]
				if !ref && !referenceKeys[tb.Name+"."+fk.Columns[0].Name] {
					t.Errorf("reference table %s points at %s, a distributed table (Citus refuses that foreign key)", tb.Name, fk.RefTable.Name)
				}
			}
			continue
		}
		if _, ok := undistributable[tb.Name]; ok {
			continue
		}
		if tenantColumn(tb) == nil {
			t.Errorf("table %s has no tenant_id: give it the tenant mixin, or list it as a reference table with the reason", tb.Name)
			continue
		}
		if tenantColumn(tb).Nullable && platformRows[tb.Name] == "" {
			t.Errorf("table %s: tenant_id may be null, which a distribution column may not", tb.Name)
		}
		led := false
		for _, ix := range tb.Indexes {
			led = led || ix.Columns[0].Name == "tenant_id"
			if ix.Unique && !slices.ContainsFunc(ix.Columns, isTenantID) {
				t.Errorf("table %s: unique index %s lacks tenant_id", tb.Name, ix.Name)
			}
		}
		if !led {
			t.Errorf("table %s: no index is led by tenant_id", tb.Name)
		}
		for _, c := range tb.Columns {
			if c.Unique {
				t.Errorf("table %s: column %s is unique on its own; make it an index with tenant_id", tb.Name, c.Name)
			}
		}
	}
	for name := range referenceTables {
		if !seen[name] {
			t.Errorf("reference table %s is not in the schema any more: remove it from the list", name)
		}
	}
	for key := range referenceKeys {
		table, _, _ := strings.Cut(key, ".")
		if !seen[table] {
			t.Errorf("foreign key %s: table %s is not in the schema any more: remove it from the list", key, table)
		}
	}
	for name := range platformRows {
		if !seen[name] {
			t.Errorf("table %s is not in the schema any more: remove it from the list", name)
		}
	}
	for name := range undistributable {
		if !seen[name] {
			t.Errorf("table %s is not in the schema any more: remove it from the list", name)
		}
	}
}

func isTenantID(c *schema.Column) bool { return c.Name == "tenant_id" }

func tenantColumn(tb *schema.Table) *schema.Column {
	for _, c := range tb.Columns {
		if isTenantID(c) {
			return c
		}
	}
	return nil
}
