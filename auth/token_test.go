package auth_test

import (
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/auth"
)

func TestNewSecretTokenFormat(t *testing.T) {
	for _, prefix := range []string{"pk", "sk", "rt"} {
		tok, err := auth.NewSecretToken(prefix)
		require.NoError(t, err)
		assert.Regexp(t, regexp.MustCompile(`^`+prefix+`_[A-Za-z0-9_-]{43}$`), tok)

		raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(tok, prefix+"_"))
		require.NoError(t, err)
		assert.Len(t, raw, 32)
	}
}

func TestNewSecretTokenBadPrefix(t *testing.T) {
	for _, prefix := range []string{"", "SK", "s_k", "toolong", "sk ", "ké"} {
		_, err := auth.NewSecretToken(prefix)
		assert.Error(t, err, "prefix %q", prefix)
	}
}

func TestNewSecretTokenUnique(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		tok, err := auth.NewSecretToken("sk")
		require.NoError(t, err)
		require.False(t, seen[tok], "duplicate token")
		seen[tok] = true
	}
}

func TestHashToken(t *testing.T) {
	// Known SHA-256 vector: the stored form must never change, or every
	// issued key stops working.
	assert.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", auth.HashToken("abc"))

	tok, err := auth.NewSecretToken("sk")
	require.NoError(t, err)
	h := auth.HashToken(tok)
	assert.Equal(t, h, auth.HashToken(tok))
	assert.Regexp(t, `^[0-9a-f]{64}$`, h)
	assert.NotEqual(t, h, auth.HashToken(tok+"x"))
}

func TestDisplayPrefix(t *testing.T) {
	tok, err := auth.NewSecretToken("sk")
	require.NoError(t, err)
	assert.Equal(t, tok[:10], auth.DisplayPrefix(tok))
	assert.True(t, strings.HasPrefix(auth.DisplayPrefix(tok), "sk_"))
	assert.Equal(t, "short", auth.DisplayPrefix("short"))
	assert.Equal(t, "", auth.DisplayPrefix(""))
	assert.Equal(t, "éééééééééé", auth.DisplayPrefix("éééééééééééé"), "counts characters, not bytes")
}

func TestRandomHex(t *testing.T) {
	a, b := auth.RandomHex(16), auth.RandomHex(16)
	assert.Regexp(t, `^[0-9a-f]{32}$`, a)
	assert.NotEqual(t, a, b)
	assert.Len(t, auth.RandomHex(1), 2)
	assert.Panics(t, func() { auth.RandomHex(0) })
	assert.Panics(t, func() { auth.RandomHex(-1) })
}
