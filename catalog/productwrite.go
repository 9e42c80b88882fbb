package catalog

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productoption"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/media"
	"github.com/dakkah/cityos/txn"
)

const productHandleTaken = "the tenant already has a product with that handle"

// CreateProduct creates a product with its options (its variants come after).
func (s *Service) CreateProduct(ctx context.Context, in CreateProductInput) (*ent.Product, error) {
	title, err := Text("title", in.Title, maxTitle)
	if err != nil {
		return nil, err
	}
	handle, err := Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	f, err := productFields(in.Description, in.Status, in.Thumbnail, in.Images, in.Tags)
	if err != nil {
		return nil, err
	}
	details, err := in.ProductDetails.checked()
	if err != nil {
		return nil, err
	}
	opts, err := options("options", in.Options)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Product, error) {
		// Reading the tenant (and the vendor) first turns "not yours" into NOT_FOUND.
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		if in.VendorID != nil {
			if _, err := tx.Vendor.Get(ctx, *in.VendorID); err != nil {
				return nil, err
			}
		}
		if err := checkRefs(ctx, tx, in.TenantID, in.CategoryID, in.CollectionID); err != nil {
			return nil, err
		}
		c := tx.Product.Create().SetTenantID(in.TenantID).SetTitle(title).SetHandle(handle).
			SetNillableStatus(in.Status).SetNillableCategoryID(in.CategoryID).SetNillableCollectionID(in.CollectionID).
			SetNillableVendorID(in.VendorID)
		if f.description != nil {
			c.SetDescription(*f.description)
		}
		if f.thumbnail != nil && *f.thumbnail != "" {
			c.SetThumbnail(*f.thumbnail)
		}
		if f.images != nil {
			c.SetImages(f.images)
		}
		if f.tags != nil {
			c.SetTags(f.tags)
		}
		if in.Metadata != nil {
			c.SetMetadata(in.Metadata)
		}
		details.apply(c.Mutation())
		p, err := c.Save(ctx)
		if err != nil {
			return nil, translate(err, productHandleTaken)
		}
		for _, o := range opts {
			if err := tx.ProductOption.Create().SetTenantID(p.TenantID).SetProductID(p.ID).
				SetTitle(o.Title).SetValues(o.Values).Exec(ctx); err != nil {
				return nil, err
			}
		}
		return p, nil
	})
}

// UpdateProduct changes a product; nil fields are left as they are.
func (s *Service) UpdateProduct(ctx context.Context, id int, in UpdateProductInput) (*ent.Product, error) {
	f, err := productFields(in.Description, in.Status, in.Thumbnail, in.Images, in.Tags)
	if err != nil {
		return nil, err
	}
	details, err := in.ProductDetails.checked()
	if err != nil {
		return nil, err
	}
	var title, handle *string
	if in.Title != nil {
		t, err := Text("title", *in.Title, maxTitle)
		if err != nil {
			return nil, err
		}
		title = &t
	}
	if in.Handle != nil {
		h, err := Handle("handle", *in.Handle)
		if err != nil {
			return nil, err
		}
		handle = &h
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Product, error) {
		p, err := tx.Product.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.Product.UpdateOneID(id).SetNillableStatus(in.Status).SetNillableTitle(title).SetNillableHandle(handle)
		if f.description != nil {
			u.SetDescription(*f.description)
		}
		switch {
		case f.thumbnail == nil:
		case *f.thumbnail == "":
			u.ClearThumbnail()
		default:
			u.SetThumbnail(*f.thumbnail)
		}
		if f.images != nil {
			u.SetImages(f.images)
		}
		if f.tags != nil {
			u.SetTags(f.tags)
		}
		details.apply(u.Mutation())
		if err := checkRefs(ctx, tx, p.TenantID, in.CategoryID, in.CollectionID); err != nil {
			return nil, err
		}
		switch {
		case isTrue(in.ClearCategory):
			u.ClearCategoryID()
		case in.CategoryID != nil:
			u.SetCategoryID(*in.CategoryID)
		}
		switch {
		case isTrue(in.ClearCollection):
			u.ClearCollectionID()
		case in.CollectionID != nil:
			u.SetCollectionID(*in.CollectionID)
		}
		if in.Metadata != nil {
			u.SetMetadata(in.Metadata)
		}
		out, err := u.Save(ctx)
		return out, translate(err, productHandleTaken)
	})
}

// DeleteProduct deletes a product with its options, variants, their prices and stock
// levels, and its place in every sales channel. Orders keep their own copy of their
// lines; carts lose the product's lines.
func (s *Service) DeleteProduct(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Product.Get(ctx, id); err != nil {
			return err
		}
		// The first write runs under the caller's context: one who may not change the
		// catalog is refused here, before anything else is looked at.
		if _, err := tx.ProductOption.Delete().Where(productoption.ProductID(id)).Exec(ctx); err != nil {
			return err
		}
		variants, err := tx.ProductVariant.Query().Where(productvariant.ProductID(id)).IDs(ctx)
		if err != nil {
			return err
		}
		if err := deleteVariants(ctx, tx, variants); err != nil {
			return err
		}
		return tx.Product.DeleteOneID(id).Exec(ctx)
	})
}

// productInput are the checked optional fields of a product input.
type productInput struct {
	description, thumbnail *string
	images                 []media.Image
	tags                   []string
}

func productFields(description *string, status *product.Status, thumbnail *string, images []*ImageInput, tags []string) (productInput, error) {
	var f productInput
	if description != nil {
		d, err := LongText("description", *description, maxDescription)
		if err != nil {
			return f, err
		}
		f.description = &d
	}
	if status != nil {
		if err := product.StatusValidator(*status); err != nil {
			return f, apperr.Invalid("status", "unknown status %q", *status)
		}
	}
	if thumbnail != nil {
		t := ""
		if *thumbnail != "" {
			var err error
			if t, err = URL("thumbnail", *thumbnail); err != nil {
				return f, err
			}
		}
		f.thumbnail = &t
	}
	if images != nil {
		im, err := Images("images", images)
		if err != nil {
			return f, err
		}
		f.images = im
	}
	if tags != nil {
		tg, err := Tags("tags", tags)
		if err != nil {
			return f, err
		}
		f.tags = tg
	}
	return f, nil
}

// checkRefs refuses a category or collection of another tenant: the tenant filter of the
// policies does not cover foreign keys.
func checkRefs(ctx context.Context, tx *ent.Tx, tenantID int, categoryID, collectionID *int) error {
	if categoryID != nil {
		c, err := tx.ProductCategory.Get(ctx, *categoryID)
		if err != nil {
			return err
		}
		if c.TenantID != tenantID {
			return apperr.Invalid("categoryId", "the category belongs to another tenant")
		}
	}
	if collectionID != nil {
		c, err := tx.ProductCollection.Get(ctx, *collectionID)
		if err != nil {
			return err
		}
		if c.TenantID != tenantID {
			return apperr.Invalid("collectionId", "the collection belongs to another tenant")
		}
	}
	return nil
}

func isTrue(b *bool) bool { return b != nil && *b }
