package access_test

import (
	"fmt"

	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
)

// Len checks that the list (or connection) at path has n items.
func Len(path string, n int) Check {
	return func(_ *fx, data any) error {
		its, err := items(data, path)
		if err != nil {
			return err
		}
		if len(its) != n {
			return fmt.Errorf("%s: %d items, want %d", path, len(its), n)
		}
		return nil
	}
}

// What the fixture's catalog holds, by product handle: the one variant's SKU, its SAR
// price, how many prices it has, and the units available once the fixture's orders
// reserved theirs (a thobe and an abaya in A1, a hijab in A2, a gadget in B1).
var (
	priceSAR   = map[string]int{"thobe": 25000, "abaya": 40000, "hijab": 5000, "draft-oud": 90000, "gadget": 10000}
	priceCount = map[string]int{"thobe": 2, "abaya": 2, "hijab": 2, "draft-oud": 1, "gadget": 1}
	available  = map[string]int{"thobe": 9, "abaya": 2, "hijab": 9, "draft-oud": 10, "gadget": 9}
)

// shelf is how one product shows to a caller: the sales channels (by name) it sees the
// product in, and whether it sees the variant's prices (staff) or none (shoppers).
type shelf struct {
	channels []string
	staff    bool
}

// productSelection is what Catalog reads of each product, priced in SAR.
const productSelection = `handle salesChannels { name }
	variants { sku availableQuantity calculatedPrice { amount currencyCode } prices { amount currencyCode } }`

// Catalog checks exactly which products are at path (a connection of productSelection)
// and how each shows: its channels, its SAR price, its stock and (staff) its prices.
func Catalog(path string, want map[string]shelf) Check {
	return func(f *fx, data any) error {
		handles := make([]string, 0, len(want))
		for h := range want {
			handles = append(handles, h)
		}
		if err := Handles(path, handles...)(f, data); err != nil {
			return err
		}
		its, _ := items(data, path)
		for i, it := range its {
			h, _ := it["handle"].(string)
			s := want[h]
			prices := 0
			if s.staff {
				prices = priceCount[h]
			}
			p := fmt.Sprintf("%s.edges.%d.node", path, i)
			if err := All(
				Set(p+".salesChannels", "name", s.channels...),
				Len(p+".variants", 1),
				Eq(p+".variants.0.sku", "SKU-"+h),
				Eq(p+".variants.0.availableQuantity", available[h]),
				Eq(p+".variants.0.calculatedPrice", map[string]any{"amount": priceSAR[h], "currencyCode": "SAR"}),
				Len(p+".variants.0.prices", prices),
			)(f, data); err != nil {
				return fmt.Errorf("%s (%s): %w", p, h, err)
			}
		}
		return nil
	}
}

// Shelves checks exactly which products are at path (a connection of handle,
// salesChannels { name } and variants { availableQuantity calculatedPrice } in SAR) and
// the channels the caller sees each in.
func Shelves(path string, want map[string][]string) Check {
	return func(f *fx, data any) error {
		handles := make([]string, 0, len(want))
		for h := range want {
			handles = append(handles, h)
		}
		if err := Handles(path, handles...)(f, data); err != nil {
			return err
		}
		its, _ := items(data, path)
		for i, it := range its {
			h, _ := it["handle"].(string)
			p := fmt.Sprintf("%s.edges.%d.node", path, i)
			if err := All(
				Set(p+".salesChannels", "name", want[h]...),
				Eq(p+".variants.0.availableQuantity", available[h]),
				Eq(p+".variants.0.calculatedPrice", map[string]any{"amount": priceSAR[h], "currencyCode": "SAR"}),
			)(f, data); err != nil {
				return fmt.Errorf("%s (%s): %w", p, h, err)
			}
		}
		return nil
	}
}

// inChannel checks in the database whether the product with handle is in the sales
// channel of store storeOf(f).
func inChannel(handle string, storeOf func(f *fx) int, want bool) Check {
	return func(f *fx, _ any) error {
		n, err := f.DB.Client.Product.Query().Where(product.Handle(handle),
			product.HasSalesChannelsWith(saleschannel.StoreID(storeOf(f)))).Count(sysCtx())
		if err != nil {
			return err
		}
		if (n > 0) != want {
			return fmt.Errorf("%s in the channel: %v, want %v", handle, n > 0, want)
		}
		return nil
	}
}
