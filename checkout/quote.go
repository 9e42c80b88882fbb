package checkout

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/ent/quotemessage"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/snapshot"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// How long a quote lasts: unanswered, QuoteAnswerTTL after it was asked for; answered,
// until the expiry staff give, QuoteOfferTTL after the answer by default, QuoteMaxTTL at most.
const (
	QuoteAnswerTTL = 30 * 24 * time.Hour
	QuoteOfferTTL  = 14 * 24 * time.Hour
	QuoteMaxTTL    = 90 * 24 * time.Hour
)

// MaxQuoteMessages is how many messages a quote's thread holds at most.
const MaxQuoteMessages = 200

// errQuoteMoved: the quote left the state it was read in meanwhile.
var errQuoteMoved = errors.New("checkout: the quote changed meanwhile")

// message checks a message of a quote's thread.
func message(body string) error {
	if body == "" || utf8.RuneCountInString(body) > 4000 {
		return apperr.Invalid("message", "a message is 1-4000 characters")
	}
	return nil
}

// RequestQuote asks the store's staff for prices on the signed-in buyer's cart in a b2b
// store, with a first message. The cart must be ready to check out (its lines are what
// is priced, its address and shipping what the order will use); it is held until the
// quote is accepted, declined or expires.
func (s *Service) RequestQuote(ctx context.Context, cartToken int, body string) (*ent.Quote, error) {
	if err := message(body); err != nil {
		return nil, err
	}
	c, err := s.loadCart(ctx, cartToken)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	switch {
	case c.CustomerID == nil || v.Kind != viewer.User || v.UserID != *c.CustomerID:
		return nil, apperr.New(apperr.Forbidden, "sign in as the cart's customer to ask for a quote")
	case c.CompletedAt != nil || c.HeldAt != nil:
		return nil, apperr.New(apperr.Conflict, "the cart is completed or already waits on a request or quote")
	}
	st, err := cart.Store(ctx, c)
	if err != nil {
		return nil, err
	}
	if st.StorefrontType != store.StorefrontTypeB2b {
		return nil, apperr.New(apperr.Forbidden, "quotes are asked for in b2b stores")
	}
	p, err := s.plan(ctx, c)
	if err != nil {
		return nil, err
	}
	var companyID *int
	if e, err := s.client.Employee.Query().Where(employee.UserID(v.UserID), employee.TenantID(c.TenantID),
		employee.StatusEQ(employee.StatusActive)).Only(sys(ctx)); err == nil {
		companyID = &e.CompanyID
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	now := s.now()
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Quote, error) {
		ctx := sys(ctx)
		if err := holdCart(ctx, tx, c, now); err != nil {
			if errors.Is(err, errCartMoved) {
				return nil, apperr.New(apperr.Conflict, "the cart changed meanwhile: ask again")
			}
			return nil, err
		}
		q, err := tx.Quote.Create().SetCreatedAt(now).SetUpdatedAt(now).SetTenantID(c.TenantID).SetStoreID(c.StoreID).
			SetNillableCompanyID(companyID).SetCustomerID(v.UserID).SetCartID(c.ID).SetCurrencyCode(c.CurrencyCode).
			SetLines(frozenLines(p)).SetExpiresAt(now.Add(QuoteAnswerTTL)).Save(ctx)
		if err != nil {
			return nil, err
		}
		return q, tx.QuoteMessage.Create().SetCreatedAt(now).SetUpdatedAt(now).SetTenantID(c.TenantID).
			SetQuoteID(q.ID).SetAuthorID(v.UserID).SetSide(quotemessage.SideBuyer).SetBody(body).Exec(ctx)
	})
}

// quoteFor reads quote id as the caller sees it: NOT_FOUND when they do not.
func (s *Service) quoteFor(ctx context.Context, id int) (*ent.Quote, error) {
	q, err := s.client.Quote.Get(ctx, id)
	if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) {
		return nil, apperr.New(apperr.NotFound, "quote not found")
	}
	return q, err
}

// quoteWithMessage checks a message for quote id's thread and reads the quote as the
// caller sees it.
func (s *Service) quoteWithMessage(ctx context.Context, id int, body string) (*ent.Quote, error) {
	if err := message(body); err != nil {
		return nil, err
	}
	return s.quoteFor(ctx, id)
}

// openQuote refuses a quote that can no longer be talked about or answered.
func (s *Service) openQuote(q *ent.Quote) error {
	if q.Status != quote.StatusRequested && q.Status != quote.StatusResponded {
		return apperr.New(apperr.Conflict, "the quote was %s", q.Status)
	}
	if !s.now().Before(q.ExpiresAt) {
		return apperr.New(apperr.Conflict, "the quote expired")
	}
	return nil
}

// QuotePrice is staff's price for one line of a quote, by the line's number.
type QuotePrice struct {
	Line      int
	UnitPrice int64
}

// RespondToQuote prices a quote's lines (lines not named keep their listed price) with a
// message to the buyer: the store's staff, while the quote is open. Answering again
// revises the offer. The offer lasts until expiresAt (default QuoteOfferTTL from now).
func (s *Service) RespondToQuote(ctx context.Context, id int, prices []QuotePrice, body string, expiresAt *time.Time) (*ent.Quote, error) {
	q, err := s.quoteWithMessage(ctx, id, body)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	if err := access.MayAnswerQuote(v, q.TenantID, q.StoreID); err != nil {
		return nil, err
	}
	if err := s.openQuote(q); err != nil {
		return nil, err
	}
	now := s.now()
	until := now.Add(QuoteOfferTTL)
	if expiresAt != nil {
		if !expiresAt.After(now) || expiresAt.After(now.Add(QuoteMaxTTL)) {
			return nil, apperr.Invalid("expiresAt", "an offer expires in the future, within %d days", int(QuoteMaxTTL.Hours()/24))
		}
		until = *expiresAt
	}
	lines, err := priced(q, prices)
	if err != nil {
		return nil, err
	}
	changed, _, err := s.talk(ctx, q, quotemessage.SideStaff, body, func(u *ent.QuoteUpdate) {
		u.SetLines(lines).SetStatus(quote.StatusResponded).SetExpiresAt(until)
	})
	return changed, err
}

// priced is q's lines with prices applied, each line named once and priced in bounds.
func priced(q *ent.Quote, prices []QuotePrice) ([]snapshot.Line, error) {
	if len(prices) == 0 {
		return nil, apperr.Invalid("prices", "price at least one line")
	}
	lines := append([]snapshot.Line(nil), q.Lines...)
	seen := map[int]bool{}
	for _, p := range prices {
		if p.Line < 1 || p.Line > len(lines) || seen[p.Line] {
			return nil, apperr.Invalid("prices", "line %d is not a line of the quote, or is named twice", p.Line)
		}
		if p.UnitPrice < 0 || p.UnitPrice > pricing.MaxAmount {
			return nil, apperr.Invalid("prices", "a unit price is 0-%d (minor units)", pricing.MaxAmount)
		}
		seen[p.Line] = true
		price := p.UnitPrice
		lines[p.Line-1].QuotedUnitPrice = &price
	}
	return lines, nil
}

// AddQuoteMessage adds a message to an open quote's thread: from the buyer's side (the
// buyer, its company's admins) or the staff's (the store's staff).
func (s *Service) AddQuoteMessage(ctx context.Context, id int, body string) (*ent.QuoteMessage, error) {
	q, err := s.quoteWithMessage(ctx, id, body)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	side := quotemessage.SideBuyer
	if access.MayActForBuyer(v, q.TenantID, q.CustomerID, companyOf(q)) != nil {
		if err := access.MayAnswerQuote(v, q.TenantID, q.StoreID); err != nil {
			return nil, apperr.New(apperr.Forbidden, "only the buyer's side and the store's staff write in a quote's thread")
		}
		side = quotemessage.SideStaff
	}
	if err := s.openQuote(q); err != nil {
		return nil, err
	}
	_, m, err := s.talk(ctx, q, side, body, nil)
	return m, err
}

// talk writes a message to q's thread with a change of q (change may add to it), as of
// the quote's version read: a quote changed meanwhile is not overwritten. It answers the
// quote as changed and the message as written.
func (s *Service) talk(ctx context.Context, q *ent.Quote, side quotemessage.Side, body string, change func(*ent.QuoteUpdate)) (*ent.Quote, *ent.QuoteMessage, error) {
	v, now := viewer.FromContext(ctx), s.now()
	var (
		changed *ent.Quote
		m       *ent.QuoteMessage
	)
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		u := tx.Quote.Update().Where(quote.ID(q.ID), quote.Version(q.Version)).SetUpdatedAt(now)
		if change != nil {
			change(u)
		}
		n, err := u.Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.Conflict, "the quote changed meanwhile: read it again")
		}
		// Counted after the update, which locks the quote: two messages never both fit.
		if n, err := tx.QuoteMessage.Query().Where(quotemessage.QuoteID(q.ID)).Count(ctx); err != nil {
			return err
		} else if n >= MaxQuoteMessages {
			return apperr.New(apperr.Conflict, "the quote's thread is full (%d messages): accept or decline the quote, or ask for a new one", MaxQuoteMessages)
		}
		if m, err = tx.QuoteMessage.Create().SetCreatedAt(now).SetUpdatedAt(now).SetTenantID(q.TenantID).
			SetQuoteID(q.ID).SetNillableAuthorID(author(v)).SetSide(side).SetBody(body).Save(ctx); err != nil {
			return err
		}
		changed, err = tx.Quote.Get(ctx, q.ID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return changed.Unwrap(), m.Unwrap(), nil
}

// author is who writes as v: a signed-in user, or nobody (a secret API key).
func author(v *viewer.Viewer) *int {
	if v.Kind != viewer.User {
		return nil
	}
	return &v.UserID
}

func companyOf(q *ent.Quote) int {
	if q.CompanyID == nil {
		return 0
	}
	return *q.CompanyID
}
