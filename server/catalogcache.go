package server

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"golang.org/x/sync/singleflight"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/viewer"
)

// catalogCache answers repeated storefront catalog reads from memory for a short time.
// A storefront grid is the same for every anonymous shopper of a store, so serving it
// again for a second costs nothing in correctness that checkout does not re-check (stock
// and prices are read fresh when a cart is changed and completed).
//
// Only queries from anonymous callers and publishable keys, for a named store, whose root
// fields are all catalog reads are cached: nothing that depends on who is signed in, and
// never a cart. Any staff mutation drops everything at once, on every instance that
// listens to the others' changes (see CatalogChanges); a change whose broadcast is lost
// shows within the TTL. An instance that hears the events (listen) keeps answers for
// maxAge instead, and drops a tenant's as soon as an event of the tenant arrives: every
// change to what a storefront shows raises one (an order, for the stock it holds). With
// a thousand stores, each visited less than once a TTL, a TTL alone kept almost nothing.
type catalogCache struct {
	ttl     time.Duration
	maxAge  time.Duration // 0 until listen
	changes *CatalogChanges
	// tenants are the tenants' generations (under mu): an event of a tenant moves its
	// keys on, and the old entries age out of the LRU.
	tenants map[int]uint64
	mu      sync.Mutex
	entries *lru.LRU[cachedResponse]
	// refreshing holds the keys of expired entries one request is computing again
	// (under mu); meanwhile the others are answered from the expired entry.
	refreshing map[string]bool
	// misses computes a key no entry holds once, for every request that wants it.
	misses singleflight.Group
	now    func() time.Time
}

type cachedResponse struct {
	resp    *graphql.Response
	expires time.Time
}

// cacheableRootFields are the storefront reads whose answers depend only on the store
// and the arguments.
var cacheableRootFields = map[string]bool{
	"products": true, "productByHandle": true, "regions": true, "productCategories": true,
	"productCollections": true, "resolveStore": true, "stores": true, "storeByHandle": true,
	"countries": true, "categories": true, "__typename": true,
}

// shopperMutations change carts, orders and sessions, not the catalog: a busy checkout
// does not flush the cache. (The stock they reserve shows within the TTL.)
var shopperMutations = map[string]bool{
	"createCart": true, "addLineItem": true, "updateLineItem": true, "removeLineItem": true,
	"setCartEmail": true, "setShippingAddress": true, "setBillingAddress": true, "setShippingMethod": true,
	"completeCart": true, "login": true, "refreshToken": true, "logout": true,
	"registerCustomer": true, "customerLogin": true, "addCustomerAddress": true, "deleteCustomerAddress": true,
	"__typename": true,
}

// onlyFields reports whether every root field of a selection is in allowed.
func onlyFields(set ast.SelectionSet, allowed map[string]bool) bool {
	for _, sel := range set {
		f, ok := sel.(*ast.Field)
		if !ok || !allowed[f.Name] {
			return false
		}
	}
	return true
}

// newCatalogCache returns a cache that drops its entries on changes (nil: this instance's
// changes only).
func newCatalogCache(ttl time.Duration, changes *CatalogChanges) *catalogCache {
	if changes == nil {
		changes = NewCatalogChanges(nil)
	}
	return &catalogCache{ttl: ttl, changes: changes, entries: lru.New[cachedResponse](catalogCacheEntries),
		refreshing: map[string]bool{}, tenants: map[int]uint64{}, now: time.Now}
}

// catalogCacheEntries bounds the answers an instance keeps: a few pages of each of a
// thousand busy stores.
const catalogCacheEntries = 5000

// listen keeps answers for maxAge, dropping a tenant's whenever watch hears an event of
// it. Without events (watch fails) answers keep for the TTL only.
func (c *catalogCache) listen(maxAge time.Duration, watch func(func(outbox.Event)) error) error {
	if maxAge <= c.ttl {
		return nil
	}
	if err := watch(c.heard); err != nil {
		return err
	}
	c.mu.Lock()
	c.maxAge = maxAge
	c.mu.Unlock()
	return nil
}

// heard moves the event's tenant on: its answers are computed again.
func (c *catalogCache) heard(ev outbox.Event) {
	if ev.TenantID == nil { // a platform event (a plan): no storefront shows it
		return
	}
	c.mu.Lock()
	c.tenants[*ev.TenantID]++
	c.mu.Unlock()
}

// lifeLocked is how long a computed answer is fresh (under mu).
func (c *catalogCache) lifeLocked() time.Duration {
	if c.maxAge > 0 {
		return c.maxAge
	}
	return c.ttl
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*catalogCache)(nil)

func (c *catalogCache) ExtensionName() string                   { return "CatalogCache" }
func (c *catalogCache) Validate(graphql.ExecutableSchema) error { return nil }

func (c *catalogCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil {
		return next(ctx)
	}
	if oc.Operation.Operation == ast.Mutation {
		resp := next(ctx)
		if !onlyFields(oc.Operation.SelectionSet, shopperMutations) {
			// A staff change: no instance serves anything older.
			if err := c.changes.Bump(ctx); err != nil {
				middleware.Logger(ctx).Warn("other instances drop their catalog cache within its TTL", "err", err)
			}
		}
		return resp
	}
	key, ok := c.key(ctx, oc)
	if !ok {
		return next(ctx)
	}
	now := c.now()
	c.mu.Lock()
	hit, found := c.entries.Get(ctx, key)
	// An entry expired less than a TTL ago is still served while one request computes it
	// again: at expiry, that request pays for the page and the rest are not held up.
	stale := found && !now.Before(hit.expires)
	usable := found && now.Before(hit.expires.Add(c.ttl))
	refresh := usable && stale && !c.refreshing[key]
	if refresh {
		c.refreshing[key] = true
	}
	c.mu.Unlock()
	switch {
	case usable && !refresh:
		out := *hit.resp
		return &out
	case refresh:
		defer func() {
			c.mu.Lock()
			delete(c.refreshing, key)
			c.mu.Unlock()
		}()
		return c.compute(ctx, key, now, next)
	}
	// No entry, or one too old (first request, a staff change moved the key on, a quiet
	// store): one request computes it for all that want it at once.
	computed := false // by this request: next answers once, so its answer is the one
	shared, _, _ := c.misses.Do(key, func() (any, error) {
		// A request that missed just as another's computation ended finds its entry here.
		c.mu.Lock()
		hit, found := c.entries.Get(ctx, key)
		c.mu.Unlock()
		if found && now.Before(hit.expires) {
			return hit.resp, nil
		}
		computed = true
		return c.compute(ctx, key, now, next), nil
	})
	resp, _ := shared.(*graphql.Response)
	if computed {
		return resp // its errors included
	}
	if resp == nil || len(resp.Errors) > 0 {
		// The one that computed it failed, maybe for reasons of its own (it went away):
		// this request tries for itself.
		return next(ctx)
	}
	out := *resp
	return &out
}

// compute answers the request and keeps an answer without errors for ttl.
func (c *catalogCache) compute(ctx context.Context, key string, now time.Time, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp != nil && len(resp.Errors) == 0 {
		c.mu.Lock()
		c.entries.Add(ctx, key, cachedResponse{resp: resp, expires: now.Add(c.lifeLocked())})
		c.mu.Unlock()
	}
	return resp
}

// key identifies a cacheable read, or says it is not one.
func (c *catalogCache) key(ctx context.Context, oc *graphql.OperationContext) (string, bool) {
	if oc.Operation.Operation != ast.Query {
		return "", false
	}
	v := viewer.FromContext(ctx)
	if v.StoreID == 0 || (v.Kind != viewer.Anonymous && v.Kind != viewer.PublishableKey) {
		return "", false
	}
	if !onlyFields(oc.Operation.SelectionSet, cacheableRootFields) {
		return "", false
	}
	vars, err := json.Marshal(oc.Variables) // map keys are sorted: equal variables, equal bytes
	if err != nil {
		return "", false
	}
	c.mu.Lock()
	tenantGen := c.tenants[v.TenantID]
	c.mu.Unlock()
	return strconv.FormatUint(c.changes.Load(), 10) + "|" + strconv.FormatUint(tenantGen, 10) + "|" + strconv.Itoa(v.StoreID) + "|" +
		oc.OperationName + "|" + oc.RawQuery + "|" + string(vars), true
}
