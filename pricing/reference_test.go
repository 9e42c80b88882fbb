package pricing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/testenv"
)

// Regions and shipping options are served from memory for up to the TTL: a change made
// elsewhere shows once it has passed, one made through the Service at once.
func TestReferenceRowsAreKeptForTheirTTL(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		now := time.Unix(1_800_000_000, 0)
		svc := pricing.New(db.Client, pricing.CacheReference(time.Second), pricing.Clock(func() time.Time { return now }))

		r, err := svc.RegionOf(sys(), c.SAR.ID)
		require.NoError(t, err)
		require.Equal(t, 1500, r.TaxRateBps)
		r.TaxRateBps = 1 // a caller's copy: what the next caller gets stays as read
		require.NoError(t, db.Client.Region.UpdateOneID(c.SAR.ID).SetTaxRateBps(500).Exec(sys()))
		o, err := svc.ShippingOptionOf(sys(), c.ShipSAR.ID)
		require.NoError(t, err)
		require.NoError(t, db.Client.ShippingOption.UpdateOneID(c.ShipSAR.ID).SetAmount(9900).Exec(sys()))

		now = now.Add(999 * time.Millisecond)
		r, err = svc.RegionOf(sys(), c.SAR.ID)
		require.NoError(t, err)
		require.Equal(t, 1500, r.TaxRateBps, "a change made elsewhere is not seen within the TTL")
		o, err = svc.ShippingOptionOf(sys(), c.ShipSAR.ID)
		require.NoError(t, err)
		require.EqualValues(t, 2500, o.Amount)

		now = now.Add(time.Millisecond)
		r, err = svc.RegionOf(sys(), c.SAR.ID)
		require.NoError(t, err)
		require.Equal(t, 500, r.TaxRateBps, "nor served past it")
		o, err = svc.ShippingOptionOf(sys(), c.ShipSAR.ID)
		require.NoError(t, err)
		require.EqualValues(t, 9900, o.Amount)

		// Changes through the Service are seen at once.
		_, err = svc.UpdateRegion(sys(), c.SAR.ID, pricing.RegionInput{TenantID: c.TenantA.ID, Name: "KSA",
			CurrencyCode: "SAR", Countries: []string{"SA"}, TaxRate: 10, TaxInclusive: true})
		require.NoError(t, err)
		r, err = svc.RegionOf(sys(), c.SAR.ID)
		require.NoError(t, err)
		require.Equal(t, 1000, r.TaxRateBps)
		require.NoError(t, svc.DeleteShippingOption(sys(), c.ShipSAR.ID))
		_, err = svc.ShippingOptionOf(sys(), c.ShipSAR.ID)
		require.True(t, ent.IsNotFound(err), "a deleted option is gone at once: %v", err)

		// Without a TTL every call reads.
		fresh := pricing.New(db.Client)
		_, err = fresh.RegionOf(sys(), c.AED.ID)
		require.NoError(t, err)
		require.NoError(t, db.Client.Region.UpdateOneID(c.AED.ID).SetTaxRateBps(700).Exec(sys()))
		r, err = fresh.RegionOf(sys(), c.AED.ID)
		require.NoError(t, err)
		require.Equal(t, 700, r.TaxRateBps)
	})
}

// A region kept for one tenant's cart is still refused to another tenant's.
func TestKeptRegionsStayWithTheirTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cfg := testenv.Config()
		cfg.CatalogCacheTTL = time.Hour
		api := testenv.NewAPI(t, db, cfg)
		create := `mutation($r: ID!) { createCart(input: {regionId: $r}) { id total region { id taxRateBps } } }`
		r := api.Do(t, c.Shop(testenv.Anonymous, "b1.dakkah.test"), create, map[string]any{"r": id(c.RegionB.ID)})
		require.Empty(t, r.Errors, "tenant B's shopper uses its region")
		for _, p := range []string{testenv.Anonymous, testenv.CustomerA, testenv.ManagerA1} {
			r = api.Do(t, c.Shop(p, "a1.dakkah.test"), create, map[string]any{"r": id(c.RegionB.ID)})
			requireError(t, r, "BAD_USER_INPUT", "regionId")
		}
	})
}
