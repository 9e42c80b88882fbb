package server_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/testenv"
)

// product.upsert carries a product's details and its gallery as objects {url, alt,
// rank}, checked as updateProduct checks them; a bad image is refused with its path.
func TestInboundProductUpsertImagesAndDetails(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		c := db.Client
		applied(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe",
			"subtitle": "Hand-stitched in Riyadh", "productType": "Thobe", "material": "Cotton", "originCountry": "sa",
			"images": []map[string]any{
				{"url": "https://images.dakkah.test/thobe-2.jpg", "alt": "The collar", "rank": 2},
				{"url": "https://images.dakkah.test/thobe-1.jpg", "alt": "The thobe, front", "rank": 1},
			}})))
		p, err := c.Product.Get(sys(), e.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, []string{"Hand-stitched in Riyadh", "Thobe", "Cotton", "SA"}, []string{p.Subtitle, p.ProductType, p.Material, p.OriginCountry})
		want := []media.Image{{URL: "https://images.dakkah.test/thobe-1.jpg", Alt: "The thobe, front", Rank: 1},
			{URL: "https://images.dakkah.test/thobe-2.jpg", Alt: "The collar", Rank: 2}}
		assert.Equal(t, want, p.Images)

		// A new product, alt and rank left to their defaults.
		applied(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "linen-shirt", "title": "Linen Shirt",
			"productType": "Shirt", "images": []map[string]any{{"url": "https://images.dakkah.test/linen-1.jpg"}, {"url": "https://images.dakkah.test/linen-2.jpg"}}})))
		linen, err := c.Product.Query().Where(product.TenantID(e.TenantA.ID), product.Handle("linen-shirt")).Only(sys())
		require.NoError(t, err)
		assert.Equal(t, "Shirt", linen.ProductType)
		assert.Equal(t, []media.Image{{URL: "https://images.dakkah.test/linen-1.jpg", Rank: 0}, {URL: "https://images.dakkah.test/linen-2.jpg", Rank: 1}}, linen.Images)

		// Malformed galleries are refused as the request arrives.
		for _, tc := range []struct {
			images any
			reason string
		}{
			{"https://images.dakkah.test/a.jpg", "data.images: must be a list of images: [{url, alt, rank}]"},
			{[]any{"https://images.dakkah.test/a.jpg"}, "data.images[0]: must be an image: {url, alt, rank}"},
			{[]map[string]any{{"alt": "No address"}}, "data.images[0].url: is required"},
			{[]map[string]any{{"url": "https://images.dakkah.test/a.jpg", "rank": "first"}}, "data.images[0].rank: must be an integer"},
			{[]map[string]any{{"url": "https://images.dakkah.test/a.jpg", "rank": 1.5}}, "data.images[0].rank: must be an integer"},
		} {
			rec := e.send(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "images": tc.images}))
			require.Equal(t, http.StatusBadRequest, rec.Code, tc.reason)
			var out struct {
				Error struct{ Field, Message string }
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
			assert.Equal(t, tc.reason, out.Error.Field+": "+out.Error.Message)
		}
		// Bad values fail with the catalog's reason, under data.
		failed(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "images": []map[string]any{
			{"url": "https://images.dakkah.test/a.jpg"}, {"url": "javascript:alert(1)"}}})),
			"data.images[1].url: images[1].url must be an http or https URL of at most 2048 characters")
		failed(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "images": []map[string]any{
			{"url": "https://images.dakkah.test/a.jpg", "rank": 1}, {"url": "https://images.dakkah.test/b.jpg", "rank": 1}}})),
			"data.images[1].rank: images[1] has rank 1, as images[0] has: ranks must differ")
		failed(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "originCountry": "Saudi"})),
			"data.originCountry: originCountry must be an ISO 3166-1 alpha-2 code, such as SA")
		p, err = c.Product.Get(sys(), e.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, want, p.Images, "nothing refused was written")
		assert.Equal(t, "SA", p.OriginCountry)

		// [] clears the gallery.
		applied(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "images": []any{}})))
		assert.Empty(t, c.Product.GetX(sys(), e.Products["thobe"].ID).Images)
	})
}
