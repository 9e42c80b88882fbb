package webhooks_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
)

// Rows written at once go in groups, and each writer gets back its own row, committed; a
// row that cannot be written (its attempt recorded already) fails alone, not its group.
func TestRecorderGivesEachWriterItsOwnRow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		ep := r.endpoint(t, r.TenantA.ID, nil, "https://hooks.example.com/x", "*")
		row := func(c *ent.Client, eventID int) *ent.WebhookDeliveryCreate {
			return c.WebhookDelivery.Create().SetTenantID(r.TenantA.ID).SetEndpointID(ep.ID).SetEventID(eventID).
				SetWebhookID(outbox.PublicID(eventID)).SetEventType("order.placed").SetAttempt(1).
				SetStatus(webhookdelivery.StatusSucceeded)
		}
		const n = 40
		taken := 1_000_000 + n/2 // this one's attempt is recorded before the others
		_, err := row(db.Client, taken).Save(sys())
		require.NoError(t, err)

		var wg sync.WaitGroup
		got, errs := make([]*ent.WebhookDelivery, n), make([]error, n)
		for i := range n {
			wg.Go(func() { got[i], errs[i] = r.svc.Record(sys(), row(db.Client, 1_000_000+i)) })
		}
		wg.Wait()
		for i := range n {
			if 1_000_000+i == taken {
				require.True(t, ent.IsConstraintError(errs[i]), "the one recorded before: %v", errs[i])
				continue
			}
			require.NoError(t, errs[i])
			require.Equal(t, 1_000_000+i, got[i].EventID, "writer %d got its own row", i)
			stored, err := db.Client.WebhookDelivery.Get(sys(), got[i].ID)
			require.NoError(t, err)
			require.Equal(t, got[i].EventID, stored.EventID)
		}
		count, err := db.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID)).Count(sys())
		require.NoError(t, err)
		require.Equal(t, n, count)
	})
}
