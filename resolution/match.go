package resolution

// Strategy names the rule that matched. The values are part of the API contract.
type Strategy string

const (
	CustomDomain Strategy = "CUSTOM_DOMAIN"
	Subdomain    Strategy = "SUBDOMAIN"
	Path         Strategy = "PATH"
	Hint         Strategy = "HINT"
)

// Match is a resolved store and the rule that found it.
type Match struct {
	StoreID  int
	Strategy Strategy
}
