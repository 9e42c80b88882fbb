package auth

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/dakkah/cityos/apperr"
)

// BcryptCost is the work factor for new password hashes. It is a variable only
// so tests can lower it; production code should leave it alone.
var BcryptCost = 12

const (
	// MinPasswordLen is counted in characters, which is what users see.
	MinPasswordLen = 8
	// MaxPasswordBytes is bcrypt's input limit; longer input would be
	// silently truncated, so we refuse it instead.
	MaxPasswordBytes = 72
)

// HashPassword validates plain and returns its bcrypt hash.
func HashPassword(plain string) (string, error) {
	if utf8.RuneCountInString(plain) < MinPasswordLen {
		return "", apperr.Invalid("password", "password must be at least %d characters", MinPasswordLen)
	}
	if len(plain) > MaxPasswordBytes {
		return "", apperr.Invalid("password", "password must be at most %d bytes", MaxPasswordBytes)
	}
	h, err := bcrypt.GenerateFromPassword([]byte(plain), BcryptCost)
	if err != nil {
		return "", err
	}
	return string(h), nil
}

// CheckPassword reports whether plain matches hash. bcrypt compares in
// constant time.
func CheckPassword(hash, plain string) bool {
	// Always run the comparison, even for over-long input: returning early
	// would make "known email + long password" faster than DummyCheck and so
	// reveal which emails exist. bcrypt would otherwise truncate to 72 bytes
	// and accept any suffix, hence the length check on the result.
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(plain))
	return err == nil && len(plain) <= MaxPasswordBytes
}

var (
	dummyMu     sync.Mutex
	dummyHashes = map[int][]byte{}
)

// DummyCheck spends as long as CheckPassword does against a hash made with
// BcryptCost. Call it when the email is unknown so that login latency does not
// tell an attacker which emails have accounts.
func DummyCheck() {
	_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte("dummy-password"))
}

// dummyHash is computed lazily, once per cost, so importing the package does
// not cost a bcrypt hash at start-up.
func dummyHash() []byte {
	cost := BcryptCost
	dummyMu.Lock()
	defer dummyMu.Unlock()
	if h, ok := dummyHashes[cost]; ok {
		return h
	}
	h, err := bcrypt.GenerateFromPassword([]byte("not-a-real-password"), cost)
	if err != nil {
		// Only possible for a cost above bcrypt.MaxCost: a programming error.
		panic("auth: cannot build dummy hash: " + err.Error())
	}
	dummyHashes[cost] = h
	return h
}
