package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/storetest"
)

const (
	m1    = "measure:2023:MISSION-1:3f2a9c1b"
	p23M1 = "pillar:2023:MISSION-1"
)

type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func fixtureStore(t testing.TB) policygraph.Store {
	t.Helper()
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type fixture struct {
	h    http.Handler
	logs *logBuffer
}

func newFixture(t testing.TB, cfg server.Config, store policygraph.Store) *fixture {
	t.Helper()
	if store == nil {
		store = fixtureStore(t)
	}
	logs := &logBuffer{}
	return &fixture{h: server.New(cfg, store, slog.New(slog.NewJSONHandler(logs, nil))), logs: logs}
}

type response struct {
	status int
	header http.Header
	body   []byte
	// decoded GraphQL response (single operation)
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r *response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func (r *response) mediaType() string {
	ct := r.header.Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	return mt
}

func (f *fixture) do(t testing.TB, req *http.Request) *response {
	t.Helper()
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	r := &response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	if len(r.body) > 0 && r.body[0] == '{' {
		if err := json.Unmarshal(r.body, r); err != nil {
			t.Fatalf("response %s: %v", r.body, err)
		}
	}
	return r
}

func post(body string, headers ...string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return req
}

func get(params url.Values, headers ...string) *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/graphql?"+params.Encode(), nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return req
}

func gqlBody(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

const graphqlResponse = "application/graphql-response+json"

func TestPostAndGet(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	r := f.do(t, post(gqlBody(`{ documents { id } }`)))
	if r.status != 200 || r.mediaType() != "application/json" || len(r.Errors) != 0 {
		t.Fatalf("POST: %d %s %s", r.status, r.mediaType(), r.body)
	}
	docs := r.Data["documents"].([]any)
	if len(docs) != 2 {
		t.Errorf("documents = %v", docs)
	}
	r = f.do(t, get(url.Values{"query": {`query Q($id: ID!) { node(id: $id) { id } }`}, "variables": {`{"id":"` + m1 + `"}`}, "operationName": {"Q"}},
		"Accept", graphqlResponse))
	if r.status != 200 || r.mediaType() != graphqlResponse || r.Data["node"].(map[string]any)["id"] != m1 {
		t.Fatalf("GET: %d %s %s", r.status, r.mediaType(), r.body)
	}
	if !strings.Contains(f.logs.String(), `"operation":"Q"`) {
		t.Errorf("log lacks the operation name: %s", f.logs.String())
	}
}

func TestHTTPSpec(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	invalid := gqlBody(`{ nope }`)
	for _, tc := range []struct {
		name      string
		req       *http.Request
		status    int
		mediaType string
		code      string
	}{
		{"validation error, graphql-response+json", post(invalid, "Accept", graphqlResponse), 400, graphqlResponse, "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, json", post(invalid, "Accept", "application/json"), 200, "application/json", "GRAPHQL_VALIDATION_FAILED"},
		{"validation error, no Accept", post(invalid), 200, "application/json", "GRAPHQL_VALIDATION_FAILED"},
		{"parse error, graphql-response+json", post(gqlBody(`{ documents { id `), "Accept", graphqlResponse), 400, graphqlResponse, "GRAPHQL_PARSE_FAILED"},
		{"parse error, json", post(gqlBody(`{ documents { id `)), 200, "application/json", "GRAPHQL_PARSE_FAILED"},
		{"prefers graphql-response+json", post(gqlBody(`{ stats { totalNodes } }`), "Accept", "application/json;q=0.9, application/graphql-response+json"), 200, graphqlResponse, ""},
		{"q values", post(gqlBody(`{ stats { totalNodes } }`), "Accept", "application/json, application/graphql-response+json;q=0.5"), 200, "application/json", ""},
		{"wildcard", post(gqlBody(`{ stats { totalNodes } }`), "Accept", "*/*"), 200, "application/json", ""},
		{"not acceptable", post(gqlBody(`{ stats { totalNodes } }`), "Accept", "text/html"), 406, "application/json", "BAD_USER_INPUT"},
		{"malformed JSON", post(`{"query": `), 400, "application/json", "BAD_USER_INPUT"},
		{"not an object", post(`"query"`), 400, "application/json", "BAD_USER_INPUT"},
		{"query not a string", post(`{"query": 1}`), 400, "application/json", "BAD_USER_INPUT"},
		{"unsupported content type", post(gqlBody(`{ stats { totalNodes } }`), "Content-Type", "text/plain"), 415, "application/json", "BAD_USER_INPUT"},
		{"form content type", post(`query=x`, "Content-Type", "application/x-www-form-urlencoded"), 415, "application/json", "BAD_USER_INPUT"},
		{"charset other than utf-8", post(gqlBody(`{ stats { totalNodes } }`), "Content-Type", "application/json; charset=latin1"), 415, "application/json", "BAD_USER_INPUT"},
		{"charset utf-8", post(gqlBody(`{ stats { totalNodes } }`), "Content-Type", "application/json; charset=UTF-8"), 200, "application/json", ""},
		{"method", httptest.NewRequest(http.MethodPut, "/graphql", strings.NewReader(invalid)), 405, "application/json", "BAD_USER_INPUT"},
		{"mutation via GET", get(url.Values{"query": {`mutation { x }`}}), 405, "application/json", "BAD_USER_INPUT"},
		{"subscription via GET", get(url.Values{"query": {`subscription { x }`}}), 405, "application/json", "BAD_USER_INPUT"},
		{"GET bad variables", get(url.Values{"query": {`{ stats { totalNodes } }`}, "variables": {`{`}}), 400, "application/json", "BAD_USER_INPUT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.do(t, tc.req)
			if r.status != tc.status || r.mediaType() != tc.mediaType || r.code() != tc.code {
				t.Errorf("got %d %s %q, want %d %s %q; body %s", r.status, r.mediaType(), r.code(), tc.status, tc.mediaType, tc.code, r.body)
			}
			if tc.status == 405 && r.header.Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
			// A request that fails before execution has no data entry.
			if tc.code != "" && bytes.Contains(r.body, []byte(`"data"`)) {
				t.Errorf("failed before execution but has data: %s", r.body)
			}
		})
	}
}

func TestMutationViaPostIsValidated(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	r := f.do(t, post(gqlBody(`mutation { x }`), "Accept", graphqlResponse))
	if r.status != 400 || r.code() != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("mutation via POST: %d %s", r.status, r.body)
	}
}

func TestBodyLimit(t *testing.T) {
	f := newFixture(t, server.Config{MaxBodyBytes: 100}, nil)
	r := f.do(t, post(gqlBody(`{ documents { id } }`+strings.Repeat(" ", 200))))
	if r.status != http.StatusRequestEntityTooLarge || r.code() != "LIMIT_EXCEEDED" {
		t.Errorf("large body: %d %s", r.status, r.body)
	}
	r = f.do(t, post(gqlBody(`{ documents { id } }`)))
	if r.status != 200 || len(r.Errors) != 0 {
		t.Errorf("small body: %d %s", r.status, r.body)
	}
}

// deepQuery is a query levels fields deep (levels even, >= 2): pillar →
// (continuedBy → continues) … → id, each list 1 long (cheap in complexity).
func deepQuery(levels int) string {
	k := (levels - 2) / 2
	return `{ pillar(id: "` + p23M1 + `") {` + strings.Repeat(" continuedBy { continues {", k) + " id" + strings.Repeat(" } }", k) + " } }"
}

func TestDepthLimit(t *testing.T) {
	introspection, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, server.DefaultConfig(), nil)
	r := f.do(t, post(gqlBody(deepQuery(40)), "Accept", graphqlResponse))
	if r.status != 400 || r.code() != "LIMIT_EXCEEDED" || !strings.Contains(r.Errors[0].Message, "depth") {
		t.Errorf("40 levels: %d %s", r.status, r.body)
	}
	r = f.do(t, post(gqlBody(deepQuery(14)), "Accept", graphqlResponse))
	if r.status != 200 || len(r.Errors) != 0 {
		t.Errorf("14 levels: %d %s", r.status, r.body)
	}
	r = f.do(t, post(gqlBody(deepQuery(16)), "Accept", graphqlResponse))
	if r.status != 400 || !strings.Contains(string(r.body), "query depth 16 exceeds the limit of 15") {
		t.Errorf("16 levels: %d %s", r.status, r.body)
	}
	// Fragments nest: the depth counts through them.
	frag := `query { pillar(id: "` + p23M1 + `") { ...A } } fragment A on Pillar { document { pillars { ...B } } } fragment B on Pillar { document { pillars { ...C } } } fragment C on Pillar { document { pillars { id } } }`
	fs := newFixture(t, server.Config{MaxDepth: 6}, nil)
	if r := fs.do(t, post(gqlBody(frag))); r.code() != "LIMIT_EXCEEDED" {
		t.Errorf("fragments 8 deep under limit 6: %s", r.body)
	}
	if r := newFixture(t, server.Config{MaxDepth: 8}, nil).do(t, post(gqlBody(frag))); len(r.Errors) != 0 {
		t.Errorf("fragments 8 deep under limit 8: %s", r.body)
	}
	// The standard introspection query (13 deep) passes the default limit.
	r = f.do(t, post(gqlBody(string(introspection)), "Accept", graphqlResponse))
	if r.status != 200 || len(r.Errors) != 0 || r.Data["__schema"] == nil {
		t.Errorf("introspection: %d %.300s", r.status, r.body)
	}
}

func TestIntrospectionOff(t *testing.T) {
	f := newFixture(t, server.Config{Introspection: false}, nil)
	// Refused as a request the server does not serve, not as its own
	// failure: gqlgen's "introspection disabled" reached clients as
	// INTERNAL "internal error", logged as a resolver failure.
	for _, q := range []string{`{ __schema { queryType { name } } }`, `{ __type(name: "Fund") { name } }`,
		`query Q { ...F } fragment F on Query { documents { id } __schema { types { name } } }`} {
		r := f.do(t, post(gqlBody(q)))
		if r.code() != "GRAPHQL_VALIDATION_FAILED" || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "introspection is disabled") || r.Data["__schema"] != nil {
			t.Errorf("introspection off: %s: %s", q, r.body)
		}
	}
	// __typename is not introspection.
	r := f.do(t, post(gqlBody(`{ documents { __typename } }`)))
	if len(r.Errors) != 0 {
		t.Errorf("__typename: %s", r.body)
	}
}

// TestComplexityLimit: on the real corpus, where the fan-outs are real, a
// query whose worst case is large is refused and the benchmark query is not.
func TestComplexityLimit(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), seedStore(t))
	big := `{ pillars { measures(first: 500) { edges { node { laws { measures { laws { measures { id } } } } funds { id } } } } } }`
	r := f.do(t, post(gqlBody(big), "Accept", graphqlResponse))
	if r.status != 400 || r.code() != "LIMIT_EXCEEDED" || !strings.Contains(r.Errors[0].Message, "complexity") {
		t.Errorf("complex query: %d %s", r.status, r.body)
	}
	r = f.do(t, post(gqlBody(nestedQuery)))
	if len(r.Errors) != 0 {
		t.Errorf("the benchmark query is refused: %s", r.body)
	}
	// What depends on each fund, law or organisation, and what became of
	// each mentioning measure: a researcher's question, a few hundred
	// fields, refused when a use's pillars were charged as every pillar of
	// the corpus (65,990 for the funds, 188,541 for the laws) rather than at
	// most one per mention, and a use's mentions as the largest fan-in of a
	// law, fund or organisation (142,591 for the 42 organisations) rather
	// than the most one pillar makes of one node (Stats.UseMentions).
	const use = `pillars { pillar { key document { year } } mentions { surface line node { ... on Measure {
		title source { citation } evolvedInto { score measure { title status source { citation } } } } } } }`
	for _, q := range []string{`{ funds { name ` + use + ` } }`, `{ laws { name ` + use + ` } }`, `{ organisations { name ` + use + ` } }`} {
		if r := f.do(t, post(gqlBody(q))); len(r.Errors) != 0 {
			t.Errorf("%.30s…: %s", q, r.body)
		}
	}
}

func TestAliasLimit(t *testing.T) {
	f := newFixture(t, server.Config{MaxAliases: 3}, nil)
	r := f.do(t, post(gqlBody(`{ a: documents { id } b: documents { id } c: documents { x: id } d: stats { totalNodes } }`)))
	if r.code() != "LIMIT_EXCEEDED" || !strings.Contains(r.Errors[0].Message, "aliases") {
		t.Errorf("4 aliases: %s", r.body)
	}
	r = f.do(t, post(gqlBody(`{ a: documents { id } b: documents { id } documents { id: id } }`)))
	if len(r.Errors) != 0 {
		t.Errorf("2 aliases: %s", r.body)
	}
}

func TestBatch(t *testing.T) {
	f := newFixture(t, server.Config{MaxBatch: 2}, nil)
	req := post(`[{"query":"{ documents { id } }"},{"query":"query S { stats { totalNodes } }","operationName":"S"}]`)
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	var got []struct {
		Data   map[string]any
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != 200 || len(got) != 2 || got[1].Data["stats"] == nil {
		t.Fatalf("batch: %d %s %v", rec.Code, rec.Body, err)
	}
	r := f.do(t, post(`[{"query":"{ documents { id } }"},{"query":"{ documents { id } }"},{"query":"{ documents { id } }"}]`))
	if r.status != 400 || r.code() != "LIMIT_EXCEEDED" {
		t.Errorf("batch of 3 over 2: %d %s", r.status, r.body)
	}
	if r := f.do(t, post(`[]`)); r.status != 400 {
		t.Errorf("empty batch: %d %s", r.status, r.body)
	}
}

// slowStore blocks in Documents until the request ends.
type slowStore struct{ policygraph.Store }

func (s slowStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestTimeout(t *testing.T) {
	f := newFixture(t, server.Config{Timeout: 50 * time.Millisecond}, slowStore{fixtureStore(t)})
	// slowStore returns only when the request's context ends, so reaching
	// the assertion at all shows the timeout fired.
	r := f.do(t, post(gqlBody(`{ documents { id } }`)))
	if r.code() != "TIMEOUT" || r.Errors[0].Message != "request timed out" {
		t.Errorf("timeout: %d %s", r.status, r.body)
	}
}

// hungStore never answers Documents, whatever its context says: a database
// that hangs without honouring cancellation.
type hungStore struct {
	policygraph.Store
	release chan struct{}
}

func (s hungStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	<-s.release
	return nil, errors.New("released")
}

// TestTimeoutHungStore checks that the client gets the coded timeout error
// even when the store ignores the request's context.
func TestTimeoutHungStore(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	f := newFixture(t, server.Config{Timeout: 50 * time.Millisecond}, hungStore{fixtureStore(t), release})
	r := f.do(t, post(gqlBody(`{ documents { id } }`)))
	if r.status != http.StatusServiceUnavailable || r.code() != "TIMEOUT" || r.Errors[0].Message != "request timed out" {
		t.Errorf("timeout: %d %s", r.status, r.body)
	}
}

func TestAPQ(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	const q = `{ documents { id } }`
	sum := sha256.Sum256([]byte(q))
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`
	// Hash only, unknown: PERSISTED_QUERY_NOT_FOUND, 200 even in graphql-response+json.
	r := f.do(t, post(`{"extensions":`+ext+`}`, "Accept", graphqlResponse))
	if r.status != 200 || r.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("unknown hash: %d %s", r.status, r.body)
	}
	// Query and hash: registered.
	r = f.do(t, post(`{"query":`+strconvQuote(q)+`,"extensions":`+ext+`}`))
	if len(r.Errors) != 0 || r.Data["documents"] == nil {
		t.Fatalf("register: %s", r.body)
	}
	// Hash only, over GET this time.
	r = f.do(t, get(url.Values{"extensions": {ext}}))
	if r.status != 200 || len(r.Errors) != 0 || len(r.Data["documents"].([]any)) != 2 {
		t.Fatalf("persisted GET: %d %s", r.status, r.body)
	}
	// A wrong hash is refused.
	bad := strings.Replace(ext, hex.EncodeToString(sum[:1]), "ff", 1)
	if r := f.do(t, post(`{"query":`+strconvQuote(q)+`,"extensions":`+bad+`}`)); len(r.Errors) == 0 {
		t.Errorf("wrong hash accepted: %s", r.body)
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestCORS(t *testing.T) {
	f := newFixture(t, server.Config{CORSOrigins: []string{"https://app.example"}}, nil)
	pre := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
	pre.Header.Set("Origin", "https://app.example")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "content-type")
	r := f.do(t, pre)
	if r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != "https://app.example" ||
		!strings.Contains(r.header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(strings.ToLower(r.header.Get("Access-Control-Allow-Headers")), "content-type") ||
		!strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Origin") {
		t.Errorf("preflight: %d %v", r.status, r.header)
	}
	pre.Header.Set("Origin", "https://evil.example")
	r = f.do(t, pre)
	if r.status != 403 || r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin: %d %v", r.status, r.header)
	}
	r = f.do(t, post(gqlBody(`{ documents { id } }`), "Origin", "https://app.example"))
	if r.status != 200 || r.header.Get("Access-Control-Allow-Origin") != "https://app.example" || !strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Origin") {
		t.Errorf("allowed origin: %d %v", r.status, r.header)
	}
	// A client of another origin reads Retry-After only when it is exposed:
	// the 503 of a full queue tells it how long to wait.
	if !strings.Contains(r.header.Get("Access-Control-Expose-Headers"), "Retry-After") {
		t.Errorf("allowed origin: Retry-After not exposed: %v", r.header)
	}
	r = f.do(t, post(gqlBody(`{ documents { id } }`), "Origin", "https://evil.example"))
	if r.header.Get("Access-Control-Allow-Origin") != "" || !strings.Contains(strings.Join(r.header.Values("Vary"), ","), "Origin") {
		t.Errorf("other origin: %v", r.header)
	}
	// No CORS configured: no CORS headers.
	r = newFixture(t, server.DefaultConfig(), nil).do(t, post(gqlBody(`{ documents { id } }`), "Origin", "https://app.example"))
	if r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS off: %v", r.header)
	}
}

// failingStore fails Documents and Ping with an error holding a secret.
type failingStore struct {
	policygraph.Store
	err error
}

func (s failingStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	return nil, s.err
}

func (s failingStore) Ping(ctx context.Context) error { return s.err }

type panicStore struct{ policygraph.Store }

func (panicStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	panic("secret panic")
}

func TestErrorMapping(t *testing.T) {
	secret := errors.New("bolt://neo4j:secret-password@10.0.0.1 refused")
	for _, tc := range []struct {
		name  string
		store policygraph.Store
		code  string
		msg   string
	}{
		{"unavailable", failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.EUNAVAILABLE, Message: "database unavailable", Err: secret}}, "UNAVAILABLE", "database unavailable"},
		{"internal", failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.EINTERNAL, Message: "bad secret", Err: secret}}, "INTERNAL", "internal error"},
		{"plain", failingStore{fixtureStore(t), secret}, "INTERNAL", "internal error"},
		{"invalid", failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.EINVALID, Message: "bad argument"}}, "BAD_USER_INPUT", "bad argument"},
		{"not found", failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.ENOTFOUND, Message: "no such node"}}, "NOT_FOUND", "no such node"},
		{"limit", failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.ELIMIT, Message: "too deep"}}, "LIMIT_EXCEEDED", "too deep"},
		{"panic", panicStore{fixtureStore(t)}, "INTERNAL", "internal error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, server.DefaultConfig(), tc.store)
			r := f.do(t, post(gqlBody(`{ documents { id } }`)))
			if r.status != 200 || r.code() != tc.code || r.Errors[0].Message != tc.msg {
				t.Errorf("got %d %s", r.status, r.body)
			}
			if strings.Contains(string(r.body), "secret") {
				t.Errorf("leaks: %s", r.body)
			}
			if !bytes.Contains(r.body, []byte(`"data":null`)) {
				t.Errorf("an execution error keeps data: %s", r.body)
			}
			if tc.code == "INTERNAL" && !strings.Contains(f.logs.String(), "secret") {
				t.Errorf("cause not logged: %s", f.logs.String())
			}
		})
	}
}

func TestHealthReadyMetricsGraphiQL(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	if r := f.do(t, httptest.NewRequest(http.MethodGet, "/healthz", nil)); r.status != 200 {
		t.Errorf("healthz: %d", r.status)
	}
	if r := f.do(t, httptest.NewRequest(http.MethodGet, "/readyz", nil)); r.status != 200 {
		t.Errorf("readyz: %d", r.status)
	}
	down := newFixture(t, server.DefaultConfig(), failingStore{fixtureStore(t), &policygraph.Error{Code: policygraph.EUNAVAILABLE, Message: "database unavailable", Err: errors.New("secret")}})
	if r := down.do(t, httptest.NewRequest(http.MethodGet, "/readyz", nil)); r.status != 503 || strings.Contains(string(r.body), "secret") {
		t.Errorf("readyz, store down: %d %s", r.status, r.body)
	}
	if r := down.do(t, httptest.NewRequest(http.MethodGet, "/healthz", nil)); r.status != 200 {
		t.Errorf("healthz, store down: %d", r.status)
	}
	r := f.do(t, httptest.NewRequest(http.MethodGet, "/", nil))
	if r.status != 200 || !strings.Contains(string(r.body), "graphiql") {
		t.Errorf("GraphiQL: %d %.200s", r.status, r.body)
	}
	f.do(t, post(gqlBody(`{ nope }`)))
	r = f.do(t, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := string(r.body)
	for _, want := range []string{
		`policygraph_http_requests_total{method="POST",route="/graphql",status="200"} 1`,
		`policygraph_http_request_duration_seconds_bucket{route="/graphql",le="+Inf"} 1`,
		`policygraph_http_requests_in_flight 1`,
		`policygraph_graphql_operations_total{outcome="error"} 1`,
		`policygraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1`,
		`# TYPE policygraph_http_request_duration_seconds histogram`,
		`go_goroutines `,
		`go_memstats_alloc_bytes `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Errorf("metrics content type %q", r.header.Get("Content-Type"))
	}
}

func TestRequestLog(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	f.do(t, post(`{"query":"query Docs { documents { id } }","operationName":"Docs"}`))
	var line map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(f.logs.String())), &line); err != nil {
		t.Fatalf("want one JSON log line: %v\n%s", err, f.logs.String())
	}
	for k, want := range map[string]any{"msg": "http request", "method": "POST", "path": "/graphql", "status": float64(200), "operation": "Docs"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	if _, ok := line["duration"]; !ok {
		t.Errorf("log lacks duration: %v", line)
	}
}

// The benchmark query: pillars → measures → laws and funds.
const nestedQuery = `query Nested { pillars { id name measures(first: 50) { totalCount edges { node { id title status
	laws { id name } funds { id name } } } } } }`

func BenchmarkNestedQuery(b *testing.B) { benchQuery(b, nestedQuery) }

// benchQuery serves query over the real corpus in memory, through the
// whole handler, one request at a time.
func benchQuery(b *testing.B, query string) {
	f := newFixture(b, server.Config{MaxComplexity: -1}, seedStore(b))
	body := gqlBody(query)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, post(body))
		if rec.Code != 200 || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkShapes runs two bench/ shapes on the real corpus in memory.
func BenchmarkShapes(b *testing.B) {
	b.Run("S1", func(b *testing.B) {
		benchQuery(b, `{ pillars { id measures(first: 100) { nodes { id title laws { id name } funds { id name } } } } }`)
	})
	b.Run("S4", func(b *testing.B) { benchQuery(b, `{ pillars { id measures { totalCount } } }`) })
}

// TestVariableErrors: an error about a request's variable names the
// variable (gqlparser said only "must be defined").
func TestVariableErrors(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	body := func(query, vars string) string {
		return `{"query": ` + strconvQuote(query) + `, "variables": ` + vars + `}`
	}
	for _, tc := range []struct {
		name, query, vars, want string
	}{
		{"missing", `query Q($id: ID!) { node(id: $id) { id } }`, `{}`,
			"variable $id must be given a value: the query declares it non-null"},
		{"wrong type", `query Q($n: Int!) { measures(first: $n) { totalCount } }`, `{"n": "x"}`,
			"variable $n: cannot use string as Int"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.do(t, post(body(tc.query, tc.vars)))
			if r.code() != "GRAPHQL_VALIDATION_FAILED" || len(r.Errors) != 1 || !strings.HasPrefix(r.Errors[0].Message, tc.want) {
				t.Errorf("got %s", r.body)
			}
		})
	}
}

// TestOperationNameErrors: a document of several operations sent without
// operationName says to name one (gqlgen said "operation  not found", an
// empty name between two spaces), and an unknown name is quoted.
func TestOperationNameErrors(t *testing.T) {
	f := newFixture(t, server.DefaultConfig(), nil)
	const twoOps = `query A { documents { id } } query B { stats { totalNodes } }`
	for _, tc := range []struct {
		name, body, want string
	}{
		{"no name, two operations", `{"query": ` + strconvQuote(twoOps) + `}`,
			`the document holds several operations: say which to run in operationName`},
		{"unknown name", `{"query": ` + strconvQuote(twoOps) + `, "operationName": "C"}`,
			`operation "C" not found in the document`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.do(t, post(tc.body))
			if r.code() != "GRAPHQL_VALIDATION_FAILED" || len(r.Errors) != 1 || r.Errors[0].Message != tc.want {
				t.Errorf("got %s", r.body)
			}
		})
	}
	// Naming one still runs it.
	r := f.do(t, post(`{"query": `+strconvQuote(twoOps)+`, "operationName": "B"}`))
	if len(r.Errors) != 0 || !strings.Contains(string(r.body), `"totalNodes"`) {
		t.Errorf("operationName B: %s", r.body)
	}
}
