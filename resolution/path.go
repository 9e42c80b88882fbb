package resolution

import "strings"

const storesPrefix = "/stores/"

// storesLabel extracts {label} from "/stores/{label}" or "/stores/{label}/...", ignoring
// any query string or fragment. Labels are case-insensitive like the subdomains they
// mirror; anything that is not a valid DNS label gives "".
func storesLabel(path string) string {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	rest, ok := strings.CutPrefix(path, storesPrefix)
	if !ok {
		return ""
	}
	label, _, _ := strings.Cut(rest, "/")
	label = lowerASCII(label)
	if !validLabel(label) {
		return ""
	}
	return label
}

// normalizeHint trims and lower-cases a hint; an invalid label gives "".
func normalizeHint(hint string) string {
	h := lowerASCII(strings.TrimSpace(hint))
	if !validLabel(h) {
		return ""
	}
	return h
}
