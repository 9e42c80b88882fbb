package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// fragmentBomb is the attack document: each fragment spreads the next one twice, so 26
// levels in under 2 KB stand for 2^26 selections.
func fragmentBomb(levels int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range levels - 1 {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { me { id email } }\n", levels-1)
	return b.String()
}

func TestDocumentLimits(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		admin := f.As(testenv.TenantAdminA)

		bomb := fragmentBomb(26)
		require.Less(t, len(bomb), 2048)
		for name, c := range map[string]struct{ doc, msg string }{
			"fragment bomb": {bomb, "fragments are expanded"},
			"wide bomb":     {fragmentBomb(12), "fragments are expanded"},
			"spreads": {`query { me { id ...U } } fragment U on User { email }` + strings.Repeat(` fragment V on User { ...U ...U ...U ...U ...U ...U ...U ...U ...U ...U }`, 1) +
				strings.Repeat(` fragment W on User { ...V ...V ...V ...V ...V ...V ...V ...V ...V ...V }`, 1) + ` fragment X on User {` + strings.Repeat(` ...W`, 90) + ` }`, "fragment spreads"},
			"aliases": {`{ me {` + aliases(101) + ` } }`, "aliases"},
			"cycle":   {`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, "spreads itself"},
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, admin, c.doc, nil)
				requireErrorCode(t, r, 0, "BAD_USER_INPUT")
				assert.Contains(t, r.Errors[0].Message, c.msg)
				assertNoData(t, r)
			})
		}

		// Fragments reused within the limits are fine, and priced once per use.
		r := gql(t, h, admin, fragmentBomb(6), nil)
		require.Empty(t, r.Errors, r.Body)
		r = gql(t, h, admin, `{ me {`+aliases(100)+` } }`, nil)
		require.Empty(t, r.Errors, r.Body)
	})
}

func aliases(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " a%d: id", i)
	}
	return b.String()
}
