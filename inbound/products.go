package inbound

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
)

// productUpsert creates the product with handle, or updates it: data {handle, title,
// description, status, thumbnail, images, tags}; title is required to create.
type productUpsert struct {
	handle                    string
	title, description, thumb *string
	status                    *product.Status
	images, tags              []string
}

func parseProductUpsert(f fields) (change, error) {
	var c productUpsert
	var err error
	if c.handle, err = f.str("handle", true); err != nil {
		return nil, err
	}
	if c.title, err = f.optStr("title"); err != nil {
		return nil, err
	}
	if c.description, err = f.optStr("description"); err != nil {
		return nil, err
	}
	if c.thumb, err = f.optStr("thumbnail"); err != nil {
		return nil, err
	}
	status, err := f.oneOf("status", "draft", "published", "archived")
	if err != nil {
		return nil, err
	}
	if status != nil {
		s := product.Status(*status)
		c.status = &s
	}
	if c.images, err = f.strings("images"); err != nil {
		return nil, err
	}
	if c.tags, err = f.strings("tags"); err != nil {
		return nil, err
	}
	return c, nil
}

func (c productUpsert) apply(ctx context.Context, a applier) error {
	if a.storeID != nil {
		return errStoreLimited
	}
	p, err := a.productOf(ctx, c.handle, nil)
	switch {
	case ent.IsNotFound(err):
		if c.title == nil {
			return apperr.Invalid("data.title", "is required to create a product")
		}
		_, err = a.catalog.CreateProduct(ctx, catalog.CreateProductInput{TenantID: a.tenantID, Title: *c.title,
			Handle: c.handle, Description: c.description, Status: c.status, Thumbnail: c.thumb, Images: c.images, Tags: c.tags})
	case err == nil:
		_, err = a.catalog.UpdateProduct(ctx, p.ID, catalog.UpdateProductInput{Title: c.title, Description: c.description,
			Status: c.status, Thumbnail: c.thumb, Images: c.images, Tags: c.tags})
	}
	return inData(err)
}

// productDelete deletes the product with handle or id: data {handle} or {id}.
type productDelete struct {
	handle string
	id     *int
}

func parseProductDelete(f fields) (change, error) {
	var c productDelete
	var err error
	if c.id, err = f.id("id"); err != nil {
		return nil, err
	}
	if c.handle, err = f.str("handle", c.id == nil); err != nil {
		return nil, err
	}
	return c, nil
}

func (c productDelete) apply(ctx context.Context, a applier) error {
	if a.storeID != nil {
		return errStoreLimited
	}
	p, err := a.productOf(ctx, c.handle, c.id)
	if ent.IsNotFound(err) {
		if c.id != nil {
			return apperr.Invalid("data.id", "no such product")
		}
		return apperr.Invalid("data.handle", "no product with that handle")
	}
	if err != nil {
		return err
	}
	return inData(a.catalog.DeleteProduct(ctx, p.ID))
}
