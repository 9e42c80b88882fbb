package catalog

import (
	"context"
	"maps"
	"sort"
	"strings"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/productoption"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/reservation"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/txn"
)

const skuTaken = "the tenant already has a variant with that SKU"

// CreateVariant adds a purchasable variant to a product. Its option values name every
// option of the product, each with one of its values.
func (s *Service) CreateVariant(ctx context.Context, in CreateVariantInput) (*ent.ProductVariant, error) {
	title, err := Text("title", in.Title, maxTitle)
	if err != nil {
		return nil, err
	}
	sku, err := Text("sku", in.Sku, maxSKU)
	if err != nil {
		return nil, err
	}
	vals, err := optionValues(in.OptionValues)
	if err != nil {
		return nil, err
	}
	barcode, err := variantFields(in.Barcode, in.Weight)
	if err != nil {
		return nil, err
	}
	if err := in.Size.checked(); err != nil {
		return nil, err
	}
	images, err := variantImages(in.Images)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.ProductVariant, error) {
		p, err := tx.Product.Get(ctx, in.ProductID)
		if err != nil {
			return nil, err
		}
		if err := checkOptionValues(ctx, tx, p.ID, 0, vals); err != nil {
			return nil, err
		}
		c := tx.ProductVariant.Create().SetTenantID(p.TenantID).SetProductID(p.ID).SetTitle(title).SetSku(sku).
			SetNillableWeight(in.Weight).
			SetNillableManageInventory(in.ManageInventory).SetNillableAllowBackorder(in.AllowBackorder)
		if len(vals) > 0 {
			c.SetOptionValues(vals)
		}
		if barcode != nil && *barcode != "" {
			c.SetBarcode(*barcode)
		}
		in.Size.apply(c.Mutation())
		if len(images) > 0 {
			c.SetImages(images)
		}
		out, err := c.Save(ctx)
		return out, translate(err, skuTaken)
	})
}

// UpdateVariant changes a variant; nil fields are left as they are.
func (s *Service) UpdateVariant(ctx context.Context, id int, in UpdateVariantInput) (*ent.ProductVariant, error) {
	var title, sku *string
	if in.Title != nil {
		t, err := Text("title", *in.Title, maxTitle)
		if err != nil {
			return nil, err
		}
		title = &t
	}
	if in.Sku != nil {
		k, err := Text("sku", *in.Sku, maxSKU)
		if err != nil {
			return nil, err
		}
		sku = &k
	}
	var vals map[string]string
	if in.OptionValues != nil {
		var err error
		if vals, err = optionValues(in.OptionValues); err != nil {
			return nil, err
		}
	}
	barcode, err := variantFields(in.Barcode, in.Weight)
	if err != nil {
		return nil, err
	}
	if err := in.Size.checked(); err != nil {
		return nil, err
	}
	images, err := variantImages(in.Images)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.ProductVariant, error) {
		v, err := tx.ProductVariant.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.ProductVariant.UpdateOneID(id).SetNillableTitle(title).SetNillableSku(sku).SetNillableWeight(in.Weight).
			SetNillableManageInventory(in.ManageInventory).SetNillableAllowBackorder(in.AllowBackorder)
		switch {
		case barcode == nil:
		case *barcode == "":
			u.ClearBarcode()
		default:
			u.SetBarcode(*barcode)
		}
		in.Size.apply(u.Mutation())
		if images != nil {
			u.SetImages(images)
		}
		if in.OptionValues != nil {
			if err := checkOptionValues(ctx, tx, v.ProductID, v.ID, vals); err != nil {
				return nil, err
			}
			if len(vals) == 0 {
				u.ClearOptionValues()
			} else {
				u.SetOptionValues(vals)
			}
		}
		out, err := u.Save(ctx)
		return out, translate(err, skuTaken)
	})
}

// DeleteVariant deletes a variant with its prices and stock levels.
func (s *Service) DeleteVariant(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.ProductVariant.Get(ctx, id); err != nil {
			return err
		}
		return deleteVariants(ctx, tx, []int{id})
	})
}

// deleteVariants deletes variants the caller has loaded, with their prices and stock
// levels, and takes them out of carts. Stock still reserved for an open order keeps them:
// the order must be shipped or cancelled first, or its reservation would point nowhere.
func deleteVariants(ctx context.Context, tx *ent.Tx, ids []int) error {
	// Under the caller's context, first: one who may not change the catalog stops here.
	if _, err := tx.Price.Delete().Where(price.VariantIDIn(ids...)).Exec(ctx); err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	levels, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantIDIn(ids...)).IDs(ctx)
	if err != nil {
		return err
	}
	// Reservations and cart lines are not the catalog's: they are read and removed past
	// the policies, once the caller has shown it may change these variants.
	sys := access.Bypass(ctx)
	if len(levels) > 0 {
		held, err := tx.Reservation.Query().Where(reservation.InventoryLevelIDIn(levels...), reservation.ReleasedAtIsNil()).Exist(sys)
		if err != nil {
			return err
		}
		if held {
			return apperr.New(apperr.Conflict, "stock of this product is reserved for open orders: ship or cancel them first")
		}
	}
	if _, err := tx.LineItem.Delete().Where(lineitem.VariantIDIn(ids...)).Exec(sys); err != nil {
		return err
	}
	if _, err := tx.InventoryLevel.Delete().Where(inventorylevel.IDIn(levels...)).Exec(ctx); err != nil {
		return err
	}
	_, err = tx.ProductVariant.Delete().Where(productvariant.IDIn(ids...)).Exec(ctx)
	return err
}

// optionValues checks the shape of a variant's option values: option title → value.
func optionValues(in map[string]any) (map[string]string, error) {
	out := make(map[string]string, len(in))
	for k, v := range in {
		s, ok := v.(string)
		if !ok {
			return nil, apperr.Invalid("optionValues", "the value of option %q must be a string", k)
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(s)
	}
	return out, nil
}

// checkOptionValues refuses option values that do not give exactly one allowed value for
// every option of the product, and a combination another variant already has.
func checkOptionValues(ctx context.Context, tx *ent.Tx, productID, variantID int, vals map[string]string) error {
	opts, err := tx.ProductOption.Query().Where(productoption.ProductID(productID)).All(ctx)
	if err != nil {
		return err
	}
	allowed := map[string][]string{}
	var titles []string
	for _, o := range opts {
		allowed[o.Title] = o.Values
		titles = append(titles, o.Title)
	}
	sort.Strings(titles)
	for k, v := range vals {
		vs, ok := allowed[k]
		if !ok {
			if len(titles) == 0 {
				return apperr.Invalid("optionValues", "the product has no options")
			}
			return apperr.Invalid("optionValues", "the product has no option %q (its options: %s)", k, strings.Join(titles, ", "))
		}
		found := false
		for _, a := range vs {
			found = found || a == v
		}
		if !found {
			return apperr.Invalid("optionValues", "%q is not a value of option %q (its values: %s)", v, k, strings.Join(vs, ", "))
		}
	}
	if len(vals) != len(allowed) {
		return apperr.Invalid("optionValues", "give a value for every option: %s", strings.Join(titles, ", "))
	}
	if len(vals) == 0 {
		return nil
	}
	others, err := tx.ProductVariant.Query().Where(productvariant.ProductID(productID), productvariant.IDNEQ(variantID)).All(ctx)
	if err != nil {
		return err
	}
	for _, o := range others {
		if maps.Equal(o.OptionValues, vals) {
			return apperr.New(apperr.Conflict, "variant %s already has these option values", o.Sku)
		}
	}
	return nil
}

// variantImages checks a variant's gallery; nil (none given) stays nil.
func variantImages(in []*ImageInput) ([]media.Image, error) {
	if in == nil {
		return nil, nil
	}
	return Images("images", in)
}

func variantFields(barcode *string, weight *int) (*string, error) {
	if weight != nil && *weight < 0 {
		return nil, apperr.Invalid("weight", "weight must not be negative")
	}
	if barcode == nil {
		return nil, nil
	}
	b, err := LongText("barcode", *barcode, maxBarcode)
	return &b, err
}
