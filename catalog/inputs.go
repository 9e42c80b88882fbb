// Package catalog manages what tenants sell: products, their options and variants,
// categories, collections, and the sales channels that put products in stores.
package catalog

import "github.com/dakkah/cityos/ent/product"

// ImageInput is an image of a gallery as given: alt defaults to "", rank to the image's
// position in the list.
type ImageInput struct {
	URL  string
	Alt  *string
	Rank *int
}

// ProductOptionInput is an option of a product and its values.
type ProductOptionInput struct {
	Title  string
	Values []string
}

// CreateProductInput is the input of CreateProduct.
type CreateProductInput struct {
	TenantID int
	// VendorID makes the product a marketplace vendor's (its admins create it so).
	VendorID    *int
	Title       string
	Handle      string
	Description *string
	ProductDetails
	Status       *product.Status
	Thumbnail    *string
	Images       []*ImageInput
	Tags         []string
	CategoryID   *int
	CollectionID *int
	Options      []*ProductOptionInput
	Metadata     map[string]any
}

// UpdateProductInput is the input of UpdateProduct; nil fields are left as they are.
type UpdateProductInput struct {
	Title       *string
	Handle      *string
	Description *string
	ProductDetails
	Status          *product.Status
	Thumbnail       *string
	Images          []*ImageInput
	Tags            []string
	CategoryID      *int
	ClearCategory   *bool
	CollectionID    *int
	ClearCollection *bool
	Metadata        map[string]any
}

// CreateVariantInput is the input of CreateVariant.
type CreateVariantInput struct {
	ProductID    int
	Title        string
	Sku          string
	OptionValues map[string]any
	Barcode      *string
	Weight       *int
	Size
	// Images is the variant's own gallery: nil leaves it, empty clears it.
	Images          []*ImageInput
	ManageInventory *bool
	AllowBackorder  *bool
}

// UpdateVariantInput is the input of UpdateVariant; nil fields are left as they are.
type UpdateVariantInput struct {
	Title        *string
	Sku          *string
	OptionValues map[string]any
	Barcode      *string
	Weight       *int
	Size
	// Images is the variant's own gallery: nil leaves it, empty clears it.
	Images          []*ImageInput
	ManageInventory *bool
	AllowBackorder  *bool
}

// CategoryInput is a node of a tenant's category tree.
type CategoryInput struct {
	TenantID int
	Name     string
	Handle   string
	ParentID *int
}

// CollectionInput is a product collection.
type CollectionInput struct {
	TenantID int
	Title    string
	Handle   string
}

// CreateSalesChannelInput is an extra sales channel of a store.
type CreateSalesChannelInput struct {
	StoreID     int
	Name        string
	Description *string
}
