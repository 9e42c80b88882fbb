package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/tenancy"
)

// Many tenants, for measuring whether the platform's cost grows with their number: each
// has one store at its own subdomain, a publishable key, a region and a small catalog
// (smallCatalog products × 2 variants, priced, in stock). Their stores' hosts, keys and
// regions are written to a file that `bench run -stores` rotates over.
const (
	manyPrefix   = "bench-t"
	smallCatalog = 8
)

// seedTenants adds tenants until there are n of the many-tenants kind, writing every
// one's store line to keysFile (appending to the lines of the tenants already there).
func seedTenants(ctx context.Context, a *app.Instance, n int, keysFile string) error {
	have, err := a.Client.Tenant.Query().Where(tenant.HandleHasPrefix(manyPrefix)).Count(ctx)
	if err != nil {
		return err
	}
	if have >= n {
		fmt.Printf("%d tenants of the many-tenants kind already seeded\n", have)
		return nil
	}
	f, err := os.OpenFile(keysFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	var (
		mu   sync.Mutex
		out  = bufio.NewWriter(f)
		next atomic.Int64
		done atomic.Int64
	)
	next.Store(int64(have))
	g, ctx := errgroup.WithContext(ctx)
	for range 4 { // enough to keep PostgreSQL busy on a small machine
		g.Go(func() error {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return nil
				}
				line, err := seedSmallTenant(ctx, a, i)
				if err != nil {
					return fmt.Errorf("tenant %d: %w", i, err)
				}
				mu.Lock()
				_, err = out.WriteString(line)
				mu.Unlock()
				if err != nil {
					return err
				}
				if d := done.Add(1); d%500 == 0 {
					fmt.Printf("  %d tenants added\n", d)
				}
			}
		})
	}
	err = g.Wait()
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Printf("seeded %d tenants (%d in all), their stores in %s\n", done.Load(), n, keysFile)
	return nil
}

// seedSmallTenant creates tenant i and returns its line: host, publishable key, region.
func seedSmallTenant(ctx context.Context, a *app.Instance, i int) (string, error) {
	handle := fmt.Sprintf("%s%05d", manyPrefix, i)
	tier := tenant.SubscriptionTierEnterprise
	t, err := a.Tenancy.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: handle, Name: fmt.Sprintf("Tenant %05d", i), SubscriptionTier: &tier})
	if err != nil {
		return "", err
	}
	sub := handle
	st, err := a.Tenancy.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: t.ID, Handle: handle, Name: fmt.Sprintf("Store %05d", i), Subdomain: &sub})
	if err != nil {
		return "", err
	}
	key, err := a.Tenancy.CreateAPIKey(ctx, tenancy.CreateAPIKeyInput{TenantID: t.ID, StoreID: &st.ID, Kind: apikey.KindPublishable, Name: "storefront"})
	if err != nil {
		return "", err
	}
	ch, err := a.Client.SalesChannel.Query().Where(saleschannel.StoreID(st.ID)).Only(ctx)
	if err != nil {
		return "", err
	}
	tx, err := a.Client.Tx(ctx)
	if err != nil {
		return "", err
	}
	region, err := seedSmallCatalog(ctx, tx, t.ID, ch.ID, handle)
	if err != nil {
		_ = tx.Rollback()
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s.%s\t%s\t%d\n", handle, a.Config.PlatformDomain, key.Token, region), nil
}

func seedSmallCatalog(ctx context.Context, tx *ent.Tx, tenantID, channelID int, handle string) (int, error) {
	region, err := tx.Region.Create().SetTenantID(tenantID).SetName("Saudi Arabia").SetCurrencyCode("SAR").
		SetCountries([]string{"SA"}).SetTaxRateBps(1500).SetTaxInclusive(true).Save(ctx)
	if err != nil {
		return 0, err
	}
	loc, err := tx.StockLocation.Create().SetTenantID(tenantID).SetName("Warehouse").Save(ctx)
	if err != nil {
		return 0, err
	}
	products := make([]*ent.ProductCreate, smallCatalog)
	for p := range products {
		h := fmt.Sprintf("%s-p%d", handle, p)
		products[p] = tx.Product.Create().SetTenantID(tenantID).SetTitle(fmt.Sprintf("Product %d of %s", p, handle)).
			SetHandle(h).SetStatus(product.StatusPublished).SetSubtitle("Soft cotton").
			SetThumbnail("https://img.example/" + h + ".jpg").
			SetImages([]media.Image{{URL: "https://img.example/" + h + "-1.jpg", Alt: "The front"}, {URL: "https://img.example/" + h + "-2.jpg", Alt: "The back", Rank: 1}})
	}
	ps, err := tx.Product.CreateBulk(products...).Save(ctx)
	if err != nil {
		return 0, err
	}
	ids := make([]int, len(ps))
	var variants []*ent.ProductVariantCreate
	for n, p := range ps {
		ids[n] = p.ID
		for v, size := range []string{"S", "M"} {
			variants = append(variants, tx.ProductVariant.Create().SetTenantID(tenantID).SetProductID(p.ID).
				SetTitle(size).SetSku(fmt.Sprintf("%s-%d", p.Handle, v)).SetOptionValues(map[string]string{"Size": size}))
		}
	}
	if err := tx.SalesChannel.UpdateOneID(channelID).AddProductIDs(ids...).Exec(ctx); err != nil {
		return 0, err
	}
	vs, err := tx.ProductVariant.CreateBulk(variants...).Save(ctx)
	if err != nil {
		return 0, err
	}
	prices := make([]*ent.PriceCreate, len(vs))
	levels := make([]*ent.InventoryLevelCreate, len(vs))
	for n, v := range vs {
		prices[n] = tx.Price.Create().SetTenantID(tenantID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(int64(1000 + 10*n))
		levels[n] = tx.InventoryLevel.Create().SetTenantID(tenantID).SetVariantID(v.ID).SetLocationID(loc.ID).SetStockedQuantity(benchStock)
	}
	if err := tx.Price.CreateBulk(prices...).Exec(ctx); err != nil {
		return 0, err
	}
	return region.ID, tx.InventoryLevel.CreateBulk(levels...).Exec(ctx)
}
