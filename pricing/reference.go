package pricing

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/expiring"
	"github.com/dakkah/cityos/viewer"
)

// maxKept bounds how many rows of one kind the reference caches hold.
const maxKept = 10_000

// refs keeps the regions and shipping options carts and checkout read by id. Every cart
// total and every checkout needs its region's tax rule and its shipping option's amount,
// and both change seldom, so they are served from memory: a change made through this
// instance's Service is seen at once, one made on another instance within the TTL, as
// with the storefront catalog cache. With a TTL of 0 every call reads.
type refs struct {
	regions *expiring.Map[int, *ent.Region]
	options *expiring.Map[int, *ent.ShippingOption]
}

func newRefs(ttl time.Duration, now func() time.Time) refs {
	return refs{
		regions: expiring.New[int, *ent.Region](ttl, maxKept, now),
		options: expiring.New[int, *ent.ShippingOption](ttl, maxKept, now),
	}
}

// copyOf hands each caller a row of its own, so none can change what the next is served.
func copyOf[V any](row *V, err error) (*V, error) {
	if err != nil {
		return nil, err
	}
	cp := *row
	return &cp, nil
}

// refCtx is the context reference rows are read in: the caller holds a row naming them
// (a cart), which is what entitles it to them.
func refCtx(ctx context.Context) context.Context {
	return viewer.SystemContext(ctx, "pricing-reference")
}

// RegionOf is the region with id, for a caller holding a row that names it (a cart): it
// is read in the system context, and served from memory for up to the Service's
// reference TTL (see CacheReference). Callers check it belongs where they use it.
func (s *Service) RegionOf(ctx context.Context, id int) (*ent.Region, error) {
	return copyOf(s.refs.regions.Get(id, func() (*ent.Region, error) { return s.client.Region.Get(refCtx(ctx), id) }))
}

// ShippingOptionOf is the shipping option with id, for a caller holding a row that names
// it, as RegionOf.
func (s *Service) ShippingOptionOf(ctx context.Context, id int) (*ent.ShippingOption, error) {
	return copyOf(s.refs.options.Get(id, func() (*ent.ShippingOption, error) {
		return s.client.ShippingOption.Get(refCtx(ctx), id)
	}))
}
