package access_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
)

// commerceMutationCases are the write rows of the catalog, pricing, inventory, customers,
// carts and orders. Every cell runs on a fresh fixture; a refused write must leave every
// table as it was (see runCell), not only the audit log.
func commerceMutationCases() []Case {
	return slices.Concat(catalogMutationCases(), cartMutationCases(), orderMutationCases(), paymentMutationCases())
}

// catalogMutationCases are the write rows of the catalog, pricing, inventory and
// customer accounts.
//
// The conventions of mutationCases hold: a row the caller cannot see is NOT_FOUND, a
// write its role may not make on a row it sees is FORBIDDEN. A caller that sees no row
// of a type at all (a shopper and stock locations, an anonymous caller with no store and
// carts) is FORBIDDEN.
func catalogMutationCases() []Case {
	forbidden, notFound, badInput := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("BAD_USER_INPUT")
	unauthenticated := Deny("UNAUTHENTICATED")
	all := sameForAll
	vars := func(build func(f *fx) map[string]any) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return build(f) }
	}
	byID := func(pick func(f *fx) int) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"id": gid(pick(f))} })
	}
	tenantInput := func(pick func(f *fx) *ent.Tenant, in map[string]any) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any {
			m := map[string]any{"tenantId": gid(pick(f).ID)}
			for k, v := range in {
				m[k] = v
			}
			return map[string]any{"in": m}
		})
	}
	tenantA := func(f *fx) *ent.Tenant { return f.TenantA }
	tenantB := func(f *fx) *ent.Tenant { return f.TenantB }
	storeA1 := func(f *fx) int { return f.StoreA1.ID }
	storeA2 := func(f *fx) int { return f.StoreA2.ID }
	productID := func(handle string) func(f *fx) int { return func(f *fx) int { return f.Products[handle].ID } }
	variantID := func(handle string) func(f *fx) int { return func(f *fx) int { return f.Variants[handle].ID } }
	priceOf := func(t testing.TB, f *fx, handle, currency string) int {
		p, err := f.DB.Client.Price.Query().Where(price.VariantID(f.Variants[handle].ID), price.CurrencyCode(currency)).Only(sysCtx())
		if err != nil {
			t.Fatalf("price of %s in %s: %v", handle, currency, err)
		}
		return p.ID
	}
	productGone := func(handle string) Check {
		return func(f *fx, _ any) error {
			if n, err := f.DB.Client.Product.Query().Where(product.Handle(handle)).Count(sysCtx()); err != nil || n != 0 {
				return fmt.Errorf("product %s is still there (%d, %v)", handle, n, err)
			}
			return nil
		}
	}

	// The catalog of A, written: its admins (and the platform) write it; its managers and
	// shoppers see (some of) it and are refused; B cannot see it.
	catalogA := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
	}
	// A row of B: A's principals cannot see it, anonymous sees B's public face at most.
	ofB := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: unauthenticated}
	}
	// A vendor's people, unlike A's customer, see no row of the type (categories,
	// collections, regions, shipping options: a customer's of its tenant): FORBIDDEN.
	vendorsSeeNone := func(c Cells) Cells {
		c.V = forbidden
		return c
	}
	// A product (part) of B: a customer with no store sees no product at all.
	productOfB := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: notFound, SK: ok, AN: unauthenticated}
	}

	const createProductOp = `mutation($in: CreateProductInput!) { createProduct(input: $in) { handle status tenant { handle } } }`
	const updateProductOp = `mutation($id: ID!) { updateProduct(id: $id, input: {title: "Renamed"}) { handle title } }`
	const deleteProductOp = `mutation($id: ID!) { deleteProduct(id: $id) }`
	const createVariantOp = `mutation($p: ID!) { createProductVariant(input: {productId: $p, title: "Large", sku: "SKU-large"}) { sku product { handle } } }`
	const updateVariantOp = `mutation($id: ID!) { updateProductVariant(id: $id, input: {title: "Renamed"}) { sku title } }`
	const deleteVariantOp = `mutation($id: ID!) { deleteProductVariant(id: $id) }`
	const createCategoryOp = `mutation($in: CategoryTreeInput!) { createProductCategory(input: $in) { handle tenant { handle } } }`
	const deleteCategoryOp = `mutation($id: ID!) { deleteProductCategory(id: $id) }`
	const createCollectionOp = `mutation($in: CollectionInput!) { createProductCollection(input: $in) { handle tenant { handle } } }`
	const deleteCollectionOp = `mutation($id: ID!) { deleteProductCollection(id: $id) }`
	const createChannelOp = `mutation($s: ID!) { createSalesChannel(input: {storeId: $s, name: "Pop-up"}) { name store { handle } } }`
	const assignOp = `mutation($ch: ID!, $ps: [ID!]!) { assignProductsToSalesChannel(salesChannelId: $ch, productIds: $ps) { name } }`
	const removeOp = `mutation($ch: ID!, $ps: [ID!]!) { removeProductsFromSalesChannel(salesChannelId: $ch, productIds: $ps) { name } }`
	channelProducts := func(ch func(f *fx) *ent.SalesChannel, handles ...string) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any {
			ps := make([]string, len(handles))
			for i, h := range handles {
				ps[i] = gid(f.Products[h].ID)
			}
			return map[string]any{"ch": gid(ch(f).ID), "ps": ps}
		})
	}
	channelA1 := func(f *fx) *ent.SalesChannel { return f.ChannelA1 }
	channelA2 := func(f *fx) *ent.SalesChannel { return f.ChannelA2 }

	const regionFields = `name currencyCode taxRate taxInclusive`
	const createRegionOp = `mutation($in: RegionInput!) { createRegion(input: $in) { ` + regionFields + ` } }`
	const updateRegionOp = `mutation($id: ID!, $in: RegionInput!) { updateRegion(id: $id, input: $in) { ` + regionFields + ` } }`
	const setPriceOp = `mutation($in: SetPriceInput!) { setPrice(input: $in) { amount currencyCode } }`
	const deletePriceOp = `mutation($id: ID!) { deletePrice(id: $id) }`
	const createShippingOp = `mutation($r: ID!) { createShippingOption(input: {regionId: $r, name: "Express", amount: 5000}) { name amount region { name } } }`
	const deleteShippingOp = `mutation($id: ID!) { deleteShippingOption(id: $id) }`
	const createLocationOp = `mutation($in: StockLocationInput!) { createStockLocation(input: $in) { name tenant { handle } } }`
	const setStockOp = `mutation($v: ID!, $l: ID!) { setStockLevel(variantId: $v, locationId: $l, stockedQuantity: 20) { stockedQuantity reservedQuantity } }`
	regionInput := func(name, currency string) map[string]any {
		return map[string]any{"name": name, "currencyCode": currency, "countries": []string{"SA"}, "taxRate": 15, "taxInclusive": true}
	}
	stockOf := func(handle string, loc func(f *fx) *ent.StockLocation) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any {
			return map[string]any{"v": gid(f.Variants[handle].ID), "l": gid(loc(f).ID)}
		})
	}

	return []Case{
		// Products and variants: tenant admins write the catalog.
		{
			Name:   "createProduct/A",
			Op:     createProductOp,
			Vars:   tenantInput(tenantA, map[string]any{"title": "Kufi", "handle": "kufi"}),
			Expect: catalogA(Allow(Eq("createProduct.handle", "kufi"), Eq("createProduct.tenant.handle", "acme"))),
		},
		{
			Name:   "createProduct/B",
			Op:     createProductOp,
			Vars:   tenantInput(tenantB, map[string]any{"title": "Widget", "handle": "widget"}),
			Expect: ofB(Allow(Eq("createProduct.handle", "widget"), Eq("createProduct.tenant.handle", "bolt"))),
		},
		{
			// A customer with no store sees no product; A1's key sees thobe, sold in A1.
			Name:   "updateProduct/thobe",
			Op:     updateProductOp,
			Vars:   byID(productID("thobe")),
			Expect: catalogA(Allow(Eq("updateProduct.title", "Renamed"))),
		},
		{
			// Hijab is sold in A2 only: A1's key does not see it.
			Name: "updateProduct/hijab (A2 only)",
			Op:   updateProductOp,
			Vars: byID(productID("hijab")),
			Expect: func() Cells {
				ok := Allow(Eq("updateProduct.title", "Renamed"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name:   "updateProduct/gadget of B",
			Op:     updateProductOp,
			Vars:   byID(productID("gadget")),
			Expect: productOfB(Allow(Eq("updateProduct.title", "Renamed"))),
		},
		{
			// A draft: no storefront sees it.
			Name: "deleteProduct/draft-oud",
			Op:   deleteProductOp,
			Vars: byID(productID("draft-oud")),
			Expect: func() Cells {
				ok := Allow(EqF("deleteProduct", func(f *fx) any { return gid(f.Products["draft-oud"].ID) }), productGone("draft-oud"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			// A unit of gadget is reserved for B1's order: refused after the policy.
			Name:   "deleteProduct/gadget of B",
			Op:     deleteProductOp,
			Vars:   byID(productID("gadget")),
			Expect: productOfB(Deny("CONFLICT")),
		},
		{
			Name:   "createProductVariant/thobe",
			Op:     createVariantOp,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"p": gid(f.Products["thobe"].ID)} }),
			Expect: catalogA(Allow(Eq("createProductVariant.sku", "SKU-large"), Eq("createProductVariant.product.handle", "thobe"))),
		},
		{
			Name:   "createProductVariant/gadget of B",
			Op:     createVariantOp,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"p": gid(f.Products["gadget"].ID)} }),
			Expect: productOfB(Allow(Eq("createProductVariant.product.handle", "gadget"))),
		},
		{
			Name:   "updateProductVariant/thobe",
			Op:     updateVariantOp,
			Vars:   byID(variantID("thobe")),
			Expect: catalogA(Allow(Eq("updateProductVariant.title", "Renamed"))),
		},
		{
			Name: "updateProductVariant/hijab (A2 only)",
			Op:   updateVariantOp,
			Vars: byID(variantID("hijab")),
			Expect: func() Cells {
				ok := Allow(Eq("updateProductVariant.title", "Renamed"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name:   "updateProductVariant/gadget of B",
			Op:     updateVariantOp,
			Vars:   byID(variantID("gadget")),
			Expect: productOfB(Allow(Eq("updateProductVariant.title", "Renamed"))),
		},
		{
			Name: "deleteProductVariant/draft-oud",
			Op:   deleteVariantOp,
			Vars: byID(variantID("draft-oud")),
			Expect: func() Cells {
				ok := Allow(EqF("deleteProductVariant", func(f *fx) any { return gid(f.Variants["draft-oud"].ID) }))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name:   "deleteProductVariant/gadget of B",
			Op:     deleteVariantOp,
			Vars:   byID(variantID("gadget")),
			Expect: productOfB(Deny("CONFLICT")), // its stock is reserved for B1's order
		},

		// Categories and collections: reference data every shopper of the tenant reads.
		{
			Name:   "createProductCategory/A",
			Op:     createCategoryOp,
			Vars:   tenantInput(tenantA, map[string]any{"name": "Kids", "handle": "kids"}),
			Expect: catalogA(Allow(Eq("createProductCategory.handle", "kids"), Eq("createProductCategory.tenant.handle", "acme"))),
		},
		{
			Name:   "createProductCategory/B",
			Op:     createCategoryOp,
			Vars:   tenantInput(tenantB, map[string]any{"name": "Kids", "handle": "kids"}),
			Expect: ofB(Allow(Eq("createProductCategory.tenant.handle", "bolt"))),
		},
		{
			Name:   "deleteProductCategory/A",
			Op:     deleteCategoryOp,
			Vars:   byID(func(f *fx) int { return f.CategoryA.ID }),
			Expect: catalogA(Allow(EqF("deleteProductCategory", func(f *fx) any { return gid(f.CategoryA.ID) }))),
		},
		{
			Name:   "deleteProductCategory/B",
			Op:     deleteCategoryOp,
			Vars:   byID(func(f *fx) int { return f.CategoryB.ID }),
			Expect: vendorsSeeNone(ofB(Allow(EqF("deleteProductCategory", func(f *fx) any { return gid(f.CategoryB.ID) })))),
		},
		{
			Name:   "createProductCollection/A",
			Op:     createCollectionOp,
			Vars:   tenantInput(tenantA, map[string]any{"title": "Summer", "handle": "summer"}),
			Expect: catalogA(Allow(Eq("createProductCollection.handle", "summer"), Eq("createProductCollection.tenant.handle", "acme"))),
		},
		{
			Name:   "createProductCollection/B",
			Op:     createCollectionOp,
			Vars:   tenantInput(tenantB, map[string]any{"title": "Summer", "handle": "summer"}),
			Expect: ofB(Allow(Eq("createProductCollection.tenant.handle", "bolt"))),
		},
		{
			Name:   "deleteProductCollection/A",
			Op:     deleteCollectionOp,
			Vars:   byID(func(f *fx) int { return f.CollectionA.ID }),
			Expect: catalogA(Allow(EqF("deleteProductCollection", func(f *fx) any { return gid(f.CollectionA.ID) }))),
		},
		{
			Name:   "deleteProductCollection/B",
			Op:     deleteCollectionOp,
			Vars:   byID(func(f *fx) int { return f.CollectionB.ID }),
			Expect: vendorsSeeNone(ofB(Allow(EqF("deleteProductCollection", func(f *fx) any { return gid(f.CollectionB.ID) })))),
		},

		// Sales channels: admins create them; admins and the store's managers assign
		// products to them.
		{
			Name: "createSalesChannel/A1",
			Op:   createChannelOp,
			Vars: vars(func(f *fx) map[string]any { return map[string]any{"s": gid(f.StoreA1.ID)} }),
			Expect: func() Cells {
				c := catalogA(Allow(Eq("createSalesChannel.name", "Pop-up"), Eq("createSalesChannel.store.handle", "a1")))
				c.V = notFound // a vendor's people do not see A1 (see "stores")
				return c
			}(),
		},
		{
			Name:   "createSalesChannel/B1",
			Op:     createChannelOp,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"s": gid(f.StoreB1.ID)} }),
			Expect: ofB(Allow(Eq("createSalesChannel.store.handle", "b1"))),
		},
		{
			Name: "assignProductsToSalesChannel/hijab into A1",
			Op:   assignOp,
			Vars: channelProducts(channelA1, "hijab"),
			Expect: func() Cells {
				ok := Allow(Eq("assignProductsToSalesChannel.name", "A One"), inChannel("hijab", storeA1, true))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "assignProductsToSalesChannel/thobe into A2",
			Op:   assignOp,
			Vars: channelProducts(channelA2, "thobe"),
			Expect: func() Cells {
				ok := Allow(Eq("assignProductsToSalesChannel.name", "A Two"), inChannel("thobe", storeA2, true))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			// B's product into A's channel: the platform sees both and is refused as bad
			// input; A's staff do not see the product.
			Name:   "assignProductsToSalesChannel/gadget of B into A1",
			Op:     assignOp,
			Vars:   channelProducts(channelA1, "gadget"),
			Expect: Cells{SA: badInput, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated},
		},
		{
			Name: "assignProductsToSalesChannel/gadget into B1",
			Op:   assignOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"ch": gid(f.ChanB.ID), "ps": []string{gid(f.Products["gadget"].ID)}}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("assignProductsToSalesChannel.name", "B One"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "removeProductsFromSalesChannel/abaya from A1",
			Op:   removeOp,
			Vars: channelProducts(channelA1, "abaya"),
			Expect: func() Cells {
				ok := Allow(Eq("removeProductsFromSalesChannel.name", "A One"), inChannel("abaya", storeA1, false))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "removeProductsFromSalesChannel/abaya from A2",
			Op:   removeOp,
			Vars: channelProducts(channelA2, "abaya"),
			Expect: func() Cells {
				ok := Allow(Eq("removeProductsFromSalesChannel.name", "A Two"), inChannel("abaya", storeA2, false))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},

		// Regions, prices, shipping options, stock: tenant admins.
		{
			Name:   "createRegion/A",
			Op:     createRegionOp,
			Vars:   tenantInput(tenantA, regionInput("Bahrain", "BHD")),
			Expect: catalogA(Allow(Eq("createRegion.name", "Bahrain"), Eq("createRegion.taxRate", 15))),
		},
		{
			Name:   "createRegion/B",
			Op:     createRegionOp,
			Vars:   tenantInput(tenantB, regionInput("Bahrain", "BHD")),
			Expect: ofB(Allow(Eq("createRegion.name", "Bahrain"))),
		},
		{
			Name: "updateRegion/A's SAR",
			Op:   updateRegionOp,
			Vars: vars(func(f *fx) map[string]any {
				in := regionInput("KSA", "SAR")
				in["tenantId"] = gid(f.TenantA.ID)
				return map[string]any{"id": gid(f.SAR.ID), "in": in}
			}),
			Expect: catalogA(Allow(Eq("updateRegion.name", "KSA"), Eq("updateRegion.currencyCode", "SAR"))),
		},
		{
			Name: "updateRegion/B's",
			Op:   updateRegionOp,
			Vars: vars(func(f *fx) map[string]any {
				in := regionInput("Saudi", "SAR")
				in["tenantId"] = gid(f.TenantB.ID)
				return map[string]any{"id": gid(f.RegionB.ID), "in": in}
			}),
			Expect: vendorsSeeNone(ofB(Allow(Eq("updateRegion.name", "Saudi")))),
		},
		{
			Name: "setPrice/thobe",
			Op:   setPriceOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"variantId": gid(f.Variants["thobe"].ID), "currencyCode": "SAR", "amount": 26000}}
			}),
			Expect: catalogA(Allow(Eq("setPrice.amount", 26000), Eq("setPrice.currencyCode", "SAR"))),
		},
		{
			Name: "setPrice/gadget of B",
			Op:   setPriceOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"variantId": gid(f.Variants["gadget"].ID), "currencyCode": "SAR", "amount": 11000}}
			}),
			Expect: productOfB(Allow(Eq("setPrice.amount", 11000))),
		},
		{
			// A's variant priced for B's region: the platform is refused as bad input;
			// A's staff and key do not see the region.
			Name: "setPrice/thobe in B's region",
			Op:   setPriceOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"variantId": gid(f.Variants["thobe"].ID), "currencyCode": "SAR",
					"amount": 26000, "regionId": gid(f.RegionB.ID)}}
			}),
			Expect: Cells{SA: badInput, TA: notFound, SM: notFound, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated},
		},
		{
			Name: "deletePrice/thobe AED",
			Op:   deletePriceOp,
			Vars: func(t testing.TB, f *fx) map[string]any {
				return map[string]any{"id": gid(priceOf(t, f, "thobe", "AED"))}
			},
			Expect: catalogA(Allow(NotNull("deletePrice"))),
		},
		{
			Name: "deletePrice/gadget of B",
			Op:   deletePriceOp,
			Vars: func(t testing.TB, f *fx) map[string]any {
				return map[string]any{"id": gid(priceOf(t, f, "gadget", "SAR"))}
			},
			Expect: productOfB(Allow(NotNull("deletePrice"))),
		},
		{
			Name:   "createShippingOption/A's SAR",
			Op:     createShippingOp,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"r": gid(f.SAR.ID)} }),
			Expect: catalogA(Allow(Eq("createShippingOption.name", "Express"), Eq("createShippingOption.region.name", "Saudi Arabia"))),
		},
		{
			Name:   "createShippingOption/B's",
			Op:     createShippingOp,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"r": gid(f.RegionB.ID)} }),
			Expect: vendorsSeeNone(ofB(Allow(Eq("createShippingOption.region.name", "KSA")))),
		},
		{
			Name:   "deleteShippingOption/A's SAR standard",
			Op:     deleteShippingOp,
			Vars:   byID(func(f *fx) int { return f.ShipSAR.ID }),
			Expect: catalogA(Allow(EqF("deleteShippingOption", func(f *fx) any { return gid(f.ShipSAR.ID) }))),
		},
		{
			Name:   "deleteShippingOption/B's standard",
			Op:     deleteShippingOp,
			Vars:   byID(func(f *fx) int { return f.ShipB.ID }),
			Expect: vendorsSeeNone(ofB(Allow(EqF("deleteShippingOption", func(f *fx) any { return gid(f.ShipB.ID) })))),
		},
		{
			Name:   "createStockLocation/A",
			Op:     createLocationOp,
			Vars:   tenantInput(tenantA, map[string]any{"name": "Dammam"}),
			Expect: catalogA(Allow(Eq("createStockLocation.name", "Dammam"), Eq("createStockLocation.tenant.handle", "acme"))),
		},
		{
			Name:   "createStockLocation/B",
			Op:     createLocationOp,
			Vars:   tenantInput(tenantB, map[string]any{"name": "Dammam"}),
			Expect: ofB(Allow(Eq("createStockLocation.tenant.handle", "bolt"))),
		},
		{
			// One thobe is reserved for A1's order.
			Name:   "setStockLevel/thobe",
			Op:     setStockOp,
			Vars:   stockOf("thobe", func(f *fx) *ent.StockLocation { return f.LocationA }),
			Expect: catalogA(Allow(Eq("setStockLevel.stockedQuantity", 20), Eq("setStockLevel.reservedQuantity", 1))),
		},
		{
			Name:   "setStockLevel/gadget of B",
			Op:     setStockOp,
			Vars:   stockOf("gadget", func(f *fx) *ent.StockLocation { return f.LocationB }),
			Expect: productOfB(Allow(Eq("setStockLevel.stockedQuantity", 20))),
		},
		{
			// A's variant stocked at B's location.
			Name:   "setStockLevel/thobe at B's location",
			Op:     setStockOp,
			Vars:   stockOf("thobe", func(f *fx) *ent.StockLocation { return f.LocationB }),
			Expect: Cells{SA: badInput, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated},
		},

		// Customer accounts: anyone registers and signs in at an open store; a customer
		// keeps its address book.
		{
			Name: "registerCustomer",
			Op:   `mutation { registerCustomer(input: {email: "new@example.test", password: "a-long-enough-password"}) { accessToken user { email } } }`,
			Expect: Cells{SA: badInput, TA: badInput, SM: badInput, CU: badInput,
				PK: Allow(Eq("registerCustomer.user.email", "new@example.test"), NotNull("registerCustomer.accessToken")),
				SK: badInput, AN: badInput},
		},
		{
			Name:    "registerCustomer/storefront",
			Op:      `mutation { registerCustomer(input: {email: "new@example.test", password: "a-long-enough-password"}) { accessToken user { email } } }`,
			Headers: shopping,
			Expect:  all(Allow(Eq("registerCustomer.user.email", "new@example.test"), NotNull("registerCustomer.accessToken"))),
		},
		{
			// At B1, named by storeId: anyone may, except A1's key, bound to A1.
			Name: "registerCustomer/B1 by storeId",
			Op: `mutation($s: ID) { registerCustomer(input: {email: "new@example.test", password: "a-long-enough-password", storeId: $s}) {
				user { email } } }`,
			Vars: vars(func(f *fx) map[string]any { return map[string]any{"s": gid(f.StoreB1.ID)} }),
			Expect: func() Cells {
				ok := Allow(Eq("registerCustomer.user.email", "new@example.test"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: badInput, SK: ok, AN: ok}
			}(),
		},
		{
			Name:   "customerLogin",
			Op:     `mutation($s: ID) { customerLogin(email: "shopper@acme.test", password: "fixture-password", storeId: $s) { accessToken user { email } } }`,
			Vars:   vars(func(f *fx) map[string]any { return map[string]any{"s": gid(f.StoreA1.ID)} }),
			Expect: all(Allow(Eq("customerLogin.user.email", "shopper@acme.test"), NotNull("customerLogin.accessToken"))),
		},
		{
			// A's customer account does not sign in at B's store; A1's key names no other store.
			Name: "customerLogin/A's shopper at B1",
			Op:   `mutation($s: ID) { customerLogin(email: "shopper@acme.test", password: "fixture-password", storeId: $s) { accessToken } }`,
			Vars: vars(func(f *fx) map[string]any { return map[string]any{"s": gid(f.StoreB1.ID)} }),
			Expect: Cells{SA: unauthenticated, TA: unauthenticated, SM: unauthenticated, CU: unauthenticated,
				PK: badInput, SK: unauthenticated, AN: unauthenticated},
		},
		{
			Name: "addCustomerAddress",
			Op: `mutation { addCustomerAddress(input: {firstName: "Sara", lastName: "Ali", address1: "Tahlia St 5", city: "Jeddah", countryCode: "sa"}) {
				city countryCode user { email } } }`,
			Expect: Cells{SA: forbidden, TA: forbidden, SM: forbidden,
				CU: Allow(Eq("addCustomerAddress.countryCode", "SA"), Eq("addCustomerAddress.user.email", "customer@acme.test")),
				PK: unauthenticated, SK: unauthenticated, AN: unauthenticated, V: forbidden}.withCompanyPeople(func(email string) Outcome {
				return Allow(Eq("addCustomerAddress.countryCode", "SA"), Eq("addCustomerAddress.user.email", email))
			}),
		},
		{
			Name: "deleteCustomerAddress/customer A's",
			Op:   `mutation($id: ID!) { deleteCustomerAddress(id: $id) }`,
			Vars: byID(func(f *fx) int { return f.AddressCU.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("deleteCustomerAddress", func(f *fx) any { return gid(f.AddressCU.ID) }))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: ok, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound, C: notFound}
			}(),
		},
		{
			Name: "deleteCustomerAddress/B's shopper's",
			Op:   `mutation($id: ID!) { deleteCustomerAddress(id: $id) }`,
			Vars: byID(func(f *fx) int { return f.AddressShopperB.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("deleteCustomerAddress", func(f *fx) any { return gid(f.AddressShopperB.ID) }))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
	}
}
