package inbound

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
)

// productUpsert creates the product with handle, or updates it: data {handle, title,
// description, subtitle, productType, material, originCountry, status, thumbnail,
// images: [{url, alt, rank}], tags}; title is required to create.
type productUpsert struct {
	handle                    string
	title, description, thumb *string
	details                   catalog.ProductDetails
	status                    *product.Status
	images                    []*catalog.ImageInput
	tags                      []string
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
	for _, d := range []struct {
		name string
		v    **string
	}{{"subtitle", &c.details.Subtitle}, {"productType", &c.details.ProductType}, {"material", &c.details.Material},
		{"originCountry", &c.details.OriginCountry}, {"thumbnail", &c.thumb}} {
		if *d.v, err = f.optStr(d.name); err != nil {
			return nil, err
		}
	}
	status, err := f.oneOf("status", "draft", "published", "archived")
	if err != nil {
		return nil, err
	}
	if status != nil {
		s := product.Status(*status)
		c.status = &s
	}
	if c.images, err = images(f, "images"); err != nil {
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
			Handle: c.handle, Description: c.description, ProductDetails: c.details, Status: c.status, Thumbnail: c.thumb,
			Images: c.images, Tags: c.tags})
	case err == nil:
		_, err = a.catalog.UpdateProduct(ctx, p.ID, catalog.UpdateProductInput{Title: c.title, Description: c.description,
			ProductDetails: c.details, Status: c.status, Thumbnail: c.thumb, Images: c.images, Tags: c.tags})
	}
	return inData(err)
}

// images reads a gallery, [{url, alt, rank}] (alt and rank optional), nil when absent;
// the catalog checks the values.
func images(f fields, name string) ([]*catalog.ImageInput, error) {
	if !f.has(name) {
		return nil, nil
	}
	list, ok := f.m[name].([]any)
	if !ok {
		return nil, apperr.Invalid(f.path+name, "must be a list of images: [{url, alt, rank}]")
	}
	out := make([]*catalog.ImageInput, 0, len(list))
	for i, v := range list {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, apperr.Invalid(fmt.Sprintf("%s%s[%d]", f.path, name, i), "must be an image: {url, alt, rank}")
		}
		im := fields{path: fmt.Sprintf("%s%s[%d].", f.path, name, i), m: m}
		var in catalog.ImageInput
		var err error
		if in.URL, err = im.str("url", true); err != nil {
			return nil, err
		}
		if in.Alt, err = im.optStr("alt"); err != nil {
			return nil, err
		}
		if in.Rank, err = im.integer("rank"); err != nil {
			return nil, err
		}
		out = append(out, &in)
	}
	return out, nil
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
