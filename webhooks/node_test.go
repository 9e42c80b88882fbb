package webhooks_test

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// nodeDir holds the npm package the deliveries are verified with (.ci/run installs it).
const nodeDir = "testdata/node"

// nodeMessage is one message for verify.js.
type nodeMessage struct {
	Secret  string            `json:"secret"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
}

type nodeResult struct {
	OK    bool   `json:"ok"`
	Error string `json:"error"`
}

// verifyWithNode verifies each message with the standardwebhooks npm package and
// returns its verdicts. A missing install fails the test with the command that fixes it.
func verifyWithNode(t *testing.T, msgs []nodeMessage) []nodeResult {
	t.Helper()
	if _, err := os.Stat(filepath.Join(nodeDir, "node_modules", "standardwebhooks")); err != nil {
		t.Fatalf("the standardwebhooks npm package is not installed: run `npm ci --prefix webhooks/testdata/node` (from the repository root; .ci/run does it)")
	}
	in, err := json.Marshal(msgs)
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "messages.json")
	require.NoError(t, os.WriteFile(file, in, 0o600))
	cmd := exec.Command("node", "verify.js", file)
	cmd.Dir = nodeDir
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("node verify.js: %v: %s", err, ee.Stderr)
	}
	require.NoError(t, err, "node verify.js")
	var res []nodeResult
	require.NoError(t, json.Unmarshal(out, &res), "node said %s", out)
	require.Len(t, res, len(msgs))
	return res
}

// asNode is a captured request as verify.js takes it: the headers by their lower-case
// names, as a Node HTTP server hands them over.
func asNode(secret string, c captured) nodeMessage {
	h := map[string]string{}
	for k := range c.Header {
		h[strings.ToLower(k)] = c.Header.Get(k)
	}
	return nodeMessage{Secret: secret, Headers: h, Body: string(c.Body)}
}

var _ = http.StatusOK
