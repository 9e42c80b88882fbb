package payouts_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/payout"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/payouts"
	"github.com/dakkah/cityos/testenv"
)

// A manual payout the tenant's admins could not pay is marked failed, once, by them only:
// its lines return to the balance and the next run pays them again, once.
func TestManualPayoutFailed(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := newBook(t, db)
		b.sell(t, b.Var1, 10000) // 7 %: 93.00 net
		b.sell(t, b.Var2, 3000)  // 10 %: 27.00 net
		b.now = t0.Add(8 * day)
		s := b.payouts(nil)
		_, err := s.Run(context.Background(), "day-8")
		require.NoError(t, err)
		first, v2 := b.payoutsOf(t, b.V1)[0], b.payoutsOf(t, b.V2)[0]
		linesOf := func(p *ent.Payout) int {
			n, err := db.Client.CommissionLine.Query().Where(commissionline.PayoutID(p.ID)).Count(b.Sys)
			require.NoError(t, err)
			return n
		}
		require.Equal(t, 1, linesOf(first))

		_, err = s.MarkFailed(b.As("v1"), first.ID, "IBAN closed")
		assert.ErrorIs(t, err, privacy.Deny)
		_, err = s.MarkFailed(b.As("admin-b"), first.ID, "IBAN closed")
		assert.True(t, ent.IsNotFound(err), "%v", err)
		for _, reason := range []string{" ", strings.Repeat("x", 1001)} {
			_, err = s.MarkFailed(b.As("admin-a"), first.ID, reason)
			assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err))
		}
		assert.Equal(t, 1, linesOf(first), "nothing changed by a refused mark")

		failed, err := s.MarkFailed(b.As("admin-a"), first.ID, " IBAN closed ")
		require.NoError(t, err)
		assert.Equal(t, payout.StatusFailed, failed.Status)
		require.NotNil(t, failed.FailureReason)
		assert.Equal(t, "IBAN closed", *failed.FailureReason)
		assert.Nil(t, failed.PaidAt)
		assert.Zero(t, linesOf(first), "the sale is back in the balance")
		n, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic("payout.failed"), outboxevent.AggregateID(first.ID)).Count(b.Sys)
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		// Settled either way, a payout is settled: no second mark of either kind.
		_, err = s.MarkFailed(b.As("admin-a"), first.ID, "again")
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		_, err = s.MarkPaid(b.As("admin-a"), first.ID, "BANK-1")
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		_, err = s.MarkPaid(b.As("admin-a"), v2.ID, "BANK-2")
		require.NoError(t, err)
		_, err = s.MarkFailed(b.As("admin-a"), v2.ID, "too late")
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))

		// The next run pays the sale again, in a payout of its own; later runs never again.
		b.now = t0.Add(9 * day)
		rep, err := s.Run(context.Background(), "day-9")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{Created: 1, Pending: 1}, rep)
		ps := b.payoutsOf(t, b.V1)
		require.Len(t, ps, 2)
		assert.Equal(t, figures{9300, 10000, 700, 0, 0}, figuresOf(ps[1]))
		assert.Equal(t, 1, linesOf(ps[1]))
		rep, err = s.Run(context.Background(), "day-10")
		require.NoError(t, err)
		assert.Equal(t, payouts.Report{}, rep)
		assert.Len(t, b.payoutsOf(t, b.V1), 2)

		// Only a manual payout is failed by hand: a provider's pending one is the runs' to settle.
		b.sell(t, b.Var2, 5000)
		b.now = t0.Add(17 * day)
		_, err = b.payouts(&fake{err: errors.New("connection reset")}).Run(context.Background(), "day-17")
		require.Error(t, err)
		sent := b.payoutsOf(t, b.V2)[1]
		require.Equal(t, payout.StatusPending, sent.Status)
		_, err = s.MarkFailed(b.As("admin-a"), sent.ID, "IBAN closed")
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
	})
}
