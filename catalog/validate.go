package catalog

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dakkah/cityos/apperr"
)

// Limits of the catalog's free-text fields.
const (
	maxTitle       = 500
	maxHandle      = 200
	maxDescription = 20000
	maxURL         = 2048
	maxImages      = 50
	maxTags        = 50
	maxTagLen      = 50
	maxOptions     = 10
	maxOptionTitle = 100
	maxOptionVals  = 100
	maxSKU         = 100
	maxBarcode     = 100
	maxNameLen     = 200
	maxChannelDesc = 2000
	maxBulkIDs     = 100
	maxSearchLen   = 200
)

var slug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Handle checks a product, category or collection handle: a lower-case slug of letters,
// digits and single hyphens, as it appears in a storefront URL.
func Handle(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if len(v) > maxHandle || !slug.MatchString(v) {
		return "", apperr.Invalid(field, "%s must be 1-%d lower-case letters, digits and single hyphens, not starting or ending with a hyphen", field, maxHandle)
	}
	return v, nil
}

// Text checks a required one-line text of at most max characters; it is trimmed.
func Text(field, v string, max int) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" || utf8.RuneCountInString(v) > max {
		return "", apperr.Invalid(field, "%s must be 1-%d characters", field, max)
	}
	return v, nil
}

// LongText checks an optional text (a description) of at most max characters.
func LongText(field, v string, max int) (string, error) {
	v = strings.TrimSpace(v)
	if utf8.RuneCountInString(v) > max {
		return "", apperr.Invalid(field, "%s must be at most %d characters", field, max)
	}
	return v, nil
}

// URL checks an absolute http(s) URL with a host.
func URL(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	u, err := url.Parse(v)
	if err != nil || len(v) > maxURL || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		strings.ContainsAny(v, " \t\r\n") {
		return "", apperr.Invalid(field, "%s must be an http or https URL of at most %d characters", field, maxURL)
	}
	return v, nil
}

// Images checks a list of image URLs.
func Images(field string, vs []string) ([]string, error) {
	if len(vs) > maxImages {
		return nil, apperr.Invalid(field, "at most %d %s", maxImages, field)
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		u, err := URL(field, v)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// Tags checks a product's tags: trimmed, not empty, at most 50 of at most 50 characters;
// repeats are dropped.
func Tags(field string, vs []string) ([]string, error) {
	out := make([]string, 0, len(vs))
	seen := map[string]bool{}
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v == "" || utf8.RuneCountInString(v) > maxTagLen {
			return nil, apperr.Invalid(field, "each of %s must be 1-%d characters", field, maxTagLen)
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if len(out) > maxTags {
		return nil, apperr.Invalid(field, "at most %d %s", maxTags, field)
	}
	return out, nil
}

// options checks a product's options: distinct titles, each with distinct values.
func options(field string, in []*ProductOptionInput) ([]ProductOptionInput, error) {
	if len(in) > maxOptions {
		return nil, apperr.Invalid(field, "a product has at most %d options", maxOptions)
	}
	out := make([]ProductOptionInput, 0, len(in))
	titles := map[string]bool{}
	for _, o := range in {
		if o == nil {
			continue
		}
		title, err := Text(field, o.Title, maxOptionTitle)
		if err != nil {
			return nil, err
		}
		if titles[title] {
			return nil, apperr.Invalid(field, "option %q is given twice", title)
		}
		titles[title] = true
		if len(o.Values) == 0 || len(o.Values) > maxOptionVals {
			return nil, apperr.Invalid(field, "option %q needs 1-%d values", title, maxOptionVals)
		}
		vals := make([]string, 0, len(o.Values))
		seen := map[string]bool{}
		for _, v := range o.Values {
			v, err := Text(field, v, maxOptionTitle)
			if err != nil {
				return nil, err
			}
			if seen[v] {
				return nil, apperr.Invalid(field, "option %q has the value %q twice", title, v)
			}
			seen[v] = true
			vals = append(vals, v)
		}
		out = append(out, ProductOptionInput{Title: title, Values: vals})
	}
	return out, nil
}
