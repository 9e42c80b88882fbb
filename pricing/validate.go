package pricing

import (
	"math"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/validate"
)

// CurrencyCode checks an ISO 4217 code: three upper-case letters.
func CurrencyCode(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if len(v) != 3 {
		return "", apperr.Invalid(field, "%s must be three upper-case letters (ISO 4217), such as SAR", field)
	}
	for i := 0; i < 3; i++ {
		if v[i] < 'A' || v[i] > 'Z' {
			return "", apperr.Invalid(field, "%s must be three upper-case letters (ISO 4217), such as SAR", field)
		}
	}
	return v, nil
}

// MaxAmount is the largest price or shipping amount, in minor units (below 10^12: ten
// billion in a currency of two decimals). With at most cart.MaxQuantity units a line, no
// sum of a cart's amounts comes near int64's limit, nor the 2^53 JavaScript clients
// read exactly.
const MaxAmount int64 = 1_000_000_000_000 - 1

// Amount checks an amount of money in minor units.
func Amount(field string, v int64) (int64, error) {
	if v < 0 || v > MaxAmount {
		return 0, apperr.Invalid(field, "%s must be from 0 to %d (minor units)", field, MaxAmount)
	}
	return v, nil
}

// TaxRateBps turns a percentage with at most two decimals (15, 7.25) into basis points
// (1500, 725).
func TaxRateBps(field string, percent float64) (int, error) {
	if math.IsNaN(percent) || math.IsInf(percent, 0) || percent < 0 || percent > 100 {
		return 0, apperr.Invalid(field, "%s must be a percentage from 0 to 100", field)
	}
	bps := math.Round(percent * 100)
	if math.Abs(percent*100-bps) > 1e-6 {
		return 0, apperr.Invalid(field, "%s may have at most two decimals", field)
	}
	return int(bps), nil
}

// TaxRatePercent is the inverse of TaxRateBps.
func TaxRatePercent(bps int) float64 { return float64(bps) / 100 }

// countries checks ISO 3166-1 alpha-2 codes; the result is upper-case, without repeats.
func countries(field string, vs []string) ([]string, error) {
	out := make([]string, 0, len(vs))
	seen := map[string]bool{}
	for _, v := range vs {
		c, err := validate.Country(field, v)
		if err != nil {
			return nil, err
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}
