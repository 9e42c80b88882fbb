package ratelimit

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRetryAfterSeconds(t *testing.T) {
	assert.Equal(t, 1, RetryAfterSeconds(0))
	assert.Equal(t, 1, RetryAfterSeconds(200_000_000))
	assert.Equal(t, 20, RetryAfterSeconds(19_000_000_001))
}
