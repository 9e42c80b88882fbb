package seed

// demoTags are the demo's merchandising tags, so a storefront's tag filter has something
// to narrow: gifts, best sellers and what is new in each store.
var demoTags = map[string][]string{
	"classic-white-thobe":       {"bestseller"},
	"embroidered-abaya":         {"new"},
	"najdi-heritage-thobe":      {"gift", "limited"},
	"royal-oud-oil-traditional": {"gift"},
	"contemporary-abaya":        {"new"},
	"designer-capsule-abaya":    {"gift", "limited"},
	"arabesque-wall-art":        {"new"},
	"brass-lantern":             {"bestseller"},
	"calligraphy-vase":          {"gift", "limited"},
	"cambodian-oud-oil":         {"bestseller"},
	"bakhoor-blend":             {"gift"},
	"royal-oud-reserve":         {"gift", "limited"},
	"ajwa-dates":                {"bestseller"},
	"sukkari-gift-box":          {"gift", "limited"},
	"smart-watch-falcon":        {"gift", "limited"},
}
