package audit_test

import (
	"context"
	"reflect"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/testenv"
)

// lifecycle creates, updates and deletes one row of a type, straight through ent.
// update is nil for a type whose rows never change (every field immutable).
type lifecycle struct {
	tenantOwned bool
	create      func(ctx context.Context, c *ent.Client) (int, error)
	update      func(ctx context.Context, c *ent.Client, id int) error
	delete      func(ctx context.Context, c *ent.Client, id int) error
}

// idOf is a created entity's id.
func idOf(e any, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return int(reflect.ValueOf(e).Elem().FieldByName("ID").Int()), nil
}

// lifecycles has a case for every audited type, on tenant A's side of the commerce
// fixture: the platform's and tenancy's entities here, commerce's in commerceLifecycles.
func lifecycles(f *testenv.Commerce) map[string]lifecycle {
	a, a1 := f.TenantA.ID, f.StoreA1.ID
	cases := map[string]lifecycle{
		"Tenant": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Tenant.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Tenant.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Tenant.DeleteOneID(id).Exec(ctx) },
		},
		"Store": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Store.Create().SetTenantID(a).SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Store.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Store.DeleteOneID(id).Exec(ctx) },
		},
		"Domain": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Domain.Create().SetTenantID(a).SetStoreID(a1).SetHostname("covered.example.com").
					SetVerificationToken("covered-verification-token").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Domain.UpdateOneID(id).SetIsPrimary(true).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Domain.DeleteOneID(id).Exec(ctx) },
		},
		"Vendor": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Vendor.Create().SetTenantID(a).SetHandle("covered").SetName("Covered").SetPayoutAccount("acct_covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Vendor.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Vendor.DeleteOneID(id).Exec(ctx) },
		},
		"IntegrationEndpoint": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.IntegrationEndpoint.Create().SetTenantID(a).SetURL("https://erp.example.com/hooks").
					SetEventTypes([]string{"order.*"}).SetSecret("whsec_Y292ZXJlZA==").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.IntegrationEndpoint.UpdateOneID(id).SetDescription("ERP").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error {
				return c.IntegrationEndpoint.DeleteOneID(id).Exec(ctx)
			},
		},
		"SyncJob": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.SyncJob.Create().SetTenantID(a).SetKind("reconcile").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.SyncJob.UpdateOneID(id).SetStatus("running").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.SyncJob.DeleteOneID(id).Exec(ctx) },
		},
		"Invitation": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Invitation.Create().SetTenantID(a).SetEmail("covered@acme.test").SetRole("tenant_admin").
					SetTokenHash("covered-invitation-hash").SetExpiresAt(time.Now().Add(time.Hour)).Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Invitation.UpdateOneID(id).SetAcceptedAt(time.Now()).Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Invitation.DeleteOneID(id).Exec(ctx) },
		},
		"APIKey": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.APIKey.Create().SetTenantID(a).SetKind("secret").SetName("covered").
					SetTokenHash("covered-token-hash").SetTokenPrefix("sk_cov").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.APIKey.UpdateOneID(id).SetName("covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.APIKey.DeleteOneID(id).Exec(ctx) },
		},
		"User": {
			tenantOwned: true, // a customer account of tenant A
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.User.Create().SetEmail("covered@a.test").SetRealm(a).SetPasswordHash("$2a$covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.User.UpdateOneID(id).SetName("Covered").SetPasswordHash("$2a$changed").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.User.DeleteOneID(id).Exec(ctx) },
		},
		"Membership": {
			tenantOwned: true,
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				u, err := c.User.Create().SetEmail("member@a.test").SetPasswordHash("$2a$member").Save(ctx)
				if err != nil {
					return 0, err
				}
				return idOf(c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleTenantAdmin).SetTenantID(a).Save(ctx))
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Membership.DeleteOneID(id).Exec(ctx) },
		},
		"Country": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Country.Create().SetCode("QA").SetName("Qatar").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Country.UpdateOneID(id).SetName("State of Qatar").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Country.DeleteOneID(id).Exec(ctx) },
		},
		"Scope": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Scope.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Scope.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Scope.DeleteOneID(id).Exec(ctx) },
		},
		"Category": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				return idOf(c.Category.Create().SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Category.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Category.DeleteOneID(id).Exec(ctx) },
		},
		"Subcategory": {
			create: func(ctx context.Context, c *ent.Client) (int, error) {
				cat, err := c.Category.Create().SetHandle("covered-parent").SetName("Parent").Save(ctx)
				if err != nil {
					return 0, err
				}
				return idOf(c.Subcategory.Create().SetCategoryID(cat.ID).SetHandle("covered").SetName("Covered").Save(ctx))
			},
			update: func(ctx context.Context, c *ent.Client, id int) error {
				return c.Subcategory.UpdateOneID(id).SetName("Covered!").Exec(ctx)
			},
			delete: func(ctx context.Context, c *ent.Client, id int) error { return c.Subcategory.DeleteOneID(id).Exec(ctx) },
		},
	}
	for typ, lc := range commerceLifecycles(f) {
		cases[typ] = lc
	}
	for typ, lc := range marketplaceLifecycles(f) {
		cases[typ] = lc
	}
	for typ, lc := range b2bLifecycles(f) {
		cases[typ] = lc
	}
	for typ, lc := range billingLifecycles(f) {
		cases[typ] = lc
	}
	for typ, lc := range recurringLifecycles(f) {
		cases[typ] = lc
	}
	return cases
}
