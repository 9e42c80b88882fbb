package companies

import (
	"context"
	"strings"
	"time"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// Terms are what a company buys on; nil fields are left as they are (on update) or take
// their defaults (on create: no tax id, no discount, pay now, UTC, no approval).
type Terms struct {
	Name              *string
	TaxID             *string
	BillingAddress    *address.Address
	ShippingAddress   *address.Address
	DiscountBps       *int
	PaymentTerms      *company.PaymentTerms
	TimeZone          *string
	Approval          *company.Approval
	ApprovalThreshold *int64
	Status            *company.Status
}

// NewCompany is a company to create: its handle (unique in the tenant), its currency and
// its terms (Name required).
type NewCompany struct {
	Handle       string
	CurrencyCode string
	Terms
}

const conflictHandle = "the tenant has a company with that handle"

// Create makes a company of tenantID (the tenant's admins).
func (s *Service) Create(ctx context.Context, tenantID int, in NewCompany) (*ent.Company, error) {
	handle, err := validate.Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	currency, err := pricing.CurrencyCode("currencyCode", in.CurrencyCode)
	if err != nil {
		return nil, err
	}
	if in.Name == nil {
		return nil, apperr.Invalid("name", "name is required")
	}
	t, err := in.checked(nil)
	if err != nil {
		return nil, err
	}
	c := s.client.Company.Create().SetTenantID(tenantID).SetHandle(handle).SetCurrencyCode(currency)
	t.apply(c.Mutation())
	row, err := c.Save(ctx)
	return row, txn.Conflict(err, conflictHandle)
}

// Update changes a company's terms (the tenant's admins); Status suspends (its people
// then read only) or reactivates it.
func (s *Service) Update(ctx context.Context, id int, in Terms) (*ent.Company, error) {
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Company, error) {
		cur, err := tx.Company.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		t, err := in.checked(cur)
		if err != nil {
			return nil, err
		}
		u := tx.Company.UpdateOne(cur)
		t.apply(u.Mutation())
		return u.Save(ctx)
	})
}

// checked validates and normalises the terms; cur is the company they change (nil on
// create), against which the approval rule is checked whole.
func (t Terms) checked(cur *ent.Company) (Terms, error) {
	if t.Name != nil {
		n, err := validate.Name("name", *t.Name)
		if err != nil {
			return t, err
		}
		t.Name = &n
	}
	if t.TaxID != nil {
		v := strings.TrimSpace(*t.TaxID)
		if len(v) > 64 {
			return t, apperr.Invalid("taxId", "taxId must be at most 64 characters")
		}
		t.TaxID = &v
	}
	for _, a := range []struct {
		field string
		addr  **address.Address
	}{{"billingAddress", &t.BillingAddress}, {"shippingAddress", &t.ShippingAddress}} {
		if *a.addr == nil {
			continue
		}
		n := (*a.addr).Normalize()
		if err := n.Validate(a.field); err != nil {
			return t, err
		}
		*a.addr = &n
	}
	if t.DiscountBps != nil && (*t.DiscountBps < 0 || *t.DiscountBps > 10000) {
		return t, apperr.Invalid("discountBps", "discountBps must be 0-10000 (basis points: 1000 is 10 %%)")
	}
	if t.TimeZone != nil {
		z := strings.TrimSpace(*t.TimeZone)
		if _, err := time.LoadLocation(z); err != nil || z == "" || z == "Local" {
			return t, apperr.Invalid("timeZone", "timeZone must be an IANA time zone, such as Asia/Riyadh")
		}
		t.TimeZone = &z
	}
	if t.ApprovalThreshold != nil && (*t.ApprovalThreshold < 0 || *t.ApprovalThreshold > pricing.MaxAmount) {
		return t, apperr.Invalid("approvalThreshold", "approvalThreshold must be 0-%d (minor units)", pricing.MaxAmount)
	}
	approval, threshold := company.ApprovalNone, (*int64)(nil)
	if cur != nil {
		approval, threshold = cur.Approval, cur.ApprovalThreshold
	}
	if t.Approval != nil {
		approval = *t.Approval
	}
	if t.ApprovalThreshold != nil {
		threshold = t.ApprovalThreshold
	}
	if approval == company.ApprovalAbove && threshold == nil {
		return t, apperr.Invalid("approvalThreshold", "approval \"above\" needs approvalThreshold: orders above it wait for approval")
	}
	return t, nil
}

// apply sets the given terms on a company mutation.
func (t Terms) apply(m *ent.CompanyMutation) {
	if t.Name != nil {
		m.SetName(*t.Name)
	}
	if t.TaxID != nil {
		m.SetTaxID(*t.TaxID)
	}
	if t.BillingAddress != nil {
		m.SetBillingAddress(t.BillingAddress)
	}
	if t.ShippingAddress != nil {
		m.SetShippingAddress(t.ShippingAddress)
	}
	if t.DiscountBps != nil {
		m.SetDiscountBps(*t.DiscountBps)
	}
	if t.PaymentTerms != nil {
		m.SetPaymentTerms(*t.PaymentTerms)
	}
	if t.TimeZone != nil {
		m.SetTimeZone(*t.TimeZone)
	}
	if t.Approval != nil {
		m.SetApproval(*t.Approval)
	}
	if t.ApprovalThreshold != nil {
		m.SetApprovalThreshold(*t.ApprovalThreshold)
	}
	if t.Status != nil {
		m.SetStatus(*t.Status)
	}
}
