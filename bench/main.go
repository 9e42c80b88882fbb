// Command bench seeds a benchmark catalog and drives storefront load against a running
// CityOS server over HTTP, printing throughput, latency percentiles, errors and the
// server's memory.
//
//	go run ./bench seed                       # into DATABASE_URL (or the embedded database)
//	go run ./bench run -scenario grid -c 32 -d 20s -url http://localhost:8080 -pid $(pgrep -f 'cityos serve')
//	go run ./bench events -n 20000 -rate 1000 -d 20s  # the running server's event relay and webhooks
//
// Scenarios: grid (a page of 20 products with variants, prices and stock), product (a
// product page by handle), resolve (resolveStore by host), checkout (create a cart, add
// an item, address, shipping, complete: one order per iteration).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench seed | bench run [flags] | bench events [flags]")
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
