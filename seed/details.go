package seed

// demoDetail is what the demo's product pages show beside a product's title: a
// subtitle, its type, material and country of origin, and its packed size and weight.
type demoDetail struct {
	subtitle, kind, material, origin string
	// packed size in millimetres and weight in grams, the same for each variant
	length, width, height, weight int
}

var demoDetails = map[string]demoDetail{
	"classic-white-thobe":       {"Tailored collar, everyday cotton", "Thobe", "Cotton", "SA", 400, 300, 60, 450},
	"embroidered-abaya":         {"Hand embroidery at the cuffs", "Abaya", "Nida crepe", "SA", 400, 300, 60, 600},
	"royal-oud-oil-traditional": {"3 ml crystal bottle", "Perfume oil", "Oud oil", "KH", 80, 50, 50, 90},
	"velvet-prayer-mat":         {"Padded velvet, folds flat", "Prayer mat", "Velvet", "TR", 350, 250, 50, 900},
	"najdi-heritage-thobe":      {"A numbered run, finished by hand", "Thobe", "Cotton", "SA", 400, 300, 60, 500},
	"contemporary-abaya":        {"Open front, modern cut", "Abaya", "Crepe", "AE", 400, 300, 60, 550},
	"modern-hijab":              {"Breathable jersey", "Hijab", "Viscose jersey", "TR", 250, 200, 20, 120},
	"designer-capsule-abaya":    {"A capsule piece, once only", "Abaya", "Silk crepe", "AE", 450, 350, 80, 700},
	"arabesque-wall-art":        {"Laser-cut brushed brass", "Wall art", "Brass", "SA", 950, 650, 50, 4200},
	"brass-lantern":             {"Hand-punched, for candles", "Lantern", "Brass", "MA", 300, 300, 450, 1800},
	"calligraphy-vase":          {"Hand-painted calligraphy", "Vase", "Ceramic", "SA", 300, 300, 400, 2100},
	"cambodian-oud-oil":         {"Rich, sweet and deep", "Perfume oil", "Oud oil", "KH", 80, 50, 50, 90},
	"bakhoor-blend":             {"Oud chips in rose and amber", "Incense", "Agarwood chips", "SA", 120, 120, 80, 180},
	"taifi-rose-fragrance":      {"Taif rose over oud", "Eau de parfum", "Rose oil and oud", "SA", 120, 80, 60, 350},
	"royal-oud-reserve":         {"Thirty years aged, sealed", "Perfume oil", "Oud oil", "KH", 100, 70, 70, 150},
	"ajwa-dates":                {"Soft and dark, from Madinah", "Dates", "Ajwa dates", "SA", 200, 150, 80, 550},
	"khawlani-coffee":           {"Light roast with cardamom", "Coffee", "Arabica beans", "SA", 180, 100, 60, 280},
	"sukkari-gift-box":          {"Hand-packed in a carved box", "Dates", "Sukkari dates", "SA", 300, 250, 90, 1300},
	"wireless-earbuds":          {"Noise-cancelling, with a charging case", "Earbuds", "Plastic and aluminium", "CN", 120, 100, 50, 150},
	"smart-watch-falcon":        {"Titanium, falcon engraving", "Smart watch", "Titanium", "CN", 150, 100, 80, 200},

	// The souq's vendors' products.
	"najd-sadu-cushion":     {"Woven on a Sadu loom in Najd", "Cushion", "Wool", "SA", 450, 450, 120, 700},
	"najd-palm-basket":      {"Plaited palm fronds from Al-Ahsa", "Basket", "Palm fronds", "SA", 350, 350, 200, 400},
	"najd-brass-dallah":     {"Hammered and polished by hand", "Coffee pot", "Brass", "SA", 300, 200, 300, 900},
	"hejaz-saffron":         {"Two grams of red threads", "Spice", "Saffron", "IR", 80, 60, 40, 30},
	"hejaz-cardamom-coffee": {"Light roast, ground for the dallah", "Coffee", "Arabica beans and cardamom", "SA", 180, 100, 60, 280},
}
