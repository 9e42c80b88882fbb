package payment_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/payment"
)

// Verify is what checkout asks of a session before it places an order.
func TestSessionVerify(t *testing.T) {
	want := payment.Expect{Amount: 52500, CurrencyCode: "SAR", CartID: 7}
	paid := func(edit func(s *payment.Session)) payment.Session {
		s := payment.Session{Provider: "stripe", ID: "pi_1", ClientSecret: "pi_1_secret", Amount: 52500,
			CurrencyCode: "sar", Status: payment.StatusRequiresCapture, Metadata: map[string]string{"cart_id": "7"}}
		if edit != nil {
			edit(&s)
		}
		return s
	}
	assert.NoError(t, paid(nil).Verify(want), "authorised for the total (currency in Stripe's lower case)")
	assert.NoError(t, paid(func(s *payment.Session) { s.Status = payment.StatusSucceeded }).Verify(want), "captured")
	assert.True(t, paid(func(s *payment.Session) { s.Status = payment.StatusSucceeded }).Captured())
	assert.False(t, paid(nil).Captured())

	for _, status := range []string{payment.StatusRequiresPaymentMethod, payment.StatusRequiresConfirmation, payment.StatusRequiresAction} {
		err := paid(func(s *payment.Session) { s.Status = status }).Verify(want)
		e, ok := apperr.As(err)
		if assert.True(t, ok, status) {
			assert.Equal(t, payment.RequiresAction, e.Code, status)
			assert.Equal(t, status, e.Details["paymentStatus"])
			assert.Equal(t, "pi_1_secret", e.Details["clientSecret"], "the browser confirms with it")
		}
	}
	e, _ := apperr.As(paid(func(s *payment.Session) { s.Status = payment.StatusProcessing }).Verify(want))
	if assert.NotNil(t, e) {
		assert.Equal(t, payment.Pending, e.Code)
		assert.NotContains(t, e.Details, "clientSecret")
	}

	refused := map[string]func(s *payment.Session){
		"canceled":         func(s *payment.Session) { s.Status = payment.StatusCanceled },
		"unknown status":   func(s *payment.Session) { s.Status = "requires_magic" },
		"less":             func(s *payment.Session) { s.Amount = 52499 },
		"more":             func(s *payment.Session) { s.Amount = 52501 },
		"another currency": func(s *payment.Session) { s.CurrencyCode = "aed" },
		"another cart":     func(s *payment.Session) { s.Metadata = map[string]string{"cart_id": "8"} },
		"no cart":          func(s *payment.Session) { s.Metadata = nil },
	}
	for name, edit := range refused {
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(paid(edit).Verify(want)), name)
	}
}
