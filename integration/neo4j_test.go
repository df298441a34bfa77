package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/policygraph/policygraph/graph"
	"github.com/policygraph/policygraph/graph/graphtest"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	"github.com/policygraph/policygraph/server"
)

// nestedRoundTrips is the number of Neo4j queries of nestedQuery, whatever
// the size of its result: none. A server backed by Neo4j answers from its
// snapshot; its only traffic is the refresh (one query per interval when
// nothing changed, four to read a changed graph: neo4jstore.TestRoundTrips).
const nestedRoundTrips = 0

// TestNestedQueryRoundTrips runs the nested query pillars → measures →
// laws and funds through the real GraphQL handler over Neo4j (the
// environment's, see neo4jtest) as the server serves it, counts the round
// trips for a small and a large result, and checks the answer equals the
// in-memory store's.
func TestNestedQueryRoundTrips(t *testing.T) {
	s := neo4jtest.Open(t)
	if _, err := s.LoadGraph(t.Context(), corpus(t)); err != nil {
		t.Fatal(err)
	}
	checkNested(t, s, handler(inmemStore(t, corpus(t))))
}

// nestedCases are a small and a large result of nestedQuery.
var nestedCases = []struct {
	name string
	vars map[string]any
}{
	{"small", map[string]any{"doc": "doc:2025", "kind": "OS", "first": 1}},
	{"large", map[string]any{"first": 50}},
}

// checkNested serves s (loaded) through a snapshot, runs the nested cases
// over it and over the reference handler, compares the answers and the
// round trips.
func checkNested(t *testing.T, s *neo4jstore.Store, ref http.Handler) {
	t.Helper()
	h := handler(snapshotOf(t, s))
	trips := map[string]int64{}
	for _, tc := range nestedCases {
		before := s.RoundTrips()
		got := query(t, h, nestedQuery, tc.vars)
		trips[tc.name] = s.RoundTrips() - before
		want := query(t, ref, nestedQuery, tc.vars)
		if !jsonEqual(got.Data, want.Data) {
			t.Errorf("%s: neo4j answer differs from inmem's:\nneo4j: %.2000s\ninmem: %.2000s", tc.name, got.Data, want.Data)
		}
		var d struct {
			Pillars []struct {
				Measures struct{ Nodes []any }
			}
		}
		_ = json.Unmarshal(got.Data, &d)
		n := 0
		for _, p := range d.Pillars {
			n += len(p.Measures.Nodes)
		}
		t.Logf("%s: %d pillars, %d measures, %d neo4j round trips", tc.name, len(d.Pillars), n, trips[tc.name])
		if trips[tc.name] != nestedRoundTrips {
			t.Errorf("%s: %d round trips, want %d", tc.name, trips[tc.name], nestedRoundTrips)
		}
	}
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return bytes.Equal(a, b)
	}
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	return bytes.Equal(ja, jb)
}

// TestEveryFieldMatchesInmem runs every generated field query (graphtest:
// each field of the schema alone and under a list, each root field) over
// Neo4j as the server serves it (a snapshot) and over the in-memory store
// built from the loader's graph: both answer, without errors, the same data.
func TestEveryFieldMatchesInmem(t *testing.T) {
	s := neo4jtest.Open(t)
	g := corpus(t)
	if _, err := s.LoadGraph(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	// The cost limit is not under test (see server.TestEveryField).
	cfg := server.DefaultConfig()
	cfg.MaxComplexity = -1
	neo, mem := server.New(cfg, snapshotOf(t, s), nil), server.New(cfg, inmemStore(t, corpus(t)), nil)
	qs, err := graphtest.Queries(graph.New(nil, nil).Schema(), graphtest.Busiest(g), graphtest.CorpusArgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		t.Run(q.Name, func(t *testing.T) {
			got, want := query(t, neo, q.Query, nil), query(t, mem, q.Query, nil)
			if !jsonEqual(got.Data, want.Data) {
				t.Errorf("%s: neo4j and inmem differ at %s", q.Query, firstDifference(got.Data, want.Data))
			}
		})
	}
}

// firstDifference names the first place where two JSON documents differ.
func firstDifference(a, b []byte) string {
	var x, y any
	_ = json.Unmarshal(a, &x)
	_ = json.Unmarshal(b, &y)
	var walk func(path string, x, y any) string
	walk = func(path string, x, y any) string {
		switch xv := x.(type) {
		case map[string]any:
			yv, ok := y.(map[string]any)
			if !ok {
				return fmt.Sprintf("%s: %v vs %v", path, x, y)
			}
			keys := slices.Sorted(maps.Keys(xv))
			for k := range yv {
				if _, ok := xv[k]; !ok {
					keys = append(keys, k)
				}
			}
			for _, k := range keys {
				if d := walk(path+"."+k, xv[k], yv[k]); d != "" {
					return d
				}
			}
			return ""
		case []any:
			yv, ok := y.([]any)
			if !ok || len(xv) != len(yv) {
				return fmt.Sprintf("%s: %d items vs %v", path, len(xv), y)
			}
			for i := range xv {
				if d := walk(fmt.Sprintf("%s[%d]", path, i), xv[i], yv[i]); d != "" {
					return d
				}
			}
			return ""
		}
		if fmt.Sprint(x) != fmt.Sprint(y) {
			return fmt.Sprintf("%s: %v vs %v", path, x, y)
		}
		return ""
	}
	return walk("data", x, y)
}
