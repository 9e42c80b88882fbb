package catalog_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/testenv"
)

type imageOut struct {
	URL, Alt string
	Rank     int
}

// A product's and a variant's galleries: objects with alt text and a rank, read in rank
// order by staff and shoppers alike; defaults filled in, [] clears, bad input refused
// with the field that is wrong, and another tenant's admin or key cannot touch them.
func TestProductAndVariantImages(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api, admin := c.API, c.As(testenv.TenantAdminA)
		thobe, variant := testenv.ID(c.Products["thobe"].ID), testenv.ID(c.Variants["thobe"].ID)
		const (
			setProduct = `mutation($id: ID!, $im: [ImageInput!]) { updateProduct(id: $id, input: {images: $im}) { images { url alt rank } } }`
			setVariant = `mutation($id: ID!, $im: [ImageInput!]) { updateProductVariant(id: $id, input: {images: $im}) { images { url alt rank } } }`
		)
		// Ranks given out of order come back sorted; a missing rank is the position, a
		// missing alt is "".
		var up struct{ UpdateProduct struct{ Images []imageOut } }
		api.MustDo(t, admin, setProduct, map[string]any{"id": thobe, "im": []map[string]any{
			{"url": "https://images.dakkah.test/thobe-2.jpg", "alt": " The collar, close up ", "rank": 5},
			{"url": "https://images.dakkah.test/thobe-1.jpg"},
			{"url": "https://images.dakkah.test/thobe-3.jpg", "alt": "ثوب أبيض", "rank": 3},
		}}).Decode(t, &up)
		want := []imageOut{
			{"https://images.dakkah.test/thobe-1.jpg", "", 1},
			{"https://images.dakkah.test/thobe-3.jpg", "ثوب أبيض", 3},
			{"https://images.dakkah.test/thobe-2.jpg", "The collar, close up", 5},
		}
		assert.Equal(t, want, up.UpdateProduct.Images)
		var uv struct{ UpdateProductVariant struct{ Images []imageOut } }
		api.MustDo(t, admin, setVariant, map[string]any{"id": variant, "im": []map[string]any{
			{"url": "https://images.dakkah.test/thobe-white.jpg", "alt": "The white thobe"}}}).Decode(t, &uv)
		assert.Equal(t, []imageOut{{"https://images.dakkah.test/thobe-white.jpg", "The white thobe", 0}}, uv.UpdateProductVariant.Images)

		// A shopper of the store reads both galleries.
		var shop struct {
			ProductByHandle struct {
				Images   []imageOut
				Variants []struct{ Images []imageOut }
			}
		}
		api.MustDo(t, c.As(testenv.PublishableA), `{ productByHandle(handle: "thobe") { images { url alt rank } variants { images { url alt rank } } } }`, nil).
			Decode(t, &shop)
		assert.Equal(t, want, shop.ProductByHandle.Images)
		require.Len(t, shop.ProductByHandle.Variants, 1)
		assert.Len(t, shop.ProductByHandle.Variants[0].Images, 1)
		row := db.Client.Product.GetX(sys(), c.Products["thobe"].ID)
		assert.Equal(t, media.Image{URL: "https://images.dakkah.test/thobe-1.jpg", Alt: "", Rank: 1}, row.Images[0], "stored in rank order")
		// The events carry the galleries as objects, in rank order.
		for _, ev := range []struct {
			topic string
			id    int
		}{{"product.updated", c.Products["thobe"].ID}, {"variant.updated", c.Variants["thobe"].ID}} {
			e, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic(ev.topic), outboxevent.AggregateID(ev.id)).
				Order(ent.Desc(outboxevent.FieldID)).First(sys())
			require.NoError(t, err, ev.topic)
			first := e.Payload["images"].([]any)[0].(map[string]any)
			assert.Contains(t, first["url"], "https://images.dakkah.test/thobe-", ev.topic)
			assert.Contains(t, first, "alt")
			assert.EqualValues(t, map[string]any{"product.updated": 1.0, "variant.updated": 0.0}[ev.topic], first["rank"])
		}

		// A product never given images has an empty gallery, not null.
		var all struct {
			Products struct {
				Edges []struct {
					Node struct {
						Handle string
						Images *[]imageOut
					}
				}
			}
		}
		api.MustDo(t, admin, `{ products(first: 50) { edges { node { handle images { url } } } } }`, nil).Decode(t, &all)
		require.NotEmpty(t, all.Products.Edges)
		for _, e := range all.Products.Edges {
			assert.NotNil(t, e.Node.Images, e.Node.Handle)
		}

		// Refused, with the field that is wrong; nothing is written.
		bad := func(q, id string, images any, field string) {
			t.Helper()
			r := api.Do(t, admin, q, map[string]any{"id": id, "im": images})
			testenv.RequireError(t, r, "BAD_USER_INPUT")
			assert.Equal(t, field, r.Errors[0].Extensions["field"], "%v", r.Errors[0].Message)
		}
		ok := map[string]any{"url": "https://images.dakkah.test/a.jpg"}
		fifty := make([]map[string]any, 51)
		for i := range fifty {
			fifty[i] = map[string]any{"url": fmt.Sprintf("https://images.dakkah.test/%d.jpg", i)}
		}
		for _, q := range []struct{ q, id string }{{setProduct, thobe}, {setVariant, variant}} {
			bad(q.q, q.id, fifty, "images")
			bad(q.q, q.id, []map[string]any{ok, {"url": "ftp://images.dakkah.test/b.jpg"}}, "images[1].url")
			bad(q.q, q.id, []map[string]any{{"url": "/relative.jpg"}}, "images[0].url")
			bad(q.q, q.id, []map[string]any{{"url": "https://x.test/a.jpg", "alt": strings.Repeat("ت", 501)}}, "images[0].alt")
			// The first image takes rank 0 by default, as the second asks for.
			bad(q.q, q.id, []map[string]any{ok, {"url": "https://x.test/b.jpg", "rank": 0}}, "images[1].rank")
			bad(q.q, q.id, []map[string]any{{"url": "https://x.test/b.jpg", "rank": -1}}, "images[0].rank")
		}
		r := api.Do(t, admin, setProduct, map[string]any{"id": thobe, "im": []map[string]any{ok, {"url": "https://x.test/b.jpg", "rank": 0}}})
		assert.Contains(t, r.Errors[0].Message, "images[1] has rank 0, as images[0] has")
		assert.Equal(t, want, imagesOf(t, db.Client.Product.GetX(sys(), c.Products["thobe"].ID).Images))
		// Fifty images, and alt text of 500 Arabic characters, fit.
		api.MustDo(t, admin, setVariant, map[string]any{"id": variant, "im": fifty[:50]})
		api.MustDo(t, admin, setVariant, map[string]any{"id": variant, "im": []map[string]any{{"url": "https://x.test/a.jpg", "alt": strings.Repeat("ت", 500)}}})

		// Another tenant's admin and key do not reach A's product or variant.
		for _, p := range []string{testenv.TenantAdminB, testenv.SecretB} {
			testenv.RequireError(t, api.Do(t, c.As(p), setProduct, map[string]any{"id": thobe, "im": []map[string]any{ok}}), "NOT_FOUND")
			testenv.RequireError(t, api.Do(t, c.As(p), setVariant, map[string]any{"id": variant, "im": []map[string]any{ok}}), "NOT_FOUND")
		}
		assert.Equal(t, want, imagesOf(t, db.Client.Product.GetX(sys(), c.Products["thobe"].ID).Images))
		assert.Len(t, db.Client.ProductVariant.GetX(sys(), c.Variants["thobe"].ID).Images, 1)

		// Leaving images out keeps them; [] clears them.
		api.MustDo(t, admin, `mutation($id: ID!) { updateProduct(id: $id, input: {material: "Cotton"}) { id } }`, map[string]any{"id": thobe})
		assert.Len(t, db.Client.Product.GetX(sys(), c.Products["thobe"].ID).Images, 3)
		api.MustDo(t, admin, setProduct, map[string]any{"id": thobe, "im": []any{}}).Decode(t, &up)
		assert.Empty(t, up.UpdateProduct.Images)
		api.MustDo(t, admin, setVariant, map[string]any{"id": variant, "im": []any{}}).Decode(t, &uv)
		assert.Empty(t, uv.UpdateProductVariant.Images)
		assert.Empty(t, db.Client.ProductVariant.GetX(sys(), c.Variants["thobe"].ID).Images)

		// A new variant takes its gallery at creation.
		var cv struct{ CreateProductVariant struct{ Images []imageOut } }
		api.MustDo(t, admin, `mutation($p: ID!) { createProductVariant(input: {productId: $p, title: "Sand", sku: "TH-SAND",
			images: [{url: "https://x.test/sand.jpg", alt: "Sand", rank: 2}]}) { images { url alt rank } } }`, map[string]any{"p": thobe}).Decode(t, &cv)
		assert.Equal(t, []imageOut{{"https://x.test/sand.jpg", "Sand", 2}}, cv.CreateProductVariant.Images)
	})
}

func imagesOf(t *testing.T, in []media.Image) []imageOut {
	t.Helper()
	out := make([]imageOut, 0, len(in))
	for _, im := range in {
		out = append(out, imageOut{im.URL, im.Alt, im.Rank})
	}
	return out
}
