package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The start-up hint offers GraphiQL in dev only, and the demo seed only when this start
// did not load it.
func TestNextStep(t *testing.T) {
	base := "http://localhost:8080"
	dev := nextStep(base, true, false)
	require.Contains(t, dev, "GraphiQL")
	require.Contains(t, dev, "seed --demo")
	demo := nextStep(base, true, true)
	require.Contains(t, demo, "GraphiQL")
	require.NotContains(t, demo, "seed")
	for _, prod := range []string{nextStep(base, false, false), nextStep(base, false, true)} {
		require.NotContains(t, prod, "GraphiQL")
		require.NotContains(t, prod, "seed")
		require.Contains(t, prod, base+"/graphql")
	}
}

// cityos migrate names the migrations it applied, or says there was nothing to apply.
func TestMigrationReport(t *testing.T) {
	for _, dialect := range []string{"sqlite3", "postgres"} {
		all, err := migrationsBetween(dialect, 0, ^uint64(0))
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(all), 3, dialect)
		require.True(t, strings.HasSuffix(all[0], "_init"), "oldest first: %v", all)
		first := all[0][:strings.Index(all[0], "_")]
		rest, err := migrationsBetween(dialect, mustUint(t, first), ^uint64(0))
		require.NoError(t, err)
		require.Equal(t, all[1:], rest, "only those after the recorded version")
	}
	var out bytes.Buffer
	reportMigrations(&out, "db", 20261127081636, []string{"20261127075736_init", "20261127081636_commerce"})
	require.Equal(t, "applied 20261127075736_init\napplied 20261127081636_commerce\ndb: now at version 20261127081636 (2 applied)\n", out.String())
	out.Reset()
	reportMigrations(&out, "db", 20261127081636, nil)
	require.Equal(t, "db: up to date (version 20261127081636); nothing to apply\n", out.String())
}

func mustUint(t *testing.T, s string) uint64 {
	t.Helper()
	var n uint64
	for _, r := range s {
		require.True(t, r >= '0' && r <= '9', s)
		n = n*10 + uint64(r-'0')
	}
	return n
}
