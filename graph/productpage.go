package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/viewer"
)

// A storefront grid or product page shows a price and a stock figure for every variant
// it lists. The root field (products, productByHandle) checks the region and currency
// once (pricing.Basis) and registers the page it returns: each variant it loaded points
// at the page, which carries the basis down and loads prices and stock for all of its
// variants in one query each, the first time a variant asks. A variant outside a page (a
// cart line's, one reached through another edge) has no basis and is loaded on its own.

// productPage is one products or productByHandle result of a request.
type productPage struct {
	basis      pricing.Basis
	variantIDs []int
	// priceTags: the page's prices are asked for their amount, currency and region at
	// most, so only those are read (see pricing.PriceTagsByVariant).
	priceTags bool
	prices    pageLoad[[]*ent.Price]
	stock     pageLoad[int]
}

// pageLoad is one batch load of a page, run once.
type pageLoad[T any] struct {
	once sync.Once
	vals map[int]T
	err  error
}

// get returns variant id's value, loading every variant of p with load the first time.
// The load runs in a system context: the page holds only variants of products the
// caller was shown through the privacy policy, and a product's parts (its variants'
// prices and stock) are visible exactly when the product is; without the caller's
// catalog predicate repeated inside them, the loads are cheap to plan and to run.
func (l *pageLoad[T]) get(ctx context.Context, p *productPage, kind string, id int,
	load func(context.Context, []int) (map[int]T, error)) (T, error) {
	l.once.Do(func() { l.vals, l.err = load(viewer.SystemContext(ctx, "productpage:"+kind), p.variantIDs) })
	return l.vals[id], l.err
}

// productPages are a request's pages, by the variants they loaded. Variants are found by
// pointer: two pages of one request (aliases with other regions) hold rows of their own.
type productPages struct {
	mu        sync.Mutex
	byVariant map[*ent.ProductVariant]*productPage
}

type productPagesKey struct{}

func pagesOf(ctx context.Context) *productPages {
	ps, _ := reqcache.Load(ctx, productPagesKey{}, func() (*productPages, error) {
		return &productPages{byVariant: map[*ent.ProductVariant]*productPage{}}, nil
	})
	return ps
}

// pageOf is the page v was loaded with, nil when none.
func pageOf(ctx context.Context, v *ent.ProductVariant) *productPage {
	ps := pagesOf(ctx)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.byVariant[v]
}

// registerPage records the page of products a root field returns, priced on basis. path
// leads from the root field's selection to its products (edges, node for a connection);
// the variants registered are those loaded under each alias of their variants field.
func registerPage(ctx context.Context, basis pricing.Basis, products []*ent.Product, path ...string) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(products) == 0 {
		return
	}
	op := graphql.GetOperationContext(ctx)
	variants := variantFields(op, fc.Field.Selections, path)
	p := &productPage{basis: basis, priceTags: onlyPriceTags(op, variants)}
	ps := pagesOf(ctx)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, f := range variants {
		for _, pr := range products {
			vs, err := pr.NamedVariants(f.Alias)
			if err != nil {
				continue
			}
			for _, v := range vs {
				if _, seen := ps.byVariant[v]; !seen {
					ps.byVariant[v] = p
					p.variantIDs = append(p.variantIDs, v.ID)
				}
			}
		}
	}
}

// satisfies are the type names a selection on each step of a path may be fragmented on.
var satisfies = map[string][]string{
	"edges": {"ProductEdge"},
	"node":  {"Product", "Node"},
}

// variantColumnOf are the columns of the ProductVariant fields that read one.
var variantColumnOf = map[string]string{
	"id": productvariant.FieldID, "createdAt": productvariant.FieldCreatedAt, "updatedAt": productvariant.FieldUpdatedAt,
	"tenantID": productvariant.FieldTenantID, "productID": productvariant.FieldProductID, "title": productvariant.FieldTitle,
	"sku": productvariant.FieldSku, "optionValues": productvariant.FieldOptionValues, "barcode": productvariant.FieldBarcode,
	"weight": productvariant.FieldWeight, "length": productvariant.FieldLength, "width": productvariant.FieldWidth,
	"height": productvariant.FieldHeight, "images": productvariant.FieldImages,
	"manageInventory": productvariant.FieldManageInventory, "allowBackorder": productvariant.FieldAllowBackorder,
}

// variantByKey are the ProductVariant fields resolved from its id and tenant alone.
var variantByKey = map[string]bool{"calculatedPrice": true, "availableQuantity": true, "prices": true, "__typename": true}

// pageColumns has the variants a products field loads (along path) read only the columns
// its selection shows, when every field it selects is a column or is resolved from the
// variant's keys; anything else (an edge, which may read more) reads them all.
func pageColumns(ctx context.Context, path ...string) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ctx
	}
	op := graphql.GetOperationContext(ctx)
	variants := variantFields(op, fc.Field.Selections, path)
	if len(variants) == 0 {
		return ctx
	}
	cols := []string{productvariant.FieldID, productvariant.FieldProductID, productvariant.FieldTenantID}
	seen := map[string]bool{}
	for _, c := range cols {
		seen[c] = true
	}
	for _, v := range variants {
		for _, f := range graphql.CollectFields(op, v.Selections, []string{"ProductVariant", "Node"}) {
			if variantByKey[f.Name] {
				continue
			}
			c, ok := variantColumnOf[f.Name]
			if !ok {
				return ctx
			}
			if !seen[c] {
				seen[c] = true
				cols = append(cols, c)
			}
		}
	}
	return catalog.WithVariantColumns(ctx, cols)
}

// priceTagFields are the fields of a Price that PriceTagsByVariant reads.
var priceTagFields = map[string]bool{"amount": true, "currencyCode": true, "regionID": true, "__typename": true}

// onlyPriceTags says whether every prices field under the variants fields selects price
// tags only.
func onlyPriceTags(op *graphql.OperationContext, variants []graphql.CollectedField) bool {
	for _, v := range variants {
		for _, f := range graphql.CollectFields(op, v.Selections, []string{"ProductVariant", "Node"}) {
			if f.Name != "prices" {
				continue
			}
			for _, pf := range graphql.CollectFields(op, f.Selections, []string{"Price", "Node"}) {
				if !priceTagFields[pf.Name] {
					return false
				}
			}
		}
	}
	return true
}

// variantFields are the Product.variants fields reached from sel along path.
func variantFields(op *graphql.OperationContext, sel ast.SelectionSet, path []string) []graphql.CollectedField {
	sets := []ast.SelectionSet{sel}
	types := []string{"ProductConnection"}
	if len(path) == 0 {
		types = satisfies["node"]
	}
	for _, step := range append(path, "variants") {
		var next []ast.SelectionSet
		var found []graphql.CollectedField
		for _, s := range sets {
			for _, f := range graphql.CollectFields(op, s, types) {
				if f.Name == step {
					next = append(next, f.Selections)
					found = append(found, f)
				}
			}
		}
		if step == "variants" {
			return found
		}
		sets, types = next, satisfies[step]
	}
	return nil
}

// connectionProducts are the products of a page of a connection.
func connectionProducts(c *ent.ProductConnection) []*ent.Product {
	if c == nil {
		return nil
	}
	out := make([]*ent.Product, 0, len(c.Edges))
	for _, e := range c.Edges {
		if e != nil && e.Node != nil {
			out = append(out, e.Node)
		}
	}
	return out
}

// calculatedPrice is v's price on its page's basis, nil outside a page.
func (r *Resolver) calculatedPrice(ctx context.Context, v *ent.ProductVariant) (*pricing.Money, error) {
	p := pageOf(ctx, v)
	if p == nil || p.basis.Currency == "" {
		return nil, nil
	}
	prices, err := p.prices.get(ctx, p, "prices", v.ID, r.pageLoader(p))
	if err != nil {
		return nil, err
	}
	return p.basis.Price(prices), nil
}

// pageLoader is how p's prices are read: their tags only, when that is all it shows.
func (r *Resolver) pageLoader(p *productPage) func(context.Context, []int) (map[int][]*ent.Price, error) {
	if p.priceTags {
		return r.Pricing.PriceTagsByVariant
	}
	return r.Pricing.PricesByVariant
}

// variantPrices are every price of v for the staff of its tenant, none for anybody else.
func (r *Resolver) variantPrices(ctx context.Context, v *ent.ProductVariant) ([]*ent.Price, error) {
	if !pricing.MayListPrices(ctx, v) {
		return []*ent.Price{}, nil
	}
	var prices []*ent.Price
	var err error
	if p := pageOf(ctx, v); p != nil {
		prices, err = p.prices.get(ctx, p, "prices", v.ID, r.pageLoader(p))
	} else {
		prices, err = r.Pricing.VariantPrices(ctx, v.ID)
	}
	if prices == nil && err == nil {
		prices = []*ent.Price{}
	}
	return prices, err
}

// availableQuantity is how many units of v can be sold now (see inventory.Available).
func (r *Resolver) availableQuantity(ctx context.Context, v *ent.ProductVariant) (int, error) {
	if p := pageOf(ctx, v); p != nil {
		return p.stock.get(ctx, p, "stock", v.ID, r.Inventory.AvailableByVariant)
	}
	return r.Inventory.Available(ctx, v.ID)
}
