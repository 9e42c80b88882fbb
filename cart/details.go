package cart

import (
	"context"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/shippingoption"
	"github.com/dakkah/cityos/tenancy"
)

// SetEmail sets the e-mail the order confirmation goes to.
func (s *Service) SetEmail(ctx context.Context, token int, email string) (*ent.Cart, error) {
	email, err := tenancy.Email("email", email)
	if err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(_ *ent.Tx, _ *ent.Cart, u *ent.CartUpdateOne) error {
		u.SetEmail(email)
		return nil
	})
}

// SetShippingAddress sets where the order goes.
func (s *Service) SetShippingAddress(ctx context.Context, token int, a address.Address) (*ent.Cart, error) {
	a = a.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(_ *ent.Tx, _ *ent.Cart, u *ent.CartUpdateOne) error {
		u.SetShippingAddress(&a)
		return nil
	})
}

// SetBillingAddress sets the address the payment is billed to.
func (s *Service) SetBillingAddress(ctx context.Context, token int, a address.Address) (*ent.Cart, error) {
	a = a.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	return s.change(ctx, token, func(_ *ent.Tx, _ *ent.Cart, u *ent.CartUpdateOne) error {
		u.SetBillingAddress(&a)
		return nil
	})
}

// SetShippingMethod picks one of the shipping options of the cart's region.
func (s *Service) SetShippingMethod(ctx context.Context, token, optionID int) (*ent.Cart, error) {
	return s.change(ctx, token, func(tx *ent.Tx, c *ent.Cart, u *ent.CartUpdateOne) error {
		ok, err := tx.ShippingOption.Query().
			Where(shippingoption.ID(optionID), shippingoption.RegionID(c.RegionID)).Exist(ctx)
		if err != nil {
			return err
		}
		if !ok {
			return apperr.Invalid("shippingOptionId", "shippingOptionId is not a shipping option of the cart's region")
		}
		u.SetShippingOptionID(optionID)
		return nil
	})
}

// ShippingOptions lists the shipping options of the cart's region.
func (s *Service) ShippingOptions(ctx context.Context, token int) ([]*ent.ShippingOption, error) {
	c, err := s.client.Cart.Query().Where(cart.Token(token)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, errCartNotFound
	}
	if err != nil {
		return nil, err
	}
	return s.client.ShippingOption.Query().Where(shippingoption.RegionID(c.RegionID)).
		Order(ent.Asc(shippingoption.FieldAmount), ent.Asc(shippingoption.FieldID)).All(ctx)
}
