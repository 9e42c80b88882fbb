package audit_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
)

// eventsOf is every event about one row, in the order written.
func eventsOf(t *testing.T, ctx context.Context, c *ent.Client, aggregate string, id int) []*ent.OutboxEvent {
	t.Helper()
	evs, err := c.OutboxEvent.Query().Where(outboxevent.AggregateType(aggregate), outboxevent.AggregateID(id)).
		Order(outboxevent.ByID()).All(ctx)
	require.NoError(t, err)
	return evs
}

// requireNoSecret fails when an event's payload holds a secret: a token or password
// hash, a signing secret, a verification token, a payment client secret.
func requireNoSecret(t *testing.T, ev *ent.OutboxEvent) {
	t.Helper()
	for k := range ev.Payload {
		assert.False(t, strings.Contains(k, "secret") || strings.Contains(k, "password") ||
			strings.HasSuffix(k, "_hash") || strings.HasSuffix(k, "token"), "%s carries %s", ev.Topic, k)
	}
	b, err := json.Marshal(ev.Payload)
	require.NoError(t, err)
	for _, s := range []string{"$2a$", "covered-token-hash", "covered-verification-token", "whsec_", "_secret_"} {
		assert.NotContains(t, string(b), s, "%s", ev.Topic)
	}
}

// TestEveryEntityRaisesEvents creates, updates and deletes one row of every entity type
// that raises events (outbox.Aggregates) and expects one event for each change: its
// type, tenant, aggregate, sequence 1, 2, 3 and a payload without secrets. A type
// neither raising events (with a case in lifecycles) nor listed in outbox.Silent fails.
func TestEveryEntityRaisesEvents(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cases := lifecycles(c)
		for _, typ := range entityTypes() {
			if reason, ok := outbox.Silent[typ]; ok {
				require.NotEmpty(t, reason, "%s is silent without a reason", typ)
				assert.False(t, outbox.Raises(typ), "%s is both silent and evented", typ)
				continue
			}
			agg, ok := outbox.Aggregates[typ]
			if !assert.True(t, ok, "%s raises no event: add it to outbox.Aggregates (with schema.VersionMixin), or to outbox.Silent with the reason", typ) {
				continue
			}
			lc, ok := cases[typ]
			if !assert.True(t, ok, "%s has no lifecycle case to show its events", typ) {
				continue
			}
			t.Run(typ, func(t *testing.T) {
				ctx := sys("events-coverage-" + strings.ToLower(typ))
				id, err := lc.create(ctx, db.Client)
				require.NoError(t, err)
				created := agg + ".created"
				if typ == "Order" {
					created = outbox.OrderPlaced
				}
				if lc.update != nil { // one update or more
					require.NoError(t, lc.update(ctx, db.Client, id))
				}
				require.NoError(t, lc.delete(ctx, db.Client, id))

				evs := eventsOf(t, ctx, db.Client, agg, id)
				if lc.update != nil {
					require.Greater(t, len(evs), 2, "one event per change of %s %d", typ, id)
				} else {
					require.Len(t, evs, 2, "one event per change of %s %d", typ, id)
				}
				for i, ev := range evs {
					switch i {
					case 0:
						assert.Equal(t, created, ev.Topic)
					case len(evs) - 1:
						assert.Equal(t, agg+".deleted", ev.Topic)
					default:
						assert.True(t, strings.HasPrefix(ev.Topic, agg+"."), "an update of %s raised %s", typ, ev.Topic)
						assert.NotContains(t, []string{created, agg + ".deleted"}, ev.Topic)
					}
					assert.Equal(t, int64(i+1), ev.Sequence, "%s: the sequence counts the row's changes", ev.Topic)
					require.NotNil(t, ev.TenantID, ev.Topic)
					if typ == "Tenant" {
						assert.Equal(t, id, *ev.TenantID)
					} else {
						assert.Equal(t, c.TenantA.ID, *ev.TenantID)
					}
					assert.EqualValues(t, id, ev.Payload["id"], "%s: the payload is the row", ev.Topic)
					requireNoSecret(t, ev)
				}
			})
		}
	})
}

// A change that rolls back raises nothing; one that commits raises its events once,
// a plain update folded into the same row's earlier event of the transaction.
func TestEventsCommitWithTheirChange(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ctx := sys("events-atomic")
		before, err := db.Client.OutboxEvent.Query().Count(ctx)
		require.NoError(t, err)

		boom := errors.New("boom")
		var rolledBack int
		err = txn.Run(ctx, db.Client, func(tx *ent.Tx) error {
			ch, err := tx.SalesChannel.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).SetName("Rolled back").Save(ctx)
			if err != nil {
				return err
			}
			rolledBack = ch.ID
			return boom
		})
		require.ErrorIs(t, err, boom)
		after, err := db.Client.OutboxEvent.Query().Count(ctx)
		require.NoError(t, err)
		require.Equal(t, before, after, "a rolled-back change emits nothing")
		require.Empty(t, eventsOf(t, ctx, db.Client, "sales_channel", rolledBack))

		var id int
		require.NoError(t, txn.Run(ctx, db.Client, func(tx *ent.Tx) error {
			ch, err := tx.SalesChannel.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).SetName("Kept").Save(ctx)
			if err != nil {
				return err
			}
			id = ch.ID
			return tx.SalesChannel.UpdateOneID(ch.ID).SetName("Kept!").Exec(ctx)
		}))
		evs := eventsOf(t, ctx, db.Client, "sales_channel", id)
		require.Len(t, evs, 1, "the update is folded into the creation")
		require.Equal(t, "sales_channel.created", evs[0].Topic)
		require.Equal(t, int64(2), evs[0].Sequence, "the sequence is the row's as committed")
		require.Equal(t, "Kept!", evs[0].Payload["name"])
	})
}

// Transitions of a row's state raise their own event types: a domain becoming verified,
// an endpoint disabled, a stock level changing.
func TestSemanticEvents(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ctx := sys("events-semantic")
		d, err := db.Client.Domain.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).
			SetHostname("semantic.example.com").SetVerificationToken("semantic-token").Save(ctx)
		require.NoError(t, err)
		require.NoError(t, db.Client.Domain.UpdateOne(d).SetStatus("verified").Exec(ctx))
		require.NoError(t, db.Client.Domain.UpdateOneID(d.ID).SetIsPrimary(true).Exec(ctx))

		ep, err := db.Client.IntegrationEndpoint.Create().SetTenantID(c.TenantA.ID).SetURL("https://erp.example.com/hook").
			SetEventTypes([]string{"*"}).SetSecret("whsec_c2VtYW50aWM=").Save(ctx)
		require.NoError(t, err)
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(ep.ID).SetDeadStreak(3).Exec(ctx)) // raises nothing
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(ep.ID).SetEnabled(false).SetDisabledReason("410 Gone").Exec(ctx))

		lvl := ct.Stock(t, c, "thobe")
		require.NoError(t, db.Client.InventoryLevel.UpdateOneID(lvl.ID).SetStockedQuantity(lvl.StockedQuantity+3).Exec(ctx))

		topics := func(agg string, id int) []string {
			var out []string
			for _, ev := range eventsOf(t, ctx, db.Client, agg, id) {
				out = append(out, ev.Topic)
				requireNoSecret(t, ev)
			}
			return out
		}
		assert.Equal(t, []string{"domain.created", "domain.verified", "domain.updated"}, topics("domain", d.ID))
		assert.Equal(t, []string{"integration_endpoint.created", "integration_endpoint.disabled"}, topics("integration_endpoint", ep.ID))
		lvlTopics := topics("inventory", lvl.ID)
		assert.Equal(t, outbox.InventoryChanged, lvlTopics[len(lvlTopics)-1])
	})
}
