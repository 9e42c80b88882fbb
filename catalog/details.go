package catalog

import (
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
)

// ProductDetails are what a shop shows of a product beyond its title and description: a
// line under the title, the kind of product, what it is made of and the country it
// comes from. Nil fields are left as they are; "" clears one.
type ProductDetails struct {
	Subtitle      *string
	ProductType   *string
	Material      *string
	OriginCountry *string
}

const (
	maxSubtitle = 500
	maxDetail   = 200
)

// checked validates and normalises the details.
func (d ProductDetails) checked() (ProductDetails, error) {
	for _, t := range []struct {
		field string
		v     **string
		max   int
	}{{"subtitle", &d.Subtitle, maxSubtitle}, {"productType", &d.ProductType, maxDetail}, {"material", &d.Material, maxDetail}} {
		if *t.v == nil {
			continue
		}
		v, err := LongText(t.field, **t.v, t.max)
		if err != nil {
			return d, err
		}
		*t.v = &v
	}
	if d.OriginCountry != nil {
		c := strings.ToUpper(strings.TrimSpace(*d.OriginCountry))
		if c != "" && (len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z') {
			return d, apperr.Invalid("originCountry", "originCountry must be an ISO 3166-1 alpha-2 code, such as SA")
		}
		d.OriginCountry = &c
	}
	return d, nil
}

// apply sets the given details on a product mutation.
func (d ProductDetails) apply(m *ent.ProductMutation) {
	if d.Subtitle != nil {
		m.SetSubtitle(*d.Subtitle)
	}
	if d.ProductType != nil {
		m.SetProductType(*d.ProductType)
	}
	if d.Material != nil {
		m.SetMaterial(*d.Material)
	}
	if d.OriginCountry != nil {
		m.SetOriginCountry(*d.OriginCountry)
	}
}

// Size is a variant's packed size in millimetres; nil fields are left as they are.
type Size struct {
	Length, Width, Height *int
}

// maxSize is the longest side a variant may have, in millimetres (100 m).
const maxSize = 100_000

// checked refuses a negative or absurd side.
func (s Size) checked() error {
	for _, side := range []struct {
		field string
		v     *int
	}{{"length", s.Length}, {"width", s.Width}, {"height", s.Height}} {
		if side.v != nil && (*side.v < 0 || *side.v > maxSize) {
			return apperr.Invalid(side.field, "%s must be 0-%d millimetres", side.field, maxSize)
		}
	}
	return nil
}

// apply sets the given sides on a variant mutation.
func (s Size) apply(m *ent.ProductVariantMutation) {
	if s.Length != nil {
		m.SetLength(*s.Length)
	}
	if s.Width != nil {
		m.SetWidth(*s.Width)
	}
	if s.Height != nil {
		m.SetHeight(*s.Height)
	}
}
