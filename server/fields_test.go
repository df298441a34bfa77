package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph"
	"github.com/policygraph/policygraph/graph/graphtest"
	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/server"
)

// TestEveryField runs, on the real corpus served in memory, a query per
// field of the schema alone and under a list (graphtest.Queries): each must
// answer within the request timeout with data and no error.
func TestEveryField(t *testing.T) {
	g := corpustest.Graph(t)
	// The cost limit is not under test here (its estimate of relatedPillars
	// under pillars is far above the real work); resolution is.
	h := server.New(server.Config{Timeout: 20 * time.Second, MaxComplexity: -1}, seedStore(t), nil)
	qs, err := graphtest.Queries(graph.New(nil, nil).Schema(), graphtest.Busiest(g), graphtest.CorpusArgs)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 150 {
		t.Fatalf("only %d generated queries", len(qs))
	}
	for _, q := range qs {
		t.Run(q.Name, func(t *testing.T) {
			status, body := postQuery(t, h, q.Query)
			checkAnswer(t, q, status, body)
		})
	}
}

// postQuery runs one query through the handler; a hang fails the test
// instead of the whole run.
func postQuery(t *testing.T, h http.Handler, q string) (int, []byte) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"query": q})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { defer close(done); h.ServeHTTP(rec, req) }()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("no answer to %s", q)
	}
	return rec.Code, rec.Body.Bytes()
}

func checkAnswer(t *testing.T, q graphtest.Query, status int, body []byte) {
	t.Helper()
	var resp struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []json.RawMessage          `json:"errors"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("%s: %d %s", q.Query, status, body)
	}
	if status != http.StatusOK || len(resp.Errors) > 0 {
		t.Fatalf("%s: status %d, errors %s", q.Query, status, body)
	}
	for k, v := range resp.Data {
		if string(v) == "null" {
			t.Fatalf("%s: %s is null: %s", q.Query, k, body)
		}
	}
}

// TestReportedQueries runs the single-field queries that once failed
// (INTERNAL, or no answer at all) and checks their answers against the
// loaded graph itself.
func TestReportedQueries(t *testing.T) {
	g := corpustest.Graph(t)
	count := func(typ string, match func(r *policygraph.Relationship) bool) int {
		n := 0
		for _, r := range g.Relationships {
			if r.Type == typ && match(r) {
				n++
			}
		}
		return n
	}
	f := newFixture(t, server.Config{}, seedStore(t))
	var r struct {
		Pillar struct{ Measures struct{ TotalCount int } }
	}
	mustQuery(t, f, `{ pillar(id: "pillar:2023:MISSION-2") { measures { totalCount } } }`, &r)
	if want := count(policygraph.RelHasMeasure, func(r *policygraph.Relationship) bool { return r.Start == "pillar:2023:MISSION-2" }); r.Pillar.Measures.TotalCount != want || want == 0 {
		t.Errorf("pillar measures totalCount = %d, want %d", r.Pillar.Measures.TotalCount, want)
	}

	var ps struct {
		Pillars []struct{ Measures struct{ TotalCount int } }
	}
	mustQuery(t, f, `{ pillars { measures { totalCount } } }`, &ps)
	sum := 0
	for _, p := range ps.Pillars {
		sum += p.Measures.TotalCount
	}
	if want := count(policygraph.RelHasMeasure, func(r *policygraph.Relationship) bool { return strings.HasPrefix(r.Start, "pillar:") }); sum != want || len(ps.Pillars) != len(g.Pillars) {
		t.Errorf("pillars: %d pillars, %d measures; want %d, %d", len(ps.Pillars), sum, len(g.Pillars), want)
	}

	var law struct {
		Law struct{ Mentions []struct{ Surface string } }
	}
	mustQuery(t, f, `{ law(id: "law:独占禁止法") { mentions { surface } } }`, &law)
	if want := count(policygraph.RelCitesLaw, func(r *policygraph.Relationship) bool { return r.End == "law:独占禁止法" }); len(law.Law.Mentions) != want || want == 0 {
		t.Errorf("law mentions = %d, want %d", len(law.Law.Mentions), want)
	}

	// The measure of the report: a 2025 DX measure with laws and an
	// EVOLVES_FROM; the busiest such measure if its id has moved.
	mid := "measure:2025:MISSION-2:5df981c7"
	if _, ok := findMeasure(g, mid); !ok {
		t.Fatalf("%s is not in the corpus any more: pick another 2025 measure with CITES_LAW and EVOLVES_FROM", mid)
	}
	var m struct {
		Measure struct {
			Title       string
			LawMentions []struct{ Line int }
			EvolvesFrom []struct{ Score float64 }
		}
	}
	mustQuery(t, f, `{ measure(id: "`+mid+`") { title lawMentions { line } evolvesFrom { score } } }`, &m)
	wantLaws := count(policygraph.RelCitesLaw, func(r *policygraph.Relationship) bool { return r.Start == mid })
	wantEvo := count(policygraph.RelEvolvesFrom, func(r *policygraph.Relationship) bool { return r.Start == mid })
	if m.Measure.Title == "" || len(m.Measure.LawMentions) != wantLaws || len(m.Measure.EvolvesFrom) != wantEvo {
		t.Errorf("measure: %+v, want %d law mentions and %d evolutions", m.Measure, wantLaws, wantEvo)
	}

	var ms struct {
		Measures struct {
			Nodes []struct {
				ID          string
				LawMentions []struct{ Surface string }
			}
		}
	}
	mustQuery(t, f, `{ measures(first: 500) { nodes { id lawMentions { surface } } } }`, &ms)
	ids := map[string]bool{}
	got := 0
	for _, n := range ms.Measures.Nodes {
		ids[n.ID] = true
		got += len(n.LawMentions)
	}
	if want := count(policygraph.RelCitesLaw, func(r *policygraph.Relationship) bool { return ids[r.Start] }); len(ms.Measures.Nodes) != 500 || got != want {
		t.Errorf("measures(first: 500): %d nodes, %d law mentions; want 500, %d", len(ms.Measures.Nodes), got, want)
	}
}

func findMeasure(g *policygraph.Graph, id string) (*policygraph.Measure, bool) {
	for _, m := range g.Measures {
		if m.ID == id {
			return m, true
		}
	}
	return nil, false
}

// mustQuery posts q to the fixture and decodes its data into out; any
// error fails the test.
func mustQuery(t *testing.T, f *fixture, q string, out any) {
	t.Helper()
	status, body := postQuery(t, f.h, q)
	var resp struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || status != http.StatusOK || len(resp.Errors) > 0 {
		t.Fatalf("%s: %d %s", q, status, body)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// TestComplexityIsAnUpperBound checks, for every generated field query on
// the real corpus, that the estimated cost is at least the number of field
// values in the answer: the estimate never lets through more work than it
// admits to.
func TestComplexityIsAnUpperBound(t *testing.T) {
	g := corpustest.Graph(t)
	store := seedStore(t)
	es := graph.New(store, nil)
	h := server.New(server.Config{Timeout: 20 * time.Second, MaxComplexity: -1}, store, nil)
	qs, err := graphtest.Queries(es.Schema(), graphtest.Busiest(g), graphtest.CorpusArgs)
	if err != nil {
		t.Fatal(err)
	}
	// Hand-written: aliases repeat a field of every element of a list whose
	// cost is shared by its elements (review: 30 aliases of
	// editionDiff.groups.totals were estimated at 652 for 2,882 fields).
	var aliased strings.Builder
	for i := range 30 {
		fmt.Fprintf(&aliased, " t%d: totals { planned progress todo continued notMentioned new revised kept }", i)
	}
	qs = append(qs, graphtest.Query{Name: "editionDiff, aliased totals", Query: `{ editionDiff(from: "doc:2023", to: "doc:2025") { groups {` + aliased.String() + ` } } }`},
		graphtest.Query{Name: "editionDiff, everything", Query: `{ editionDiff(from: "doc:2023", to: "doc:2025") { totals { planned } groups {
			earlier { id } later { id } earlierDirections { id title } laterDirections { id measures { id } } new { id } revised { fromValue earlier { id } later { id } } kept { value unit score earlier { id } later { id } }
			planned { outcome measure { id } evidence { score earlier { id } later { id } } } totals { new } } } }`})
	for _, q := range qs {
		doc, gerr := gqlparser.LoadQuery(es.Schema(), q.Query)
		if gerr != nil {
			t.Fatalf("%s: %v", q.Query, gerr)
		}
		estimate := complexity.Calculate(t.Context(), es, doc.Operations[0], nil)
		_, body := postQuery(t, h, q.Query)
		var resp struct{ Data any }
		if err := json.Unmarshal(body, &resp); err != nil {
			t.Fatal(err)
		}
		if n := countFields(resp.Data); estimate < n {
			t.Errorf("%s: estimate %d < %d fields resolved", q.Name, estimate, n)
		}
	}
}

// countFields counts the field values of a GraphQL answer: every key of
// every object, in lists too.
func countFields(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			n += 1 + countFields(x)
		}
	case []any:
		for _, x := range v {
			n += countFields(x)
		}
	}
	return n
}
