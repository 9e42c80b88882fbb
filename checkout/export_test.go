package checkout

// SetBeforePlace makes s run fn between reading a cart and placing its order.
func SetBeforePlace(s *Service, fn func()) { s.beforePlace = fn }
