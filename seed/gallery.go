package seed

import (
	"fmt"
	"strings"

	"github.com/dakkah/cityos/media"
)

// demoCopy is what a demo product page says and shows: its description, the alt text of
// each of its images (at https://images.dakkah.test/<handle>-<n>.jpg) and of each
// variant's own, by option value (…/<handle>-<value>-<n>.jpg).
type demoCopy struct {
	description string
	images      []string
	variants    map[string][]string
}

var demoCopies = map[string]demoCopy{
	"classic-white-thobe": {"A crisp white thobe in breathable cotton, cut with a tailored collar and a straight fall. It keeps its shape through a long working day and washes without fuss.",
		[]string{"A white thobe on a hanger, seen from the front", "The tailored collar and hidden buttons, close up", "The thobe worn with a red shemagh"}, nil},
	"embroidered-abaya": {"A flowing black abaya in soft nida crepe, finished with hand embroidery at the cuffs. The embroidery is worked in black silk thread, so it shows only when the light catches it.",
		[]string{"A black abaya worn open, seen from the front", "Black silk embroidery on the cuff, close up", "The abaya's fall, seen from the side"}, nil},
	"royal-oud-oil-traditional": {"Aged oud oil in a cut-crystal bottle of three millilitres. A single drop on the wrist lasts well into the evening, warm and woody.",
		[]string{"A small cut-crystal bottle of dark oud oil", "The bottle in its velvet-lined box"}, nil},
	"velvet-prayer-mat": {"A soft velvet prayer mat over a padded base that spares the knees. It folds flat for travel and comes in deep green or burgundy.",
		[]string{"A velvet prayer mat laid out on a wooden floor", "The padded base, seen where the mat is folded back", "The mat folded into its travel pouch"},
		map[string][]string{
			"Green":    {"The green prayer mat laid out, with its arch pattern", "Green velvet pile, close up"},
			"Burgundy": {"The burgundy prayer mat laid out, with its arch pattern", "Burgundy velvet pile, close up"},
		}},
	"najdi-heritage-thobe": {"A Najdi thobe finished by hand in a numbered run. Each one carries its number on a woven label inside the collar.",
		[]string{"The heritage thobe on a tailor's dummy", "The hand-finished seams at the cuff", "The numbered woven label inside the collar"}, nil},
	"contemporary-abaya": {"An open-front abaya in fluid crepe with a modern, straight cut. Wear it over a dress or with trousers: it moves easily and does not crease in the bag.",
		[]string{"A black open-front abaya worn over a white dress", "The abaya's straight cut, seen from behind"}, nil},
	"modern-hijab": {"A breathable jersey hijab that stays in place without pins. Made in seasonal colours: sand, navy and blush.",
		[]string{"Three jersey hijabs folded in a stack: sand, navy and blush", "The jersey's soft knit, close up"},
		map[string][]string{
			"Sand":  {"The sand hijab, worn", "The sand hijab, folded"},
			"Navy":  {"The navy hijab, worn", "The navy hijab, folded"},
			"Blush": {"The blush hijab, worn", "The blush hijab, folded"},
		}},
	"designer-capsule-abaya": {"A capsule abaya in silk crepe, cut once and not repeated. The lining is printed with the designer's sketch of the piece.",
		[]string{"The capsule abaya worn, in black silk crepe", "The printed lining with the designer's sketch", "The abaya in its garment bag"}, nil},
	"arabesque-wall-art": {"A laser-cut arabesque panel in brushed brass, ready to hang. Light through the cut-outs throws the pattern onto the wall behind it.",
		[]string{"A brass arabesque panel hung on a white wall", "The laser-cut pattern, close up", "The pattern's shadow thrown on the wall by a lamp"}, nil},
	"brass-lantern": {"A brass lantern punched by hand, made for a candle or a small light. Its pattern scatters points of light across the room.",
		[]string{"A brass lantern with a lit candle inside", "The punched pattern of the brass, close up", "The small and the large lantern side by side"}, nil},
	"calligraphy-vase": {"A ceramic vase with calligraphy painted by hand in the studio. No two are alike: the verse is chosen and written for each vase.",
		[]string{"A white ceramic vase with blue calligraphy", "The brushwork of the calligraphy, close up", "The vase with dried palm leaves on a side table"}, nil},
	"cambodian-oud-oil": {"A rich, sweet oud oil distilled in Cambodia. It opens with honey and settles into soft wood.",
		[]string{"A bottle of golden Cambodian oud oil", "The bottle beside pieces of agarwood"}, nil},
	"bakhoor-blend": {"Oud chips soaked in rose and amber, for burning on a charcoal in a mabkhara. A few pieces scent a room for the evening.",
		[]string{"A tin of dark, glossy bakhoor chips", "Smoke rising from bakhoor on a charcoal in a mabkhara", "The chips, close up"}, nil},
	"taifi-rose-fragrance": {"An eau de parfum of Taif rose over a base of oud. The roses are picked at dawn in the mountains of Taif in spring.",
		[]string{"A glass bottle of rose perfume among pink Taif roses", "The perfume's gold cap and engraved bottle, close up"},
		map[string][]string{
			"50 ml":  {"The 50 ml bottle in its box"},
			"100 ml": {"The 100 ml bottle in its box"},
		}},
	"royal-oud-reserve": {"A thirty-year aged oud oil, sealed in wax and numbered. It is for the collector: deep, smoky and long on the skin.",
		[]string{"A wax-sealed bottle of aged oud", "The numbered seal, close up", "The bottle in its carved wooden case"}, nil},
	"ajwa-dates": {"Soft, dark Ajwa dates from the orchards of Madinah. Their taste is rich, with a note of prune, and they keep for months in a cool place.",
		[]string{"Ajwa dates heaped in a clay bowl", "A halved Ajwa date showing its stone"},
		map[string][]string{
			"500 g": {"The 500 g box of Ajwa dates, closed", "The 500 g box, open"},
			"1 kg":  {"The 1 kg box of Ajwa dates, closed", "The 1 kg box, open"},
		}},
	"khawlani-coffee": {"Khawlani beans, roasted light and ground with cardamom, as Saudi coffee is made. Brew it in a dallah and serve it in small cups with dates.",
		[]string{"A bag of light-roast Khawlani coffee", "Pale roasted beans and green cardamom pods", "Coffee poured from a dallah into a small cup"}, nil},
	"sukkari-gift-box": {"Sukkari dates packed by hand in a carved wooden box. A gift for Eid or a host: the box is kept long after the dates are gone.",
		[]string{"A carved wooden box of Sukkari dates, open", "The golden Sukkari dates, close up", "The box closed, with its carved lid"}, nil},
	"wireless-earbuds": {"Wireless earbuds with active noise cancelling and a pocket-sized charging case. Eight hours of listening on a charge, and thirty with the case.",
		[]string{"The earbuds beside their open charging case", "An earbud worn, seen from the side"},
		map[string][]string{
			"Black": {"The black earbuds in their black case", "A black earbud, close up"},
			"White": {"The white earbuds in their white case", "A white earbud, close up"},
		}},
	"smart-watch-falcon": {"A smart watch in titanium with a falcon engraved on the case back. It tracks heart rate, sleep and prayer times, and lasts a week on a charge.",
		[]string{"The smart watch on a leather strap, its face lit", "The falcon engraving on the case back", "The watch in its presentation box"}, nil},

	// The souq's vendors' products.
	"najd-sadu-cushion": {"A cushion cover woven on a Sadu loom by women of Najd, in the geometric bands of Bedouin tents. Sold with a feather insert.",
		[]string{"A Sadu weave cushion on a sofa", "The woven geometric bands, close up"},
		map[string][]string{
			"Red":    {"The red Sadu cushion, front", "The red cushion's tassels"},
			"Indigo": {"The indigo Sadu cushion, front", "The indigo cushion's tassels"},
		}},
	"najd-palm-basket": {"A basket plaited from palm fronds, as it has been done in Al-Ahsa for generations. Light and strong, for bread, fruit or storage.",
		[]string{"A palm frond basket filled with bread", "The plaited palm fronds, close up"}, nil},
	"najd-brass-dallah": {"A brass dallah, the Arabian coffee pot, hammered and polished by hand. Its long spout pours a thin, even stream.",
		[]string{"A polished brass dallah on a tray", "The dallah's hammered surface, close up", "Coffee poured from the dallah"}, nil},
	"hejaz-saffron": {"Two grams of saffron threads for Hejazi coffee and rice. A few threads colour a whole pot.",
		[]string{"A small jar of red saffron threads", "Saffron threads steeping in warm water"}, nil},
	"hejaz-cardamom-coffee": {"A blend of light-roast coffee and cardamom, ground for the dallah. Add a pinch of saffron to make it Hejazi.",
		[]string{"A pouch of cardamom coffee blend", "Ground coffee and cardamom pods on a spoon"}, nil},
}

// demoImages is a product's gallery, and demoVariantImages a variant's, in rank order.
func demoImages(handle string) []media.Image {
	return gallery(handle, demoCopies[handle].images)
}

func demoVariantImages(handle, value string) []media.Image {
	alts, ok := demoCopies[handle].variants[value]
	if !ok {
		return nil
	}
	return gallery(handle+"-"+strings.ToLower(strings.ReplaceAll(value, " ", "-")), alts)
}

func gallery(name string, alts []string) []media.Image {
	out := make([]media.Image, 0, len(alts))
	for i, alt := range alts {
		out = append(out, media.Image{URL: fmt.Sprintf("https://images.dakkah.test/%s-%d.jpg", name, i+1), Alt: alt, Rank: i})
	}
	return out
}
