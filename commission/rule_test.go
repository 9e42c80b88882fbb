package commission

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var (
	jan = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	feb = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	mar = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
)

func TestValidate(t *testing.T) {
	ok := Rule{ID: 1, Scope: ScopeTenant, ScopeID: 7, Bps: 1000}
	for _, tc := range []struct {
		name string
		edit func(*Rule)
		bad  string // "" when valid
	}{
		{"percentage only", func(*Rule) {}, ""},
		{"0 bps", func(r *Rule) { r.Bps = 0 }, ""},
		{"100 %", func(r *Rule) { r.Bps = 10000 }, ""},
		{"flat with currency", func(r *Rule) { r.Flat, r.Currency = 150, "SAR" }, ""},
		{"window", func(r *Rule) { r.From, r.Until = jan, feb }, ""},
		{"open start", func(r *Rule) { r.Until = feb }, ""},
		{"bps above 100 %", func(r *Rule) { r.Bps = 10001 }, "outside 0..10000"},
		{"negative bps", func(r *Rule) { r.Bps = -1 }, "outside 0..10000"},
		{"negative flat", func(r *Rule) { r.Flat, r.Currency = -5, "SAR" }, "negative"},
		{"flat without currency", func(r *Rule) { r.Flat = 100 }, "needs an ISO 4217 currency"},
		{"bad currency", func(r *Rule) { r.Currency = "sar" }, "not an ISO 4217"},
		{"from after until", func(r *Rule) { r.From, r.Until = feb, jan }, "is not before"},
		{"from equals until", func(r *Rule) { r.From, r.Until = feb, feb }, "is not before"},
		{"no scope", func(r *Rule) { r.Scope = 0 }, "unknown scope"},
		{"no scope id", func(r *Rule) { r.Scope, r.ScopeID = ScopeVendor, 0 }, "vendor's id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			err := r.Validate()
			if tc.bad == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidRule)
			require.ErrorContains(t, err, tc.bad)
		})
	}
}

func TestSelect(t *testing.T) {
	line := Line{Amount: 10000, Quantity: 1, Currency: "SAR", Tenant: 1, Vendor: 2, Product: 3, Categories: []int{4, 40}, Collection: 5}
	tenant := Rule{ID: 10, Scope: ScopeTenant, ScopeID: 1, Bps: 1000}
	vendor := Rule{ID: 11, Scope: ScopeVendor, ScopeID: 2, Bps: 700}
	category := Rule{ID: 12, Scope: ScopeCategory, ScopeID: 40, Bps: 600}
	collection := Rule{ID: 13, Scope: ScopeCollection, ScopeID: 5, Bps: 500}
	product := Rule{ID: 14, Scope: ScopeProduct, ScopeID: 3, Bps: 400}
	with := func(r Rule, edit func(*Rule)) Rule { edit(&r); return r }

	for _, tc := range []struct {
		name  string
		rules []Rule
		at    time.Time
		want  int // rule ID, 0 for none
	}{
		{"no rules", nil, feb, 0},
		{"tenant only", []Rule{tenant}, feb, 10},
		{"vendor beats tenant", []Rule{tenant, vendor}, feb, 11},
		{"category beats vendor", []Rule{vendor, category, tenant}, feb, 12},
		{"collection beats category", []Rule{category, collection}, feb, 13},
		{"product beats all", []Rule{tenant, vendor, category, collection, product}, feb, 14},
		{"specificity beats priority", []Rule{with(tenant, func(r *Rule) { r.Priority = 100 }), vendor}, feb, 11},
		{"priority among equals", []Rule{vendor, with(vendor, func(r *Rule) { r.ID, r.Priority = 20, 1 })}, feb, 20},
		{"ties by lower ID", []Rule{with(vendor, func(r *Rule) { r.ID = 30 }), with(vendor, func(r *Rule) { r.ID = 21 }), vendor}, feb, 11},
		{"ties by lower ID, any order", []Rule{with(vendor, func(r *Rule) { r.ID = 3 }), vendor}, feb, 3},
		{"expired rule skipped", []Rule{tenant, with(product, func(r *Rule) { r.Until = feb })}, feb, 10},
		{"future rule skipped", []Rule{tenant, with(product, func(r *Rule) { r.From = mar })}, feb, 10},
		{"window holds its start", []Rule{tenant, with(product, func(r *Rule) { r.From, r.Until = feb, mar })}, feb, 14},
		{"other vendor", []Rule{with(vendor, func(r *Rule) { r.ScopeID = 99 })}, feb, 0},
		{"other tenant", []Rule{with(tenant, func(r *Rule) { r.ScopeID = 99 })}, feb, 0},
		{"second category", []Rule{with(category, func(r *Rule) { r.ScopeID = 4 })}, feb, 12},
		{"other category", []Rule{tenant, with(category, func(r *Rule) { r.ScopeID = 41 })}, feb, 10},
		{"other collection", []Rule{tenant, with(collection, func(r *Rule) { r.ScopeID = 6 })}, feb, 10},
		{"other product", []Rule{tenant, with(product, func(r *Rule) { r.ScopeID = 33 })}, feb, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := Select(tc.rules, line, tc.at)
			require.Equal(t, tc.want != 0, ok)
			require.Equal(t, tc.want, r.ID)
		})
	}

	t.Run("no collection matches no collection rule", func(t *testing.T) {
		l := line
		l.Collection = 0
		_, ok := Select([]Rule{{ID: 1, Scope: ScopeCollection, ScopeID: 0}}, l, feb)
		require.False(t, ok)
	})
}
