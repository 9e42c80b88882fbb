package integration_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/integration"
)

func TestValidEventType(t *testing.T) {
	for _, ok := range []string{"*", "order.*", "order.placed", "order.created", "inventory.level_changed",
		"domain.verified", "integration_endpoint.disabled", "sales_channel.deleted", "api_key.*"} {
		assert.True(t, integration.ValidEventType(ok), ok)
	}
	for _, bad := range []string{"", "order", "order.", "orders.*", "order.exploded", "*.placed", "**", "order.*.x",
		"Order.placed", " order.placed", "product.snapshot"} {
		assert.False(t, integration.ValidEventType(bad), bad)
	}
}

func TestMatches(t *testing.T) {
	one, two := 1, 2
	tenantWide := &ent.IntegrationEndpoint{EventTypes: []string{"order.*", "product.created"}}
	storeOne := &ent.IntegrationEndpoint{StoreID: &one, EventTypes: []string{"*"}}
	for _, c := range []struct {
		e     *ent.IntegrationEndpoint
		typ   string
		store *int
		want  bool
	}{
		{tenantWide, "order.placed", &one, true},
		{tenantWide, "order.shipped", nil, true},
		{tenantWide, "product.created", &two, true},
		{tenantWide, "product.updated", &two, false},
		{tenantWide, "product.snapshot", nil, true}, // a sync's snapshot of an aggregate it hears
		{tenantWide, "order.snapshot", nil, true},
		{tenantWide, "customer.snapshot", nil, false},
		{tenantWide, "customer.created", nil, false},
		{storeOne, "order.placed", &one, true},
		{storeOne, "order.placed", &two, false},
		{storeOne, "tenant.updated", nil, false}, // a store's endpoint hears that store only
	} {
		assert.Equal(t, c.want, integration.Matches(c.e, c.typ, c.store), "%v %s %v", c.e.EventTypes, c.typ, c.store)
	}
}

func TestSigners(t *testing.T) {
	now := time.Now()
	prev, later, earlier := "whsec_old", now.Add(time.Hour), now.Add(-time.Second)
	e := &ent.IntegrationEndpoint{Secret: "whsec_new"}
	assert.Equal(t, []string{"whsec_new"}, integration.Signers(e, now))
	e.PreviousSecret, e.PreviousSecretExpiresAt = &prev, &later
	assert.Equal(t, []string{"whsec_new", "whsec_old"}, integration.Signers(e, now))
	assert.True(t, integration.HasPreviousSecret(e, now))
	e.PreviousSecretExpiresAt = &earlier
	assert.Equal(t, []string{"whsec_new"}, integration.Signers(e, now))
	assert.False(t, integration.HasPreviousSecret(e, now))
}
