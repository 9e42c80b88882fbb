package server

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/dakkah/cityos/graph/generated"
)

const spreadingDoc = `query { ...F0 } fragment F0 on Query { ...F1 } fragment F1 on Query { me { id } }`

// A request whose client went away stops its document checks at the next fragment.
func TestChecksStopWhenTheClientLeaves(t *testing.T) {
	gone, cancel := context.WithCancel(context.Background())
	cancel()

	doc, err := parser.ParseQuery(&ast.Source{Input: spreadingDoc})
	require.NoError(t, err)
	assert.Nil(t, checkDocument(context.Background(), doc))
	assert.NotNil(t, checkDocument(gone, doc))

	cfg := generated.Config{}
	setComplexity(&cfg.Complexity, generated.NewExecutableSchema(cfg).Schema())
	es := generated.NewExecutableSchema(cfg)
	q := &queryCost{max: 1000}
	require.NoError(t, q.Validate(es))
	validated, errs := gqlparser.LoadQuery(es.Schema(), spreadingDoc)
	require.Empty(t, errs)
	oc := &graphql.OperationContext{Doc: validated, Operation: validated.Operations[0]}
	assert.Nil(t, q.MutateOperationContext(context.Background(), oc))
	assert.NotNil(t, q.MutateOperationContext(gone, oc))
}
