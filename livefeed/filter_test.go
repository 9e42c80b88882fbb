package livefeed

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/outbox"
)

func TestFilterMatchesTenantFirstThenStoreAndType(t *testing.T) {
	ptr := func(n int) *int { return &n }
	ev := func(topic string, tenant, store *int) outbox.Event {
		return outbox.Event{ID: 1, Topic: topic, TenantID: tenant, StoreID: store}
	}
	admin := Scope{Tenants: map[int]bool{1: true}, Stores: map[int]int{}}
	manager := Scope{Tenants: map[int]bool{}, Stores: map[int]int{10: 1}}
	super := Scope{All: true}
	for _, c := range []struct {
		name   string
		filter Filter
		ev     outbox.Event
		want   bool
	}{
		{"admin: own tenant", Filter{Scope: admin}, ev("order.placed", ptr(1), ptr(11)), true},
		{"admin: other tenant", Filter{Scope: admin}, ev("order.placed", ptr(2), ptr(20)), false},
		{"admin: tenant-wide event", Filter{Scope: admin}, ev("tenant.updated", ptr(1), nil), true},
		{"admin: platform event", Filter{Scope: admin}, ev("tenant.created", nil, nil), false},
		{"manager: its store", Filter{Scope: manager}, ev("order.placed", ptr(1), ptr(10)), true},
		{"manager: sister store", Filter{Scope: manager}, ev("order.placed", ptr(1), ptr(11)), false},
		{"manager: tenant-wide event", Filter{Scope: manager}, ev("api_key.created", ptr(1), nil), false},
		{"manager: its store id under another tenant", Filter{Scope: manager}, ev("order.placed", ptr(2), ptr(10)), false},
		{"super: anything", Filter{Scope: super}, ev("tenant.created", nil, nil), true},
		{"orders only", Filter{Scope: admin, Orders: true}, ev("product.updated", ptr(1), nil), false},
		{"type wildcard", Filter{Scope: admin, Types: []string{"order.*"}}, ev("order.shipped", ptr(1), ptr(11)), true},
		{"type wildcard misses", Filter{Scope: admin, Types: []string{"order.*"}}, ev("product.created", ptr(1), nil), false},
		{"any type", Filter{Scope: admin, Types: []string{"*"}}, ev("product.created", ptr(1), nil), true},
		{"exact type", Filter{Scope: admin, Types: []string{"product.created", "order.placed"}}, ev("order.placed", ptr(1), ptr(11)), true},
	} {
		require.Equal(t, c.want, c.filter.Matches(c.ev), c.name)
	}
	targeted := ev("product.snapshot", ptr(1), nil)
	targeted.TargetEndpointID = ptr(3)
	require.False(t, Filter{Scope: super}.Matches(targeted), "an endpoint's own event is never live")
}

func TestTypesArgument(t *testing.T) {
	require.NoError(t, validTypes([]string{"order.*", "*", "product.created"}))
	for _, bad := range [][]string{{""}, {"order.*.x"}, {"*order*"}} {
		require.Error(t, validTypes(bad), "%q", bad)
	}
}
