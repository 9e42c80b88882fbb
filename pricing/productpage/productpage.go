// Package productpage finds the page of products a GraphQL request is rendering, so the
// per-variant fields of a storefront grid (prices, availability) are loaded for the whole
// page in one query each instead of one query per variant.
//
// The page is the result of the enclosing `products` or `productByHandle` field: a
// variant's resolver walks its field context up to that field, collects the variants
// loaded with the page (the products resolver eager-loads them) and runs one batch load
// for all of them, memoised in the request cache (package reqcache) under the page.
package productpage

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/viewer"
)

// The query fields whose results are pages of products, and whose arguments regionId and
// currencyCode choose the variants' calculated price.
const (
	productsField        = "products"
	productByHandleField = "productByHandle"
	variantsField        = "variants"
)

// Page is the enclosing products field of a variant field, as found in its context.
type Page struct {
	field *graphql.FieldContext
	// variantsAlias is the response name of the variants field on the way down from the
	// page: the products resolver eager-loads variants under it.
	variantsAlias string
}

// Enclosing returns the products or productByHandle field ctx is resolved under, if any.
func Enclosing(ctx context.Context) (*Page, bool) {
	var alias string
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Field.Field == nil { // a list element
			continue
		}
		switch {
		case fc.Object == "Product" && fc.Field.Name == variantsField && alias == "":
			alias = fc.Field.Alias
		case fc.Object == "Query" && (fc.Field.Name == productsField || fc.Field.Name == productByHandleField):
			if fc.Result == nil {
				return nil, false
			}
			return &Page{field: fc, variantsAlias: alias}, true
		}
	}
	return nil, false
}

// RegionID is the page's regionId argument.
func (p *Page) RegionID() *int {
	v, _ := p.field.Args["regionId"].(*int)
	return v
}

// CurrencyCode is the page's currencyCode argument.
func (p *Page) CurrencyCode() *string {
	v, _ := p.field.Args["currencyCode"].(*string)
	return v
}

// Args returns the regionId and currencyCode of the products field ctx is resolved under,
// nil outside one or when it was not given them.
func Args(ctx context.Context) (regionID *int, currencyCode *string) {
	p, ok := Enclosing(ctx)
	if !ok {
		return nil, nil
	}
	return p.RegionID(), p.CurrencyCode()
}

// key identifies the page within the request: its result, which one execution of the
// field produced.
func (p *Page) key() any { return p.field.Result }

func (p *Page) products() []*ent.Product {
	switch r := p.field.Result.(type) {
	case *ent.ProductConnection:
		out := make([]*ent.Product, 0, len(r.Edges))
		for _, e := range r.Edges {
			if e != nil && e.Node != nil {
				out = append(out, e.Node)
			}
		}
		return out
	case *ent.Product:
		return []*ent.Product{r}
	}
	return nil
}

// Scope is what a batch load covers: the variants loaded with the page or, when the page
// was loaded without them, every variant of its products. Exactly one is set.
type Scope struct {
	VariantIDs []int
	ProductIDs []int
}

func (p *Page) scope() Scope {
	ps := p.products()
	var s Scope
	for _, pr := range ps {
		vs, err := pr.NamedVariants(p.variantsAlias)
		if err != nil {
			vs, err = pr.Edges.VariantsOrErr()
		}
		if err != nil { // not eager-loaded: cover the page by its products instead
			s = Scope{}
			for _, pr := range ps {
				s.ProductIDs = append(s.ProductIDs, pr.ID)
			}
			return s
		}
		for _, v := range vs {
			s.VariantIDs = append(s.VariantIDs, v.ID)
		}
	}
	return s
}

// batch is one load for a page: values by variant id, and what the load covered.
type batch[T any] struct {
	values   map[int]T
	variants map[int]bool
	products map[int]bool
}

func (b *batch[T]) covers(v *ent.ProductVariant) bool {
	return b.variants[v.ID] || b.products[v.ProductID]
}

type batchKey struct {
	kind string
	page any
}

// ForVariant returns v's value of a kind (prices, stock levels…). Under a products page
// the first call of the request runs many once for the whole page and every variant of
// the page reads from its result (a variant it has no entry for gets the zero value);
// a variant outside a page, or one the page's load did not cover, is loaded by one.
//
// many runs in a system context: its scope holds only products and variants the caller
// was shown through the privacy policy, and a product's parts (its variants' prices and
// stock) are visible exactly when the product is. Without the caller's catalog predicate
// repeated inside them, the page's loads are cheap to plan and to run.
func ForVariant[T any](ctx context.Context, kind string, v *ent.ProductVariant,
	many func(context.Context, Scope) (map[int]T, error), one func() (T, error)) (T, error) {
	p, ok := Enclosing(ctx)
	if !ok {
		return one()
	}
	b, err := reqcache.Load(ctx, batchKey{kind: kind, page: p.key()}, func() (*batch[T], error) {
		s := p.scope()
		b := &batch[T]{variants: set(s.VariantIDs), products: set(s.ProductIDs)}
		if len(s.VariantIDs) == 0 && len(s.ProductIDs) == 0 {
			return b, nil
		}
		vals, err := many(viewer.SystemContext(ctx, "productpage:"+kind), s)
		b.values = vals
		return b, err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	if !b.covers(v) {
		return one()
	}
	return b.values[v.ID], nil
}

func set(ids []int) map[int]bool {
	m := make(map[int]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
