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

	"github.com/dakkah/cityos/testenv"
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

// verifyWithNode verifies each message with the standardwebhooks npm package (pinned in
// nodeDir, installed on first use) and returns its verdicts.
func verifyWithNode(t *testing.T, msgs []nodeMessage) []nodeResult {
	t.Helper()
	testenv.NodePackages(t, nodeDir)
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
