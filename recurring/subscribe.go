package recurring

import (
	"context"
	"slices"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// SubscribeInput is what a customer subscribes to.
type SubscribeInput struct {
	StoreID          *int
	VariantID        int
	Quantity         int
	Interval         subscription.Interval
	RegionID         int
	ShippingAddress  address.Address
	ShippingOptionID int
	// PaymentProvider names the stored payment method's provider; nil: the first that
	// charges without the shopper (manual).
	PaymentProvider *string
	// PaymentMethod is the customer's saved method at that provider (Stripe: a
	// PaymentMethod pm_… attached to the customer), charged off-session at each renewal.
	PaymentMethod *string
	// LockPrice keeps today's price for every renewal instead of the price list's.
	LockPrice bool
	// StartAt is when the first order is placed; nil: at once (by the renewal worker).
	StartAt *time.Time
}

// MaxStartDelay is how far ahead a subscription's first order may be set: a year, so a
// first period is a date shoppers and workers can reason about.
const MaxStartDelay = 366 * 24 * time.Hour

// Subscribe makes a subscription for the signed-in customer of the request's store. The
// first period's cart is made as the customer's checkout would make it, so the variant,
// quantity, stock, region, address and shipping option are checked as a cart checks them
// and the error names the field; that cart is the first renewal's.
func (s *Service) Subscribe(ctx context.Context, in SubscribeInput) (*ent.Subscription, error) {
	if subscription.IntervalValidator(in.Interval) != nil {
		return nil, apperr.Invalid("interval", "interval is week, month or year")
	}
	provider, err := s.provider(in.PaymentProvider, in.PaymentMethod)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	switch {
	case v.Kind == viewer.Anonymous:
		return nil, apperr.New(apperr.Unauthenticated, "sign in as a customer of the store to subscribe")
	case v.Kind != viewer.User || len(v.TenantsWithRole(viewer.RoleCustomer)) == 0:
		return nil, apperr.New(apperr.Forbidden, "only customers subscribe")
	}
	now := s.now()
	start := now
	if in.StartAt != nil {
		switch {
		case in.StartAt.Before(now.Add(-time.Minute)):
			return nil, apperr.Invalid("startAt", "startAt is in the past")
		case in.StartAt.After(now.Add(MaxStartDelay)):
			return nil, apperr.Invalid("startAt", "startAt is at most %d days ahead", int(MaxStartDelay.Hours()/24))
		}
		start = in.StartAt.UTC()
	}
	c, err := s.carts.Create(ctx, cart.CreateInput{StoreID: in.StoreID, RegionID: in.RegionID})
	if err != nil {
		return nil, err
	}
	if c.CustomerID == nil || !slices.Contains(v.TenantsWithRole(viewer.RoleCustomer), c.TenantID) {
		s.discard(ctx, c.ID)
		return nil, apperr.New(apperr.Forbidden, "sign in as a customer of the store to subscribe")
	}
	if c, err = s.prepare(ctx, c, in); err != nil {
		return nil, err
	}
	var sub *ent.Subscription
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		create := tx.Subscription.Create().SetTenantID(c.TenantID).SetStoreID(c.StoreID).
			SetCustomerID(*c.CustomerID).SetVariantID(in.VariantID).SetQuantity(in.Quantity).
			SetInterval(in.Interval).SetNextRenewalAt(start).SetRegionID(c.RegionID).
			SetCurrencyCode(c.CurrencyCode).SetEmail(c.Email).SetShippingAddress(c.ShippingAddress).
			SetShippingOptionID(*c.ShippingOptionID).SetPaymentProvider(provider).SetNillablePaymentMethod(in.PaymentMethod).
			SetCreatedAt(now).SetUpdatedAt(now)
		if in.LockPrice {
			create.SetLockedUnitPrice(c.Edges.Items[0].UnitPrice)
		}
		if sub, err = create.Save(ctx); err != nil {
			return err
		}
		if err := tx.Cart.UpdateOneID(c.ID).SetPaymentProvider(provider).Exec(ctx); err != nil {
			return err
		}
		return tx.SubscriptionRenewal.Create().SetTenantID(c.TenantID).SetSubscriptionID(sub.ID).
			SetPeriodStart(start).SetCartID(c.ID).SetCreatedAt(now).SetUpdatedAt(now).Exec(ctx)
	})
	if err != nil {
		s.discard(ctx, c.ID)
	}
	return sub, err
}

// prepare fills the first period's cart c as the customer's checkout would: its line,
// address and shipping option, each checked as a cart checks it. A refused one lets the
// cart go: a subscription that was not made leaves nothing behind.
func (s *Service) prepare(ctx context.Context, c *ent.Cart, in SubscribeInput) (*ent.Cart, error) {
	id := c.ID
	c, err := s.carts.AddItem(ctx, c.Token, in.VariantID, in.Quantity)
	if err == nil {
		c, err = s.carts.SetShippingAddress(ctx, c.Token, in.ShippingAddress)
	}
	if err == nil {
		c, err = s.carts.SetShippingMethod(ctx, c.Token, in.ShippingOptionID)
	}
	if err != nil {
		s.discard(ctx, id)
	}
	return c, err
}

// discard deletes cart id and its lines (a subscription's cart nobody else holds).
func (s *Service) discard(ctx context.Context, id int) {
	ctx = sys(context.WithoutCancel(ctx))
	if _, err := s.client.LineItem.Delete().Where(lineitem.CartID(id)).Exec(ctx); err == nil {
		_ = s.client.Cart.DeleteOneID(id).Exec(ctx)
	}
}

// provider is the stored payment method's provider: one that charges a renewal without
// the shopper, on its own (manual) or with the saved method (Stripe). A session provider
// without a saved method would need the shopper's browser for every payment.
func (s *Service) provider(name, method *string) (string, error) {
	if method != nil && (*method == "" || len(*method) > 255) {
		return "", apperr.Invalid("paymentMethod", "paymentMethod is the provider's id of a saved method, at most 255 characters")
	}
	if name == nil {
		if method != nil {
			return "", apperr.Invalid("paymentProvider", "name the provider that holds the saved payment method")
		}
		for _, n := range []string{s.payments.Default, payment.Manual{}.Name()} {
			if p, ok := s.payments.Get(n); ok && isAuthorizer(p) {
				return n, nil
			}
		}
		return "", apperr.Invalid("paymentProvider", "no payment provider charges renewals here")
	}
	p, ok := s.payments.Get(*name)
	switch {
	case !ok:
		return "", apperr.Invalid("paymentProvider", "%q is not a payment provider here", *name)
	case method != nil:
		if _, saves := p.(payment.SavedMethodCharger); !saves {
			return "", apperr.Invalid("paymentMethod", "%q charges no saved payment method", *name)
		}
	case !isAuthorizer(p):
		return "", apperr.Invalid("paymentProvider", "%q charges renewals only with a saved paymentMethod", *name)
	}
	return *name, nil
}

func isAuthorizer(p payment.Provider) bool {
	_, ok := p.(payment.Authorizer)
	return ok
}
