package server

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/viewer"
)

// gridRequest is the context of an anonymous shopper's products query in store 1.
func gridRequest() context.Context {
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: 1})
	return graphql.WithOperationContext(ctx, &graphql.OperationContext{
		RawQuery: "{ products { edges { node { id } } } }",
		Operation: &ast.OperationDefinition{Operation: ast.Query,
			SelectionSet: ast.SelectionSet{&ast.Field{Name: "products"}}},
	})
}

// computations is a response handler that numbers the responses it computes.
type computations struct {
	mu     sync.Mutex
	n      int
	during func() // runs inside the computation, when set
}

func (c *computations) next(context.Context) *graphql.Response {
	c.mu.Lock()
	c.n++
	n := c.n
	during := c.during
	c.mu.Unlock()
	if during != nil {
		during()
	}
	return &graphql.Response{Data: json.RawMessage(strconv.Itoa(n))}
}

func (c *computations) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func TestExpiredCatalogEntryIsServedWhileOneRequestRefreshesIt(t *testing.T) {
	cache := newCatalogCache(time.Second, nil)
	clock := time.Unix(1_000_000, 0)
	cache.now = func() time.Time { return clock }
	pages := &computations{}
	ask := func() string { return string(cache.InterceptResponse(gridRequest(), pages.next).Data) }

	require.Equal(t, "1", ask(), "a miss is computed")
	require.Equal(t, "1", ask(), "then served")

	clock = clock.Add(1500 * time.Millisecond) // expired, within a TTL of expiry
	var meanwhile []string
	pages.during = func() { meanwhile = append(meanwhile, ask(), ask()) }
	require.Equal(t, "2", ask(), "the first request after expiry computes the page again")
	require.Equal(t, []string{"1", "1"}, meanwhile, "requests during the refresh get the expired page at once")
	require.Equal(t, 2, pages.count())
	pages.during = nil
	require.Equal(t, "2", ask(), "then the refreshed page is served")

	clock = clock.Add(3 * time.Second) // more than a TTL past expiry: too old to serve
	require.Equal(t, "3", ask())
	require.Equal(t, 3, pages.count())
}

func TestConcurrentCatalogMissesShareOneAnswer(t *testing.T) {
	cache := newCatalogCache(time.Second, nil)
	pages := &computations{}
	const requests = 8
	var asking sync.WaitGroup
	asking.Add(requests)
	// The first computation lasts until every request has been made: each of the others
	// either waits for it or, arriving after it, finds its entry.
	pages.during = func() { asking.Wait() }
	answers := make(chan string, requests)
	var done sync.WaitGroup
	for range requests {
		done.Add(1)
		go func() {
			defer done.Done()
			asking.Done()
			answers <- string(cache.InterceptResponse(gridRequest(), pages.next).Data)
		}()
	}
	done.Wait()
	close(answers)
	for a := range answers {
		require.Equal(t, "1", a)
	}
	require.Equal(t, 1, pages.count(), "one computation for all")
}
