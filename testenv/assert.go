package testenv

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// ID renders an ent id the way the API takes it.
func ID(n int) string { return strconv.Itoa(n) }

// Atoi parses an id the API returned.
func Atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, "id %q", s)
	return n
}

// RequireError asserts the response failed with code and, when a non-empty field is
// given, with that extensions.field.
func RequireError(t testing.TB, r *Response, code string, field ...string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, "expected %s, got data %s", code, r.Data)
	require.Equal(t, code, r.Code(), "errors: %+v", r.Errors)
	if len(field) > 0 && field[0] != "" {
		require.Equal(t, field[0], r.Errors[0].Extensions["field"], "errors: %+v", r.Errors)
	}
}
