package server

import (
	"net/http"

	"github.com/dakkah/cityos/ent"

	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/viewer"
)

// Storefront requests name their store: a publishable key is bound to one, and a
// server-rendered storefront that serves every store from one deployment forwards the
// shopper's host in X-Store-Host (with X-Store-Path for path addresses, and X-Store-Hint
// for the store the shopper last chose, e.g. from a cookie), resolved exactly as
// resolveStore does. The store goes on the viewer, where the privacy policies read
// it: the request then sees that store's catalog and carts, whoever is signed in.
const (
	StoreHostHeader = "X-Store-Host"
	StorePathHeader = "X-Store-Path"
	StoreHintHeader = "X-Store-Hint"
)

func storeContext(stores *storefront.Resolver) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			v := viewer.FromContext(r.Context())
			host := r.Header.Get(StoreHostHeader)
			var s *ent.Store
			var err error
			switch {
			case v.StoreID != 0: // a publishable key is bound to its store; the header cannot move it
				s, err = stores.Store(r.Context(), v.StoreID)
				if ent.IsNotFound(err) {
					s, err = nil, nil
				}
			case host != "":
				var res storefront.Resolution
				res, err = stores.Resolve(r.Context(), host, r.Header.Get(StorePathHeader), r.Header.Get(StoreHintHeader))
				s = res.Store
			}
			if err != nil {
				middleware.Logger(r.Context()).Error("store resolution failed", "err", err.Error())
				middleware.WriteError(w, r, http.StatusInternalServerError, "INTERNAL", "internal error", nil)
				return
			}
			if s == nil {
				next.ServeHTTP(w, r) // no such store: the request names none
				return
			}
			shop := *v
			shop.StoreID, shop.TenantID = s.ID, s.TenantID
			shop.ShopOpen = storefront.StatusOf(s, s.Edges.Tenant) == storefront.Active
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(r.Context(), &shop)))
		})
	}
}
