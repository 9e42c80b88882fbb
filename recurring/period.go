package recurring

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/subscriptionrenewal"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/txn"
)

// renewal is the row of sub's period starting at period, made with the period's cart
// the first time it is asked for. Two workers making it at once insert one: the loser's
// transaction (its cart with it) rolls back on the unique (subscription, period) and it
// reads the winner's.
func (s *Service) renewal(ctx context.Context, sub *ent.Subscription, period time.Time) (*ent.SubscriptionRenewal, error) {
	find := func() (*ent.SubscriptionRenewal, error) {
		return s.client.SubscriptionRenewal.Query().
			Where(subscriptionrenewal.SubscriptionID(sub.ID), subscriptionrenewal.PeriodStart(period)).Only(sys(ctx))
	}
	r, err := find()
	if !ent.IsNotFound(err) {
		return r, err
	}
	v, err := s.client.ProductVariant.Query().Where(productvariant.ID(sub.VariantID)).WithProduct().Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, apperr.Invalid("variantId", "the subscribed variant is no longer sold")
	}
	if err != nil {
		return nil, err
	}
	// The line starts at today's price; checkout brings it up to date again as it places.
	prices, err := s.client.Price.Query().Where(price.VariantID(v.ID)).All(sys(ctx))
	if err != nil {
		return nil, err
	}
	amount, _ := pricing.Choose(prices, &sub.RegionID, sub.CurrencyCode)
	token, err := cart.NewToken()
	if err != nil {
		return nil, err
	}
	now := s.now()
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		c, err := tx.Cart.Create().SetTenantID(sub.TenantID).SetStoreID(sub.StoreID).SetToken(token).
			SetRegionID(sub.RegionID).SetCurrencyCode(sub.CurrencyCode).SetEmail(sub.Email).
			SetCustomerID(sub.CustomerID).SetShippingAddress(sub.ShippingAddress).
			SetShippingOptionID(sub.ShippingOptionID).SetPaymentProvider(sub.PaymentProvider).
			SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
		if err != nil {
			return err
		}
		title := v.Title
		if p := v.Edges.Product; p != nil {
			title = cart.LineTitle(p.Title, v)
		}
		err = tx.LineItem.Create().SetTenantID(sub.TenantID).SetCartID(c.ID).SetVariantID(v.ID).
			SetTitle(title).SetSku(v.Sku).SetQuantity(sub.Quantity).SetUnitPrice(amount.Amount).
			SetCreatedAt(now).SetUpdatedAt(now).Exec(ctx)
		if err != nil {
			return err
		}
		r, err = tx.SubscriptionRenewal.Create().SetTenantID(sub.TenantID).SetSubscriptionID(sub.ID).
			SetPeriodStart(period).SetCartID(c.ID).SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
		return err
	})
	if ent.IsConstraintError(err) {
		return find()
	}
	return r, err
}
