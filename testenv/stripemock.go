package testenv

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// stripeMockVersion is the stripe-mock the tests run against.
const stripeMockVersion = "github.com/stripe/stripe-mock@v0.203.0"

// StripeMock returns the base URL of a stripe-mock: STRIPE_MOCK_URL (CI starts one), or
// one started here — from PATH, or installed with `go install` into the user cache the
// first time, so `go test ./...` needs nothing but Go. The Stripe providers are never
// tested against nothing.
func StripeMock(t testing.TB) string {
	t.Helper()
	if u := os.Getenv("STRIPE_MOCK_URL"); u != "" {
		return u
	}
	bin, err := exec.LookPath("stripe-mock")
	if err != nil {
		bin = installStripeMock(t)
	}
	cmd := exec.Command(bin, "-http-addr", "127.0.0.1:", "-https-addr", "127.0.0.1:")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("stripe-mock: %v", err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("stripe-mock: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(out)
	const ready = "Listening for HTTP at address: "
	for lines.Scan() {
		if addr, ok := strings.CutPrefix(lines.Text(), ready); ok {
			go func() { _, _ = io.Copy(io.Discard, out) }()
			return "http://" + strings.TrimSpace(addr)
		}
	}
	t.Fatalf("stripe-mock exited before listening: %v", lines.Err())
	return ""
}

// installStripeMock installs stripe-mock into a cache directory shared by test runs.
func installStripeMock(t testing.TB) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("stripe-mock: %v", err)
	}
	dir := filepath.Join(cache, "cityos", "stripe-mock-v0.203.0")
	bin := filepath.Join(dir, "stripe-mock")
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	cmd := exec.Command("go", "install", stripeMockVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("installing %s for the Stripe tests: %v\n%s", stripeMockVersion, err, out)
	}
	return bin
}
