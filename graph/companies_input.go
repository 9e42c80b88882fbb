package graph

import (
	"github.com/dakkah/cityos/companies"
	"github.com/dakkah/cityos/graph/model"
)

// int64Of widens an optional GraphQL Int (minor units) for the capability packages.
func int64Of(v *int) *int64 {
	if v == nil {
		return nil
	}
	n := int64(*v)
	return &n
}

func newCompany(in model.CreateCompanyInput) companies.NewCompany {
	return companies.NewCompany{Handle: in.Handle, CurrencyCode: in.CurrencyCode, Terms: companies.Terms{
		Name: &in.Name, TaxID: in.TaxID, BillingAddress: in.BillingAddress, ShippingAddress: in.ShippingAddress,
		DiscountBps: in.DiscountBps, PaymentTerms: in.PaymentTerms, TimeZone: in.TimeZone,
		Approval: in.Approval, ApprovalThreshold: int64Of(in.ApprovalThreshold),
	}}
}

func companyTerms(in model.UpdateCompanyInput) companies.Terms {
	return companies.Terms{Name: in.Name, TaxID: in.TaxID, BillingAddress: in.BillingAddress, ShippingAddress: in.ShippingAddress,
		DiscountBps: in.DiscountBps, PaymentTerms: in.PaymentTerms, TimeZone: in.TimeZone,
		Approval: in.Approval, ApprovalThreshold: int64Of(in.ApprovalThreshold), Status: in.Status}
}

func employeeChange(in model.UpdateEmployeeInput) companies.EmployeeChange {
	return companies.EmployeeChange{Role: in.Role, Status: in.Status,
		Limit:      companies.Limit{Amount: int64Of(in.SpendingLimit), Period: in.SpendingPeriod},
		ClearLimit: in.ClearSpendingLimit != nil && *in.ClearSpendingLimit}
}
