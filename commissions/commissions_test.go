package commissions_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/commissions/commissionstest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/testenv"
)

func lineOf(t *testing.T, m *commissionstest.Market, item *ent.OrderLineItem) *ent.CommissionLine {
	t.Helper()
	l, err := m.DB.Client.CommissionLine.Query().
		Where(commissionline.OrderLineItemID(item.ID), commissionline.KindEQ(commissionline.KindSale)).Only(m.Sys)
	require.NoError(t, err)
	return l
}

// The commission of each line, against hand-computed figures: the most specific valid
// rule wins and is recorded; percentages round half to even per line; the flat part is per
// line and capped at the line.
func TestSaleLines(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		tenant := m.Rule(t, "tenant", 0, 1000, 0)  // 10 %
		v1 := m.Rule(t, "vendor", m.V1.ID, 700, 0) // 7 % for V1
		for _, c := range []struct {
			name       string
			setup      func() *ent.CommissionRule
			line       commissionstest.Line
			commission int64
			rule       func() *ent.CommissionRule
		}{
			// 10 % of 123.45: 12.345 → 12.34 (half to even).
			{name: "10 % tenant rule", line: commissionstest.Line{Variant: m.Var2, Total: 12345}, commission: 1234,
				rule: func() *ent.CommissionRule { return tenant }},
			// 7 % of 100.50: 7.035 → 7.04 (half to even: 703 is odd).
			{name: "7 % vendor rule beats the tenant's", line: commissionstest.Line{Variant: m.Var1, Total: 10050}, commission: 704,
				rule: func() *ent.CommissionRule { return v1 }},
		} {
			t.Run(c.name, func(t *testing.T) {
				p := m.Order(t, "SAR", order.PaymentStatusCaptured, c.line)
				n, err := s.RecordSales(m.Sys, "evt_"+c.name, p.Order.ID)
				require.NoError(t, err)
				assert.Equal(t, 1, n)
				l := lineOf(t, m, p.Lines[0])
				assert.Equal(t, c.line.Total, l.Amount)
				assert.Equal(t, c.commission, l.Commission)
				require.NotNil(t, l.RuleID)
				assert.Equal(t, c.rule().ID, *l.RuleID)
				assert.Equal(t, c.rule().Bps, l.Bps)
				assert.NotNil(t, l.CapturedAt, "a captured order's sales count at once")
			})
		}
		// A category rule on Food covers Spices (an ancestor), and beats the vendor rule:
		// 5 % of 99.90 = 4.995 → 5.00 (half to even: 499 is odd), plus a flat 2.50.
		food := m.Rule(t, "category", m.Food.ID, 500, 250)
		p := m.Order(t, "SAR", order.PaymentStatusCaptured, commissionstest.Line{Variant: m.Var1, Total: 9990})
		_, err := s.RecordSales(m.Sys, "evt_food", p.Order.ID)
		require.NoError(t, err)
		l := lineOf(t, m, p.Lines[0])
		assert.Equal(t, int64(750), l.Commission)
		assert.Equal(t, food.ID, *l.RuleID)
		assert.Equal(t, int64(250), l.Flat)
		// A product rule of a flat 5.00 on a line of 3.00 takes the whole line, no more.
		prod := m.Rule(t, "product", m.P1.ID, 0, 500)
		p = m.Order(t, "SAR", order.PaymentStatusCaptured, commissionstest.Line{Variant: m.Var1, Total: 300})
		_, err = s.RecordSales(m.Sys, "evt_prod", p.Order.ID)
		require.NoError(t, err)
		l = lineOf(t, m, p.Lines[0])
		assert.Equal(t, int64(300), l.Commission)
		assert.Equal(t, int64(300), l.Flat)
		assert.Equal(t, prod.ID, *l.RuleID)
		// Tenant B has no rule: no commission, no rule recorded.
		p = m.Order(t, "SAR", order.PaymentStatusCaptured, commissionstest.Line{Variant: m.VarB, Total: 5000})
		_, err = s.RecordSales(m.Sys, "evt_b", p.Order.ID)
		require.NoError(t, err)
		l = lineOf(t, m, p.Lines[0])
		assert.Zero(t, l.Commission)
		assert.Nil(t, l.RuleID)
		assert.Equal(t, m.VB.ID, l.VendorID)
	})
}

// A redelivered order.placed (the same event or another one) writes nothing more.
func TestSalesAreRecordedOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		m.Rule(t, "tenant", 0, 1000, 0)
		p := m.Order(t, "SAR", order.PaymentStatusAuthorized,
			commissionstest.Line{Variant: m.Var1, Total: 1000}, commissionstest.Line{Variant: m.Var2, Total: 2000})
		n, err := s.RecordSales(m.Sys, "evt_1", p.Order.ID)
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		for _, ev := range []string{"evt_1", "evt_2"} {
			n, err = s.RecordSales(m.Sys, ev, p.Order.ID)
			require.NoError(t, err)
			assert.Zero(t, n)
		}
		lines, err := db.Client.CommissionLine.Query().Where(commissionline.OrderID(p.Order.ID)).All(m.Sys)
		require.NoError(t, err)
		require.Len(t, lines, 2)
		assert.Equal(t, p.Suborders[m.V1.ID].ID, lineOf(t, m, p.Lines[0]).SuborderID)
		assert.Equal(t, p.Suborders[m.V2.ID].ID, lineOf(t, m, p.Lines[1]).SuborderID)
		for _, l := range lines {
			assert.Nil(t, l.CapturedAt, "an authorised payment is not captured yet")
		}
		// Not captured, not in the balance; captured, in it.
		b, err := s.Balance(m.As("v1"), m.V1.ID, "SAR", time.Time{}, time.Time{})
		require.NoError(t, err)
		assert.Zero(t, b.Gross)
		n, err = s.MarkCaptured(m.Sys, p.Order.ID)
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		b, err = s.Balance(m.As("v1"), m.V1.ID, "SAR", time.Time{}, time.Time{})
		require.NoError(t, err)
		assert.Equal(t, commission.Balance{Vendor: m.V1.ID, Currency: "SAR", Gross: 1000, Commission: 100, Net: 900}, b)
	})
}

// Partial refunds, then the rest: reversals proportional per line, cumulative rounding,
// the full refund reversing exactly what was taken, never a negative line.
func TestReversals(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		m.Rule(t, "vendor", m.V1.ID, 700, 0)
		// Two lines of V1: 100.00 (commission 7.00) and 50.00 (3.50).
		p := m.Order(t, "SAR", order.PaymentStatusCaptured,
			commissionstest.Line{Variant: m.Var1, Total: 10000}, commissionstest.Line{Variant: m.Var1, Total: 5000})
		_, err := s.RecordSales(m.Sys, "evt_placed", p.Order.ID)
		require.NoError(t, err)
		so := p.Suborders[m.V1.ID]
		type want struct{ gross, commission, refunds, reversed, net int64 }
		for _, step := range []struct {
			name    string
			do      func()
			created int
			want    want
		}{
			// 30.00 refunded: 20.00 and 10.00 of the lines; 7 % of each back: 1.40 and 0.70.
			{"refund 30.00", func() { m.Refund(t, so, 3000) }, 2, want{15000, 1050, 3000, 210, 11160}},
			// The same event again, or a later one with nothing new: nothing.
			{"nothing new", func() {}, 0, want{15000, 1050, 3000, 210, 11160}},
			// 0.01 more: it falls on the first line, and its commission share
			// (7.00 * 20.01 / 100 = 1.4007 → 1.40) rounds to nothing more.
			{"refund 0.01 more", func() { m.Refund(t, so, 3001) }, 1, want{15000, 1050, 3001, 210, 11159}},
			// Cancelled: the rest of both lines, and exactly the rest of the commission.
			{"cancel", func() { m.Cancel(t, so) }, 2, want{15000, 1050, 15000, 1050, 0}},
			{"cancelled again", func() {}, 0, want{15000, 1050, 15000, 1050, 0}},
		} {
			step.do()
			n, err := s.RecordReversals(m.Sys, "evt_"+step.name, so.ID)
			require.NoError(t, err, step.name)
			assert.Equal(t, step.created, n, step.name)
			b, err := s.Balance(m.As("admin-a"), m.V1.ID, "SAR", time.Time{}, time.Time{})
			require.NoError(t, err)
			assert.Equal(t, step.want, want{b.Gross, b.Commission, b.Refunds, b.CommissionReversed, b.Net}, step.name)
		}
		// Per line, reversals add up to the sale: 100.00 / 7.00 and 50.00 / 3.50.
		lines, err := db.Client.CommissionLine.Query().Where(commissionline.SuborderID(so.ID)).All(m.Sys)
		require.NoError(t, err)
		sums := map[int][2]int64{}
		for _, l := range lines {
			x := sums[l.OrderLineItemID]
			if l.Kind == commissionline.KindSale {
				x[0] += l.Amount + l.Commission
			} else {
				assert.Positive(t, l.Amount)
				assert.GreaterOrEqual(t, l.Commission, int64(0))
				x[1] += l.Amount + l.Commission
			}
			sums[l.OrderLineItemID] = x
		}
		for id, x := range sums {
			assert.Equal(t, x[0], x[1], "line %d", id)
		}
	})
}

// A refund handled before its order's sales waits (is retried); a cancel before capture
// nets to nothing and never counts.
func TestReversalsWaitForTheirSales(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		m.Rule(t, "tenant", 0, 1000, 0)
		p := m.Order(t, "SAR", order.PaymentStatusAuthorized, commissionstest.Line{Variant: m.Var2, Total: 4000})
		so := p.Suborders[m.V2.ID]
		m.Cancel(t, so)
		_, err := s.RecordReversals(m.Sys, "evt_cancel", so.ID)
		require.Error(t, err)
		_, err = s.RecordSales(m.Sys, "evt_placed", p.Order.ID)
		require.NoError(t, err)
		n, err := s.RecordReversals(m.Sys, "evt_cancel", so.ID)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		b, err := s.Balance(m.As("v2"), m.V2.ID, "SAR", time.Time{}, time.Time{})
		require.NoError(t, err)
		assert.Equal(t, commission.Balance{Vendor: m.V2.ID, Currency: "SAR"}, b)
	})
}

// Another vendor's or tenant's ledger is not there for the caller; the period bounds count
// lines by their capture.
func TestBalanceIsTheVendorsOwn(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		s := commissions.New(db.Client).WithClock(func() time.Time { return at })
		m.Rule(t, "tenant", 0, 1000, 0)
		p := m.Order(t, "SAR", order.PaymentStatusCaptured,
			commissionstest.Line{Variant: m.Var1, Total: 1000}, commissionstest.Line{Variant: m.Var2, Total: 2000})
		_, err := s.RecordSales(m.Sys, "evt_1", p.Order.ID)
		require.NoError(t, err)
		for _, who := range []string{"admin-a", "v1", "v1-staff"} {
			b, err := s.Balance(m.As(who), m.V1.ID, "SAR", time.Time{}, time.Time{})
			require.NoError(t, err, who)
			assert.Equal(t, int64(900), b.Net, who)
		}
		for _, who := range []string{"v2", "admin-b"} {
			_, err := s.Balance(m.As(who), m.V1.ID, "SAR", time.Time{}, time.Time{})
			assert.Equal(t, apperr.NotFound, apperr.CodeOf(err), who)
		}
		lines, err := db.Client.CommissionLine.Query().All(m.As("v2"))
		require.NoError(t, err)
		require.Len(t, lines, 1)
		assert.Equal(t, m.V2.ID, lines[0].VendorID)
		n, err := db.Client.CommissionLine.Query().Count(m.As("admin-b"))
		require.NoError(t, err)
		assert.Zero(t, n)
		b, err := s.Balance(m.As("v1"), m.V1.ID, "SAR", at.Add(time.Second), time.Time{})
		require.NoError(t, err)
		assert.Zero(t, b.Gross, "captured before the period")
		b, err = s.Balance(m.As("v1"), m.V1.ID, "SAR", at, at.Add(time.Second))
		require.NoError(t, err)
		assert.Equal(t, int64(1000), b.Gross)
		b, err = s.Balance(m.As("v1"), m.V1.ID, "AED", time.Time{}, time.Time{})
		require.NoError(t, err)
		assert.Zero(t, b.Gross, "another currency")
	})
}

// Rules are validated with commission.Rule.Validate and their scope checked against the
// tenant; only the tenant's admins write them; a vendor reads the tenant's and its own.
func TestRules(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		s := commissions.New(db.Client)
		a := m.TenantA.ID
		i := func(n int) *int { return &n }
		sar := "SAR"
		for name, in := range map[string]commissions.RuleInput{
			"bps over 100 %":           {Scope: commissionrule.ScopeTenant, Bps: i(10001)},
			"flat with no currency":    {Scope: commissionrule.ScopeTenant, Flat: func() *int64 { f := int64(5); return &f }()},
			"vendor of another tenant": {Scope: commissionrule.ScopeVendor, ScopeID: &m.VB.ID, Bps: i(100)},
			"vendor rule with no id":   {Scope: commissionrule.ScopeVendor, Bps: i(100)},
			"until before from": {Scope: commissionrule.ScopeTenant, ValidFrom: &[]time.Time{time.Now()}[0],
				ValidUntil: &[]time.Time{time.Now().Add(-time.Hour)}[0]},
		} {
			_, err := s.CreateRule(m.As("admin-a"), a, in)
			assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err), name)
		}
		admin := m.As("admin-a")
		tenant, err := s.CreateRule(admin, a, commissions.RuleInput{Scope: commissionrule.ScopeTenant, Bps: i(1000)})
		require.NoError(t, err)
		v1, err := s.CreateRule(admin, a, commissions.RuleInput{Scope: commissionrule.ScopeVendor, ScopeID: &m.V1.ID,
			Bps: i(700), Flat: func() *int64 { f := int64(100); return &f }(), Currency: &sar, Priority: i(2)})
		require.NoError(t, err)
		_, err = s.CreateRule(admin, a, commissions.RuleInput{Scope: commissionrule.ScopeVendor, ScopeID: &m.V2.ID, Bps: i(500)})
		require.NoError(t, err)
		_, err = s.UpdateRule(admin, v1.ID, commissions.RuleInput{Bps: i(20000)})
		assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err))
		got, err := s.UpdateRule(admin, v1.ID, commissions.RuleInput{Bps: i(650)})
		require.NoError(t, err)
		assert.Equal(t, 650, got.Bps)
		assert.Equal(t, int64(100), got.Flat, "left as it was")

		for _, who := range []string{"v1", "admin-b"} {
			_, err = s.CreateRule(m.As(who), a, commissions.RuleInput{Scope: commissionrule.ScopeTenant, Bps: i(1)})
			assert.ErrorIs(t, err, privacy.Deny, who)
			_, err = s.UpdateRule(m.As(who), tenant.ID, commissions.RuleInput{Bps: i(1)})
			assert.Error(t, err, who)
			assert.Error(t, s.DeleteRule(m.As(who), tenant.ID), who)
		}
		// V1 reads the tenant's rule and its own, never V2's; tenant B none.
		ids, err := db.Client.CommissionRule.Query().IDs(m.As("v1"))
		require.NoError(t, err)
		assert.ElementsMatch(t, []int{tenant.ID, v1.ID}, ids)
		n, err := db.Client.CommissionRule.Query().Count(m.As("admin-b"))
		require.NoError(t, err)
		assert.Zero(t, n)
		require.NoError(t, s.DeleteRule(admin, tenant.ID))
		assert.Equal(t, apperr.NotFound, apperr.CodeOf(s.DeleteRule(admin, tenant.ID)))
	})
}

// The ledger's reads do not grow with the order: a one-line and a four-line order run
// the same statements (products, categories and rules read once); an order with no
// vendor costs one read, since every order of every store comes to the worker.
func TestSalesStatements(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		m.Rule(t, "tenant", 0, 1000, 0)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		count := func(orderID int) int {
			log.Take()
			_, err := api.App.Commissions.RecordSales(m.Sys, fmt.Sprintf("evt_%d", orderID), orderID)
			require.NoError(t, err)
			return len(log.Take())
		}
		authorized := order.PaymentStatusAuthorized
		one := m.Order(t, "SAR", authorized, commissionstest.Line{Variant: m.Var1, Total: 1000})
		four := m.Order(t, "SAR", authorized, commissionstest.Line{Variant: m.Var1, Total: 1000}, commissionstest.Line{Variant: m.Var2, Total: 2000},
			commissionstest.Line{Variant: m.Var1, Total: 500}, commissionstest.Line{Variant: m.Var2, Total: 700})
		assert.Equal(t, count(one.Order.ID), count(four.Order.ID))
		assert.Equal(t, 4, db.Client.CommissionLine.Query().Where(commissionline.OrderID(four.Order.ID)).CountX(m.Sys))

		plain, err := db.Client.Order.Create().SetTenantID(m.TenantA.ID).SetStoreID(m.StoreA1.ID).SetDisplayID(900).
			SetIdempotencyKey("plain").SetCurrencyCode("SAR").SetSubtotal(0).SetShippingTotal(0).SetTaxTotal(0).SetTotal(0).
			SetPaymentProvider("manual").SetPaymentStatus(authorized).Save(m.Sys)
		require.NoError(t, err)
		assert.Equal(t, 1, count(plain.ID))
	})
}
