package main

import (
	"context"
	"fmt"
	"time"
)

// The grid and the product page select what a storefront renders of them: the grid a
// card per product (its images, as a card flips through them), the page everything.
const gridQuery = `query Grid($region: ID) {
  products(first: 20, regionId: $region) {
    totalCount
    edges { node { id handle title subtitle thumbnail images { url alt rank }
      variants { id sku title availableQuantity calculatedPrice { amount currencyCode } } } }
  }
}`

// gridRichQuery is a grid whose cards show more: the description, the options and each
// variant's option values, the category and the collection.
const gridRichQuery = `query GridRich($region: ID) {
  products(first: 20, regionId: $region) {
    totalCount
    edges { node { id handle title subtitle description thumbnail images { url alt rank }
      options { title values } category { name handle } collection { title handle }
      variants { id sku title optionValues availableQuantity calculatedPrice { amount currencyCode } } } }
  }
}`

const productQuery = `query Product($handle: String!, $region: ID) {
  productByHandle(handle: $handle, regionId: $region) {
    id handle title subtitle description productType material originCountry thumbnail tags
    images { url alt rank }
    options { title values }
    variants { id sku title optionValues weight length width height images { url alt rank }
      availableQuantity calculatedPrice { amount currencyCode } }
  }
}`

const resolveQuery = `query Resolve($host: String!) {
  resolveStore(host: $host) { strategy status store { id handle name themeConfig { colors { primary } } } }
}`

// probe is one request of a scenario, to compare the API's answer with the floor's.
type probe struct {
	query string
	vars  map[string]any
}

// plan is a prepared scenario: the load it puts on a server (the API, or for the reads
// the floor) and the requests it makes.
type plan struct {
	on     func(*client) scenario
	probes []probe
	// bearer is the access token the scenario's requests carry, on every server.
	bearer string
	// writes, for a scenario that writes, is what is compared instead of probes: one
	// run of its requests, whose answers may differ in the volatile values only.
	writes   flow
	volatile map[string]bool
}

// newScenario prepares a scenario: it finds the store's SAR region and a few products.
func newScenario(ctx context.Context, name string, c *client) (plan, error) {
	switch name {
	case "orders":
		return staffPlan(ctx, c, staffOrdersQuery)
	case "products":
		return staffPlan(ctx, c, staffProductsQuery)
	}
	var regions struct {
		Regions []struct{ ID, CurrencyCode string } `json:"regions"`
	}
	if err := c.do(ctx, `{ regions { id currencyCode } }`, nil, &regions); err != nil {
		return plan{}, fmt.Errorf("finding the store's regions (is the bench catalog seeded and -host right?): %w", err)
	}
	region := ""
	for _, r := range regions.Regions {
		if r.CurrencyCode == "SAR" {
			region = r.ID
		}
	}
	if region == "" {
		return plan{}, fmt.Errorf("no SAR region for host %s", c.host)
	}
	var page struct {
		Products struct {
			Edges []struct{ Node gridProduct }
		}
	}
	query := gridQuery
	if name == "split" {
		query = splitQuery
	}
	if err := c.do(ctx, query, map[string]any{"region": region}, &page); err != nil {
		return plan{}, err
	}
	if len(page.Products.Edges) == 0 {
		return plan{}, fmt.Errorf("the store at %s sells nothing", c.host)
	}
	handles := make([]string, len(page.Products.Edges))
	variants := make([]string, len(page.Products.Edges))
	for i, e := range page.Products.Edges {
		handles[i], variants[i] = e.Node.Handle, e.Node.Variants[0].ID
	}
	fixed := func(query string) plan {
		p := probe{query, map[string]any{"region": region}}
		return plan{probes: []probe{p}, on: func(c *client) scenario {
			return func(ctx context.Context, _, _ int) (int, error) { return 1, c.do(ctx, p.query, p.vars, nil) }
		}}
	}
	switch name {
	case "grid":
		return fixed(gridQuery), nil
	case "gridrich":
		return fixed(gridRichQuery), nil
	case "product":
		probes := make([]probe, len(handles))
		for i, h := range handles {
			probes[i] = probe{productQuery, map[string]any{"handle": h, "region": region}}
		}
		return plan{probes: probes, on: func(c *client) scenario {
			return func(ctx context.Context, w, i int) (int, error) {
				p := probes[(w+i)%len(probes)]
				return 1, c.do(ctx, p.query, p.vars, nil)
			}
		}}, nil
	case "resolve":
		return plan{on: func(c *client) scenario {
			return func(ctx context.Context, _, _ int) (int, error) {
				return 1, c.do(ctx, resolveQuery, map[string]any{"host": c.host}, nil)
			}
		}}, nil
	case "checkout", "split":
		option, err := shippingOption(ctx, c, region)
		if err != nil {
			return plan{}, err
		}
		items := func(n int) []string { return []string{variants[n%len(variants)]} }
		if name == "split" {
			nodes := make([]gridProduct, len(page.Products.Edges))
			for i, e := range page.Products.Edges {
				nodes[i] = e.Node
			}
			pairs, err := vendorPairs(nodes)
			if err != nil {
				return plan{}, err
			}
			items = func(n int) []string { return pairs[n%len(pairs)] }
		}
		run := time.Now().UnixNano() // idempotency keys must not repeat across runs
		var writes flow
		if name == "checkout" {
			writes = checkoutFlow(region, option, variants[0], fmt.Sprintf("bench-%d-compare", run))
		}
		return plan{writes: writes, volatile: checkoutVolatile, on: func(c *client) scenario {
			return func(ctx context.Context, w, i int) (int, error) {
				return checkout(ctx, c, region, option, fmt.Sprintf("bench-%d-%d-%d", run, w, i), items(w+i)...)
			}
		}}, nil
	}
	return plan{}, fmt.Errorf("unknown scenario %q (grid, gridrich, product, resolve, checkout, split, orders, products)", name)
}

// shippingOption finds the region's first shipping option, as a storefront learns it
// once, through a cart of its own.
func shippingOption(ctx context.Context, c *client, region string) (string, error) {
	var cart struct {
		CreateCart struct{ ID string } `json:"createCart"`
	}
	if err := c.do(ctx, `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`, map[string]any{"r": region}, &cart); err != nil {
		return "", err
	}
	var opts struct {
		ShippingOptions []struct{ ID string } `json:"shippingOptions"`
	}
	if err := c.do(ctx, `query($c: ID!) { shippingOptions(cartId: $c) { id } }`, map[string]any{"c": cart.CreateCart.ID}, &opts); err != nil {
		return "", err
	}
	if len(opts.ShippingOptions) == 0 {
		return "", fmt.Errorf("the region has no shipping options")
	}
	return opts.ShippingOptions[0].ID, nil
}

var benchAddress = map[string]any{"firstName": "Bench", "lastName": "Shopper", "address1": "1 King Fahd Rd",
	"city": "Riyadh", "postalCode": "12211", "countryCode": "SA", "phone": "+966500000000"}

// The checkout's first and last documents (the middle one is fillQuery's), which the
// floor answers too.
const (
	createCartQuery = `mutation($r: ID!) { createCart(input: {regionId: $r, email: "bench@example.com"}) { id } }`
	completeQuery   = `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { id displayID total } }`
)

// checkout places one order of one unit of each variant the way a storefront does, in
// three requests: a cart (with the e-mail); the items, address and shipping method
// together (mutations in one document run in order); completion.
func checkout(ctx context.Context, c *client, region, option, key string, variants ...string) (int, error) {
	var cart struct {
		CreateCart struct{ ID string } `json:"createCart"`
	}
	if err := c.do(ctx, createCartQuery, map[string]any{"r": region}, &cart); err != nil {
		return 1, err
	}
	id := cart.CreateCart.ID
	if err := c.do(ctx, fillQuery(len(variants)), fillVars(id, option, variants), nil); err != nil {
		return 2, err
	}
	err := c.do(ctx, completeQuery, map[string]any{"c": id, "k": key}, nil)
	return 3, err
}
