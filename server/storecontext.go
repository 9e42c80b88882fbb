package server

import (
	"net/http"

	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/viewer"
)

// Storefront requests name their store: a publishable key is bound to one, and a
// server-rendered storefront that serves every store from one deployment forwards the
// shopper's host in X-Store-Host (with X-Store-Path for path addresses), resolved exactly
// as resolveStore does. The store goes on the viewer, where the privacy policies read
// it: the request then sees that store's catalog and carts, whoever is signed in.
const (
	StoreHostHeader = "X-Store-Host"
	StorePathHeader = "X-Store-Path"
)

func storeContext(stores *storefront.Resolver) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host := r.Header.Get(StoreHostHeader)
			v := viewer.FromContext(r.Context())
			if host == "" || v.Kind == viewer.PublishableKey { // a key is bound to its store
				next.ServeHTTP(w, r)
				return
			}
			res, err := stores.Resolve(r.Context(), host, r.Header.Get(StorePathHeader), "")
			if err != nil {
				middleware.Logger(r.Context()).Error("store resolution failed", "err", err.Error())
				middleware.WriteError(w, r, http.StatusInternalServerError, "INTERNAL", "internal error", nil)
				return
			}
			if res.Store == nil {
				next.ServeHTTP(w, r) // no such store: the request names none
				return
			}
			shop := *v
			shop.StoreID, shop.TenantID = res.Store.ID, res.Store.TenantID
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(r.Context(), &shop)))
		})
	}
}
