package catalog

import (
	"context"
	"slices"
	"strings"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
)

// A vendor's product reaches a marketplace store through the tenant's review: the vendor
// submits it for one store, the tenant's admins approve it (which puts it in the store's
// sales channels) or reject it with a note. Who may take each step is the product
// policy's (package access): a vendor's admins only ever move their product to pending.

const maxReviewNote = 1000

// SubmitForReview proposes a vendor's product for a marketplace store of its tenant.
func (s *Service) SubmitForReview(ctx context.Context, productID, storeID int) (*ent.Product, error) {
	return change(ctx, s, func(tx *ent.Tx) (*ent.Product, error) {
		p, err := tx.Product.Get(ctx, productID)
		if err != nil {
			return nil, err
		}
		if p.VendorID == nil {
			return nil, apperr.Invalid("productId", "only a vendor's products are reviewed; the tenant's own are sold as they are")
		}
		// A vendor's members do not read the tenant's stores; the product policy checks the
		// review store is the product's tenant's, and here only its kind is read.
		st, err := tx.Store.Get(access.Bypass(ctx), storeID)
		if err != nil {
			return nil, invalidIfNotFound(err, "storeId", "no such store")
		}
		switch {
		case st.TenantID != p.TenantID:
			return nil, apperr.Invalid("storeId", "the store belongs to another tenant than the product")
		case st.StorefrontType != store.StorefrontTypeMarketplace:
			return nil, apperr.Invalid("storeId", "store %q is not a marketplace store (storefrontType %s)", st.Handle, st.StorefrontType)
		}
		switch p.ReviewStatus {
		case product.ReviewStatusPending:
			return nil, apperr.New(apperr.Conflict, "the product is already waiting for review")
		case product.ReviewStatusApproved:
			return nil, apperr.New(apperr.Conflict, "the product is already approved")
		}
		return tx.Product.UpdateOneID(p.ID).SetReviewStatus(product.ReviewStatusPending).SetReviewStoreID(st.ID).Save(ctx)
	})
}

// ApproveProduct approves a product waiting for review and puts it in every sales channel
// of the store it was submitted for: from then on that store sells it while its vendor
// is active.
func (s *Service) ApproveProduct(ctx context.Context, productID int) (*ent.Product, error) {
	return change(ctx, s, func(tx *ent.Tx) (*ent.Product, error) {
		p, err := pendingReview(ctx, tx, productID)
		if err != nil {
			return nil, err
		}
		// The product first: a caller who may not review is refused before any channel
		// is looked at.
		out, err := tx.Product.UpdateOneID(p.ID).SetReviewStatus(product.ReviewStatusApproved).ClearReviewNote().Save(ctx)
		if err != nil {
			return nil, err
		}
		channels, err := tx.SalesChannel.Query().Where(saleschannel.StoreID(*p.ReviewStoreID)).All(ctx)
		if err != nil {
			return nil, err
		}
		if len(channels) == 0 {
			return nil, apperr.New(apperr.Conflict, "the store the product was submitted for has no sales channel: create one first")
		}
		// A product approved again may still be in some (see channelProducts).
		in, err := tx.Product.QuerySalesChannels(p).IDs(ctx)
		if err != nil {
			return nil, err
		}
		for _, ch := range channels {
			if slices.Contains(in, ch.ID) {
				continue
			}
			if err := tx.SalesChannel.UpdateOne(ch).AddProductIDs(p.ID).Exec(ctx); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// RejectProduct turns down a product waiting for review, with a note for its vendor,
// who may change it and submit it again.
func (s *Service) RejectProduct(ctx context.Context, productID int, note string) (*ent.Product, error) {
	note = strings.TrimSpace(note)
	switch {
	case note == "":
		return nil, apperr.Invalid("note", "say why the product is rejected")
	case len(note) > maxReviewNote:
		return nil, apperr.Invalid("note", "the note must be at most %d bytes of UTF-8", maxReviewNote)
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Product, error) {
		p, err := pendingReview(ctx, tx, productID)
		if err != nil {
			return nil, err
		}
		return tx.Product.UpdateOneID(p.ID).SetReviewStatus(product.ReviewStatusRejected).SetReviewNote(note).Save(ctx)
	})
}

// pendingReview reads a product that must be waiting for review.
func pendingReview(ctx context.Context, tx *ent.Tx, productID int) (*ent.Product, error) {
	p, err := tx.Product.Get(ctx, productID)
	if err != nil {
		return nil, err
	}
	if p.ReviewStatus != product.ReviewStatusPending || p.ReviewStoreID == nil {
		return nil, apperr.New(apperr.Conflict, "the product is %s, not waiting for review", strings.ReplaceAll(string(p.ReviewStatus), "_", " "))
	}
	return p, nil
}
