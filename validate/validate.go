// Package validate checks and normalises the strings every capability accepts: names,
// handles, e-mail addresses, country codes. Each check answers BAD_USER_INPUT naming the
// field, so callers pass the field's name as the client spelled it.
package validate

import (
	"net/mail"
	"regexp"
	"strings"

	"github.com/dakkah/cityos/apperr"
)

var label = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// IsDNSLabel reports whether v is a lower-case DNS label: 1-63 letters, digits or
// hyphens, not starting or ending with a hyphen.
func IsDNSLabel(v string) bool { return label.MatchString(v) }

// Handle checks a handle: a lower-case DNS label.
func Handle(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if !IsDNSLabel(v) {
		return "", apperr.Invalid(field, "%s must be 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen", field)
	}
	return v, nil
}

// Name checks a display name.
func Name(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" || len(v) > 200 {
		return "", apperr.Invalid(field, "%s must be 1-200 characters", field)
	}
	return v, nil
}

// Email checks an e-mail address; the result is lower-cased.
func Email(field, v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || len(v) > 254 {
		return "", apperr.Invalid(field, "%s must be an e-mail address", field)
	}
	return v, nil
}

// Country checks an ISO 3166-1 alpha-2 code; the result is upper-case.
func Country(field, v string) (string, error) {
	v = strings.ToUpper(strings.TrimSpace(v))
	if len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
		return "", apperr.Invalid(field, "%s must be a two-letter ISO country code", field)
	}
	return v, nil
}
