package catalog

import "context"

type variantColumnsKey struct{}

// WithVariantColumns has every read of variants through ctx select cols alone. A products
// read whose variants show a price and stock (fields no column holds) otherwise reads
// every column of every variant, its images and options decoded, because ent's field
// collection cannot tell what those fields need. The caller names the columns its
// selection needs, keys included, or none to read them all.
func WithVariantColumns(ctx context.Context, cols []string) context.Context {
	if len(cols) == 0 {
		return ctx
	}
	return context.WithValue(ctx, variantColumnsKey{}, cols)
}

// VariantColumns are the columns WithVariantColumns named, nil for all.
func VariantColumns(ctx context.Context) []string {
	cols, _ := ctx.Value(variantColumnsKey{}).([]string)
	return cols
}
