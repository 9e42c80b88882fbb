package access_test

import (
	"testing"

	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/store"
)

// Products on a marketplace: tenant A's marketplace store "souq-a" and va-one's product
// "va-vase", made for each mutation cell (the shared query fixture stays as it is).

// vendorProduct gives tenant A the marketplace store souq-a with a channel and va-one a
// published product va-vase, in the review state given, and names them in the variables
// (Vars run before Setup, on the cell's own fixture).
func vendorProduct(review product.ReviewStatus) func(testing.TB, *fx) map[string]any {
	return func(t testing.TB, f *fx) map[string]any {
		c, ctx := f.DB.Client, sysCtx()
		souq := c.Store.Create().SetTenantID(f.TenantA.ID).SetHandle("souq-a").SetName("Souq A").
			SetStorefrontType(store.StorefrontTypeMarketplace).SaveX(ctx)
		c.SalesChannel.Create().SetTenantID(f.TenantA.ID).SetStoreID(souq.ID).SetName("Souq A").ExecX(ctx)
		p := c.Product.Create().SetTenantID(f.TenantA.ID).SetVendorID(vendorID(f, "va-one")).SetTitle("Vase").
			SetHandle("va-vase").SetStatus(product.StatusPublished).SetReviewStatus(review)
		if review == product.ReviewStatusPending {
			p.SetReviewStoreID(souq.ID)
		}
		return map[string]any{"p": gid(p.SaveX(ctx).ID), "s": gid(souq.ID)}
	}
}

func marketplaceProductCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	// Only the tenant's staff see a vendor's product outside a storefront; its managers
	// do not review. (Vendor principals: see matrix_vendors_test.go.)
	cells := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated}
	}
	return []Case{
		{
			Name: "submitProductForReview/va-vase",
			Op:   `mutation($p: ID!, $s: ID!) { submitProductForReview(productId: $p, storeId: $s) { reviewStatus } }`,
			Vars: vendorProduct(product.ReviewStatusNotSubmitted),
			// A1's manager does not see souq-a: the store named is no store it knows.
			Expect: func() Cells {
				c := cells(Allow(Eq("submitProductForReview.reviewStatus", "pending")))
				c.SM = Deny("BAD_USER_INPUT")
				return c
			}(),
		},
		{
			Name:   "approveProduct/va-vase",
			Op:     `mutation($p: ID!) { approveProduct(productId: $p) { reviewStatus salesChannels { name } } }`,
			Vars:   vendorProduct(product.ReviewStatusPending),
			Expect: cells(Allow(Eq("approveProduct.reviewStatus", "approved"), Eq("approveProduct.salesChannels.0.name", "Souq A"))),
		},
		{
			Name:   "rejectProduct/va-vase",
			Op:     `mutation($p: ID!) { rejectProduct(productId: $p, note: "blurry photos") { reviewStatus reviewNote } }`,
			Vars:   vendorProduct(product.ReviewStatusPending),
			Expect: cells(Allow(Eq("rejectProduct.reviewStatus", "rejected"), Eq("rejectProduct.reviewNote", "blurry photos"))),
		},
	}
}
