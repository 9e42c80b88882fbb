package seed

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Every product of the demo catalog has its details: a product page shows them all.
func TestDemoCatalogHasDetails(t *testing.T) {
	for p := range demoVariants() {
		d, ok := demoDetails[p]
		switch {
		case !ok:
			t.Errorf("%s has no details", p)
		case d.subtitle == "" || d.kind == "" || d.material == "" || len(d.origin) != 2:
			t.Errorf("%s: incomplete details %+v", p, d)
		case d.length <= 0 || d.width <= 0 || d.height <= 0 || d.weight <= 0:
			t.Errorf("%s: no packed size or weight %+v", p, d)
		}
	}
}

// Every demo product has a description of a few sentences and two to four images, each
// with alt text; a product's variant galleries name its own option values.
func TestDemoCatalogHasCopyAndImages(t *testing.T) {
	values := demoVariants()
	for handle, vals := range values {
		c, ok := demoCopies[handle]
		if !ok {
			t.Errorf("%s has no description or images", handle)
			continue
		}
		if strings.Count(c.description, ". ") < 1 || !strings.HasSuffix(c.description, ".") {
			t.Errorf("%s: the description is not a couple of sentences: %q", handle, c.description)
		}
		images := demoImages(handle)
		if len(images) < 2 || len(images) > 4 {
			t.Errorf("%s has %d images, want 2-4", handle, len(images))
		}
		for value, alts := range c.variants {
			if !slices.Contains(vals, value) {
				t.Errorf("%s has images for %q, not one of its variants %v", handle, value, vals)
			}
			if len(alts) == 0 {
				t.Errorf("%s %s: no images", handle, value)
			}
			images = append(images, demoVariantImages(handle, value)...)
		}
		for _, im := range images {
			if strings.TrimSpace(im.Alt) == "" || utf8.RuneCountInString(im.Alt) > 500 || !strings.HasPrefix(im.URL, "https://images.dakkah.test/"+handle+"-") {
				t.Errorf("%s: image %+v", handle, im)
			}
		}
	}
	if len(values) != len(demoCopies) {
		t.Errorf("%d products, %d copies: one is for no product", len(values), len(demoCopies))
	}
}

// demoVariants are the variants (option values) of every demo product, by handle.
func demoVariants() map[string][]string {
	out := map[string][]string{}
	for _, products := range demoCatalog {
		for _, p := range products {
			out[p.handle] = p.variants
		}
	}
	for _, vendors := range demoMarketplaces {
		for _, v := range vendors {
			for _, p := range v.products {
				out[p.handle] = p.variants
			}
		}
	}
	return out
}
