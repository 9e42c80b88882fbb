// Package companies keeps a tenant's B2B customers: companies (their currency, discount,
// payment terms and approval rule) and their employees (customers of the tenant working
// for one company, as its admin or a buyer, with a spending limit per period). Who may
// do what is decided by the privacy policies (access.CompanyPolicy,
// access.EmployeePolicy); this package holds the rules.
package companies

import (
	"time"

	"github.com/dakkah/cityos/ent"
)

// Service keeps companies and their employees.
type Service struct {
	client *ent.Client
	now    func() time.Time // the platform's clock: limit periods begin by it
}

// New returns a Service over client, reading the time from now (time.Now when nil).
func New(client *ent.Client, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{client: client, now: now}
}
