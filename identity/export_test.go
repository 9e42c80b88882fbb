package identity

import "time"

// SetClock replaces the Service's clock, so tests can move time forward without waiting.
func (s *Service) SetClock(now func() time.Time) { s.now = now }
