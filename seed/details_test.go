package seed

import "testing"

// Every product of the demo catalog has its details: a product page shows them all.
func TestDemoCatalogHasDetails(t *testing.T) {
	for _, products := range demoCatalog {
		for _, p := range products {
			d, ok := demoDetails[p.handle]
			switch {
			case !ok:
				t.Errorf("%s has no details", p.handle)
			case d.subtitle == "" || d.kind == "" || d.material == "" || len(d.origin) != 2:
				t.Errorf("%s: incomplete details %+v", p.handle, d)
			case d.length <= 0 || d.width <= 0 || d.height <= 0 || d.weight <= 0:
				t.Errorf("%s: no packed size or weight %+v", p.handle, d)
			}
		}
	}
}
