package cart

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
)

// NewToken returns a cart token: a random positive 63-bit number from crypto/rand. It is
// what clients call the cart's id, so unlike the sequential row id it cannot be guessed.
func NewToken() (int, error) {
	var b [8]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			return 0, fmt.Errorf("cart token: %w", err)
		}
		if n := int64(binary.BigEndian.Uint64(b[:]) >> 1); n > 0 {
			return int(n), nil
		}
	}
}
