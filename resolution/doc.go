// Package resolution decides which store a storefront request is for, from its host,
// path and an optional client hint. It knows nothing about HTTP or the database: it asks
// a Directory, caches the answers briefly, and leaves status checks (active, suspended)
// to its callers.
package resolution
