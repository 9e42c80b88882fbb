package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
)

// shopFront is one store of the many-tenants seed, as a storefront calls it: by its host,
// with its publishable key, in its region.
type shopFront struct{ host, key, region string }

// readStores reads the first n stores of a `bench seed -tenants` file.
func readStores(path string, n int) ([]shopFront, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []shopFront
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(out) < n {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s: a line is not host, key and region", path)
		}
		out = append(out, shopFront{parts[0], parts[1], parts[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) < n {
		return nil, fmt.Errorf("%s holds %d stores, not %d: seed more with bench seed -tenants", path, len(out), n)
	}
	return out, nil
}

// warm asks every store's grid once, as many at a time as the run's clients, so a run
// measures a platform that has seen its stores (their resolution, keys and pages), not
// its first minute.
func warm(ctx context.Context, c *client, stores []shopFront, clients int) error {
	work := make(chan shopFront)
	errs := make(chan error, clients)
	for range clients {
		go func() {
			var first error
			for s := range work {
				if err := c.doAs(ctx, s.host, s.key, gridQuery, map[string]any{"region": s.region}, nil); err != nil && first == nil {
					first = fmt.Errorf("%s: %w", s.host, err)
				}
			}
			errs <- first
		}()
	}
	for _, s := range stores {
		work <- s
	}
	close(work)
	var first error
	for range clients {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// rotatingGrid is the grid scenario spread over many stores: each request is the next
// store's first page, asked with its key.
func rotatingGrid(stores []shopFront) plan {
	return plan{on: func(c *client) scenario {
		return func(ctx context.Context, w, i int) (int, error) {
			s := stores[(w*7919+i)%len(stores)]
			return 1, c.doAs(ctx, s.host, s.key, gridQuery, map[string]any{"region": s.region}, nil)
		}
	}}
}
