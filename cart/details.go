package cart

import (
	"context"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/shippingoption"
	"github.com/dakkah/cityos/validate"
)

// SetEmail sets the e-mail the order confirmation goes to.
func (s *Service) SetEmail(ctx context.Context, token int, email string) (*ent.Cart, error) {
	email, err := validate.Email("email", email)
	if err != nil {
		return nil, err
	}
	return s.changeDetails(ctx, token, func(c *ent.Cart) error {
		c.Email = email
		return nil
	})
}

// SetShippingAddress sets where the order goes.
func (s *Service) SetShippingAddress(ctx context.Context, token int, a address.Address) (*ent.Cart, error) {
	a = a.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	return s.changeDetails(ctx, token, func(c *ent.Cart) error {
		c.ShippingAddress = &a
		return nil
	})
}

// SetBillingAddress sets the address the payment is billed to.
func (s *Service) SetBillingAddress(ctx context.Context, token int, a address.Address) (*ent.Cart, error) {
	a = a.Normalize()
	if err := a.Validate("input"); err != nil {
		return nil, err
	}
	return s.changeDetails(ctx, token, func(c *ent.Cart) error {
		c.BillingAddress = &a
		return nil
	})
}

// SetShippingMethod picks one of the shipping options of the cart's region.
func (s *Service) SetShippingMethod(ctx context.Context, token, optionID int) (*ent.Cart, error) {
	return s.changeDetails(ctx, token, func(c *ent.Cart) error {
		// Any option of the cart's region: the region is the cart's tenant's own.
		o, err := s.pricing.ShippingOptionOf(ctx, optionID)
		if ent.IsNotFound(err) || (err == nil && (o.RegionID != c.RegionID || o.TenantID != c.TenantID)) {
			return apperr.Invalid("shippingOptionId", "shippingOptionId is not a shipping option of the cart's region")
		}
		if err != nil {
			return err
		}
		c.ShippingOptionID = &o.ID
		c.Edges.ShippingOption = o // the totals need its amount
		return nil
	})
}

// ShippingOptions lists the shipping options of the cart's region.
func (s *Service) ShippingOptions(ctx context.Context, token int) ([]*ent.ShippingOption, error) {
	if err := storeNamed(ctx); err != nil {
		return nil, err
	}
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
