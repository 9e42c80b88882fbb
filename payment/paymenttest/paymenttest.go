// Package paymenttest is a payment processor in memory for tests: sessions that keep the
// amounts, statuses and metadata set on them, which stripe-mock (stateless, answering
// fixtures) cannot. It stands in for Stripe wherever a test checks what checkout does
// with a session's status, amount, currency or cart.
package paymenttest

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/payment"
)

// Processor is a session provider named "stripe" that keeps its sessions in memory. A
// new session waits for a payment method, as a new PaymentIntent does; Confirm plays
// the shopper's browser.
type Processor struct {
	mu       sync.Mutex
	sessions map[string]*payment.Session
	keys     map[string]string // idempotency key → session id
	n        int
	Captured map[string]int64
	Voided   map[string]bool
	Opened   int // sessions created
}

// New returns an empty Processor.
func New() *Processor {
	return &Processor{sessions: map[string]*payment.Session{}, keys: map[string]string{},
		Captured: map[string]int64{}, Voided: map[string]bool{}}
}

func (*Processor) Name() string { return "stripe" }

// OpenSession follows payment.Stripe.OpenSession: the current session when it is for the
// amount, changed while unconfirmed, replaced once authorised for another amount.
func (p *Processor) OpenSession(_ context.Context, req payment.SessionRequest) (payment.Session, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	key := fmt.Sprintf("%s:%d%s", req.IdempotencyKey, req.Amount, strings.ToLower(req.CurrencyCode))
	if cur, ok := p.sessions[req.Current]; ok {
		same := cur.Amount == req.Amount && strings.EqualFold(cur.CurrencyCode, req.CurrencyCode)
		switch cur.Status {
		case payment.StatusRequiresPaymentMethod, payment.StatusRequiresConfirmation, payment.StatusRequiresAction:
			cur.Amount, cur.CurrencyCode = req.Amount, req.CurrencyCode
			return *cur, nil
		case payment.StatusRequiresCapture:
			if same {
				return *cur, nil
			}
			cur.Status = payment.StatusCanceled
		case payment.StatusCanceled:
		default:
			if same {
				return *cur, nil
			}
			return payment.Session{}, apperr.New(apperr.Conflict, "already %s", cur.Status)
		}
		key += ":after:" + cur.ID
	}
	if id, ok := p.keys[key]; ok {
		return *p.sessions[id], nil
	}
	p.n++
	p.Opened++
	id := fmt.Sprintf("pi_fake_%d", p.n)
	meta := map[string]string{}
	for k, v := range req.Metadata {
		meta[k] = v
	}
	p.sessions[id] = &payment.Session{Provider: "stripe", ID: id, ClientSecret: id + "_secret_x", Amount: req.Amount,
		CurrencyCode: strings.ToUpper(req.CurrencyCode), Status: payment.StatusRequiresPaymentMethod, Metadata: meta}
	p.keys[key] = id
	return *p.sessions[id], nil
}

// Session returns the session id as it is now.
func (p *Processor) Session(_ context.Context, id string) (payment.Session, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.sessions[id]
	if !ok {
		return payment.Session{}, apperr.New(apperr.Conflict, "no such payment %s", id)
	}
	cp := *s
	return cp, nil
}

// Set changes session id as the processor would: status, and amount when not zero.
func (p *Processor) Set(id, status string, amount int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.sessions[id]
	s.Status = status
	if amount != 0 {
		s.Amount = amount
	}
}

// Confirm is the shopper's browser confirming session id: the amount is held.
func (p *Processor) Confirm(id string) { p.Set(id, payment.StatusRequiresCapture, 0) }

// SetMetadata replaces a metadata value of session id.
func (p *Processor) SetMetadata(id, key, value string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sessions[id].Metadata[key] = value
}

func (p *Processor) Capture(_ context.Context, id string, amount int64) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Captured[id] = amount
	if s, ok := p.sessions[id]; ok {
		s.Status = payment.StatusSucceeded
	}
	return nil
}

func (p *Processor) Refund(context.Context, string, int64) error { return nil }

func (p *Processor) Void(_ context.Context, id string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Voided[id] = true
	if s, ok := p.sessions[id]; ok {
		s.Status = payment.StatusCanceled
	}
	return nil
}

var _ payment.SessionProvider = (*Processor)(nil)
