package resolution

import "context"

// Directory answers the lookups resolution needs. It is implemented elsewhere (with ent);
// keeping it this narrow keeps the rules testable without a database.
//
// Arguments are already normalized: lower-case, valid DNS labels or hostnames. ok=false
// with a nil error means "no such thing"; an error means the lookup itself failed and is
// never cached.
type Directory interface {
	StoreByVerifiedDomain(ctx context.Context, hostname string) (storeID int, ok bool, err error)
	StoreBySubdomain(ctx context.Context, label string) (storeID int, ok bool, err error)
	TenantBySubdomain(ctx context.Context, label string) (tenantID int, ok bool, err error)
	StoreByTenantHandle(ctx context.Context, tenantID int, handle string) (storeID int, ok bool, err error)
}
