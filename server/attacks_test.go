package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/attack"
	"github.com/policygraph/policygraph/server"
)

// TestAttacks sends each hostile request of internal/attack to the real
// handler over the real corpus with the default limits: each is refused
// with its code, and the memory ones allocate at most 20 MB on the way
// (bytes allocated while serving: an upper bound of what they could hold).
func TestAttacks(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), seedStore(t))
	for _, a := range attack.All() {
		t.Run(a.Name, func(t *testing.T) {
			method := a.Method
			if method == "" {
				method = http.MethodPost
			}
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(a.Body))
			req.Method = method
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f.h.ServeHTTP(rec, req)
			runtime.ReadMemStats(&after)
			codes := errorCodes(t, rec.Body.Bytes())
			if len(codes) == 0 || codes[0] != a.Code {
				t.Errorf("status %d, codes %v, want %s: %.300s", rec.Code, codes, a.Code, rec.Body.String())
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; a.Memory && alloc > 20<<20 {
				t.Errorf("allocated %d MB serving it", alloc>>20)
			}
		})
	}
}

// errorCodes are the extensions.code of a response's errors (of each
// response of a batch).
func errorCodes(t *testing.T, body []byte) []string {
	t.Helper()
	type resp struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	var rs []resp
	if len(body) > 0 && body[0] == '[' {
		if err := json.Unmarshal(body, &rs); err != nil {
			t.Fatalf("%.300s: %v", body, err)
		}
	} else {
		var r resp
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatalf("%.300s: %v", body, err)
		}
		rs = []resp{r}
	}
	var out []string
	for _, r := range rs {
		for _, e := range r.Errors {
			out = append(out, e.Extensions.Code)
		}
	}
	return out
}

// TestMetricsLabelsBounded: invented methods are counted as OTHER, so the
// metrics do not grow with them.
func TestMetricsLabelsBounded(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	for i := range 50 {
		req := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		req.Method = strings.Repeat("X", 1000) + strings.Repeat("Y", i)
		f.h.ServeHTTP(httptest.NewRecorder(), req)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	m := rec.Body.String()
	if !strings.Contains(m, `policygraph_http_requests_total{method="OTHER",route="/graphql",status="405"} 50`) || strings.Contains(m, "XXXX") {
		t.Errorf("metrics after 50 invented methods (%d bytes):\n%.2000s", len(m), m)
	}
}

// gateStore holds Documents until released, saying when each call starts.
type gateStore struct {
	policygraph.Store
	started chan struct{}
	release chan struct{}
}

func (s gateStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	s.started <- struct{}{}
	<-s.release
	return s.Store.Documents(ctx)
}

// TestAdmission: with two slots and no queue, two requests execute and
// the others get 503 with Retry-After at once, while /healthz answers.
func TestAdmission(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	store := gateStore{Store: fixtureStore(t), started: started, release: release}
	f := newFixture(t, server.Config{MaxInFlight: 2, MaxQueue: -1, Timeout: -1}, store)
	done := make(chan int, 2)
	for range 2 {
		go func() {
			rec := httptest.NewRecorder()
			f.h.ServeHTTP(rec, post(gqlBody(`{ documents { id } }`)))
			done <- rec.Code
		}()
	}
	<-started
	<-started // both slots are taken
	for range 5 {
		r := f.do(t, post(gqlBody(`{ documents { id } }`)))
		if r.status != http.StatusServiceUnavailable || r.code() != "UNAVAILABLE" || r.header.Get("Retry-After") == "" {
			t.Errorf("third request: %d %v %s", r.status, r.header, r.body)
		}
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("/healthz while busy: %d", rec.Code)
	}
	close(release)
	for range 2 {
		if code := <-done; code != http.StatusOK {
			t.Errorf("admitted request: %d", code)
		}
	}
	if r := f.do(t, post(gqlBody(`{ documents { id } }`))); r.status != http.StatusOK {
		t.Errorf("after the others finished: %d %s", r.status, r.body)
	}
}

// TestLargeQueriesNotCached: 30 distinct valid 500 kB documents (padded
// with a comment) leave the heap where it was: none is cached.
func TestLargeQueriesNotCached(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range 30 {
		q := "# " + strings.Repeat(string(rune('a'+i%26)), 500<<10) + "\n{ documents { id } }"
		if r := f.do(t, post(gqlBody(q))); r.status != http.StatusOK || len(r.Errors) > 0 {
			t.Fatalf("padded query: %d %.300s", r.status, r.body)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 5<<20 {
		t.Errorf("heap grew by %d MB after 30 large queries", grew>>20)
	}
}

// TestMarkedMarkersBounded: markers longer than 8 characters are refused.
func TestMarkedMarkersBounded(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), seedStore(t))
	r := f.do(t, post(gqlBody(`{ search(query: "半導体", first: 1) { marked(open: "123456789", close: "]") } }`)))
	if r.code() != "BAD_USER_INPUT" {
		t.Errorf("9-character marker: %s", r.body)
	}
	r = f.do(t, post(gqlBody(`{ search(query: "半導体", first: 1) { marked(open: "<mark>", close: "</mark>") } }`)))
	if len(r.Errors) != 0 || !strings.Contains(string(r.body), "<mark>") {
		t.Errorf("<mark>: %s", r.body)
	}
}
