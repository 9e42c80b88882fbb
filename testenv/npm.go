package testenv

import (
	"encoding/json"
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

// NodeScript runs `node script file` in dir (see NodePackages), file holding in as JSON,
// and decodes what the script writes to standard output into out.
func NodeScript(t testing.TB, dir, script string, in, out any) {
	t.Helper()
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatalf("node %s: input: %v", script, err)
	}
	file := filepath.Join(t.TempDir(), "input.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatalf("node %s: %v", script, err)
	}
	cmd := exec.Command("node", script, file)
	cmd.Dir = NodePackages(t, dir)
	stdout, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("node %s: %v: %s", script, err, ee.Stderr)
	}
	if err != nil {
		t.Fatalf("node %s: %v", script, err)
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("node %s said %s: %v", script, stdout, err)
	}
}
