package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
)

// The benchmark catalog: one tenant, two stores with their own channels, 200 published
// products × 3 variants (sizes) priced in SAR and AED, with stock, each product with a
// description, its details, four images, a category and most a collection, each variant
// with an image of its own; 120 products in the first
// store, 20 of them also in the second, which has the other 80; and a marketplace store
// (seedMarketplace).
const (
	benchTenant   = "bench"
	storeOne      = "bench-one"
	storeTwo      = "bench-two"
	totalProducts = 200
	inStoreOne    = 120
	sharedCount   = 20
	variantsEach  = 3
	benchStock    = 1_000_000_000
)

func runSeed(args []string) error {
	fs := flag.NewFlagSet("seed", flag.ExitOnError)
	tenants := fs.Int("tenants", 0, "add tenants, each with a store, a publishable key and a small catalog, until there are this many")
	keys := fs.String("stores", "bench-stores.tsv", "with -tenants: the file their stores' hosts, keys and regions are appended to")
	_ = fs.Parse(args)
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	ctx := viewer.SystemContext(context.Background(), "bench-seed")
	a, err := app.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), true)
	if err != nil {
		return err
	}
	defer a.Close()
	if *tenants > 0 {
		if err := seedTenants(ctx, a, *tenants, *keys); err != nil {
			return err
		}
		if !cfg.Embedded() {
			return analyze(ctx, a.DB)
		}
		return nil
	}
	if existing, err := a.Client.Tenant.Query().Where(tenant.Handle(benchTenant)).Only(ctx); err == nil {
		fmt.Println("bench catalog already seeded")
		return ensureBenchAdmin(ctx, a, existing.ID)
	} else if !ent.IsNotFound(err) {
		return err
	}
	// Enterprise: on a platform whose plans are defined (a demo's data), a smaller plan's
	// limits would stop the catalog half made.
	tier := tenant.SubscriptionTierEnterprise
	t, err := a.Tenancy.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: benchTenant, Name: "Bench", SubscriptionTier: &tier})
	if err != nil {
		return err
	}
	var stores [2]*ent.Store
	for i, h := range []string{storeOne, storeTwo} {
		sub := h
		if stores[i], err = a.Tenancy.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: t.ID, Handle: h, Name: h, Subdomain: &sub}); err != nil {
			return err
		}
	}
	ch1, err := a.Client.SalesChannel.Query().Where(saleschannel.StoreID(stores[0].ID)).Only(ctx)
	if err != nil {
		return err
	}
	ch2, err := a.Client.SalesChannel.Query().Where(saleschannel.StoreID(stores[1].ID)).Only(ctx)
	if err != nil {
		return err
	}
	c := a.Client
	sar, err := c.Region.Create().SetTenantID(t.ID).SetName("Saudi Arabia").SetCurrencyCode("SAR").SetCountries([]string{"SA"}).SetTaxRateBps(1500).SetTaxInclusive(true).Save(ctx)
	if err != nil {
		return err
	}
	aed, err := c.Region.Create().SetTenantID(t.ID).SetName("UAE").SetCurrencyCode("AED").SetCountries([]string{"AE"}).SetTaxRateBps(500).Save(ctx)
	if err != nil {
		return err
	}
	for _, r := range []*ent.Region{sar, aed} {
		if err := c.ShippingOption.Create().SetTenantID(t.ID).SetRegionID(r.ID).SetName("Standard").SetAmount(2500).Exec(ctx); err != nil {
			return err
		}
	}
	loc, err := c.StockLocation.Create().SetTenantID(t.ID).SetName("Warehouse").Save(ctx)
	if err != nil {
		return err
	}
	groups, err := seedGroups(ctx, c, t.ID)
	if err != nil {
		return err
	}
	for i := 0; i < totalProducts; i++ {
		tx, err := c.Tx(ctx)
		if err != nil {
			return err
		}
		if err := seedProduct(ctx, tx, t.ID, i, loc.ID, ch1.ID, ch2.ID, groups); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	if err := seedMarketplace(ctx, c, a.Tenancy, t.ID); err != nil {
		return fmt.Errorf("marketplace: %w", err)
	}
	if err := ensureBenchAdmin(ctx, a, t.ID); err != nil {
		return err
	}
	fmt.Printf("seeded tenant %q: stores %s (%d products), %s (%d products) and the marketplace %s (%d vendors × %d products), regions SAR %d and AED %d\n",
		benchTenant, storeOne, inStoreOne, storeTwo, totalProducts-inStoreOne+sharedCount, storeSouq, marketVendors, productsPerVendor, sar.ID, aed.ID)
	fmt.Printf("storefront host: %s.%s\n", storeOne, cfg.PlatformDomain)
	if !cfg.Embedded() {
		return analyze(ctx, a.DB)
	}
	return nil
}

// ensureBenchAdmin makes the bench tenant's admin, whom the staff scenarios sign in as.
func ensureBenchAdmin(ctx context.Context, a *app.Instance, tenantID int) error {
	if n, err := a.Client.User.Query().Where(user.Email(benchAdminEmail)).Count(ctx); err != nil || n > 0 {
		return err
	}
	u, err := a.Tenancy.CreateUser(ctx, tenancy.CreateUserInput{Email: benchAdminEmail, Password: benchAdminPassword})
	if err != nil {
		return err
	}
	_, err = a.Tenancy.GrantRole(ctx, u.ID, membership.RoleTenantAdmin, &tenantID, nil)
	return err
}

// analyze gives PostgreSQL's planner statistics of the fresh catalog: without them it
// guesses one row per table and plans the storefront's queries as nested loops. Where
// autovacuum is off, nothing else ever gathers them, nor clears what checkout runs leave
// behind: say so.
func analyze(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	var autovacuum string
	if err := db.QueryRowContext(ctx, "SHOW autovacuum").Scan(&autovacuum); err != nil {
		return err
	}
	if autovacuum != "on" {
		fmt.Println("note: this PostgreSQL runs with autovacuum off; run VACUUM ANALYZE between long runs (checkout leaves dead rows behind)")
	}
	return nil
}

// benchSizes are the values of every bench product's one option, one variant each.
var benchSizes = []string{"S", "M", "L"}

// benchGroups are the catalog's categories and collections, which products are put in
// in turn (every fifth product in no collection).
type benchGroups struct{ categories, collections []int }

func seedGroups(ctx context.Context, c *ent.Client, tenantID int) (benchGroups, error) {
	var g benchGroups
	for _, name := range []string{"Shirts", "Thobes", "Abayas", "Scarves"} {
		cat, err := c.ProductCategory.Create().SetTenantID(tenantID).SetName(name).SetHandle(strings.ToLower(name)).Save(ctx)
		if err != nil {
			return g, err
		}
		g.categories = append(g.categories, cat.ID)
	}
	for _, title := range []string{"Summer", "Ramadan", "Everyday"} {
		col, err := c.ProductCollection.Create().SetTenantID(tenantID).SetTitle(title).SetHandle(strings.ToLower(title)).Save(ctx)
		if err != nil {
			return g, err
		}
		g.collections = append(g.collections, col.ID)
	}
	return g, nil
}

func seedProduct(ctx context.Context, tx *ent.Tx, tenantID, i, locationID, ch1, ch2 int, groups benchGroups) error {
	handle := fmt.Sprintf("bench-product-%03d", i)
	// What a real shop's product carries: a couple of sentences, its details and a
	// gallery of four images with alt text (the grid and the product page read them).
	images := make([]media.Image, 4)
	for n, alt := range []string{"seen from the front", "seen from behind", "the fabric, close up", "worn"} {
		images[n] = media.Image{URL: fmt.Sprintf("https://img.example/%s-%d.jpg", handle, n+1), Alt: fmt.Sprintf("Bench product %03d, %s", i, alt), Rank: n}
	}
	create := tx.Product.Create().SetTenantID(tenantID).SetTitle(fmt.Sprintf("Bench product %03d", i)).SetHandle(handle).
		SetStatus(product.StatusPublished).
		SetDescription(fmt.Sprintf("Bench product %03d is a cotton shirt of the benchmark catalog, cut straight with a soft collar. "+
			"It is sold in three sizes, each with its own photograph, and ships folded in a box.", i)).
		SetSubtitle("Soft cotton, straight cut").SetProductType("Shirt").SetMaterial("Cotton").SetOriginCountry("SA").
		SetThumbnail("https://img.example/" + handle + ".jpg").SetImages(images).SetTags([]string{"bench"}).
		SetCategoryID(groups.categories[i%len(groups.categories)])
	if i%5 != 4 {
		create.SetCollectionID(groups.collections[i%len(groups.collections)])
	}
	p, err := create.Save(ctx)
	if err != nil {
		return err
	}
	if err := tx.ProductOption.Create().SetTenantID(tenantID).SetProductID(p.ID).SetTitle("Size").SetValues(benchSizes).Exec(ctx); err != nil {
		return err
	}
	// Products 0..119 are in store one; 100..199 in store two: 100..119 are in both.
	if i < inStoreOne {
		if err := tx.SalesChannel.UpdateOneID(ch1).AddProductIDs(p.ID).Exec(ctx); err != nil {
			return err
		}
	}
	if i >= inStoreOne-sharedCount {
		if err := tx.SalesChannel.UpdateOneID(ch2).AddProductIDs(p.ID).Exec(ctx); err != nil {
			return err
		}
	}
	for v := 0; v < variantsEach; v++ {
		size := benchSizes[v]
		pv, err := tx.ProductVariant.Create().SetTenantID(tenantID).SetProductID(p.ID).
			SetTitle(size).SetSku(fmt.Sprintf("%s-%d", handle, v)).SetOptionValues(map[string]string{"Size": size}).
			SetWeight(250 + 50*v).SetLength(300).SetWidth(250).SetHeight(30 + 10*v).
			SetImages([]media.Image{{URL: fmt.Sprintf("https://img.example/%s-%s.jpg", handle, size), Alt: fmt.Sprintf("Bench product %03d in size %s, folded", i, size)}}).
			Save(ctx)
		if err != nil {
			return err
		}
		amount := int64(1000 + 100*i + 10*v)
		if err := tx.Price.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetCurrencyCode("SAR").SetAmount(amount).Exec(ctx); err != nil {
			return err
		}
		if err := tx.Price.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetCurrencyCode("AED").SetAmount(amount * 98 / 100).Exec(ctx); err != nil {
			return err
		}
		if err := tx.InventoryLevel.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetLocationID(locationID).SetStockedQuantity(benchStock).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
