package checkout_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// A quote's messages (4000) and a decline's reason (1000) are limited in characters, so an
// Arabic message of the full length is kept, and one character more is refused.
func TestQuoteTextLimitsCountCharacters(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := b2bAt(t, db, checkouttest.NewClock(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)))
		q, _ := requestQuote(t, b, b.Buyer1)
		say := func(m string) *testenv.Response {
			return b.API.Do(t, b.Buyer1.Headers, sayQ, map[string]any{"id": q.ID, "m": m})
		}

		long := strings.Repeat("ع", 4000)
		var said struct{ AddQuoteMessage struct{ Body string } }
		r := say(long)
		r.Decode(t, &said)
		assert.Equal(t, long, said.AddQuoteMessage.Body)
		testenv.RequireError(t, say(long+"ع"), "BAD_USER_INPUT", "message")

		decline := `mutation($id: ID!, $r: String) { declineQuote(id: $id, reason: $r) { status declineReason } }`
		testenv.RequireError(t, b.API.Do(t, b.Buyer1.Headers, decline, map[string]any{"id": q.ID, "r": strings.Repeat("ع", 1001)}), "BAD_USER_INPUT", "reason")
		reason := strings.Repeat("ع", 1000)
		var declined struct {
			DeclineQuote struct{ Status, DeclineReason string }
		}
		b.API.MustDo(t, b.Buyer1.Headers, decline, map[string]any{"id": q.ID, "r": reason}).Decode(t, &declined)
		assert.Equal(t, "declined", declined.DeclineQuote.Status)
		assert.Equal(t, reason, declined.DeclineQuote.DeclineReason)
	})
}
