package auth_test

import (
	"os"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/dakkah/cityos/auth"
)

// TestMain lowers the bcrypt cost so the suite stays fast.
func TestMain(m *testing.M) {
	auth.BcryptCost = bcrypt.MinCost
	os.Exit(m.Run())
}
