package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/internal/attack"
	"github.com/policygraph/policygraph/server"
)

// FuzzRequest sends arbitrary bodies and queries through the whole handler:
// whatever comes in, the server answers (no panic, no hang past the test's
// own deadline) with JSON, and every error carries a code.
func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		`{"query":"{ documents { id } }"}`,
		`[{"query":"{ documents { id } }"},{"query":"{ stats { totalNodes } }"}]`,
		`{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":"doc:2023"}}`,
		`{"query":"{ search(query: \"半導体\") { marked(open: \"<\", close: \">\") } }"}`,
		`{"query":"fragment F on Query { ...F } { ...F }"}`,
		`{"query":"{ measures(first: 2) { pageInfo { endCursor } nodes { laws { name } } } }"}`,
		`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}`,
		`{"query":` + strings.Repeat("[", 50), `not json`, ``,
	} {
		f.Add(s)
	}
	for _, a := range attack.All() {
		if len(a.Body) < 4096 {
			f.Add(a.Body)
		}
	}
	h := server.New(server.DefaultConfig(), fixtureStore(f), nil)
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		out := rec.Body.Bytes()
		if !json.Valid(out) {
			t.Fatalf("status %d, not JSON: %.300q", rec.Code, out)
		}
		var one struct {
			Errors []struct {
				Extensions struct{ Code string }
			}
		}
		if len(out) > 0 && out[0] == '{' {
			_ = json.Unmarshal(out, &one)
			for _, e := range one.Errors {
				if e.Extensions.Code == "" || e.Extensions.Code == "INTERNAL" {
					t.Fatalf("error without a client code (%q): %.300s", e.Extensions.Code, out)
				}
			}
		}
	})
}
