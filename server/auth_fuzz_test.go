package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/testenv"
)

// FuzzAuthorizationHeader sends arbitrary credentials. Whatever they are, the server does
// not panic and never lets a request through as anyone: no credentials is an anonymous
// visitor, and any credential it cannot verify is a 401 UNAUTHENTICATED.
func FuzzAuthorizationHeader(f *testing.F) {
	type target struct {
		name    string
		handler http.Handler
		client  string
	}
	// Built once per fuzzing process, on every configured database.
	build := func(db *testenv.DB) target {
		testenv.NewFixture(f, db)
		cfg := testenv.Config()
		cfg.RateLimit = 1 << 30 // the fuzzer's anonymous requests must never meet the limiter
		return target{db.Dialect, testenv.NewAPI(f, db, cfg).Handler, uniqueClient()}
	}
	targets := []target{build(testenv.SQLite(f))}
	if u := os.Getenv("CITYOS_TEST_DATABASE_URL"); u != "" {
		targets = append(targets, build(testenv.Postgres(f, u)))
	}

	// Seeds: near misses of real credentials, signed with the server's own secret where
	// that makes them interesting (expired, for no such user).
	secret := testenv.Config().JWTSecret
	old, err := auth.NewIssuer([]byte(secret), time.Minute)
	if err != nil {
		f.Fatal(err)
	}
	old.Now = func() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) }
	expired, _, err := old.IssueAccess(1)
	if err != nil {
		f.Fatal(err)
	}
	ours, err := auth.NewIssuer([]byte(secret), 0)
	if err != nil {
		f.Fatal(err)
	}
	ghost, _, err := ours.IssueAccess(987654321)
	if err != nil {
		f.Fatal(err)
	}
	sk, _ := auth.NewSecretToken("sk")
	pk, _ := auth.NewSecretToken("pk")
	for _, s := range [][3]string{
		{"", "", ""},
		{"Bearer " + expired, "", ""},
		{"Bearer " + ghost, "", ""},
		{"bearer " + ghost, "", ""},
		{"Bearer  " + ghost + " ", "", ""},
		{"Bearer", "", ""},
		{"Bearer ", "", ""},
		{" ", " ", " "},
		{"Basic YTpi", "", ""},
		{"Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "", ""},
		{"", sk, ""},
		{"", "", pk},
		{"", pk, sk},
		{"", strings.Repeat("k", 201), ""},
		{"Bearer " + strings.Repeat("a.", 3000), "", ""},
		{"", "", "pk_\x00\xff"},
	} {
		f.Add(s[0], s[1], s[2])
	}

	f.Fuzz(func(t *testing.T, authorization, apiKey, publishableKey string) {
		anonymous := authorization == "" && apiKey == "" && publishableKey == ""
		for _, tg := range targets {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ me { id } }"}`))
			req.Header.Set("Content-Type", "application/json")
			req.RemoteAddr = tg.client
			// Set directly, not through Header.Set, so the values reach the server byte for byte.
			for k, v := range map[string]string{"Authorization": authorization, "X-Api-Key": apiKey, "X-Publishable-Key": publishableKey} {
				if v != "" {
					req.Header[k] = []string{v}
				}
			}
			rec := httptest.NewRecorder()
			tg.handler.ServeHTTP(rec, req)

			var body struct {
				Data   *struct{ Me *struct{ ID string } } `json:"data"`
				Errors []struct {
					Message    string
					Extensions map[string]any
				} `json:"errors"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("%s: response is not JSON (%d): %q", tg.name, rec.Code, rec.Body.String())
			}
			if anonymous {
				if rec.Code != http.StatusOK || len(body.Errors) > 0 || body.Data == nil || body.Data.Me != nil {
					t.Fatalf("%s: no credentials should be an anonymous visitor, got %d %s", tg.name, rec.Code, rec.Body.String())
				}
				continue
			}
			if rec.Code != http.StatusUnauthorized || len(body.Errors) != 1 || body.Errors[0].Extensions["code"] != "UNAUTHENTICATED" || body.Data != nil {
				t.Fatalf("%s: authorization=%q x-api-key=%q x-publishable-key=%q: want 401 UNAUTHENTICATED, got %d %s",
					tg.name, authorization, apiKey, publishableKey, rec.Code, rec.Body.String())
			}
			if body.Errors[0].Extensions["requestId"] == "" || body.Errors[0].Extensions["requestId"] == nil {
				t.Fatalf("%s: error without a request id: %s", tg.name, rec.Body.String())
			}
		}
	})
}
