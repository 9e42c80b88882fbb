// Package seed loads the demo platform: the default plans, two tenants subscribed to
// theirs, their stores with themes and addresses, a marketplace store with two vendors,
// a login for every role and a storefront key per store. Running it again changes nothing that is already there.
package seed

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/country"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/theme"
	"github.com/dakkah/cityos/viewer"
)

// DefaultPassword is every demo login's password unless CITYOS_DEMO_PASSWORD is set.
const DefaultPassword = "cityos-demo"

// DemoKeyName names the storefront key the demo creates for each store.
const DemoKeyName = "Demo storefront"

type demoStore struct {
	handle, name       string
	primary, secondary string
	typ                store.StorefrontType // "" is retail
}

type demoTenant struct {
	handle, name string
	tier         tenant.SubscriptionTier
	admin        string
	stores       []demoStore
}

var demoTenants = []demoTenant{
	{"saudi-marketplace", "Saudi Marketplace", tenant.SubscriptionTierEnterprise, "admin@saudi-marketplace.test", []demoStore{
		{"saudi-traditional", "Saudi Traditional Wear", "#d97706", "#92400e", ""},
		{"modern-fashion", "Modern Saudi Fashion", "#3b82f6", "#1e40af", ""},
		{"home-decor", "Home Decor", "#15803d", "#78350f", ""},
		{"oud-perfumes", "Oud Perfumes", "#111111", "#d4af37", ""},
		{"dates-coffee", "Dates & Coffee", "#7c2d12", "#fef3c7", ""},
		{Wholesale, "Wholesale", "#1e3a8a", "#e2e8f0", store.StorefrontTypeB2b},
	}},
	{"gulf-goods", "Gulf Goods", tenant.SubscriptionTierPro, "admin@gulf-goods.test", []demoStore{
		{"gulf-electronics", "Gulf Electronics", "#0f172a", "#38bdf8", ""},
	}},
}

var demoCountries = [][2]string{{"SA", "Saudi Arabia"}, {"AE", "United Arab Emirates"}, {"KW", "Kuwait"}, {"BH", "Bahrain"}, {"QA", "Qatar"}, {"OM", "Oman"}}

// Login is a demo user.
type Login struct{ Email, Role, Scope string }

// Key is a demo storefront key; Token is empty when the key was made by an earlier run
// (only its hash is kept).
type Key struct{ Store, Prefix, Token string }

// Result is what the demo seed made or found.
type Result struct {
	Password string
	Logins   []Login
	// Buyers are the demo companies' people: customers who sign in with customerLogin.
	Buyers []Login
	Keys   []Key
	Stores []string
	Domain string
	// Products counts the demo products this run created.
	Products int
	// Limited is each store's limited edition with the units it has left.
	Limited []Limited
}

// Demo loads the demo data. It is idempotent: existing rows are kept as they are.
func Demo(ctx context.Context, client *ent.Client, svc *tenancy.Service, password string) (*Result, error) {
	ctx = viewer.SystemContext(ctx, "seed-demo")
	s := &seeder{ctx: ctx, c: client, svc: svc, bills: billing.New(client, billing.Manual{}, 0), password: password,
		out: &Result{Password: password}}
	if err := s.countries(); err != nil {
		return nil, err
	}
	if err := s.plans(); err != nil {
		return nil, err
	}
	if _, err := s.login("admin@dakkah.test", membership.RoleSuperAdmin, nil, nil, "platform"); err != nil {
		return nil, err
	}
	for _, dt := range demoTenants {
		t, err := s.tenant(dt)
		if err != nil {
			return nil, err
		}
		if err := s.subscription(t); err != nil {
			return nil, err
		}
		if _, err := s.login(dt.admin, membership.RoleTenantAdmin, &t.ID, nil, dt.handle); err != nil {
			return nil, err
		}
		stores := map[string]*ent.Store{}
		for _, ds := range dt.stores {
			st, err := s.store(t, ds)
			if err != nil {
				return nil, err
			}
			stores[ds.handle] = st
			if err := s.storefrontKey(st); err != nil {
				return nil, err
			}
			if ds.handle == "saudi-traditional" {
				if _, err := s.login("manager@saudi-traditional.test", membership.RoleStoreManager, nil, &st.ID, ds.handle); err != nil {
					return nil, err
				}
				if err := s.verifiedDomain(st, "sauditraditions.test"); err != nil {
					return nil, err
				}
			}
		}
		if err := s.commerce(t, stores); err != nil {
			return nil, err
		}
		if err := s.marketplace(t); err != nil {
			return nil, err
		}
		if err := s.companies(t); err != nil {
			return nil, err
		}
	}
	return s.out, nil
}

type seeder struct {
	ctx      context.Context
	c        *ent.Client
	svc      *tenancy.Service
	bills    *billing.Service
	password string
	out      *Result
}

func (s *seeder) countries() error {
	for _, c := range demoCountries {
		exists, err := s.c.Country.Query().Where(country.Code(c[0])).Exist(s.ctx)
		if err != nil {
			return err
		}
		if !exists {
			if err := s.c.Country.Create().SetCode(c[0]).SetName(c[1]).Exec(s.ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *seeder) tenant(dt demoTenant) (*ent.Tenant, error) {
	t, err := s.c.Tenant.Query().Where(tenant.Handle(dt.handle)).Only(s.ctx)
	if err == nil || !ent.IsNotFound(err) {
		return t, err
	}
	sub, country, email := dt.handle, "SA", "billing@"+dt.handle+".test"
	status := tenant.StatusActive
	return s.svc.CreateTenant(s.ctx, tenancy.CreateTenantInput{
		Handle: dt.handle, Name: dt.name, Status: &status, SubscriptionTier: &dt.tier,
		Subdomain: &sub, Country: &country, BillingEmail: &email,
	})
}

func (s *seeder) store(t *ent.Tenant, ds demoStore) (*ent.Store, error) {
	s.out.Stores = append(s.out.Stores, ds.handle)
	st, err := s.c.Store.Query().Where(store.TenantID(t.ID), store.Handle(ds.handle)).Only(s.ctx)
	if err == nil || !ent.IsNotFound(err) {
		return st, err
	}
	sub := ds.handle
	th := theme.Config{Colors: theme.Colors{Primary: ds.primary, Secondary: ds.secondary}, Fonts: theme.Fonts{Heading: "Tajawal", Body: "Inter"}}
	return s.svc.CreateStore(s.ctx, tenancy.CreateStoreInput{TenantID: t.ID, Handle: ds.handle, Name: ds.name, Subdomain: &sub, Theme: &th,
		StorefrontType: ds.storefrontType()})
}

func (s *seeder) login(email string, role membership.Role, tenantID, storeID *int, scope string) (*ent.User, error) {
	s.out.Logins = append(s.out.Logins, Login{Email: email, Role: string(role), Scope: scope})
	u, err := s.c.User.Query().Where(user.Email(email)).Only(s.ctx)
	if ent.IsNotFound(err) {
		u, err = s.svc.CreateUser(s.ctx, tenancy.CreateUserInput{Email: email, Password: s.password})
	}
	if err != nil {
		return nil, err
	}
	q := s.c.Membership.Query().Where(membership.UserID(u.ID), membership.RoleEQ(role))
	if tenantID != nil {
		q.Where(membership.TenantID(*tenantID))
	}
	if storeID != nil {
		q.Where(membership.StoreID(*storeID))
	}
	has, err := q.Exist(s.ctx)
	if err != nil || has {
		return u, err
	}
	_, err = s.svc.GrantRole(s.ctx, u.ID, role, tenantID, storeID)
	return u, err
}

func (s *seeder) storefrontKey(st *ent.Store) error {
	k, err := s.c.APIKey.Query().Where(apikey.StoreID(st.ID), apikey.Name(DemoKeyName), apikey.RevokedAtIsNil()).First(s.ctx)
	if err == nil {
		s.out.Keys = append(s.out.Keys, Key{Store: st.Handle, Prefix: k.TokenPrefix})
		return nil
	}
	if !ent.IsNotFound(err) {
		return err
	}
	created, err := s.svc.CreateAPIKey(s.ctx, tenancy.CreateAPIKeyInput{TenantID: st.TenantID, StoreID: &st.ID, Kind: apikey.KindPublishable, Name: DemoKeyName})
	if err != nil {
		return err
	}
	s.out.Keys = append(s.out.Keys, Key{Store: st.Handle, Prefix: created.APIKey.TokenPrefix, Token: created.Token})
	return nil
}

// verifiedDomain attaches a custom domain and marks it verified: the demo cannot publish
// DNS records, so it stands in for the check a real domain passes.
func (s *seeder) verifiedDomain(st *ent.Store, host string) error {
	s.out.Domain = host + " → " + st.Handle
	d, err := s.c.Domain.Query().Where(domain.Hostname(host)).Only(s.ctx)
	if ent.IsNotFound(err) {
		var ch tenancy.DomainChallenge
		ch, err = s.svc.AddDomain(s.ctx, st.ID, host)
		d = ch.Domain
	}
	if err != nil || d.Status == domain.StatusVerified {
		return err
	}
	return s.c.Domain.UpdateOneID(d.ID).SetStatus(domain.StatusVerified).SetIsPrimary(true).SetVerifiedAt(d.CreatedAt).Exec(s.ctx)
}

// Print writes the logins and keys for a person to use.
func (r *Result) Print(w io.Writer) {
	fmt.Fprintln(w, "Demo data is loaded.")
	fmt.Fprintf(w, "\nLogins (password %q):\n", r.Password)
	for _, l := range r.Logins {
		fmt.Fprintf(w, "  %-34s %-14s %s\n", l.Email, l.Role, l.Scope)
	}
	fmt.Fprintf(w, "\nB2B buyers (customerLogin in the %s store, password %q):\n", Wholesale, r.Password)
	for _, l := range r.Buyers {
		fmt.Fprintf(w, "  %-34s %-14s %s\n", l.Email, l.Role, l.Scope)
	}
	fmt.Fprintln(w, "\nStorefront (publishable) keys, header X-Publishable-Key:")
	for _, k := range r.Keys {
		tok := k.Token
		if tok == "" {
			tok = k.Prefix + "… (made by an earlier run; only shown then — create another with createApiKey)"
		}
		fmt.Fprintf(w, "  %-20s %s\n", k.Store, tok)
	}
	fmt.Fprintf(w, "\nStores: %s\nVerified custom domain: %s\n", strings.Join(r.Stores, ", "), r.Domain)
	fmt.Fprintf(w, "Catalog: regions Saudi Arabia (SAR, 15%% VAT included) and UAE (AED); %d new products this run\n", r.Products)
	fmt.Fprintln(w, "Limited editions, units left now (earlier orders keep theirs; delete the data directory to start over):")
	for _, l := range r.Limited {
		fmt.Fprintf(w, "  %-20s %-30s %d of %d\n", l.Store, l.Product, l.Left, l.Of)
	}
}
