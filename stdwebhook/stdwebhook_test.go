package stdwebhook

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The specification's own example: this secret, id, timestamp and body sign to this.
func TestSignMatchesTheSpecificationsExample(t *testing.T) {
	sig, err := Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
		time.Unix(1614265330, 0), []byte(`{"test": 2432232314}`))
	require.NoError(t, err)
	assert.Equal(t, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", sig)
}

func TestVerify(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	old, _ := NewSecret()
	cur, _ := NewSecret()
	body := []byte(`{"type":"order.placed"}`)
	h := http.Header{}
	require.NoError(t, Headers(h, "evt_1", now, body, cur, old))

	id, err := Verify(h, body, now.Add(time.Minute), cur)
	require.NoError(t, err)
	assert.Equal(t, "evt_1", id)
	_, err = Verify(h, body, now, old)
	assert.NoError(t, err, "during a rotation either secret verifies")

	other, _ := NewSecret()
	_, err = Verify(h, body, now, other)
	assert.ErrorIs(t, err, ErrSignature, "wrong secret")
	_, err = Verify(h, []byte(`{"type":"order.placed "}`), now, cur)
	assert.ErrorIs(t, err, ErrSignature, "tampered body")
	_, err = Verify(h, body, now.Add(6*time.Minute), cur)
	assert.ErrorIs(t, err, ErrTimestamp, "stale")
	_, err = Verify(h, body, now.Add(-6*time.Minute), cur)
	assert.ErrorIs(t, err, ErrTimestamp, "from the future")
	_, err = Verify(http.Header{}, body, now, cur)
	assert.ErrorIs(t, err, ErrMissingHeaders)
}
