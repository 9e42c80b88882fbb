package payouts_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/commissions/commissionstest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/payout"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/payouts"
	"github.com/dakkah/cityos/testenv"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const day = 24 * time.Hour

// book is a market with the ledger and payouts on a clock the test moves: a 10 % tenant
// rule, 7 % for V1, a hold of 7 days.
type book struct {
	*commissionstest.Market
	now    time.Time
	ledger *commissions.Service
	events int
}

func newBook(t *testing.T, db *testenv.DB) *book {
	b := &book{Market: commissionstest.New(t, db), now: t0}
	b.ledger = commissions.New(db.Client).WithClock(b.clock)
	b.Rule(t, "tenant", 0, 1000, 0)
	b.Rule(t, "vendor", b.V1.ID, 700, 0)
	return b
}

func (b *book) clock() time.Time { return b.now }

func (b *book) payouts(p payouts.Provider) *payouts.Service {
	return payouts.New(b.DB.Client, p, 7*day).WithClock(b.clock)
}

// sell places and records a captured order of one line at the book's time.
func (b *book) sell(t *testing.T, v *ent.ProductVariant, total int64) commissionstest.Placed {
	t.Helper()
	p := b.Order(t, "SAR", order.PaymentStatusCaptured, commissionstest.Line{Variant: v, Total: total})
	b.events++
	_, err := b.ledger.RecordSales(b.Sys, fmt.Sprintf("evt_%d", b.events), p.Order.ID)
	require.NoError(t, err)
	return p
}

// refund records that a vendor order has given back total in all (or is cancelled, -1).
func (b *book) refund(t *testing.T, so *ent.Suborder, total int64) {
	t.Helper()
	if total < 0 {
		b.Cancel(t, so)
	} else {
		b.Refund(t, so, total)
	}
	b.events++
	_, err := b.ledger.RecordReversals(b.Sys, fmt.Sprintf("evt_%d", b.events), so.ID)
	require.NoError(t, err)
}

func (b *book) payoutsOf(t *testing.T, v *ent.Vendor) []*ent.Payout {
	t.Helper()
	ps, err := b.DB.Client.Payout.Query().Where(payout.VendorID(v.ID)).Order(payout.ByID()).All(b.Sys)
	require.NoError(t, err)
	return ps
}

type figures struct{ amount, gross, commission, refunds, reversed int64 }

func figuresOf(p *ent.Payout) figures {
	return figures{p.Amount, p.Gross, p.Commission, p.Refunds, p.CommissionReversed}
}

// A payout is the net of the lines due: sales past the hold, refunds at once.
func TestPayoutNetOfRefunds(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		first := b.sell(t, b.Var1, 10000) // 7 %: 700
		b.sell(t, b.Var2, 3000)           // 10 %: 300
		b.now = t0.Add(6 * day)
		b.sell(t, b.Var1, 5000) // 350, not past the hold at day 8
		// 20.00 of the first refunded: 7 % of it (1.40) given back.
		b.refund(t, first.Suborders[b.V1.ID], 2000)

		b.now = t0.Add(8 * day)
		s := b.payouts(nil)
		rep, err := s.Run(context.Background(), "day-8")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Created: 2, Pending: 2}, rep)
		v1 := b.payoutsOf(t, b.V1)
		require.Len(t, v1, 1)
		// 100.00 - 7.00 - 20.00 + 1.40 = 74.40
		assert.Equal(t, figures{7440, 10000, 700, 2000, 140}, figuresOf(v1[0]))
		assert.Equal(t, payout.StatusPending, v1[0].Status)
		assert.Equal(t, "manual", v1[0].Provider)
		v2 := b.payoutsOf(t, b.V2)
		require.Len(t, v2, 1)
		assert.Equal(t, figures{2700, 3000, 300, 0, 0}, figuresOf(v2[0]))

		// The same run again makes nothing; the balance left is the sale still held.
		rep, err = s.Run(context.Background(), "day-8")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{}, rep)
		claimed, err := db.Client.CommissionLine.Query().Where(commissionline.PayoutID(v1[0].ID)).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 2, claimed, "the first sale and its reversal")

		b.now = t0.Add(14 * day)
		_, err = s.Run(context.Background(), "day-14")
		require.NoError(t, err)
		v1 = b.payoutsOf(t, b.V1)
		require.Len(t, v1, 2)
		assert.Equal(t, figures{4650, 5000, 350, 0, 0}, figuresOf(v1[1]))

		// Manual payouts are marked paid by the tenant's admins, once.
		_, err = s.MarkPaid(b.As("v1"), v1[0].ID, "BANK-1")
		assert.ErrorIs(t, err, privacy.Deny)
		_, err = s.MarkPaid(b.As("admin-b"), v1[0].ID, "BANK-1")
		assert.True(t, ent.IsNotFound(err), "%v", err)
		_, err = s.MarkPaid(b.As("admin-a"), v1[0].ID, " ")
		assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err))
		paid, err := s.MarkPaid(b.As("admin-a"), v1[0].ID, "BANK-1")
		require.NoError(t, err)
		assert.Equal(t, payout.StatusPaid, paid.Status)
		assert.Equal(t, "BANK-1", paid.Reference)
		require.NotNil(t, paid.PaidAt)
		_, err = s.MarkPaid(b.As("admin-a"), v1[0].ID, "BANK-2")
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		n, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic("payout.paid"), outboxevent.AggregateID(v1[0].ID)).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		// Each vendor reads its own payouts; tenant B none.
		ids, err := db.Client.Payout.Query().IDs(b.As("v2"))
		require.NoError(t, err)
		assert.Equal(t, []int{v2[0].ID}, ids)
		n, err = db.Client.Payout.Query().Count(b.As("admin-b"))
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}

// Refunds after a payout leave a debt: nothing is paid while the net is negative, and
// the debt is taken from the next sales.
func TestNegativeBalanceCarriesForward(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		s := b.payouts(nil)
		first := b.sell(t, b.Var1, 10000)
		b.now = t0.Add(8 * day)
		_, err := s.Run(context.Background(), "day-8")
		require.NoError(t, err)
		require.Len(t, b.payoutsOf(t, b.V1), 1) // 93.00

		b.now = t0.Add(9 * day)
		b.refund(t, first.Suborders[b.V1.ID], -1) // all of it back: -100.00 + 7.00
		b.sell(t, b.Var1, 2000)                   // +20.00 - 1.40, held until day 16
		b.now = t0.Add(10 * day)
		rep, err := s.Run(context.Background(), "day-10")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Carried: 1}, rep)
		b.now = t0.Add(17 * day)
		rep, err = s.Run(context.Background(), "day-17") // -93.00 + 18.60 = -74.40
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Carried: 1}, rep)

		b.sell(t, b.Var1, 20000) // +200.00 - 14.00
		b.now = t0.Add(25 * day)
		_, err = s.Run(context.Background(), "day-25")
		require.NoError(t, err)
		ps := b.payoutsOf(t, b.V1)
		require.Len(t, ps, 2)
		// -74.40 + 186.00 = 111.60
		assert.Equal(t, figures{11160, 22000, 1540, 10000, 700}, figuresOf(ps[1]))
		unpaid, err := db.Client.CommissionLine.Query().Where(commissionline.VendorID(b.V1.ID), commissionline.PayoutIDIsNil()).Count(b.Sys)
		require.NoError(t, err)
		assert.Zero(t, unpaid)
	})
}

// Runs at once (several worker processes, each its own tick) pay each line once.
func TestConcurrentRunsPayOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		for i := range 5 {
			b.sell(t, b.Var1, int64(1000+i)) // 7 % of 10.00..10.04: 70 each
			b.sell(t, b.Var2, int64(2000+i)) // 10 % of 20.00..20.04: 200 each
		}
		b.now = t0.Add(8 * day)
		s := b.payouts(nil)
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _ = s.Run(context.Background(), fmt.Sprintf("run-%d", i)) // a loser may fail (SQLite: busy)
			}()
		}
		wg.Wait()
		_, err := s.Run(context.Background(), "after")
		require.NoError(t, err)
		for v, want := range map[*ent.Vendor]int64{b.V1: 5010 - 350, b.V2: 10010 - 1000} {
			ps := b.payoutsOf(t, v)
			require.Len(t, ps, 1, v.Handle)
			assert.Equal(t, want, ps[0].Amount, v.Handle)
			n, err := db.Client.CommissionLine.Query().Where(commissionline.PayoutID(ps[0].ID)).Count(b.Sys)
			require.NoError(t, err)
			assert.Equal(t, 5, n, v.Handle)
		}
	})
}

// fake is a provider that declines, fails to answer, or pays, as told, and records the
// idempotency keys it was sent.
type fake struct {
	mu   sync.Mutex
	err  error
	keys []string
}

func (*fake) Name() string { return "fake" }

func (f *fake) Pay(_ context.Context, tr payouts.Transfer) (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = append(f.keys, tr.IdempotencyKey())
	if f.err != nil {
		return "", false, f.err
	}
	return "tr_" + tr.IdempotencyKey(), true, nil
}

// A provider that cannot be reached leaves the payout pending; the next run sends the same
// payout again under the same key, and makes no other. A declined payout fails and its
// lines go back to the balance, to be paid by a later run.
func TestPendingIsResentAndDeclinedReturnsLines(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		b.sell(t, b.Var1, 10000)
		b.now = t0.Add(8 * day)
		f := &fake{err: errors.New("connection reset")}
		s := b.payouts(f)
		rep, err := s.Run(context.Background(), "day-8")
		require.Error(t, err)
		assert.Equal(t, payouts.Report{Created: 1, Pending: 1}, rep)
		first := b.payoutsOf(t, b.V1)[0]
		assert.Equal(t, payout.StatusPending, first.Status)

		f.err = nil
		rep, err = s.Run(context.Background(), "day-9")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Paid: 1}, rep)
		ps := b.payoutsOf(t, b.V1)
		require.Len(t, ps, 1)
		assert.Equal(t, payout.StatusPaid, ps[0].Status)
		key := fmt.Sprintf("payout_%d", first.ID)
		assert.Equal(t, []string{key, key}, f.keys)
		assert.Equal(t, "tr_"+key, ps[0].Reference)

		b.now = t0.Add(10 * day)
		b.sell(t, b.Var1, 4000)
		b.now = t0.Add(18 * day)
		f.err = fmt.Errorf("%w: account closed", payouts.ErrDeclined)
		rep, err = s.Run(context.Background(), "day-18")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Created: 1, Failed: 1}, rep)
		ps = b.payoutsOf(t, b.V1)
		require.Len(t, ps, 2)
		assert.Equal(t, payout.StatusFailed, ps[1].Status)
		require.NotNil(t, ps[1].FailureReason)
		assert.Contains(t, *ps[1].FailureReason, "account closed")
		n, err := db.Client.CommissionLine.Query().Where(commissionline.PayoutIDIsNil()).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 1, n, "the sale is back in the balance")
		n, err = db.Client.OutboxEvent.Query().Where(outboxevent.Topic("payout.failed")).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		f.err = nil
		_, err = s.Run(context.Background(), "day-19")
		require.NoError(t, err)
		ps = b.payoutsOf(t, b.V1)
		require.Len(t, ps, 3)
		assert.Equal(t, payout.StatusPaid, ps[2].Status)
		assert.Equal(t, int64(4000-280), ps[2].Amount)
	})
}

// Stripe Connect against stripe-mock: a transfer to the vendor's connected account; a
// vendor with none is declined before anything is sent.
func TestStripeConnect(t *testing.T) {
	p := payouts.NewStripeConnect("sk_test_123", testenv.StripeMock(t))
	ref, done, err := p.Pay(context.Background(), payouts.Transfer{PayoutID: 7, Vendor: 1, Amount: 7440, Currency: "SAR", Destination: "acct_v1"})
	require.NoError(t, err)
	assert.True(t, done)
	assert.Regexp(t, `^tr_`, ref)
	_, _, err = p.Pay(context.Background(), payouts.Transfer{PayoutID: 8, Vendor: 2, Amount: 100, Currency: "SAR"})
	assert.ErrorIs(t, err, payouts.ErrDeclined)

	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		b.sell(t, b.Var1, 10000)
		b.sell(t, b.Var2, 3000) // V2 has no payout account
		b.now = t0.Add(8 * day)
		rep, err := b.payouts(p).Run(context.Background(), "day-8")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Created: 2, Paid: 1, Failed: 1}, rep)
		v1 := b.payoutsOf(t, b.V1)[0]
		assert.Equal(t, payout.StatusPaid, v1.Status)
		assert.Regexp(t, `^tr_`, v1.Reference)
		assert.Equal(t, "stripe", v1.Provider)
		assert.Equal(t, payout.StatusFailed, b.payoutsOf(t, b.V2)[0].Status)
	})
}

// A payout claims its lines in batches, each statement naming at most claimBatch of
// them (PostgreSQL takes 65,535 parameters a statement: a vendor with more lines due
// would never be paid), all in the payout's one transaction.
func TestLinesAreClaimedInBatches(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		for _, total := range []int64{1000, 2000, 3000, 4000, 5000} {
			b.sell(t, b.Var1, total) // 7 %
		}
		b.now = t0.Add(8 * day)
		counted, log := testenv.CountedClient(db)
		s := payouts.New(counted, nil, 7*day).WithClock(b.clock).WithClaimBatch(2)
		rep, err := s.Run(context.Background(), "day-8")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Created: 1, Pending: 1}, rep)

		v1 := b.payoutsOf(t, b.V1)
		require.Len(t, v1, 1)
		assert.Equal(t, figures{13950, 15000, 1050, 0, 0}, figuresOf(v1[0]))
		claimed, err := db.Client.CommissionLine.Query().Where(commissionline.PayoutID(v1[0].ID)).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 5, claimed)
		claims := 0
		for _, st := range log.Take() {
			if strings.HasPrefix(st.SQL, "UPDATE") && strings.Contains(st.SQL, "commission_lines") {
				claims++
			}
		}
		assert.Equal(t, 3, claims, "5 lines, 2 a statement")
	})
}
