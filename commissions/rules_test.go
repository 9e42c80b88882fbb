package commissions_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/commissions/commissionstest"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/testenv"
)

// A rule's validity dates, once set, can be cleared (that end opens), never in the same
// update that gives the date; the rule as it ends up is validated.
func TestRuleValidityCleared(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		admin := m.As("admin-a")
		from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		until, before := from.Add(30*24*time.Hour), from.Add(-time.Hour)
		bps := 1000
		r, err := s.CreateRule(admin, m.TenantA.ID, commissions.RuleInput{Scope: commissionrule.ScopeTenant, Bps: &bps,
			ValidFrom: &from, ValidUntil: &until})
		require.NoError(t, err)

		for name, in := range map[string]commissions.RuleInput{
			"validFrom given and cleared":  {ValidFrom: &from, ClearValidFrom: true},
			"validUntil given and cleared": {ValidUntil: &until, ClearValidUntil: true},
			"until before from":            {ValidUntil: &before},
		} {
			_, err = s.UpdateRule(admin, r.ID, in)
			assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err), name)
		}
		for _, who := range []string{"v1", "admin-b"} {
			_, err = s.UpdateRule(m.As(who), r.ID, commissions.RuleInput{ClearValidUntil: true})
			assert.Error(t, err, who)
		}
		stored := db.Client.CommissionRule.GetX(m.Sys, r.ID)
		require.NotNil(t, stored.ValidUntil, "nothing changed by a refused update")

		got, err := s.UpdateRule(admin, r.ID, commissions.RuleInput{ClearValidUntil: true})
		require.NoError(t, err)
		assert.Nil(t, got.ValidUntil)
		require.NotNil(t, got.ValidFrom)
		assert.True(t, from.Equal(*got.ValidFrom), "the other end stays")
		// Cleared first, then checked: an end before the old start is fine once it is open.
		got, err = s.UpdateRule(admin, r.ID, commissions.RuleInput{ClearValidFrom: true, ValidUntil: &before})
		require.NoError(t, err)
		assert.Nil(t, got.ValidFrom)
		stored = db.Client.CommissionRule.GetX(m.Sys, r.ID)
		assert.Nil(t, stored.ValidFrom)
		require.NotNil(t, stored.ValidUntil)
		assert.True(t, before.Equal(*stored.ValidUntil))
		assert.Equal(t, 1000, stored.Bps)
	})
}
