package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/platform"
)

// runFloor serves the floor: the answers of the bench's reads computed with hand-written
// SQL through the platform's own driver and pool (platform.OpenPostgres), written by
// hand, no GraphQL. It is what the same work costs with nothing in between, so `bench
// run -floor` can say how far the API is from it. It answers only the bench's own
// documents, and /static answers whatever bytes were last put to /record: the cost of
// writing a cached answer and nothing else.
func runFloor(args []string) error {
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:8090", "where to listen")
	_ = fs.Parse(args)
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	if cfg.Embedded() {
		return errors.New("the floor reads PostgreSQL: set DATABASE_URL")
	}
	client, db, err := platform.OpenPostgres(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer client.Close()
	issuer, err := auth.NewIssuer([]byte(cfg.JWTSecret), auth.DefaultAccessTTL)
	if err != nil {
		return err
	}
	fc, err := prepareCheckout(context.Background(), db)
	if err != nil {
		return err
	}
	defer fc.close()
	f := &floor{stores: &floorStores{db: db, platform: cfg.PlatformDomain, byHost: map[string]floorStore{}}}
	f.staff = map[string]func(context.Context, int64) ([]byte, error){
		staffOrdersQuery:   func(ctx context.Context, t int64) ([]byte, error) { return floorOrders(ctx, db, t) },
		staffProductsQuery: func(ctx context.Context, t int64) ([]byte, error) { return floorStaffProducts(ctx, db, t) },
	}
	f.admin = func(ctx context.Context, authorization string) (int64, error) {
		return floorAdmin(ctx, db, issuer, authorization)
	}
	f.answers = map[string]floorHandler{
		gridQuery: func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return floorGrid(ctx, db, st, v.Region, false)
		},
		gridRichQuery: func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return floorGrid(ctx, db, st, v.Region, true)
		},
		productQuery: func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return floorProduct(ctx, db, st, v.Handle, v.Region)
		},
		createCartQuery: func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return fc.createCart(ctx, st, v.R)
		},
		fillQuery(1): func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return fc.fill(ctx, st, fillInput{Cart: v.C, Variant: v.V0, Option: v.O, Address: v.A})
		},
		completeQuery: func(ctx context.Context, st floorStore, v floorVars) ([]byte, error) {
			return fc.complete(ctx, st, v.C, v.K)
		},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /graphql", f.graphql)
	mux.HandleFunc("POST /record", f.record)
	mux.HandleFunc("POST /static", f.static)
	mux.HandleFunc("GET /pid", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, os.Getpid()) })
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	fmt.Printf("floor listening on http://%s (graphql, static)\n", *addr)
	return srv.ListenAndServe()
}

// floorVars are the variables of the documents the floor answers: the reads' region and
// handle; the checkout's region (r), cart (c), address (a), shipping option (o), variant
// (v0) and idempotency key (k).
type floorVars struct {
	Region string          `json:"region"`
	Handle string          `json:"handle"`
	R      string          `json:"r"`
	C      string          `json:"c"`
	A      json.RawMessage `json:"a"`
	O      string          `json:"o"`
	V0     string          `json:"v0"`
	K      string          `json:"k"`
}

type floorHandler func(context.Context, floorStore, floorVars) ([]byte, error)

type floor struct {
	stores  *floorStores
	answers map[string]floorHandler
	// staff answers a tenant admin's documents, for the tenant admin checks.
	staff map[string]func(context.Context, int64) ([]byte, error)
	admin func(ctx context.Context, authorization string) (int64, error)

	mu       sync.RWMutex
	recorded []byte
}

func (f *floor) graphql(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Query     string    `json:"query"`
		Variables floorVars `json:"variables"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if staff, ok := f.staff[req.Query]; ok {
		tenantID, err := f.admin(r.Context(), r.Header.Get("Authorization"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		f.write(w, func() ([]byte, error) { return staff(r.Context(), tenantID) })
		return
	}
	answer, ok := f.answers[req.Query]
	if !ok {
		http.Error(w, "the floor answers only the bench's documents", http.StatusBadRequest)
		return
	}
	st, err := f.stores.lookup(r.Context(), r.Header.Get("X-Store-Host"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	f.write(w, func() ([]byte, error) { return answer(r.Context(), st, req.Variables) })
}

func (f *floor) write(w http.ResponseWriter, answer func() ([]byte, error)) {
	body, err := answer()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// record keeps the bytes /static will answer.
func (f *floor) record(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.recorded = b
	f.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// static reads the request as a server must and answers the recorded bytes.
func (f *floor) static(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	f.mu.RLock()
	b := f.recorded
	f.mu.RUnlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
