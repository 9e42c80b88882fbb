// Package address holds postal addresses as carts and orders keep them.
package address

import (
	"strings"

	"github.com/dakkah/cityos/apperr"
)

// Address is a postal address with the person it is for.
type Address struct {
	FirstName   string `json:"firstName"`
	LastName    string `json:"lastName"`
	Address1    string `json:"address1"`
	Address2    string `json:"address2,omitempty"`
	City        string `json:"city"`
	PostalCode  string `json:"postalCode,omitempty"`
	CountryCode string `json:"countryCode"`
	Phone       string `json:"phone,omitempty"`
}

// Normalize trims every field and upper-cases the country code.
func (a Address) Normalize() Address {
	for _, f := range []*string{&a.FirstName, &a.LastName, &a.Address1, &a.Address2, &a.City, &a.PostalCode, &a.Phone} {
		*f = strings.TrimSpace(*f)
	}
	a.CountryCode = strings.ToUpper(strings.TrimSpace(a.CountryCode))
	return a
}

// Validate reports the first missing or malformed field; field names are prefixed with
// prefix (e.g. "shippingAddress").
func (a Address) Validate(prefix string) error {
	required := []struct{ name, v string }{
		{"firstName", a.FirstName}, {"lastName", a.LastName}, {"address1", a.Address1}, {"city", a.City},
	}
	for _, r := range required {
		if r.v == "" {
			return apperr.Invalid(prefix+"."+r.name, "%s.%s is required", prefix, r.name)
		}
		if len(r.v) > 200 {
			return apperr.Invalid(prefix+"."+r.name, "%s.%s is longer than 200 characters", prefix, r.name)
		}
	}
	c := a.CountryCode
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return apperr.Invalid(prefix+".countryCode", "%s.countryCode must be a two-letter ISO country code", prefix)
	}
	if len(a.Phone) > 40 || len(a.PostalCode) > 20 || len(a.Address2) > 200 {
		return apperr.Invalid(prefix, "%s has a field that is too long", prefix)
	}
	return nil
}
