package integration

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
)

// maxNestedRoundTrips bounds the Neo4j queries of one nested pillar query,
// whatever its size: about one per level of the query (pillars, measures,
// laws, funds, pillar laws and funds), never one per pillar or measure.
const maxNestedRoundTrips = 10

// TestNestedQueryRoundTrips runs the nested query pillars → measures →
// laws and funds through the real GraphQL handler over Neo4j (the
// environment's, see neo4jtest), counts the store's round trips for a small
// and a large result, and checks the answer equals the in-memory store's.
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

// checkNested runs the nested cases over s and over the reference handler,
// compares the answers and the round trips.
func checkNested(t *testing.T, s *neo4jstore.Store, ref http.Handler) {
	t.Helper()
	h := handler(s)
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
		if trips[tc.name] > maxNestedRoundTrips {
			t.Errorf("%s: %d round trips, want at most %d", tc.name, trips[tc.name], maxNestedRoundTrips)
		}
	}
	if trips["small"] != trips["large"] {
		t.Errorf("round trips grow with the result: small %d, large %d", trips["small"], trips["large"])
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
