package server_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/testenv"
)

func applied(t *testing.T, w *ent.InboundWebhook) {
	t.Helper()
	require.Equal(t, inboundwebhook.StatusApplied, w.Status, "reason: %v", w.Reason)
}

func failed(t *testing.T, w *ent.InboundWebhook, reason string) {
	t.Helper()
	require.Equal(t, inboundwebhook.StatusFailed, w.Status)
	assert.Equal(t, reason, *w.Reason)
}

// Every supported type applies through the capability services.
func TestInboundWebhookTypes(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		c := db.Client
		applied(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "title": "Thobe Deluxe", "description": "Cotton"})))
		p, err := c.Product.Get(sys(), e.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, "Thobe Deluxe", p.Title)
		assert.Equal(t, "Cotton", p.Description)

		applied(t, e.apply(t, e.endA, body(t, "inventory.set", map[string]any{"sku": "SKU-thobe", "location": "Riyadh", "stockedQuantity": 42})))
		l, err := c.InventoryLevel.Query().Where(inventorylevel.VariantID(e.Variants["thobe"].ID), inventorylevel.LocationID(e.LocationA.ID)).Only(sys())
		require.NoError(t, err)
		assert.Equal(t, 42, l.StockedQuantity)

		applied(t, e.apply(t, e.endA, body(t, "price.set", map[string]any{"sku": "SKU-thobe", "currencyCode": "SAR", "amount": 26000})))
		pr, err := c.Price.Query().Where(price.VariantID(e.Variants["thobe"].ID), price.CurrencyCode("SAR"), price.RegionIDIsNil()).Only(sys())
		require.NoError(t, err)
		assert.EqualValues(t, 26000, pr.Amount)

		applied(t, e.apply(t, e.endA, body(t, "store.update", map[string]any{"handle": "a2", "name": "A Two Renamed", "status": "maintenance",
			"theme": map[string]any{"colors": map[string]any{"primary": "#D97706", "secondary": "#92400e"}, "fonts": map[string]any{"heading": "Amiri"}}})))
		st, err := c.Store.Get(sys(), e.StoreA2.ID)
		require.NoError(t, err)
		assert.Equal(t, "A Two Renamed", st.Name)
		assert.Equal(t, "maintenance", string(st.Status))
		assert.Equal(t, "#d97706", st.ThemeConfig.Colors.Primary, "validated and normalised as updateStore's")
		assert.Equal(t, "Amiri", st.ThemeConfig.Fonts.Heading)

		applied(t, e.apply(t, e.endA, body(t, "product.delete", map[string]any{"handle": "hijab"})))
		_, err = c.Product.Get(sys(), e.Products["hijab"].ID)
		assert.True(t, ent.IsNotFound(err))
	})
}

// Input errors name the field: those the body shows are answered 400 at once (and
// recorded as failed); those only the data shows fail when applied.
func TestInboundWebhookValidation(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		for _, tc := range []struct {
			typ    string
			data   map[string]any
			reason string
		}{
			{"price.set", map[string]any{"sku": "SKU-thobe", "currencyCode": "SAR", "amount": -5}, "data.amount: must be a non-negative integer"},
			{"price.set", map[string]any{"sku": "SKU-thobe", "currencyCode": "SAR", "amount": 1.5}, "data.amount: must be a non-negative integer"},
			{"price.set", map[string]any{"sku": "SKU-thobe", "amount": 5}, "data.currencyCode: is required"},
			{"inventory.set", map[string]any{"sku": "SKU-thobe", "location": "Riyadh"}, "data.stockedQuantity: is required"},
			{"product.upsert", map[string]any{"handle": 7}, "data.handle: must be a string"},
			{"product.upsert", map[string]any{"handle": "x", "status": "gone"}, "data.status: must be one of draft, published, archived"},
			{"store.update", map[string]any{}, "data.handle: is required"},
			{"store.update", map[string]any{"handle": "a2", "theme": "dark"}, "data.theme: must be an object"},
			{"store.update", map[string]any{"handle": "a2", "theme": map[string]any{"colour": "red"}},
				`data.theme: must be {colors: {primary, secondary, accent}, fonts: {heading, body}, logo, favicon}: json: unknown field "colour"`},
			{"order.delete", map[string]any{}, "type: unsupported: one of inventory.set, price.set, product.delete, product.upsert, store.update"},
		} {
			rec := e.send(t, e.endA, body(t, tc.typ, tc.data))
			require.Equal(t, http.StatusBadRequest, rec.Code, tc.reason)
			var out struct {
				Error struct{ Field, Message string }
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
			assert.Equal(t, tc.reason, out.Error.Field+": "+out.Error.Message)
			last, err := db.Client.InboundWebhook.Query().Order(ent.Desc(inboundwebhook.FieldID)).First(sys())
			require.NoError(t, err)
			failed(t, last, tc.reason)
			assert.Equal(t, tc.typ, last.Type)
			assert.NotEmpty(t, last.Payload, "a signed body is kept")
		}

		failed(t, e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "new-thing"})), "data.title: is required to create a product")
		failed(t, e.apply(t, e.endA, body(t, "price.set", map[string]any{"sku": "NOPE", "currencyCode": "SAR", "amount": 5})), "data.sku: no such variant")
		failed(t, e.apply(t, e.endA, body(t, "inventory.set", map[string]any{"sku": "SKU-thobe", "location": "Mars", "stockedQuantity": 1})), "data.location: no such stock location")
		failed(t, e.apply(t, e.endA, body(t, "product.delete", map[string]any{"handle": "nothing"})), "data.handle: no product with that handle")
		failed(t, e.apply(t, e.endA, body(t, "store.update", map[string]any{"handle": "a2", "theme": map[string]any{"colors": map[string]any{"primary": "amber"}}})),
			`data.theme.colors.primary: theme.colors.primary must be a colour in #rrggbb form, got "amber"`)
	})
}

// Tenant B's endpoint resolves handles and skus in tenant B only: it cannot change,
// delete or restock tenant A's products, prices or stores.
func TestInboundWebhookCrossTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		c := db.Client
		// "thobe" is A's: B's upsert makes B's own "thobe".
		applied(t, e.apply(t, e.endB, body(t, "product.upsert", map[string]any{"handle": "thobe", "title": "Hijacked"})))
		p, err := c.Product.Get(sys(), e.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, "The thobe", p.Title)
		n, err := c.Product.Query().Where(product.Handle("thobe"), product.TenantID(e.TenantB.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		failed(t, e.apply(t, e.endB, body(t, "product.delete", map[string]any{"handle": "abaya"})), "data.handle: no product with that handle")
		failed(t, e.apply(t, e.endB, body(t, "product.delete", map[string]any{"id": e.Products["abaya"].ID})), "data.id: no such product")
		failed(t, e.apply(t, e.endB, body(t, "price.set", map[string]any{"sku": "SKU-abaya", "currencyCode": "SAR", "amount": 1})), "data.sku: no such variant")
		failed(t, e.apply(t, e.endB, body(t, "inventory.set", map[string]any{"variantId": e.Variants["abaya"].ID, "location": "Jeddah", "stockedQuantity": 0})), "data.variantId: no such variant")
		failed(t, e.apply(t, e.endB, body(t, "store.update", map[string]any{"handle": "a1", "name": "Mine"})), "data.handle: no store with that handle")
		// B's own location with A's variant, and A's location with B's variant: neither.
		failed(t, e.apply(t, e.endB, body(t, "inventory.set", map[string]any{"sku": "SKU-gadget", "locationId": e.LocationA.ID, "stockedQuantity": 0})), "data.locationId: no such stock location")

		_, err = c.Product.Get(sys(), e.Products["abaya"].ID)
		require.NoError(t, err)
		st, err := c.Store.Get(sys(), e.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "A One", st.Name)
	})
}

// An endpoint limited to store A1 changes A1's settings only: not store A2, and not the
// tenant's catalog, prices or stock, which every store shares.
func TestInboundWebhookStoreLimited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		applied(t, e.apply(t, e.endA1, body(t, "store.update", map[string]any{"handle": "a1", "name": "A One Updated"})))
		failed(t, e.apply(t, e.endA1, body(t, "store.update", map[string]any{"handle": "a2", "name": "Taken"})), "data.handle: no store with that handle")
		limited := "an endpoint limited to a store changes only that store: this type changes the tenant's catalog"
		failed(t, e.apply(t, e.endA1, body(t, "product.upsert", map[string]any{"handle": "thobe", "title": "X"})), limited)
		failed(t, e.apply(t, e.endA1, body(t, "price.set", map[string]any{"sku": "SKU-thobe", "currencyCode": "SAR", "amount": 1})), limited)
		failed(t, e.apply(t, e.endA1, body(t, "inventory.set", map[string]any{"sku": "SKU-thobe", "location": "Riyadh", "stockedQuantity": 1})), limited)
		failed(t, e.apply(t, e.endA1, body(t, "product.delete", map[string]any{"handle": "thobe"})), limited)

		a1, err := db.Client.Store.Get(sys(), e.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "A One Updated", a1.Name)
		a2, err := db.Client.Store.Get(sys(), e.StoreA2.ID)
		require.NoError(t, err)
		assert.Equal(t, "A Two", a2.Name)
	})
}
