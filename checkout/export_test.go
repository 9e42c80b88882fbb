package checkout

// SetBeforePlace makes s run fn between reading a cart and placing its order.
func SetBeforePlace(s *Service, fn func()) { s.beforePlace = fn }

// SetAfterPlace makes s run fn between committing an order and answering it.
func SetAfterPlace(s *Service, fn func()) { s.afterPlace = fn }

// AllEdges loads the order's store, items and fulfilments under their own names.
var AllEdges = Edges{Store: true, Items: []string{""}, Fulfillments: []string{""}}
