package pricing

import (
	"context"
	"sync"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/viewer"
)

// maxKept bounds how many rows of one kind a reference cache holds; when full it starts
// over, which costs a read per row and never a wrong answer.
const maxKept = 10_000

// reference keeps rows by id for up to ttl. Every cart total and every checkout needs
// its region's tax rule and its shipping option's amount, and both change seldom, so
// they are served from memory: a change made through this instance's Service is seen
// at once, one made on another instance within ttl, as with the storefront catalog
// cache. With ttl 0 every call reads.
type reference[V any] struct {
	ttl  time.Duration
	now  func() time.Time
	mu   sync.Mutex
	kept map[int]keptRow[V]
}

type keptRow[V any] struct {
	row *V
	at  time.Time
}

func newReference[V any](ttl time.Duration, now func() time.Time) *reference[V] {
	return &reference[V]{ttl: ttl, now: now, kept: map[int]keptRow[V]{}}
}

// get returns a copy of the row with id, kept or read by load (a failed read is not
// kept). Copies, so no caller can change what the next one is served.
func (r *reference[V]) get(id int, load func() (*V, error)) (*V, error) {
	if r.ttl <= 0 {
		return load()
	}
	r.mu.Lock()
	k, ok := r.kept[id]
	r.mu.Unlock()
	if ok && r.now().Sub(k.at) < r.ttl {
		cp := *k.row
		return &cp, nil
	}
	at := r.now()
	row, err := load()
	if err != nil {
		return nil, err
	}
	cp := *row
	r.mu.Lock()
	if len(r.kept) >= maxKept {
		clear(r.kept)
	}
	r.kept[id] = keptRow[V]{row: &cp, at: at}
	r.mu.Unlock()
	return row, nil
}

// forget drops the row with id, after this instance changed or deleted it.
func (r *reference[V]) forget(id int) {
	r.mu.Lock()
	delete(r.kept, id)
	r.mu.Unlock()
}

// refs is the reference data a Service serves to carts and checkout.
type refs struct {
	regions *reference[ent.Region]
	options *reference[ent.ShippingOption]
}

func newRefs(ttl time.Duration, now func() time.Time) refs {
	return refs{regions: newReference[ent.Region](ttl, now), options: newReference[ent.ShippingOption](ttl, now)}
}

// refCtx is the context reference rows are read in: the caller holds a row naming them
// (a cart), which is what entitles it to them.
func refCtx(ctx context.Context) context.Context {
	return viewer.SystemContext(ctx, "pricing-reference")
}

// RegionOf is the region with id, for a caller holding a row that names it (a cart): it
// is read in the system context, and served from memory for up to the Service's
// reference TTL (see CacheReference).
func (s *Service) RegionOf(ctx context.Context, id int) (*ent.Region, error) {
	return s.refs.regions.get(id, func() (*ent.Region, error) { return s.client.Region.Get(refCtx(ctx), id) })
}

// ShippingOptionOf is the shipping option with id, for a caller holding a row that names
// it, as RegionOf.
func (s *Service) ShippingOptionOf(ctx context.Context, id int) (*ent.ShippingOption, error) {
	return s.refs.options.get(id, func() (*ent.ShippingOption, error) {
		return s.client.ShippingOption.Get(refCtx(ctx), id)
	})
}
