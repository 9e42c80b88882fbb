package vendors

import (
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/validate"
)

// checked returns p with every given field validated and normalised.
func (p Profile) checked() (Profile, error) {
	var err error
	check := func(v *string, fn func(string) (string, error)) {
		if err != nil || v == nil {
			return
		}
		var out string
		if out, err = fn(*v); err == nil {
			*v = out
		}
	}
	optional := func(fn func(string) (string, error)) func(string) (string, error) {
		return func(v string) (string, error) {
			if strings.TrimSpace(v) == "" {
				return "", nil
			}
			return fn(v)
		}
	}
	p = p.clone()
	check(p.Name, func(v string) (string, error) { return validate.Name("name", v) })
	check(p.ContactEmail, optional(func(v string) (string, error) { return validate.Email("contactEmail", v) }))
	check(p.ContactPhone, func(v string) (string, error) { return catalog.LongText("contactPhone", v, 32) })
	check(p.Description, func(v string) (string, error) { return catalog.LongText("description", v, 5000) })
	check(p.Logo, optional(func(v string) (string, error) { return catalog.URL("logo", v) }))
	check(p.PayoutAccount, func(v string) (string, error) { return catalog.LongText("payoutAccount", v, 200) })
	if err != nil {
		return Profile{}, err
	}
	if p.Metadata != nil && len(p.Metadata) > 50 {
		return Profile{}, apperr.Invalid("metadata", "metadata holds at most 50 keys")
	}
	return p, nil
}

// clone copies the pointed-to strings, so normalising never writes to the caller's input.
func (p Profile) clone() Profile {
	cp := func(v *string) *string {
		if v == nil {
			return nil
		}
		c := *v
		return &c
	}
	return Profile{Name: cp(p.Name), ContactEmail: cp(p.ContactEmail), ContactPhone: cp(p.ContactPhone),
		Description: cp(p.Description), Logo: cp(p.Logo), PayoutAccount: cp(p.PayoutAccount), Metadata: p.Metadata}
}

// apply sets p's given fields on m.
func (p Profile) apply(m *ent.VendorMutation) {
	if p.Name != nil {
		m.SetName(*p.Name)
	}
	if p.ContactEmail != nil {
		m.SetContactEmail(*p.ContactEmail)
	}
	if p.ContactPhone != nil {
		m.SetContactPhone(*p.ContactPhone)
	}
	if p.Description != nil {
		m.SetDescription(*p.Description)
	}
	if p.Logo != nil {
		m.SetLogo(*p.Logo)
	}
	if p.PayoutAccount != nil {
		m.SetPayoutAccount(*p.PayoutAccount)
	}
	if p.Metadata != nil {
		m.SetMetadata(p.Metadata)
	}
}
