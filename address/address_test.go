package address

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
)

func TestNormalizeAndValidate(t *testing.T) {
	a := Address{FirstName: " Sara ", LastName: "Al-Harbi", Address1: "King Fahd Rd 1", City: "Riyadh", CountryCode: " sa "}.Normalize()
	require.Equal(t, "Sara", a.FirstName)
	require.Equal(t, "SA", a.CountryCode)
	require.NoError(t, a.Validate("shippingAddress"))

	for field, b := range map[string]Address{
		"shippingAddress.firstName":   {LastName: "x", Address1: "x", City: "x", CountryCode: "SA"},
		"shippingAddress.city":        {FirstName: "x", LastName: "x", Address1: "x", CountryCode: "SA"},
		"shippingAddress.countryCode": {FirstName: "x", LastName: "x", Address1: "x", City: "x", CountryCode: "SAU"},
	} {
		e, ok := apperr.As(b.Validate("shippingAddress"))
		require.True(t, ok, field)
		require.Equal(t, field, e.Field)
	}
	long := a
	long.Phone = string(make([]byte, 41))
	require.Error(t, long.Validate("billingAddress"))
}
