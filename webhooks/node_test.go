package webhooks_test

import (
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
	var res []nodeResult
	testenv.NodeScript(t, nodeDir, "verify.js", msgs, &res)
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
