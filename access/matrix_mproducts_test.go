package access_test

import (
	"fmt"
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
	// Only the tenant's staff and V1's own members see V1's product outside a storefront;
	// the tenant's managers and V1's staff do not review, nor V1's admin (it submits).
	cells := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated,
			VA1: forbidden, VS1: forbidden, VA2: notFound}
	}
	return []Case{
		{
			Name: "submitProductForReview/va-vase",
			Op:   `mutation($p: ID!, $s: ID!) { submitProductForReview(productId: $p, storeId: $s) { reviewStatus } }`,
			Vars: vendorProduct(product.ReviewStatusNotSubmitted),
			// V1's own admin submits its product.
			Expect: func() Cells {
				c := cells(Allow(Eq("submitProductForReview.reviewStatus", "pending")))
				c.VA1 = Allow(Eq("submitProductForReview.reviewStatus", "pending"))
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

// vendorCatalogCells states the vendor principals' cells of the tenant's catalog rows
// that differ from the customer's: a vendor's members read their vendor's catalog outside
// a storefront (so the tenant's own products, parts and locations are not found rather
// than refused, and lists come back empty rather than failing). Rows that state vendor
// cells themselves are left as they are.
func vendorCatalogCells(cases []Case) []Case {
	notFound := Deny("NOT_FOUND")
	empty := func(path string) Check {
		return func(_ *fx, data any) error {
			got, err := at(data, path)
			if err != nil {
				return err
			}
			if l, ok := got.([]any); !ok || len(l) != 0 {
				return fmt.Errorf("%s = %v, want []", path, got)
			}
			return nil
		}
	}
	outcomes := map[string]Outcome{
		"productByHandle":  Allow(Null("thobe"), Null("hijab"), Null("oud"), Null("gadget")),
		"stockLocations/A": Allow(empty("stockLocations")),
	}
	for _, name := range []string{
		"node/product gadget of B", "node/product hijab (A2 only)", "node/stock location of A", "node/variant of gadget of B",
		"createProductVariant/gadget of B", "createProductVariant/thobe", "deletePrice/gadget of B", "deletePrice/thobe AED",
		"deleteProduct/draft-oud", "deleteProduct/gadget of B", "deleteProductVariant/draft-oud", "deleteProductVariant/gadget of B",
		"setPrice/gadget of B", "setPrice/thobe in B's region", "setPrice/thobe", "setStockLevel/gadget of B",
		"setStockLevel/thobe at B's location", "setStockLevel/thobe", "updateProduct/gadget of B", "updateProduct/hijab (A2 only)",
		"updateProduct/thobe", "updateProductVariant/gadget of B", "updateProductVariant/hijab (A2 only)", "updateProductVariant/thobe",
	} {
		outcomes[name] = notFound
	}
	for i, c := range cases {
		o, ok := outcomes[c.Name]
		if !ok || c.Expect.V.kind != unset || c.Expect.VA1.kind != unset || c.Expect.VS1.kind != unset || c.Expect.VA2.kind != unset {
			continue
		}
		cases[i].Expect.V = o
	}
	return cases
}
