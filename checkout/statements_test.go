package checkout_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/testenv"
)

// statementLog records the SQL statements a client runs.
type statementLog struct {
	mu  sync.Mutex
	all []string
}

func (s *statementLog) record(query string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, query)
}

func (s *statementLog) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.all
	s.all = nil
	return out
}

type countingDriver struct {
	*entsql.Driver
	log *statementLog
}

func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.log.record(query)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.log.record(query)
	return d.Driver.Query(ctx, query, args, v)
}

// ExecContext and QueryContext are what ent.Client.ExecContext/QueryContext reach (raw SQL).
func (d countingDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	d.log.record(query)
	return d.Driver.ExecContext(ctx, query, args...)
}

func (d countingDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	d.log.record(query)
	return d.Driver.QueryContext(ctx, query, args...)
}

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	d.log.record("BEGIN")
	tx, err := d.Driver.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return countingTx{Tx: tx, log: d.log}, nil
}

type countingTx struct {
	dialect.Tx
	log *statementLog
}

func (t countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.log.record(query)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.log.record(query)
	return t.Tx.Query(ctx, query, args, v)
}

func (t countingTx) Commit() error {
	t.log.record("COMMIT")
	return t.Tx.Commit()
}

func (t countingTx) Rollback() error {
	t.log.record("ROLLBACK")
	return t.Tx.Rollback()
}

// TestCheckoutStatements counts the statements one storefront checkout runs, in the
// three requests the bench sends (see bench/scenarios.go).
func TestCheckoutStatements(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		name := map[string]string{"sqlite": dialect.SQLite, "postgres": dialect.Postgres}[db.Dialect]
		log := &statementLog{}
		client := ent.NewClient(ent.Driver(countingDriver{Driver: entsql.OpenDB(name, db.SQL), log: log}))
		rdb, addr := testenv.Redis(t)
		app, err := platform.Assemble(testenv.Config(), slog.New(slog.NewTextHandler(io.Discard, nil)), client, db.SQL, rdb, addr)
		require.NoError(t, err)
		api := &testenv.API{App: app, Handler: app.Handler(), DB: db}
		shop := ct.Guest(c, c.StoreA1)
		addr0 := map[string]any{"firstName": "Bench", "lastName": "Shopper", "address1": "1 King Fahd Rd",
			"city": "Riyadh", "postalCode": "12211", "countryCode": "SA", "phone": "+966500000000"}

		order := func(key string) (counts [3]int, lists [3][]string) {
			var cart struct{ CreateCart struct{ ID string } }
			api.MustDo(t, shop, `mutation($r: ID!) { createCart(input: {regionId: $r, email: "bench@example.com"}) { id } }`,
				map[string]any{"r": ct.ID(c.SAR.ID)}).Decode(t, &cart)
			lists[0] = log.take()
			var set struct{ SetShippingMethod struct{ Total int } }
			api.MustDo(t, shop, `mutation($c: ID!, $v: ID!, $a: AddressInput!, $o: ID!) {
  addLineItem(cartId: $c, variantId: $v, quantity: 1) { id }
  setShippingAddress(cartId: $c, input: $a) { id }
  setShippingMethod(cartId: $c, shippingOptionId: $o) { total }
}`, map[string]any{"c": cart.CreateCart.ID, "v": ct.ID(c.Variants["thobe"].ID), "a": addr0, "o": ct.ID(c.ShipSAR.ID)}).Decode(t, &set)
			require.Equal(t, 27500, set.SetShippingMethod.Total)
			lists[1] = log.take()
			var done struct {
				CompleteCart struct {
					ID        string
					DisplayID int
					Total     int
				}
			}
			api.MustDo(t, shop, `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { id displayID total } }`,
				map[string]any{"c": cart.CreateCart.ID, "k": key}).Decode(t, &done)
			require.Equal(t, 27500, done.CompleteCart.Total)
			require.Positive(t, done.CompleteCart.DisplayID)
			lists[2] = log.take()
			for i := range lists {
				counts[i] = len(lists[i])
			}
			return counts, lists
		}
		log.take()
		order("warm-up") // the caches a first request fills
		counts, lists := order("counted")
		total := counts[0] + counts[1] + counts[2]
		t.Logf("%s: statements per order: create %d, fill %d, complete %d, total %d", db.Dialect,
			counts[0], counts[1], counts[2], total)
		// 66 before the cart and checkout stopped reading rows they had already read.
		require.LessOrEqual(t, total, 47, "statements per order: %q", lists)
		if testing.Verbose() {
			for i, l := range lists {
				for _, q := range l {
					if len(q) > 140 && !strings.Contains(q, "FOR UPDATE") {
						q = q[:140] + "…"
					}
					t.Logf("request %d: %s", i+1, strings.ReplaceAll(q, "\n", " "))
				}
			}
		}
	})
}
