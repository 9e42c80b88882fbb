package inbound

import (
	"context"
	"sort"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/stocklocation"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/tenancy"
)

// change is one supported webhook type, parsed and validated from its data.
type change interface {
	// apply makes the change through the capability services, within a's transaction.
	apply(ctx context.Context, a applier) error
}

// applier is what a change is applied with: the services over the transaction that
// also marks the webhook applied, and the endpoint's scope.
type applier struct {
	tx        *ent.Tx
	tenantID  int
	storeID   *int // the endpoint's store limit
	catalog   *catalog.Service
	pricing   *pricing.Service
	inventory *inventory.Service
	tenancy   *tenancy.Service
}

// changes are the supported types and how to read each one's data.
var changes = map[string]func(fields) (change, error){
	"product.upsert": parseProductUpsert,
	"product.delete": parseProductDelete,
	"inventory.set":  parseInventorySet,
	"price.set":      parsePriceSet,
	"store.update":   parseStoreUpdate,
}

func supportedTypes() []string {
	out := make([]string, 0, len(changes))
	for t := range changes {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// errStoreLimited refuses a tenant-wide change (the catalog, prices and stock are shared
// by the tenant's stores) to an endpoint limited to one store.
var errStoreLimited = apperr.New(apperr.Forbidden, "an endpoint limited to a store changes only that store: this type changes the tenant's catalog")

// inData names a service's input error by its place in the body ("title" → "data.title").
func inData(err error) error {
	if e, ok := apperr.As(err); ok && e.Field != "" {
		out := *e
		out.Field = "data." + e.Field
		return &out
	}
	return err
}

// variantOf finds the variant a change names by sku or variantId, in the endpoint's tenant.
func (a applier) variantOf(ctx context.Context, sku string, id *int) (*ent.ProductVariant, error) {
	q := a.tx.ProductVariant.Query().Where(productvariant.TenantID(a.tenantID))
	field := "data.sku"
	if id != nil {
		q.Where(productvariant.ID(*id))
		field = "data.variantId"
	} else {
		q.Where(productvariant.Sku(sku))
	}
	v, err := q.First(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.Invalid(field, "no such variant")
	}
	return v, err
}

// locationOf finds the stock location a change names by locationId or name.
func (a applier) locationOf(ctx context.Context, name string, id *int) (*ent.StockLocation, error) {
	q := a.tx.StockLocation.Query().Where(stocklocation.TenantID(a.tenantID))
	field := "data.location"
	if id != nil {
		q.Where(stocklocation.ID(*id))
		field = "data.locationId"
	} else {
		q.Where(stocklocation.Name(name))
	}
	l, err := q.First(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.Invalid(field, "no such stock location")
	}
	return l, err
}

// productOf finds the product a change names by handle or id, in the endpoint's tenant.
func (a applier) productOf(ctx context.Context, handle string, id *int) (*ent.Product, error) {
	q := a.tx.Product.Query().Where(product.TenantID(a.tenantID))
	if id != nil {
		q.Where(product.ID(*id))
	} else {
		q.Where(product.Handle(handle))
	}
	return q.Only(ctx)
}
