package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
)

// countingStore counts the calls of every Store method it wraps.
type countingStore struct {
	policygraph.Store
	mu    sync.Mutex
	calls map[string]int
}

func newCounting(s policygraph.Store) *countingStore {
	return &countingStore{Store: s, calls: map[string]int{}}
}

func (s *countingStore) count(name string) {
	s.mu.Lock()
	s.calls[name]++
	s.mu.Unlock()
}

func (s *countingStore) reset() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.calls
	s.calls = map[string]int{}
	return c
}

func (s *countingStore) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	s.count("Node")
	return s.Store.Node(ctx, id)
}

func (s *countingStore) Nodes(ctx context.Context, ids []string) ([]policygraph.Entity, error) {
	s.count("Nodes")
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Pillars(ctx context.Context, f policygraph.PillarFilter) ([]*policygraph.Pillar, error) {
	s.count("Pillars")
	return s.Store.Pillars(ctx, f)
}

func (s *countingStore) Measures(ctx context.Context, f policygraph.MeasureFilter, o policygraph.MeasureOrder, p policygraph.Page) ([]*policygraph.Measure, error) {
	s.count("Measures")
	return s.Store.Measures(ctx, f, o, p)
}

func (s *countingStore) CountMeasures(ctx context.Context, f policygraph.MeasureFilter) (int, error) {
	s.count("CountMeasures")
	return s.Store.CountMeasures(ctx, f)
}

func (s *countingStore) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	s.count("Related " + q.Type)
	return s.Store.Related(ctx, ids, q)
}

func (s *countingStore) PillarsUsing(ctx context.Context, ids []string) (map[string][]policygraph.PillarUse, error) {
	s.count("PillarsUsing")
	return s.Store.PillarsUsing(ctx, ids)
}

// scaledGraph has a small document (1 pillar, 1 measure) and a large one
// (pillars × measures), every measure citing a law and using a fund.
func scaledGraph(pillars, measures int) *policygraph.Graph {
	g := &policygraph.Graph{
		Documents: []*policygraph.Document{
			{ID: "doc:small", Year: 2023, Title: "small"},
			{ID: "doc:large", Year: 2025, Title: "large"},
		},
		Laws:  []*policygraph.Law{{ID: "law:a", Name: "A法"}, {ID: "law:b", Name: "B法"}},
		Funds: []*policygraph.Fund{{ID: "fund:a", Name: "A基金"}},
	}
	rel := func(typ, start, end string, props map[string]any) {
		g.Relationships = append(g.Relationships, &policygraph.Relationship{
			ID: typ + ":" + start + "->" + end, Type: typ, Start: start, End: end, Properties: props})
	}
	add := func(doc string, np, nm int) {
		for i := range np {
			pid := fmt.Sprintf("pillar:%s:%d", doc, i)
			g.Pillars = append(g.Pillars, &policygraph.Pillar{ID: pid, DocumentID: doc, Key: fmt.Sprintf("MISSION-%d", i+1),
				Kind: policygraph.KindMission, Ordinal: i + 1, Name: pid, Source: policygraph.Source{LineStart: i * 1000}})
			rel(policygraph.RelHasPillar, doc, pid, nil)
			for j := range nm {
				mid := fmt.Sprintf("measure:%s:%d:%d", doc, i, j)
				g.Measures = append(g.Measures, &policygraph.Measure{ID: mid, DocumentID: doc, PillarID: pid, Title: mid,
					Text: mid, Status: policygraph.StatusPast, Source: policygraph.Source{LineStart: i*1000 + j + 1}})
				rel(policygraph.RelHasMeasure, pid, mid, nil)
				rel(policygraph.RelCitesLaw, mid, []string{"law:a", "law:b"}[j%2], map[string]any{"surface": "法", "line": j})
				rel(policygraph.RelUsesFund, mid, "fund:a", map[string]any{"surface": "基金", "line": j})
			}
		}
	}
	add("doc:small", 1, 1)
	add("doc:large", pillars, measures)
	return g
}

// TestDataloaderBatching checks that pillars → measures → laws and funds
// costs the same few store calls for 1 pillar × 1 measure as for
// 40 pillars × 25 measures: one call per level and relationship type.
func TestDataloaderBatching(t *testing.T) {
	base, err := inmem.New(scaledGraph(40, 25))
	if err != nil {
		t.Fatal(err)
	}
	store := newCounting(base)
	c := client.New(newHandler(t, store, nil))
	const q = `query($doc: ID) { pillars(document: $doc) { id measures(first: 100) { edges { node { id
		laws { id } funds { id } lawMentions { surface } pillar { id } document { id } } } } } }`
	type result struct {
		Pillars []struct {
			Measures struct {
				Edges []struct {
					Node struct {
						Laws  []idOnly
						Funds []idOnly
					}
				}
			}
		}
	}
	calls := map[string]map[string]int{}
	sizes := map[string]int{}
	for _, doc := range []string{"doc:small", "doc:large"} {
		var got result
		mustRun(t, c, q, &got, client.Var("doc", doc))
		calls[doc] = store.reset()
		for _, p := range got.Pillars {
			for _, e := range p.Measures.Edges {
				sizes[doc] += 1 + len(e.Node.Laws) + len(e.Node.Funds)
			}
		}
	}
	if sizes["doc:large"] != 40*25*3 || sizes["doc:small"] != 3 {
		t.Fatalf("result sizes = %v", sizes)
	}
	want := map[string]int{
		"Pillars":             1,
		"Related HAS_MEASURE": 1,
		"Related CITES_LAW":   1,
		"Related USES_FUND":   1,
		"Nodes":               1, // measure.pillar and measure.document, one batch
	}
	for doc, got := range calls {
		for k, n := range got {
			if n > want[k] {
				t.Errorf("%s: %d calls of %s, want at most %d (all calls: %v)", doc, n, k, want[k], got)
			}
		}
	}
	total := func(m map[string]int) (n int) {
		for _, v := range m {
			n += v
		}
		return n
	}
	if total(calls["doc:large"]) > total(calls["doc:small"]) {
		t.Errorf("store calls grow with the result: small %v, large %v", calls["doc:small"], calls["doc:large"])
	}
	t.Logf("store calls: small %v, large %v", calls["doc:small"], calls["doc:large"])
}

// TestPillarLawsBatching checks the two-hop Pillar.laws/funds and
// Law.pillars walks.
func TestPillarLawsBatching(t *testing.T) {
	base, err := inmem.New(scaledGraph(30, 10))
	if err != nil {
		t.Fatal(err)
	}
	store := newCounting(base)
	c := client.New(newHandler(t, store, nil))
	mustRun(t, c, `{ pillars { laws { law { id pillars { pillar { id } } } mentions { line } } funds { fund { id } } } }`, nil)
	got := store.reset()
	for k, n := range got {
		if n > 1 {
			t.Errorf("%d calls of %s: %v", n, k, got)
		}
	}
}

// TestTotalCountOnlyWhenAsked checks that CountMeasures runs only when the
// query selects totalCount (directly or in a fragment).
func TestTotalCountOnlyWhenAsked(t *testing.T) {
	store := newCounting(fixtureStore(t))
	c := client.New(newHandler(t, store, nil))
	mustRun(t, c, `{ measures(first: 2) { edges { node { id } } pageInfo { hasNextPage } } }`, nil)
	if n := store.reset()["CountMeasures"]; n != 0 {
		t.Errorf("without totalCount: %d CountMeasures calls", n)
	}
	mustRun(t, c, `{ measures(first: 2) { ...F } } fragment F on MeasureConnection { totalCount }`, nil)
	if n := store.reset()["CountMeasures"]; n != 1 {
		t.Errorf("with totalCount: %d CountMeasures calls, want 1", n)
	}
}
