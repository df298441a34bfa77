package integration

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/seed"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/snapshot"
)

var corpusOnce = sync.OnceValues(func() (*policygraph.Graph, error) {
	g, _, err := loader.LoadFS(seed.FS())
	return g, err
})

// corpus returns a fresh copy of the real graph (the loader is
// deterministic; the first load is cached and then reloaded per call so
// callers may modify it).
func corpus(t testing.TB) *policygraph.Graph {
	t.Helper()
	if _, err := corpusOnce(); err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	return g
}

func inmemStore(t testing.TB, g *policygraph.Graph) *inmem.Store {
	t.Helper()
	s, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// gqlResponse is a GraphQL response as JSON values.
type gqlResponse struct {
	Data   json.RawMessage  `json:"data"`
	Errors []map[string]any `json:"errors"`
}

// query posts a GraphQL query to h and returns the response.
func query(t testing.TB, h http.Handler, q string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp gqlResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("POST /graphql: status %d, body %q: %v", rec.Code, rec.Body.String(), err)
	}
	if rec.Code != http.StatusOK || len(resp.Errors) > 0 {
		t.Fatalf("POST /graphql: status %d, errors %v", rec.Code, resp.Errors)
	}
	return resp
}

// snapshotOf serves what s holds the way `serve --neo4j-uri` does: through
// a snapshot, read once here.
func snapshotOf(t testing.TB, s *neo4jstore.Store) *snapshot.Store {
	t.Helper()
	snap := snapshot.New(s, snapshot.Options{Permanent: neo4jstore.Permanent})
	if err := snap.Refresh(t.Context()); err != nil {
		t.Fatal(err)
	}
	return snap
}

func handler(store policygraph.Store) http.Handler {
	return server.New(server.DefaultConfig(), store, nil)
}

// nestedQuery is the pillar page's question: pillars → measures → laws and
// funds. Its store cost must not grow with the number of pillars or
// measures (dataloaders batch each level into one store call).
const nestedQuery = `query Nested($doc: ID, $kind: PillarKind, $first: Int) {
  pillars(document: $doc, kind: $kind) {
    id name
    measures(first: $first) {
      nodes {
        id title status
        laws { id name }
        funds { id name }
      }
    }
    laws { law { id name } }
    funds { fund { id name } }
  }
}`
