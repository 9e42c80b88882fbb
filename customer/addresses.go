package customer

import (
	"context"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// AddAddress adds an address to the signed-in customer's address book.
func (s *Service) AddAddress(ctx context.Context, in address.Address) (*ent.CustomerAddress, error) {
	v := viewer.FromContext(ctx)
	tenantID, err := customerTenant(v)
	if err != nil {
		return nil, err
	}
	a := in.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	var out *ent.CustomerAddress
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		c := tx.CustomerAddress.Create().SetTenantID(tenantID).SetUserID(v.UserID).
			SetFirstName(a.FirstName).SetLastName(a.LastName).SetAddress1(a.Address1).SetCity(a.City).
			SetCountryCode(a.CountryCode)
		if a.Address2 != "" {
			c.SetAddress2(a.Address2)
		}
		if a.PostalCode != "" {
			c.SetPostalCode(a.PostalCode)
		}
		if a.Phone != "" {
			c.SetPhone(a.Phone)
		}
		out, err = c.Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// DeleteAddress removes an address the caller may change: a customer's own.
func (s *Service) DeleteAddress(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.CustomerAddress.Get(ctx, id); err != nil {
			if ent.IsNotFound(err) {
				return &apperr.Error{Code: apperr.NotFound, Field: "id", Message: "address not found"}
			}
			return err
		}
		return tx.CustomerAddress.DeleteOneID(id).Exec(ctx)
	})
}

// customerTenant is the tenant whose customer the signed-in caller is: the one of the
// store the request shops in when it is a customer there, else its only customer tenant.
func customerTenant(v *viewer.Viewer) (int, error) {
	if v.Kind != viewer.User {
		return 0, apperr.New(apperr.Unauthenticated, "sign in with a customer account")
	}
	ids := v.TenantsWithRole(viewer.RoleCustomer)
	for _, id := range ids {
		if v.StoreID != 0 && id == v.TenantID {
			return id, nil
		}
	}
	switch len(ids) {
	case 0:
		return 0, apperr.New(apperr.Forbidden, "this is not a customer account")
	case 1:
		return ids[0], nil
	}
	return 0, apperr.Invalid("storeId", "name the store whose customer you are: X-Store-Host or a publishable key")
}
