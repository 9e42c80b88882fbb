package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// npmInstalls remembers, per directory, the one `npm ci` a test process runs there.
var npmInstalls sync.Map // dir → *npmInstall

type npmInstall struct {
	once sync.Once
	err  error
	out  []byte
}

// NodePackages makes sure the npm packages pinned in dir (a package.json with its
// package-lock.json) are installed, running `npm ci` there on first use, as the Stripe
// tests install stripe-mock: the formats are proven against code we did not write. With
// no npm on PATH the test fails, saying what to install; it never skips.
func NodePackages(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatalf("npm packages in %s: %v", dir, err)
	}
	if _, err := os.Stat(filepath.Join(abs, "node_modules")); err == nil {
		return abs
	}
	v, _ := npmInstalls.LoadOrStore(abs, &npmInstall{})
	in := v.(*npmInstall)
	in.once.Do(func() {
		npm, err := exec.LookPath("npm")
		if err != nil {
			in.err = err
			return
		}
		cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = abs
		in.out, in.err = cmd.CombinedOutput()
	})
	if in.err != nil {
		t.Fatalf("these tests run Node.js clients (%s): install Node.js with npm, or run `npm ci` there: %v\n%s", abs, in.err, in.out)
	}
	return abs
}
