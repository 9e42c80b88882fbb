package platform

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestWithStatementTimeout(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@h:5432/db?sslmode=disable":    "postgres://u@h:5432/db?sslmode=disable&statement_timeout=5000",
		"postgresql://u@h/db":                       "postgresql://u@h/db?statement_timeout=5000",
		"host=h dbname=db":                          "host=h dbname=db statement_timeout=5000",
		"postgres://u@h/db?statement_timeout=60000": "postgres://u@h/db?statement_timeout=60000", // the operator's own wins
		"host=h dbname=db statement_timeout=0":      "host=h dbname=db statement_timeout=0",
	} {
		assert.Equal(t, want, withStatementTimeout(in, 5*time.Second), in)
	}
	assert.Equal(t, "postgres://u@h/db", withStatementTimeout("postgres://u@h/db", 0), "off")
}
