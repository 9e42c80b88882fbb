package notification

import (
	"fmt"
	"strings"
)

// minorDigits lists the ISO 4217 currencies whose minor unit is not two digits.
var minorDigits = map[string]int{
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
	"PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}

// FormatMoney renders an amount in minor units with its currency code: 57500 SAR is
// "SAR 575.00", 1500 KWD "KWD 1.500", 300 JPY "JPY 300".
func FormatMoney(amount int64, currency string) string {
	currency = strings.ToUpper(currency)
	digits, ok := minorDigits[currency]
	if !ok {
		digits = 2
	}
	sign := ""
	u := uint64(amount)
	if amount < 0 {
		sign, u = "-", uint64(-amount)
	}
	if digits == 0 {
		return fmt.Sprintf("%s %s%d", currency, sign, u)
	}
	scale := uint64(1)
	for range digits {
		scale *= 10
	}
	return fmt.Sprintf("%s %s%d.%0*d", currency, sign, u/scale, digits, u%scale)
}
