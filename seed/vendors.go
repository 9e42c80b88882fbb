package seed

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/theme"
)

type demoVendor struct{ handle, name, admin string }

// demoMarketplaces are the tenants with a marketplace store (souq) and its vendors, each
// with an admin login.
var demoMarketplaces = map[string][]demoVendor{
	"saudi-marketplace": {
		{"najd-crafts", "Najd Crafts", "admin@najd-crafts.test"},
		{"hejaz-spices", "Hejaz Spices", "admin@hejaz-spices.test"},
	},
}

// Souq is the demo marketplace store's handle and subdomain.
const Souq = "souq"

// marketplace adds the souq store of a tenant with demo vendors, the active vendors and
// their admins.
func (s *seeder) marketplace(t *ent.Tenant) error {
	vendors, ok := demoMarketplaces[t.Handle]
	if !ok {
		return nil
	}
	s.out.Stores = append(s.out.Stores, Souq)
	st, err := s.c.Store.Query().Where(store.TenantID(t.ID), store.Handle(Souq)).Only(s.ctx)
	if ent.IsNotFound(err) {
		sub, typ := Souq, store.StorefrontTypeMarketplace
		th := theme.Config{Colors: theme.Colors{Primary: "#0f766e", Secondary: "#f59e0b"}, Fonts: theme.Fonts{Heading: "Tajawal", Body: "Inter"}}
		st, err = s.svc.CreateStore(s.ctx, tenancy.CreateStoreInput{TenantID: t.ID, Handle: Souq, Name: "Souq", Subdomain: &sub, Theme: &th, StorefrontType: &typ})
	}
	if err != nil {
		return err
	}
	if err := s.storefrontKey(st); err != nil {
		return err
	}
	for _, dv := range vendors {
		if err := s.vendor(t, dv); err != nil {
			return err
		}
	}
	return nil
}

// vendor makes an active vendor and its vendor_admin login, unless they exist.
func (s *seeder) vendor(t *ent.Tenant, dv demoVendor) error {
	v, err := s.c.Vendor.Query().Where(vendor.TenantID(t.ID), vendor.Handle(dv.handle)).Only(s.ctx)
	if ent.IsNotFound(err) {
		v, err = s.c.Vendor.Create().SetTenantID(t.ID).SetHandle(dv.handle).SetName(dv.name).
			SetStatus(vendor.StatusActive).SetContactEmail(dv.admin).Save(s.ctx)
	}
	if err != nil {
		return err
	}
	s.out.Logins = append(s.out.Logins, Login{Email: dv.admin, Role: string(membership.RoleVendorAdmin), Scope: dv.handle})
	u, err := s.c.User.Query().Where(user.Email(dv.admin), user.Realm(0)).Only(s.ctx)
	if ent.IsNotFound(err) {
		u, err = s.svc.CreateUser(s.ctx, tenancy.CreateUserInput{Email: dv.admin, Password: s.password})
	}
	if err != nil {
		return err
	}
	has, err := s.c.Membership.Query().Where(membership.UserID(u.ID), membership.VendorID(v.ID)).Exist(s.ctx)
	if err != nil || has {
		return err
	}
	return s.c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleVendorAdmin).SetTenantID(t.ID).SetVendorID(v.ID).Exec(s.ctx)
}
