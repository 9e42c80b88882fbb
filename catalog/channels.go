package catalog

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/access"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/viewer"
)

// SalesChannels lists a store's sales channels the caller may see (staff).
func (s *Service) SalesChannels(ctx context.Context, storeID int) ([]*ent.SalesChannel, error) {
	return s.client.SalesChannel.Query().Where(saleschannel.StoreID(storeID)).
		Order(ent.Asc(saleschannel.FieldID)).All(ctx)
}

// ProductSalesChannels lists the channels a product is in, as far as the caller may see
// them: the staff of the product's tenant see their channels; anybody else none.
func (s *Service) ProductSalesChannels(ctx context.Context, p *ent.Product) ([]*ent.SalesChannel, error) {
	if !access.CanSeeCatalogPrivate(viewer.FromContext(ctx), p.TenantID) {
		return []*ent.SalesChannel{}, nil
	}
	return p.QuerySalesChannels().Order(ent.Asc(saleschannel.FieldID)).All(ctx)
}

// CreateSalesChannel adds a sales channel to a store.
func (s *Service) CreateSalesChannel(ctx context.Context, in CreateSalesChannelInput) (*ent.SalesChannel, error) {
	name, err := Text("name", in.Name, maxNameLen)
	if err != nil {
		return nil, err
	}
	var desc string
	if in.Description != nil {
		if desc, err = LongText("description", *in.Description, maxChannelDesc); err != nil {
			return nil, err
		}
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.SalesChannel, error) {
		st, err := tx.Store.Get(ctx, in.StoreID)
		if err != nil {
			return nil, err
		}
		return tx.SalesChannel.Create().SetTenantID(st.TenantID).SetStoreID(st.ID).SetName(name).SetDescription(desc).Save(ctx)
	})
}

// AssignProducts puts products in a sales channel, and so on sale in its store. Products
// already in it stay as they are.
func (s *Service) AssignProducts(ctx context.Context, channelID int, productIDs []int) (*ent.SalesChannel, error) {
	return s.channelProducts(ctx, channelID, productIDs, true)
}

// RemoveProducts takes products out of a sales channel. Products not in it are ignored.
func (s *Service) RemoveProducts(ctx context.Context, channelID int, productIDs []int) (*ent.SalesChannel, error) {
	return s.channelProducts(ctx, channelID, productIDs, false)
}

// channelProducts puts products in a channel (assign) or takes them out. Every product
// must be one the caller sees (else NOT_FOUND) and of the channel's tenant; whether the
// caller may change the channel is the policy's to decide (tenant admins, and the
// store's managers).
func (s *Service) channelProducts(ctx context.Context, channelID int, productIDs []int, assign bool) (*ent.SalesChannel, error) {
	ids := distinct(productIDs)
	if len(ids) > maxBulkIDs {
		return nil, apperr.Invalid("productIds", "at most %d products at a time", maxBulkIDs)
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.SalesChannel, error) {
		ch, err := tx.SalesChannel.Get(ctx, channelID)
		if err != nil {
			return nil, err
		}
		ps, err := tx.Product.Query().Where(product.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, err
		}
		if len(ps) != len(ids) {
			return nil, apperr.New(apperr.NotFound, "not found: a product")
		}
		for _, p := range ps {
			if p.TenantID != ch.TenantID {
				return nil, apperr.Invalid("productIds", "product %d belongs to another tenant than the channel", p.ID)
			}
		}
		// From the channel read: its tenant, which new places carry, costs no read.
		update := tx.SalesChannel.UpdateOne(ch)
		if !assign {
			return update.RemoveProductIDs(ids...).Save(ctx) // one not in it is ignored
		}
		// A place carries its tenant, and ent adds such an edge without ignoring one
		// already there: the products already in the channel are left out.
		in, err := tx.SalesChannel.QueryProducts(ch).Where(product.IDIn(ids...)).IDs(ctx)
		if err != nil {
			return nil, err
		}
		return update.AddProductIDs(without(ids, in)...).Save(ctx)
	})
}

// without is ids less those in drop, in order.
func without(ids, drop []int) []int {
	if len(drop) == 0 {
		return ids
	}
	out := make([]int, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

func distinct(ids []int) []int {
	out := make([]int, 0, len(ids))
	seen := map[int]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
