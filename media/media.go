// Package media holds the pictures of what is sold: the gallery of a product or of one
// of its variants, stored as JSON on its row. It knows nothing of the business, so the
// ent schema, the catalog and the API can all share its type.
package media

// Image is one picture of a gallery: where it is, the text that describes it to a reader
// who cannot see it, and its place (lowest rank first).
type Image struct {
	URL  string `json:"url"`
	Alt  string `json:"alt"`
	Rank int    `json:"rank"`
}
