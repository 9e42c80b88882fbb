package access_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/viewer"
)

func TestMayFilter(t *testing.T) {
	admin := viewer.Grant{Role: viewer.RoleTenantAdmin, TenantID: 1}
	manager := viewer.Grant{Role: viewer.RoleStoreManager, TenantID: 2, StoreID: 20}
	user := func(grants ...viewer.Grant) *viewer.Viewer {
		return &viewer.Viewer{Kind: viewer.User, UserID: 7, Grants: grants}
	}

	for name, c := range map[string]struct {
		v          *viewer.Viewer
		input, key string
		edge, want bool
	}{
		"admin, addresses":              {user(admin), "UserWhereInput", "hasAddresses", true, true},
		"manager, addresses":            {user(manager), "UserWhereInput", "hasAddresses", true, false},
		"admin here, manager there":     {user(admin, manager), "UserWhereInput", "hasAddresses", true, false},
		"manager, customer email":       {user(manager), "UserWhereInput", "email", false, true},
		"anonymous, variants":           {&viewer.Viewer{}, "ProductWhereInput", "hasVariants", true, true},
		"anonymous, tenant":             {&viewer.Viewer{}, "ProductWhereInput", "hasTenant", true, false},
		"anonymous, tier":               {&viewer.Viewer{}, "TenantWhereInput", "subscriptionTier", false, false},
		"anonymous, tenant handle":      {&viewer.Viewer{}, "TenantWhereInput", "handle", false, true},
		"manager, tier":                 {user(manager), "TenantWhereInput", "subscriptionTier", false, true},
		"admin here, customer there":    {user(admin, viewer.Grant{Role: viewer.RoleCustomer, TenantID: 3}), "TenantWhereInput", "subscriptionTier", false, false},
		"admin in another's storefront": {&viewer.Viewer{Kind: viewer.User, Grants: []viewer.Grant{admin}, TenantID: 2, StoreID: 20}, "ProductWhereInput", "hasTenant", true, false},
		"admin in own storefront":       {&viewer.Viewer{Kind: viewer.User, Grants: []viewer.Grant{admin}, TenantID: 1, StoreID: 10}, "ProductWhereInput", "hasTenant", true, true},
		"system":                        {&viewer.Viewer{Kind: viewer.System}, "UserWhereInput", "hasAddresses", true, true},
	} {
		assert.Equal(t, c.want, access.MayFilter(c.v, c.input, c.key, c.edge), name)
	}
}
