//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package platform

import "context"

// lockFile is a no-op here: migrations of one SQLite file are serialized within the
// process only.
func lockFile(context.Context, string) (func(), error) { return func() {}, nil }
