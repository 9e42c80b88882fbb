// Command bench seeds a benchmark catalog and drives storefront load against a running
// CityOS server over HTTP, printing throughput, latency percentiles, errors and the
// server's memory.
//
//	go run ./bench seed                       # into DATABASE_URL (or the embedded database)
//	go run ./bench seed -tenants 10000        # many small tenants, their stores in bench-stores.tsv
//	go run ./bench floor                      # the same reads from hand-written SQL, on :8090
//	go run ./bench run -scenario grid -c 32 -d 20s -url http://localhost:8080 -pid $(pgrep -f 'cityos serve') \
//	    -floor http://127.0.0.1:8090          # and the ratio to the floor, measured in the same run
//	go run ./bench start -bin ./cityos        # start to ready
//	go run ./bench events -n 20000 -rate 1000 -d 20s  # the running server's event relay and webhooks
//
// Scenarios: grid (a page of 20 products with variants, prices and stock), gridrich (the
// grid with descriptions, options, categories and collections), product (a product page
// by handle), resolve (resolveStore by host), checkout (create a cart, add an item,
// address, shipping, complete: one order per iteration), split (a marketplace order of
// two vendors), orders and products (a tenant admin's lists, 50 a page).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench seed | bench run [flags] | bench floor | bench start | bench events [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "seed":
		err = runSeed(os.Args[2:])
	case "run":
		err = runLoad(os.Args[2:])
	case "floor":
		err = runFloor(os.Args[2:])
	case "start":
		err = runStart(os.Args[2:])
	case "events":
		err = runEvents(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
