package main

import (
	"context"
	"encoding/json"
	"fmt"
)

// A write scenario cannot be compared as a read is: the API and the floor each place an
// order of their own, so their answers name different carts and orders. The floor's
// answers must still equal the API's field for field, but for the few values two writes
// never share, which must be there and of the same kind on both sides.

// checkoutVolatile are the values of the checkout's answers two checkouts never share:
// the cart's id (its token, random), the order's id and its number in the store.
var checkoutVolatile = map[string]bool{
	"$.data.createCart.id":          true,
	"$.data.i0.id":                  true,
	"$.data.setShippingAddress.id":  true,
	"$.data.completeCart.id":        true,
	"$.data.completeCart.displayID": true,
}

// alike says two values a write chose may stand for one another: both an ID (a
// non-empty string), or both a positive number.
func alike(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x != "" && y != ""
	case json.Number:
		y, ok := b.(json.Number)
		nx, errX := x.Int64()
		ny, errY := y.Int64()
		return ok && errX == nil && errY == nil && nx > 0 && ny > 0
	}
	return false
}

// flow is a write scenario's requests, run once on a server: the answers, in order.
type flow func(ctx context.Context, c *client) ([][]byte, error)

// sameWrites runs the flow once on the API and once on the floor and checks each answer
// of the floor's equals the API's field for field, but the volatile values.
func sameWrites(ctx context.Context, run flow, volatile map[string]bool, api, floor *client) error {
	a, err := run(ctx, api)
	if err != nil {
		return fmt.Errorf("API: %w", err)
	}
	f, err := run(ctx, floor)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	for i := range a {
		if path, diff := firstDifferenceBut(a[i], f[i], volatile); path != "" {
			return fmt.Errorf("the floor's answer %d differs from the API's at %s: %s", i+1, path, diff)
		}
	}
	fmt.Printf("floor: %d answers of a checkout equal the API's field for field (%d ids and numbers of their own, alike)\n",
		len(a), len(volatile))
	return nil
}

// checkoutFlow is one checkout of one unit of variant, as scenario checkout places it,
// keeping each answer's bytes.
func checkoutFlow(region, option, variant, key string) flow {
	return func(ctx context.Context, c *client) ([][]byte, error) {
		created, err := c.raw(ctx, createCartQuery, map[string]any{"r": region})
		if err != nil {
			return nil, err
		}
		var cart struct {
			Data struct {
				CreateCart struct{ ID string } `json:"createCart"`
			} `json:"data"`
		}
		if err := json.Unmarshal(created, &cart); err != nil || cart.Data.CreateCart.ID == "" {
			return nil, fmt.Errorf("createCart answered %s", created)
		}
		id := cart.Data.CreateCart.ID
		filled, err := c.raw(ctx, fillQuery(1), fillVars(id, option, []string{variant}))
		if err != nil {
			return nil, err
		}
		completed, err := c.raw(ctx, completeQuery, map[string]any{"c": id, "k": key})
		if err != nil {
			return nil, err
		}
		return [][]byte{created, filled, completed}, nil
	}
}
