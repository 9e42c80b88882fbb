package graph

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/graph/model"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/vendors"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// nonEmpty is s, or nil (null) when it is empty.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// nilIfNotFound lets single-row lookups answer null, as GraphQL clients expect, for a
// row that does not exist or that the caller may not see (the two look the same).
func nilIfNotFound[T any](v *T, err error) (*T, error) {
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return v, err
}

func toStoreResolution(res storefront.Resolution) *model.StoreResolution {
	out := &model.StoreResolution{Status: model.ResolutionStatus(res.Status), Store: res.Store, Tenant: res.Tenant}
	if res.Strategy != nil {
		s := model.ResolutionStrategy(*res.Strategy)
		out.Strategy = &s
	}
	return out
}

func newVendor(in model.VendorInput) vendors.NewVendor {
	return vendors.NewVendor{Handle: in.Handle, Profile: vendors.Profile{Name: &in.Name, ContactEmail: in.ContactEmail,
		ContactPhone: in.ContactPhone, Description: in.Description, Logo: in.Logo, PayoutAccount: in.PayoutAccount,
		Metadata: in.Metadata}}
}
