package payouts

// WithClaimBatch returns a copy of s that claims at most n lines a statement.
func (s *Service) WithClaimBatch(n int) *Service {
	c := *s
	c.claimBatch = n
	return &c
}
