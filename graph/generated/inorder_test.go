package generated

import (
	"context"
	"strconv"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/require"
)

// Each element is marshalled in order, in a field context of its own that knows its
// index and its list's, and a panic in one element is that element's null and error.
func TestMarshalSliceInOrder(t *testing.T) {
	list := &graphql.FieldContext{Field: graphql.CollectedField{}}
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	ctx = graphql.WithFieldContext(ctx, list)
	var order []int
	out := marshalSliceInOrder(ctx, 3, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		fc := graphql.GetFieldContext(ctx)
		require.NotNil(t, fc.Index)
		require.Equal(t, i, *fc.Index)
		require.Same(t, list, fc.Parent)
		order = append(order, i)
		if i == 1 {
			panic("element 1")
		}
		return graphql.MarshalString(strconv.Itoa(i))
	})
	require.Equal(t, []int{0, 1, 2}, order)
	require.Len(t, out, 3)
	require.Equal(t, graphql.Null, out[1])
	require.Len(t, graphql.GetErrors(ctx), 1)
}

func BenchmarkMarshalSliceInOrder(b *testing.B) {
	ctx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{})
	b.ReportAllocs()
	for b.Loop() {
		marshalSliceInOrder(ctx, 150, 0, true, func(context.Context, int) graphql.Marshaler { return graphql.Null })
	}
}
