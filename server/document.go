package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Limits on a document's size, checked before gqlparser validates it: validation (and a
// naive complexity walk) expands fragment spreads, so a 2 KB document whose fragments each
// spread the next one twice stands for millions of fields. Counting here is linear: each
// fragment's expanded size is computed once.
const (
	maxFragmentSpreads = 100  // ...F spreads written in the document
	maxAliases         = 100  // fields renamed with an alias
	maxExpandedFields  = 2000 // fields once every spread is replaced by its fragment
)

// documentLimits refuses oversized documents before they are validated.
type documentLimits struct {
	passed *lru.LRU[struct{}] // documents already checked and found within the limits
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentLimits{}

func newDocumentLimits() documentLimits {
	return documentLimits{passed: lru.New[struct{}](1000)}
}

func (documentLimits) ExtensionName() string                   { return "DocumentLimits" }
func (documentLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (d documentLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil
	}
	if _, ok := d.passed.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil // gqlgen reports the syntax error itself
	}
	if err := checkDocument(ctx, doc); err != nil {
		return err
	}
	d.passed.Add(ctx, p.Query, struct{}{})
	return nil
}

// checkDocument counts spreads and aliases as written, and fields as expanded.
func checkDocument(ctx context.Context, doc *ast.QueryDocument) *gqlerror.Error {
	c := docCounter{ctx: ctx, fragments: map[string]*ast.FragmentDefinition{}, size: map[string]int{}}
	for _, f := range doc.Fragments {
		c.fragments[f.Name] = f
	}
	for _, f := range doc.Fragments {
		c.countWritten(f.SelectionSet)
	}
	for _, o := range doc.Operations {
		c.countWritten(o.SelectionSet)
	}
	switch {
	case c.spreads > maxFragmentSpreads:
		return gqlerror.Errorf("the document has %d fragment spreads, more than the limit of %d", c.spreads, maxFragmentSpreads)
	case c.aliases > maxAliases:
		return gqlerror.Errorf("the document has %d aliases, more than the limit of %d", c.aliases, maxAliases)
	}
	for _, o := range doc.Operations {
		n, err := c.expanded(o.SelectionSet)
		if err != nil {
			return err
		}
		if n > maxExpandedFields {
			return gqlerror.Errorf("the operation selects %d fields once its fragments are expanded, more than the limit of %d", n, maxExpandedFields)
		}
	}
	return nil
}

type docCounter struct {
	ctx       context.Context
	fragments map[string]*ast.FragmentDefinition
	size      map[string]int // expanded fields of a fragment; -1 while it is being counted
	spreads   int
	aliases   int
}

func (c *docCounter) countWritten(set ast.SelectionSet) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				c.aliases++
			}
			c.countWritten(s.SelectionSet)
		case *ast.InlineFragment:
			c.countWritten(s.SelectionSet)
		case *ast.FragmentSpread:
			c.spreads++
		}
	}
}

// expanded is the number of fields set stands for, saturating just above the limit.
func (c *docCounter) expanded(set ast.SelectionSet) (int, *gqlerror.Error) {
	n := 0
	for _, sel := range set {
		var k int
		var err *gqlerror.Error
		switch s := sel.(type) {
		case *ast.Field:
			k, err = c.expanded(s.SelectionSet)
			k++
		case *ast.InlineFragment:
			k, err = c.expanded(s.SelectionSet)
		case *ast.FragmentSpread:
			k, err = c.fragment(s.Name)
		}
		if err != nil {
			return 0, err
		}
		if n += k; n > maxExpandedFields {
			return maxExpandedFields + 1, nil
		}
	}
	return n, nil
}

func (c *docCounter) fragment(name string) (int, *gqlerror.Error) {
	if n, ok := c.size[name]; ok {
		if n < 0 {
			return 0, gqlerror.Errorf("fragment %s spreads itself", name)
		}
		return n, nil
	}
	f := c.fragments[name]
	if f == nil {
		return 0, nil // validation names the unknown fragment
	}
	if err := c.ctx.Err(); err != nil {
		return 0, gqlerror.Errorf("the request was cancelled")
	}
	c.size[name] = -1
	n, err := c.expanded(f.SelectionSet)
	if err != nil {
		return 0, err
	}
	c.size[name] = n
	return n, nil
}
