package schema

import (
	"context"

	"entgo.io/ent"

	"github.com/dakkah/cityos/catalog"
	gen "github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/intercept"
)

// Interceptors narrows a read of variants to the columns the request's products read
// named (catalog.WithVariantColumns).
func (ProductVariant) Interceptors() []ent.Interceptor {
	return []ent.Interceptor{
		intercept.TraverseProductVariant(func(ctx context.Context, q *gen.ProductVariantQuery) error {
			if cols := catalog.VariantColumns(ctx); cols != nil {
				q.Select(cols...)
			}
			return nil
		}),
	}
}
