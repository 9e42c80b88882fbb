package webhooks

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
)

// result is what one attempt's request came to.
type result struct {
	code    int // 0 when no answer came
	latency time.Duration
	err     string // why it failed, for the row; empty on success
}

func (r result) ok() bool { return r.code >= 200 && r.code < 300 }

// responseCode, latencyMs and reason are the result's columns of its attempt's row.
func (r result) responseCode() *int {
	if r.code == 0 {
		return nil
	}
	return &r.code
}

func (r result) latencyMs() *int {
	if r.latency <= 0 {
		return nil
	}
	ms := int(r.latency / time.Millisecond)
	return &ms
}

func (r result) reason() *string {
	if r.err == "" {
		return nil
	}
	return &r.err
}

// excerptLen bounds what of a failed answer the row keeps: enough to see the
// receiver's error, never a whole body.
const excerptLen = 200

// send POSTs event ev to endpoint ep, signed with its secret and, during a rotation's
// overlap, with the previous one too.
func (s *Service) send(ctx context.Context, ep *ent.IntegrationEndpoint, ev outbox.Event) result {
	u, err := url.Parse(ep.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return result{err: "the endpoint's URL is not an http(s) URL"}
	}
	payload, err := body(ev)
	if err != nil {
		return result{err: "the event could not be encoded: " + err.Error()}
	}
	ctx, cancel := context.WithTimeout(ctx, s.Config.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(payload))
	if err != nil {
		return result{err: err.Error()}
	}
	secrets := []string{ep.Secret}
	if ep.PreviousSecret != nil && ep.PreviousSecretExpiresAt != nil && ep.PreviousSecretExpiresAt.After(s.now()) {
		secrets = append(secrets, *ep.PreviousSecret)
	}
	if err := stdwebhook.Headers(req.Header, outbox.PublicID(ev.ID), s.now(), payload, secrets...); err != nil {
		return result{err: "the endpoint's secret cannot sign: " + err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", UserAgent)
	start := time.Now()
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return result{latency: time.Since(start), err: truncate(err.Error(), 500)}
	}
	defer resp.Body.Close()
	head, _ := io.ReadAll(io.LimitReader(resp.Body, excerptLen))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	r := result{code: resp.StatusCode, latency: time.Since(start)}
	if !r.ok() {
		r.err = fmt.Sprintf("HTTP %d", resp.StatusCode)
		if text := strings.TrimSpace(string(head)); text != "" {
			r.err += ": " + truncate(text, excerptLen)
		}
	}
	return r
}

// truncate cuts s to at most n bytes, on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
