package commission

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAllocate(t *testing.T) {
	for _, c := range []struct {
		name  string
		total int64
		parts []int64
		want  []int64
	}{
		{"nothing", 0, []int64{100, 200}, []int64{0, 0}},
		{"all", 300, []int64{100, 200}, []int64{100, 200}},
		// 100 over 3 equal parts: prefixes 33.33→33, 66.67→67, 100.
		{"thirds", 100, []int64{100, 100, 100}, []int64{33, 34, 33}},
		// 5 over 5:5: the first half is 2.5, rounded to even 2; the rest 3.
		{"half even", 5, []int64{5, 5}, []int64{2, 3}},
		{"empty part", 7, []int64{0, 7}, []int64{0, 7}},
		{"no parts", 0, nil, []int64{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Allocate(c.total, c.parts)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	_, err := Allocate(301, []int64{100, 200})
	assert.ErrorIs(t, err, ErrRefund)
	_, err = Allocate(1, []int64{-1, 2})
	assert.ErrorIs(t, err, ErrInvalidLine)
}

// Every total splits exactly, each share within its part.
func TestAllocateStaysWithinParts(t *testing.T) {
	parts := []int64{333, 1, 999, 57, 10, 0, 2}
	for total := int64(0); total <= 1402; total++ {
		got, err := Allocate(total, parts)
		require.NoError(t, err)
		var sum int64
		for i := range got {
			require.GreaterOrEqual(t, got[i], int64(0), "total %d part %d", total, i)
			require.LessOrEqual(t, got[i], parts[i], "total %d part %d", total, i)
			sum += got[i]
		}
		require.Equal(t, total, sum)
	}
}
