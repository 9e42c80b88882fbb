// Package viewer describes who is making a request: a user with role grants, an API key,
// an anonymous storefront visitor, or a named internal system job. Privacy policies in
// ent read it from the context; nothing else decides what a caller may see.
package viewer

import "context"

// Role is a membership role from the role matrix.
type Role string

const (
	RoleSuperAdmin   Role = "super_admin"
	RoleTenantAdmin  Role = "tenant_admin"
	RoleStoreManager Role = "store_manager"
	RoleCustomer     Role = "customer"
	RoleVendorAdmin  Role = "vendor_admin"
	RoleVendorStaff  Role = "vendor_staff"
	// A B2B company's roles, held by customers of the tenant through their Employee row.
	RoleCompanyAdmin Role = "company_admin"
	RoleBuyer        Role = "buyer"
)

// Kind says how the caller authenticated.
type Kind int

const (
	Anonymous Kind = iota
	User
	SecretKey
	PublishableKey
	System
	// Integration is an integration endpoint applying the changes it pushed (inbound
	// webhooks), with the grants of the endpoint: its tenant's admin, or its store's
	// manager when the endpoint is limited to one store.
	Integration
)

func (k Kind) String() string {
	switch k {
	case User:
		return "user"
	case SecretKey:
		return "secret_key"
	case PublishableKey:
		return "publishable_key"
	case System:
		return "system"
	case Integration:
		return "integration"
	default:
		return "anonymous"
	}
}

// Grant is one role held within a scope. TenantID is 0 only for super_admin;
// StoreID is set only for store_manager; VendorID only for vendor_admin and vendor_staff;
// CompanyID only for company_admin and buyer.
type Grant struct {
	Role      Role
	TenantID  int
	StoreID   int
	VendorID  int
	CompanyID int
	// ReadOnly is set when the tenant is suspended or inactive: its staff may read, not
	// write; for a company role, also when the company is suspended.
	ReadOnly bool
}

// Viewer is the caller of one request.
type Viewer struct {
	Kind     Kind
	UserID   int // set for User
	APIKeyID int // set for SecretKey and PublishableKey
	// EndpointID is the integration endpoint, set for Integration.
	EndpointID int
	Grants     []Grant
	// StoreID and TenantID name the store a storefront request is for: a publishable
	// key's store, or the store X-Store-Host resolved to. Zero when the request names none.
	StoreID  int
	TenantID int
	// ShopOpen says the store named by StoreID is active and its tenant operating, as
	// resolved for this request. A closed shop serves no catalog.
	ShopOpen bool
	// SystemName names the internal job when Kind is System, for audit logs.
	SystemName string
}

// IsSuperAdmin reports a platform-wide grant (or the system context).
func (v *Viewer) IsSuperAdmin() bool {
	if v == nil {
		return false
	}
	if v.Kind == System {
		return true
	}
	for _, g := range v.Grants {
		if g.Role == RoleSuperAdmin {
			return true
		}
	}
	return false
}

// TenantsWithRole lists the tenants in which the viewer holds the role.
func (v *Viewer) TenantsWithRole(r Role) []int {
	if v == nil {
		return nil
	}
	var ids []int
	seen := map[int]bool{}
	for _, g := range v.Grants {
		if g.Role == r && g.TenantID != 0 && !seen[g.TenantID] {
			seen[g.TenantID] = true
			ids = append(ids, g.TenantID)
		}
	}
	return ids
}

// AdminTenants lists tenants the viewer administers.
func (v *Viewer) AdminTenants() []int { return v.TenantsWithRole(RoleTenantAdmin) }

// StaffTenants lists tenants where the viewer is tenant admin or store manager.
func (v *Viewer) StaffTenants() []int {
	return union(v.TenantsWithRole(RoleTenantAdmin), v.TenantsWithRole(RoleStoreManager))
}

// ManagedStores lists the stores the viewer manages as store manager.
func (v *Viewer) ManagedStores() []int {
	return v.scopesOf(RoleStoreManager, func(g Grant) int { return g.StoreID })
}

// scopesOf lists the non-zero scope (store, vendor) of each grant of role r.
func (v *Viewer) scopesOf(r Role, scope func(Grant) int) []int {
	if v == nil {
		return nil
	}
	var ids []int
	for _, g := range v.Grants {
		if id := scope(g); g.Role == r && id != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// VendorsWithRole lists the vendors in which the viewer holds the vendor role r.
func (v *Viewer) VendorsWithRole(r Role) []int {
	return v.scopesOf(r, func(g Grant) int { return g.VendorID })
}

// Vendors lists the vendors whose admin or staff the viewer is.
func (v *Viewer) Vendors() []int {
	return union(v.VendorsWithRole(RoleVendorAdmin), v.VendorsWithRole(RoleVendorStaff))
}

// CompaniesWithRole lists the companies in which the viewer holds the company role r.
func (v *Viewer) CompaniesWithRole(r Role) []int {
	return v.scopesOf(r, func(g Grant) int { return g.CompanyID })
}

// Companies lists the companies the viewer works for (as their admin or a buyer).
func (v *Viewer) Companies() []int {
	return union(v.CompaniesWithRole(RoleCompanyAdmin), v.CompaniesWithRole(RoleBuyer))
}

// IsTenantAdmin reports whether the viewer administers tenant t.
func (v *Viewer) IsTenantAdmin(t int) bool { return contains(v.AdminTenants(), t) }

// ManagesStore reports whether the viewer is store manager of store s.
func (v *Viewer) ManagesStore(s int) bool { return contains(v.ManagedStores(), s) }

// IsStaff reports whether the viewer holds any staff role (not customer-only or anonymous).
func (v *Viewer) IsStaff() bool {
	return v.IsSuperAdmin() || len(v.StaffTenants()) > 0
}

// Actor is the audit-log description of the viewer.
func (v *Viewer) Actor() string {
	if v == nil {
		return "anonymous"
	}
	switch v.Kind {
	case User:
		return "user:" + itoa(v.UserID)
	case SecretKey, PublishableKey:
		return "api_key:" + itoa(v.APIKeyID)
	case System:
		return "system:" + v.SystemName
	case Integration:
		return "integration_endpoint:" + itoa(v.EndpointID)
	}
	return "anonymous"
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, or an anonymous viewer.
func FromContext(ctx context.Context) *Viewer {
	if v, ok := ctx.Value(ctxKey{}).(*Viewer); ok && v != nil {
		return v
	}
	return &Viewer{Kind: Anonymous}
}

// SystemContext marks ctx as internal work by the named job: it may read and write
// every tenant's rows, and its name is recorded as the actor.
func SystemContext(ctx context.Context, name string) context.Context {
	return NewContext(ctx, &Viewer{Kind: System, SystemName: name})
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func union(a, b []int) []int {
	out := append([]int(nil), a...)
	for _, x := range b {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
