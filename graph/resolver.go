// Package graph holds the GraphQL resolvers. They stay thin: each one calls a capability
// package (tenancy, identity, storefront, taxonomy) or lets ent, under its privacy
// policies, load what was asked for.
package graph

import (
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/companies"
	"github.com/dakkah/cityos/customer"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/payouts"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/recurring"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/taxonomy"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/vendors"
	"github.com/dakkah/cityos/webhooks"
)

// Resolver carries the services the resolvers call.
type Resolver struct {
	Client     *ent.Client
	Identity   *identity.Service
	Tenancy    *tenancy.Service
	Taxonomy   *taxonomy.Service
	Storefront *storefront.Resolver
	// LookupTXT checks domain ownership (net.DefaultResolver.LookupTXT in production).
	LookupTXT tenancy.TXTLookup

	Catalog   *catalog.Service
	Pricing   *pricing.Service
	Inventory *inventory.Service
	Customers *customer.Service
	Carts     *cart.Service
	Checkout  *checkout.Service
	Orders    *orders.Service

	Integrations *integration.Service
	Webhooks     *webhooks.Service
	// Live feeds the subscriptions.
	Live    *livefeed.Hub
	Inbound *inbound.Service
	// Syncs starts sync jobs of integration endpoints.
	Syncs *syncs.Service
	// Vendors onboards marketplace vendors.
	Vendors *vendors.Service
	// Billing keeps plans and tenants' subscriptions to them.
	Billing *billing.Service
	// Companies keeps B2B companies and their employees.
	Companies *companies.Service
	// Recurring keeps customers' subscriptions (recurring orders).
	Recurring *recurring.Service
	// Commissions keeps the marketplace ledger (rules, lines, balances); Payouts pays
	// vendors and marks manual payouts paid.
	Commissions *commissions.Service
	Payouts     *payouts.Service
	// SignInFailures counts the failed sign-ins of each client address, shared with the
	// bad tokens and keys the HTTP layer counts (see guardSignIn); nil counts nothing.
	SignInFailures *ratelimit.Failures
	// AccountFailures counts the failed sign-ins of each account, from any address, so
	// guessing one password from many addresses is held too; nil counts nothing.
	AccountFailures *ratelimit.Failures
	// KnownSignIns remembers the addresses each account signed in from, which its
	// block does not hold (see guardSignIn); nil remembers none.
	KnownSignIns *ratelimit.Known
}
