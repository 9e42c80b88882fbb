package main

import (
	"context"
	"database/sql"
)

// floorCheckout answers the checkout's documents with statements prepared once, as a
// careful hand-written service would: each runs as one round trip with the plan the
// database keeps, rather than being parsed and planned again for every order (the API's
// driver keeps its statements prepared too, see sqlprep).
type floorCheckout struct {
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

func prepareCheckout(ctx context.Context, db *sql.DB) (*floorCheckout, error) {
	fc := &floorCheckout{db: db, stmts: map[string]*sql.Stmt{}}
	for _, q := range []string{createCartSQL, fillSQL, checkoutReadSQL, bumpCounterAsync, placeSQL} {
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			fc.close()
			return nil, err
		}
		fc.stmts[q] = st
	}
	return fc, nil
}

func (fc *floorCheckout) close() {
	for _, st := range fc.stmts {
		_ = st.Close()
	}
}
