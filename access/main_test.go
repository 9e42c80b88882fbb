package access_test

import (
	"flag"
	"os"
	"testing"
	"time"
)

// packageTimeout is the least time this package's tests are given. The authorization
// matrix runs every operation as every principal on both databases, each mutation on a
// fresh copy of the fixture: on a 2-core machine it takes about 2 minutes alone, several
// times that while other packages' tests share the machine, and go test's default alarm
// (10m) must not fire while it still makes progress. A longer -timeout asked for on the
// command line is kept.
const packageTimeout = 30 * time.Minute

func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.timeout"); f != nil {
		if d, err := time.ParseDuration(f.Value.String()); err == nil && d > 0 && d < packageTimeout {
			_ = f.Value.Set(packageTimeout.String())
		}
	}
	os.Exit(m.Run())
}
