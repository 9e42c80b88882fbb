package catalog

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/media"
)

// Limits of the catalog's free-text fields.
const (
	maxTitle       = 500
	maxHandle      = 200
	maxDescription = 20000
	maxURL         = 2048
	maxImages      = 50
	maxAlt         = 500
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

// Images checks a gallery: at most 50 images, each an http(s) URL with a description
// (alt) of at most 500 characters and a rank of its own, not negative; a rank left out is
// the image's position in the list. The gallery comes back in rank order.
func Images(field string, in []*ImageInput) ([]media.Image, error) {
	if len(in) > maxImages {
		return nil, apperr.Invalid(field, "at most %d %s", maxImages, field)
	}
	out := make([]media.Image, 0, len(in))
	ranked := map[int]int{} // rank → position
	for i, im := range in {
		at := fmt.Sprintf("%s[%d]", field, i)
		if im == nil {
			return nil, apperr.Invalid(at, "%s must be an image", at)
		}
		u, err := URL(at+".url", im.URL)
		if err != nil {
			return nil, err
		}
		img := media.Image{URL: u, Rank: i}
		if im.Alt != nil {
			if img.Alt, err = LongText(at+".alt", *im.Alt, maxAlt); err != nil {
				return nil, err
			}
		}
		if im.Rank != nil {
			img.Rank = *im.Rank
		}
		if img.Rank < 0 {
			return nil, apperr.Invalid(at+".rank", "%s.rank must not be negative", at)
		}
		if j, taken := ranked[img.Rank]; taken {
			return nil, apperr.Invalid(at+".rank", "%s has rank %d, as %s[%d] has: ranks must differ", at, img.Rank, field, j)
		}
		ranked[img.Rank] = i
		out = append(out, img)
	}
	slices.SortFunc(out, func(a, b media.Image) int { return a.Rank - b.Rank })
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
