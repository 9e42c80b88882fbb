package seed

import (
	"fmt"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/theme"
)

type demoVendor struct {
	handle, name, admin string
	// products are approved on the souq store, with stock at the vendor's own location.
	products []vendorProduct
}

type vendorProduct struct {
	handle, title string
	sar           int64 // minor units (halalas)
	stock         int   // of each variant
	// option and its values, one variant each; none: one variant, "Default".
	option   string
	variants []string
}

// demoMarketplaces are the tenants with a marketplace store (souq) and its vendors, each
// with an admin login.
var demoMarketplaces = map[string][]demoVendor{
	"saudi-marketplace": {
		{"najd-crafts", "Najd Crafts", "admin@najd-crafts.test", []vendorProduct{
			{"najd-sadu-cushion", "Sadu Weave Cushion", 18500, 12, "Colour", []string{"Red", "Indigo"}},
			{"najd-palm-basket", "Palm Frond Basket", 9500, 20, "", nil},
			{"najd-brass-dallah", "Brass Dallah", 32000, 6, "", nil},
		}},
		{"hejaz-spices", "Hejaz Spices", "admin@hejaz-spices.test", []vendorProduct{
			{"hejaz-saffron", "Hejazi Saffron, 2 g", 4500, 40, "", nil},
			{"hejaz-cardamom-coffee", "Cardamom Coffee Blend", 3800, 30, "", nil},
		}},
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
	made := map[string]*ent.Vendor{}
	for _, dv := range vendors {
		v, err := s.vendor(t, dv)
		if err != nil {
			return err
		}
		if err := s.vendorCatalog(st, v, dv.products); err != nil {
			return fmt.Errorf("vendor %s: %w", dv.handle, err)
		}
		made[dv.handle] = v
	}
	return s.commissionRules(t, made)
}

// vendor makes an active vendor and its vendor_admin login, unless they exist.
func (s *seeder) vendor(t *ent.Tenant, dv demoVendor) (*ent.Vendor, error) {
	v, err := s.c.Vendor.Query().Where(vendor.TenantID(t.ID), vendor.Handle(dv.handle)).Only(s.ctx)
	if ent.IsNotFound(err) {
		v, err = s.c.Vendor.Create().SetTenantID(t.ID).SetHandle(dv.handle).SetName(dv.name).
			SetStatus(vendor.StatusActive).SetContactEmail(dv.admin).Save(s.ctx)
	}
	if err != nil {
		return nil, err
	}
	s.out.Logins = append(s.out.Logins, Login{Email: dv.admin, Role: string(membership.RoleVendorAdmin), Scope: dv.handle})
	u, err := s.c.User.Query().Where(user.Email(dv.admin), user.Realm(0)).Only(s.ctx)
	if ent.IsNotFound(err) {
		u, err = s.svc.CreateUser(s.ctx, tenancy.CreateUserInput{Email: dv.admin, Password: s.password})
	}
	if err != nil {
		return nil, err
	}
	has, err := s.c.Membership.Query().Where(membership.UserID(u.ID), membership.VendorID(v.ID)).Exist(s.ctx)
	if err != nil || has {
		return v, err
	}
	return v, s.c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleVendorAdmin).SetTenantID(t.ID).SetVendorID(v.ID).Exec(s.ctx)
}
