// Package commissions keeps a marketplace's money ledger: the tenant's commission rules,
// the commission lines the order events write (a sale per vendor order line, reversals on
// refund and cancel), and a vendor's balance. The arithmetic is package commission's; this
// package reads and writes the rows, which the privacy policies guard
// (access.CommissionRulePolicy, access.CommissionLinePolicy).
package commissions

import (
	"time"

	"github.com/dakkah/cityos/ent"
)

// Service keeps the ledger.
type Service struct {
	client *ent.Client
	now    func() time.Time
}

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client, now: time.Now} }

// WithClock returns a copy of s that reads the time from now (tests).
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}
