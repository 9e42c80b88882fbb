package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// secretTokenBytes gives 256 bits of entropy: unguessable, and far beyond any
// brute force of HashToken's output.
const secretTokenBytes = 32

// maxPrefixLen keeps DisplayPrefix showing a few random characters.
const maxPrefixLen = 6

// displayPrefixLen is how much of a key lists show ("sk_" plus 7 random chars).
const displayPrefixLen = 10

// NewSecretToken returns prefix + "_" + 32 random bytes (base64url, unpadded),
// e.g. "sk_…". The prefix tells humans and secret scanners what a token is; it
// must be 1–6 lowercase letters or digits.
func NewSecretToken(prefix string) (string, error) {
	if !validPrefix(prefix) {
		return "", fmt.Errorf("auth: invalid token prefix %q", prefix)
	}
	b := make([]byte, secretTokenBytes)
	// crypto/rand.Read never fails since Go 1.24 (it crashes the program instead).
	_, _ = rand.Read(b)
	return prefix + "_" + base64.RawURLEncoding.EncodeToString(b), nil
}

func validPrefix(p string) bool {
	if p == "" || len(p) > maxPrefixLen {
		return false
	}
	for _, c := range []byte(p) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// HashToken returns the hex SHA-256 of token, the form tokens are stored and
// looked up in. A fast hash is right here, unlike for passwords: the tokens are
// 256-bit random values, so there is nothing to brute-force, and lookups happen
// on every request where bcrypt would be far too slow. Being deterministic also
// lets the hash be a unique, indexed column.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// DisplayPrefix returns the first 10 characters of token (all of it if
// shorter), enough to tell keys apart in a list without revealing them.
func DisplayPrefix(token string) string {
	n := 0
	for i := range token {
		if n == displayPrefixLen {
			return token[:i]
		}
		n++
	}
	return token
}

// RandomHex returns n random bytes hex-encoded (2n characters), e.g. for email
// verification tokens. It panics if n < 1: an empty token would be a security
// bug, not a value to return.
func RandomHex(n int) string {
	if n < 1 {
		panic("auth: RandomHex needs n >= 1")
	}
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
