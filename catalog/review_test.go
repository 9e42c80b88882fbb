package catalog_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/testenv"
)

type vendorFace struct {
	Handle, Name                string
	Logo                        *string
	PayoutAccount, ContactEmail *string
}

// A vendor submits its product for the marketplace store; the tenant approves it (the
// store sells it, showing its vendor's public face) or rejects it with a note.
func TestProductReview(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := newMarketplace(t, db, 0)
		api, ta := m.API, m.As(testenv.TenantAdminA)
		shopper := m.Shop(testenv.Anonymous, "a1.dakkah.test")
		lamp := m.newVendorProduct(t, m.VA1, m.V1, "v1-lamp")
		rug := m.newVendorProduct(t, m.VA1, m.V1, "v1-rug")
		vars := func(p string, s int) map[string]any { return map[string]any{"p": p, "s": id(s)} }

		requireError(t, api.Do(t, m.VA1, submitQ, vars(lamp, m.StoreA2.ID)), "BAD_USER_INPUT", "storeId") // not a marketplace
		requireError(t, api.Do(t, m.VA1, submitQ, vars(lamp, m.StoreB1.ID)), "BAD_USER_INPUT", "storeId") // another tenant's
		requireError(t, api.Do(t, m.VA2, submitQ, vars(lamp, m.StoreA1.ID)), "NOT_FOUND")
		requireError(t, api.Do(t, m.VS1, submitQ, vars(lamp, m.StoreA1.ID)), "FORBIDDEN")
		var sub struct {
			SubmitProductForReview struct{ ReviewStatus, ReviewStoreID string }
		}
		api.MustDo(t, m.VA1, submitQ, vars(lamp, m.StoreA1.ID)).Decode(t, &sub)
		assert.Equal(t, "pending", sub.SubmitProductForReview.ReviewStatus)
		assert.Equal(t, id(m.StoreA1.ID), sub.SubmitProductForReview.ReviewStoreID)
		requireError(t, api.Do(t, m.VA1, submitQ, vars(lamp, m.StoreA1.ID)), "CONFLICT")
		assert.NotContains(t, handles(t, api, shopper, nil), "v1-lamp", "waiting for review: not on sale")

		// Only the tenant's admins review.
		approve := map[string]any{"p": lamp}
		requireError(t, api.Do(t, m.VA1, approveQ, approve), "FORBIDDEN")
		requireError(t, api.Do(t, m.As(testenv.ManagerA1), approveQ, approve), "FORBIDDEN")
		requireError(t, api.Do(t, m.As(testenv.TenantAdminB), approveQ, approve), "NOT_FOUND")
		requireError(t, api.Do(t, m.As(testenv.SecretB), approveQ, approve), "NOT_FOUND")
		requireError(t, api.Do(t, ta, approveQ, map[string]any{"p": rug}), "CONFLICT") // never submitted
		var ok struct{ ApproveProduct struct{ ReviewStatus string } }
		api.MustDo(t, ta, approveQ, approve).Decode(t, &ok)
		assert.Equal(t, "approved", ok.ApproveProduct.ReviewStatus)
		requireError(t, api.Do(t, ta, approveQ, approve), "CONFLICT")

		// On sale in A1, with its vendor's public face only; not in A2 nor in tenant B.
		assert.Contains(t, handles(t, api, shopper, nil), "v1-lamp")
		assert.NotContains(t, handles(t, api, m.Shop(testenv.Anonymous, "b1.dakkah.test"), nil), "v1-lamp")
		var face struct {
			Products struct {
				Edges []struct {
					Node struct {
						Handle string
						Vendor *vendorFace
					}
				}
			}
		}
		api.MustDo(t, shopper, `query($v: ID) { products(first: 10, vendorId: $v) { edges { node { handle vendor { handle name logo payoutAccount contactEmail } } } } }`,
			map[string]any{"v": id(m.V1.ID)}).Decode(t, &face)
		require.Len(t, face.Products.Edges, 1, "products(vendorId:) keeps V1's")
		got := face.Products.Edges[0].Node
		assert.Equal(t, "v1-lamp", got.Handle)
		require.NotNil(t, got.Vendor)
		assert.Equal(t, "v1", got.Vendor.Handle)
		assert.Equal(t, "Vendor v1", got.Vendor.Name)
		assert.Equal(t, "https://img.example/v1.png", *got.Vendor.Logo)
		assert.Nil(t, got.Vendor.PayoutAccount, "a shopper never sees the payout account")
		assert.Nil(t, got.Vendor.ContactEmail, "nor the vendor's contacts")
		assert.Equal(t, []string{}, handles(t, api, shopper, map[string]any{"where": map[string]any{"vendorID": id(m.V2.ID)}}))
		assert.Equal(t, []string{"v1"}, storeVendors(t, m, shopper))

		// Rejected with a note the vendor reads; changed and submitted again.
		api.MustDo(t, m.VA1, submitQ, vars(rug, m.StoreA1.ID))
		requireError(t, api.Do(t, ta, rejectQ, map[string]any{"p": rug, "n": "  "}), "BAD_USER_INPUT", "note")
		requireError(t, api.Do(t, m.VA1, rejectQ, map[string]any{"p": rug, "n": "mine"}), "FORBIDDEN")
		var rej struct {
			RejectProduct struct{ ReviewStatus, ReviewNote string }
		}
		api.MustDo(t, ta, rejectQ, map[string]any{"p": rug, "n": "blurry photos"}).Decode(t, &rej)
		assert.Equal(t, "rejected", rej.RejectProduct.ReviewStatus)
		var mine struct {
			Product struct{ ReviewStatus, ReviewNote string }
		}
		api.MustDo(t, m.VA1, `query($id: ID!) { product: node(id: $id) { ... on Product { reviewStatus reviewNote } } }`, map[string]any{"id": rug}).Decode(t, &mine)
		assert.Equal(t, "blurry photos", mine.Product.ReviewNote)
		requireError(t, api.Do(t, ta, rejectQ, map[string]any{"p": rug, "n": "again"}), "CONFLICT")
		assert.NotContains(t, handles(t, api, shopper, nil), "v1-rug")
		api.MustDo(t, m.VA1, submitQ, vars(rug, m.StoreA1.ID))
	})
}

// storeVendors lists store A1's vendors as h sees them (handles).
func storeVendors(t *testing.T, m *marketplace, h testenv.Headers) []string {
	t.Helper()
	var out struct {
		StoreByHandle struct {
			Vendors struct {
				Edges []struct{ Node vendorFace }
			}
		}
	}
	m.API.MustDo(t, h, `query($t: String!, $s: String!) { storeByHandle(tenantHandle: $t, handle: $s) {
		vendors(first: 10) { edges { node { handle name logo payoutAccount contactEmail } } } } }`,
		map[string]any{"t": m.TenantA.Handle, "s": m.StoreA1.Handle}).Decode(t, &out)
	hs := []string{}
	for _, e := range out.StoreByHandle.Vendors.Edges {
		assert.Nil(t, e.Node.PayoutAccount)
		hs = append(hs, e.Node.Handle)
	}
	return hs
}

// A suspended vendor's products leave the storefront: at once where the suspension went
// through this instance, and within the catalog cache's TTL where it did not.
func TestSuspendedVendorLeavesStorefront(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		const ttl = 100 * time.Millisecond
		m := newMarketplace(t, db, ttl)
		api, ta := m.API, m.As(testenv.TenantAdminA)
		shopper := m.Shop(testenv.Anonymous, "a1.dakkah.test")
		lamp := m.newVendorProduct(t, m.VA1, m.V1, "v1-lamp")
		api.MustDo(t, m.VA1, submitQ, map[string]any{"p": lamp, "s": id(m.StoreA1.ID)})
		api.MustDo(t, ta, approveQ, map[string]any{"p": lamp})
		require.Contains(t, handles(t, api, shopper, nil), "v1-lamp")

		// Another instance suspends V1: this one's cached grid shows the lamp until the
		// entry expires, then never again.
		db.Client.Vendor.UpdateOneID(m.V1.ID).SetStatus(vendor.StatusSuspended).ExecX(sys())
		require.Eventually(t, func() bool {
			for _, h := range handles(t, api, shopper, nil) {
				if h == "v1-lamp" {
					return false
				}
			}
			return true
		}, 20*ttl, ttl/5)
		assert.Equal(t, []string{}, storeVendors(t, m, shopper), "a suspended vendor is no store's seller")

		// Reinstated through this instance: back at once (a mutation drops the cache).
		api.MustDo(t, ta, `mutation($id: ID!) { approveVendor(id: $id) { status } }`, map[string]any{"id": id(m.V1.ID)})
		assert.Contains(t, handles(t, api, shopper, nil), "v1-lamp")
	})
}
