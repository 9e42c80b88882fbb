package graph

import (
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/graph/model"
)

// quotePrices is respondToQuote's input as checkout takes it.
func quotePrices(in []*model.QuotePriceInput) []checkout.QuotePrice {
	out := make([]checkout.QuotePrice, len(in))
	for i, p := range in {
		out[i] = checkout.QuotePrice{Line: p.Line, UnitPrice: int64(p.UnitPrice)}
	}
	return out
}
