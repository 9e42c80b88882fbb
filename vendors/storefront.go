package vendors

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/vendor"
)

// InStore lists the active vendors with products on sale in store st, oldest first: the
// sellers a marketplace storefront shows. The caller sees those of them it may see
// (a shopper: the active vendors of the store's tenant).
func (s *Service) InStore(ctx context.Context, st *ent.Store, after *entgql.Cursor[int], first *int,
	before *entgql.Cursor[int], last *int) (*ent.VendorConnection, error) {
	// The sellers of a store are few next to its products: their ids in one query, then
	// a page of them.
	ids, err := s.client.Product.Query().
		Where(access.SellableIn(st.TenantID, st.ID), product.VendorIDNotNil()).
		Unique(true).Select(product.FieldVendorID).Ints(ctx)
	if err != nil {
		return nil, err
	}
	return s.client.Vendor.Query().Where(vendor.IDIn(ids...), vendor.StatusEQ(vendor.StatusActive)).
		Paginate(ctx, after, first, before, last)
}
