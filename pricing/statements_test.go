package pricing_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/testenv"
)

// statements records the SQL statements a client runs: all of them, and those run while
// resolving GraphQL fields (the ones a page size could multiply).
type statements struct {
	mu       sync.Mutex
	all      []string
	resolved []string
}

func (s *statements) record(ctx context.Context, query string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, query)
	if graphql.GetFieldContext(ctx) != nil {
		s.resolved = append(s.resolved, query)
	}
}

func (s *statements) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all, s.resolved = nil, nil
}

func (s *statements) counts() (all, resolved int, list []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.resolved {
		if len(q) > 100 {
			q = q[:100] + "…"
		}
		list = append(list, q)
	}
	return len(s.all), len(s.resolved), list
}

// countingDriver is a dialect.Driver that records every statement run through it.
type countingDriver struct {
	*entsql.Driver
	log *statements
}

func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.log.record(ctx, query)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.log.record(ctx, query)
	return d.Driver.Query(ctx, query, args, v)
}

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.BeginTx(ctx, nil)
}

func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.Driver.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countingTx{Tx: tx, log: d.log}, nil
}

type countingTx struct {
	dialect.Tx
	log *statements
}

func (t countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.log.record(ctx, query)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.log.record(ctx, query)
	return t.Tx.Query(ctx, query, args, v)
}

// countedAPI is the whole API over db through a counting driver.
func countedAPI(t *testing.T, db *testenv.DB) (*testenv.API, *statements) {
	t.Helper()
	name := map[string]string{"sqlite": dialect.SQLite, "postgres": dialect.Postgres}[db.Dialect]
	log := &statements{}
	client := ent.NewClient(ent.Driver(countingDriver{Driver: entsql.OpenDB(name, db.SQL), log: log}))
	rdb, addr := testenv.Redis(t)
	app, err := platform.Assemble(testenv.Config(), slog.New(slog.NewTextHandler(io.Discard, nil)), client, db.SQL, rdb, addr)
	require.NoError(t, err)
	return &testenv.API{App: app, Handler: app.Handler(), DB: db}, log
}

// addGrid puts n products of 3 variants each, priced in SAR and stocked, in store A1.
func addGrid(t *testing.T, c *testenv.Commerce, n int) {
	t.Helper()
	cl := c.API.DB.Client
	ctx := sys()
	ps := make([]*ent.ProductCreate, n)
	for i := range ps {
		ps[i] = cl.Product.Create().SetTenantID(c.TenantA.ID).SetTitle(fmt.Sprintf("Grid %02d", i)).
			SetHandle(fmt.Sprintf("grid-%02d", i)).SetStatus("published").AddSalesChannelIDs(c.ChannelA1.ID)
	}
	products, err := cl.Product.CreateBulk(ps...).Save(ctx)
	require.NoError(t, err)
	var vs []*ent.ProductVariantCreate
	for i, p := range products {
		for j := 0; j < 3; j++ {
			vs = append(vs, cl.ProductVariant.Create().SetTenantID(c.TenantA.ID).SetProductID(p.ID).
				SetTitle(fmt.Sprintf("Size %d", j)).SetSku(fmt.Sprintf("GRID-%02d-%d", i, j)))
		}
	}
	variants, err := cl.ProductVariant.CreateBulk(vs...).Save(ctx)
	require.NoError(t, err)
	var prices []*ent.PriceCreate
	var levels []*ent.InventoryLevelCreate
	for i, v := range variants {
		prices = append(prices, cl.Price.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(int64(1000+i)))
		if i%2 == 0 { // half of them with a price of their own in the SAR region
			prices = append(prices, cl.Price.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(int64(900+i)).SetRegionID(c.SAR.ID))
		}
		levels = append(levels, cl.InventoryLevel.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetLocationID(c.LocationA.ID).SetStockedQuantity(i))
	}
	require.NoError(t, cl.Price.CreateBulk(prices...).Exec(ctx))
	require.NoError(t, cl.InventoryLevel.CreateBulk(levels...).Exec(ctx))
}

const gridQ = `query($n: Int!, $r: ID) {
  products(first: $n, regionId: $r) {
    edges { node { id title variants { id sku availableQuantity calculatedPrice { amount currencyCode } } } }
  }
}`

// TestStorefrontGridHasNoNPlusOne: the storefront grid runs as many statements for a page
// of 20 products as for a page of 2; a variant's price and availability come from one
// query each for the whole page.
func TestStorefrontGridHasNoNPlusOne(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		addGrid(t, c, 25)
		api, log := countedAPI(t, db)
		shop := c.As(testenv.PublishableA)

		run := func(n int) (all, resolved int, list []string) {
			t.Helper()
			log.reset()
			var out struct {
				Products struct {
					Edges []struct {
						Node struct {
							Title    string
							Variants []variantNode
						}
					}
				}
			}
			api.MustDo(t, shop, gridQ, map[string]any{"n": n, "r": id(c.SAR.ID)}).Decode(t, &out)
			require.Len(t, out.Products.Edges, n)
			for _, e := range out.Products.Edges {
				require.NotEmpty(t, e.Node.Variants, e.Node.Title)
				for _, v := range e.Node.Variants {
					require.NotNil(t, v.CalculatedPrice, v.Sku)
					require.Equal(t, "SAR", v.CalculatedPrice.CurrencyCode)
				}
			}
			return log.counts()
		}
		run(2) // warm the caches a first request fills (the key's last use, store resolution)
		all2, resolved2, list2 := run(2)
		all20, resolved20, list20 := run(20)
		t.Logf("%s: N=2: %d statements (%d in resolvers); N=20: %d statements (%d in resolvers)", db.Dialect, all2, resolved2, all20, resolved20)
		require.Equal(t, resolved2, resolved20, "statements in resolvers\nN=2: %q\nN=20: %q", list2, list20[:min(len(list20), 20)])
		require.Equal(t, all2, all20, "statements in the request")
		require.LessOrEqual(t, resolved20, 6, "products, variants, region, prices, levels: %q", list20)
	})
}
