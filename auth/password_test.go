package auth_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
)

func TestHashPasswordRoundTrip(t *testing.T) {
	h, err := auth.HashPassword("correct horse")
	require.NoError(t, err)
	assert.True(t, auth.CheckPassword(h, "correct horse"))
	assert.False(t, auth.CheckPassword(h, "correct horsE"))
	assert.False(t, auth.CheckPassword(h, ""))

	cost, err := bcrypt.Cost([]byte(h))
	require.NoError(t, err)
	assert.Equal(t, auth.BcryptCost, cost)

	h2, err := auth.HashPassword("correct horse")
	require.NoError(t, err)
	assert.NotEqual(t, h, h2, "hashes must be salted")
}

func TestHashPasswordRules(t *testing.T) {
	for name, pw := range map[string]string{
		"empty":         "",
		"seven chars":   "1234567",
		"seven runes":   "ééééééé", // 14 bytes but 7 characters
		"73 bytes":      strings.Repeat("a", 73),
		"37 runes, 74B": strings.Repeat("é", 37),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := auth.HashPassword(pw)
			e, ok := apperr.As(err)
			require.True(t, ok, "want *apperr.Error, got %v", err)
			assert.Equal(t, apperr.BadUserInput, e.Code)
			assert.Equal(t, "password", e.Field)
		})
	}
	for name, pw := range map[string]string{
		"eight chars": "12345678",
		"eight runes": "éééééééé",
		"72 bytes":    strings.Repeat("a", 72),
	} {
		t.Run(name, func(t *testing.T) {
			h, err := auth.HashPassword(pw)
			require.NoError(t, err)
			assert.True(t, auth.CheckPassword(h, pw))
		})
	}
}

func TestCheckPasswordRejectsTruncation(t *testing.T) {
	pw := strings.Repeat("a", 72)
	h, err := auth.HashPassword(pw)
	require.NoError(t, err)
	// bcrypt alone would accept this: it only looks at the first 72 bytes.
	assert.False(t, auth.CheckPassword(h, pw+"b"))
}

func TestCheckPasswordBadHash(t *testing.T) {
	assert.False(t, auth.CheckPassword("", "password1"))
	assert.False(t, auth.CheckPassword("not a hash", "password1"))
}

// DummyCheck stands in for a real check of an unknown e-mail's password, so it must
// cost what a real check costs: its hash has the cost new hashes get (BcryptCost), also
// after the cost changes.
func TestDummyCheckCostsWhatARealCheckCosts(t *testing.T) {
	defer func(c int) { auth.BcryptCost = c }(auth.BcryptCost)
	for _, cost := range []int{bcrypt.MinCost, bcrypt.MinCost + 1} {
		auth.BcryptCost = cost
		auth.DummyCheck()
		real, err := auth.HashPassword("password1")
		require.NoError(t, err)
		realCost, err := bcrypt.Cost([]byte(real))
		require.NoError(t, err)
		dummyCost, err := bcrypt.Cost(auth.DummyHash())
		require.NoError(t, err)
		require.Equal(t, cost, realCost)
		require.Equal(t, realCost, dummyCost, "the dummy hash costs what a real one does")
	}
}
