package resolution

import (
	"context"
	"fmt"
)

// resolve applies the rules in contract order without any caching. Each rule falls
// through to the next when it does not match; a directory error stops everything.
func resolve(ctx context.Context, dir Directory, platform string, q query) (Match, bool, error) {
	// (a) A verified custom domain wins over everything, even a platform-shaped host.
	if q.host != "" {
		id, ok, err := dir.StoreByVerifiedDomain(ctx, q.host)
		if err != nil {
			return Match{}, false, fmt.Errorf("resolution: store by domain %q: %w", q.host, err)
		}
		if ok {
			return Match{StoreID: id, Strategy: CustomDomain}, true, nil
		}
	}

	// (b) <label>.<platform>: a store's subdomain, else a tenant's with /stores/{handle}.
	if label, isSub := platformLabel(q.host, platform); isSub {
		id, ok, err := dir.StoreBySubdomain(ctx, label)
		if err != nil {
			return Match{}, false, fmt.Errorf("resolution: store by subdomain %q: %w", label, err)
		}
		if ok {
			return Match{StoreID: id, Strategy: Subdomain}, true, nil
		}
		if q.pathLabel != "" { // no handle, no point asking about the tenant
			m, ok, err := tenantStore(ctx, dir, label, q.pathLabel)
			if err != nil || ok {
				return m, ok, err
			}
		}
	}

	// (c) The platform site (bare or www) with /stores/{subdomain}. Not an else: with
	// platform "localhost", "www.localhost" also passes through (b) first.
	if isPlatformHost(q.host, platform) && q.pathLabel != "" {
		id, ok, err := dir.StoreBySubdomain(ctx, q.pathLabel)
		if err != nil {
			return Match{}, false, fmt.Errorf("resolution: store by path %q: %w", q.pathLabel, err)
		}
		if ok {
			return Match{StoreID: id, Strategy: Path}, true, nil
		}
	}

	// (d) The client's hint, a store subdomain.
	if q.hint != "" {
		id, ok, err := dir.StoreBySubdomain(ctx, q.hint)
		if err != nil {
			return Match{}, false, fmt.Errorf("resolution: store by hint %q: %w", q.hint, err)
		}
		if ok {
			return Match{StoreID: id, Strategy: Hint}, true, nil
		}
	}
	return Match{}, false, nil
}

func tenantStore(ctx context.Context, dir Directory, label, handle string) (Match, bool, error) {
	tenantID, ok, err := dir.TenantBySubdomain(ctx, label)
	if err != nil {
		return Match{}, false, fmt.Errorf("resolution: tenant by subdomain %q: %w", label, err)
	}
	if !ok {
		return Match{}, false, nil
	}
	id, ok, err := dir.StoreByTenantHandle(ctx, tenantID, handle)
	if err != nil {
		return Match{}, false, fmt.Errorf("resolution: store by tenant %d handle %q: %w", tenantID, handle, err)
	}
	if !ok {
		return Match{}, false, nil
	}
	return Match{StoreID: id, Strategy: Path}, true, nil
}
