package inbound

import "context"

// inventorySet sets a variant's stock at a location: data {sku | variantId,
// locationId | location (its name), stockedQuantity}.
type inventorySet struct {
	sku, location    string
	variantID, locID *int
	stocked          int64
}

func parseInventorySet(f fields) (change, error) {
	var c inventorySet
	var err error
	if c.sku, c.variantID, err = f.variantRef(); err != nil {
		return nil, err
	}
	if c.locID, err = f.id("locationId"); err != nil {
		return nil, err
	}
	if c.location, err = f.str("location", c.locID == nil); err != nil {
		return nil, err
	}
	n, err := f.count("stockedQuantity", true)
	if err != nil {
		return nil, err
	}
	c.stocked = *n
	return c, nil
}

func (c inventorySet) apply(ctx context.Context, a applier) error {
	if a.storeID != nil {
		return errStoreLimited
	}
	v, err := a.variantOf(ctx, c.sku, c.variantID)
	if err != nil {
		return err
	}
	l, err := a.locationOf(ctx, c.location, c.locID)
	if err != nil {
		return err
	}
	_, err = a.inventory.SetStockLevel(ctx, v.ID, l.ID, int(c.stocked))
	return inData(err)
}

// variantRef is the variant a change names: by variantId, or else by sku (required then).
func (f fields) variantRef() (sku string, id *int, err error) {
	if id, err = f.id("variantId"); err != nil {
		return "", nil, err
	}
	sku, err = f.str("sku", id == nil)
	return sku, id, err
}
