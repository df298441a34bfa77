package graph_test

import (
	"context"
	"fmt"
	"maps"
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

func (s *countingStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	s.count("Documents")
	return s.Store.Documents(ctx)
}

func (s *countingStore) Laws(ctx context.Context, f policygraph.LawFilter) ([]*policygraph.Law, error) {
	s.count("Laws")
	return s.Store.Laws(ctx, f)
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

func (s *countingStore) Organisations(ctx context.Context, f policygraph.OrgFilter) ([]*policygraph.Organisation, error) {
	s.count("Organisations")
	return s.Store.Organisations(ctx, f)
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
		Laws:          []*policygraph.Law{{ID: "law:a", Name: "A法"}, {ID: "law:b", Name: "B法"}},
		Funds:         []*policygraph.Fund{{ID: "fund:a", Name: "A基金"}},
		Organisations: []*policygraph.Organisation{{ID: "org:a", Name: "A機構", Kind: policygraph.OrgAgency}},
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
				if j == 0 { // the first measure of a pillar states a sum and names a body
					aid := fmt.Sprintf("amount:%s:%d", doc, i)
					g.Amounts = append(g.Amounts, &policygraph.Amount{ID: aid, DocumentID: doc, Yen: int64(i+1) * 1e12, Surface: "兆円",
						Source: policygraph.Source{LineStart: i*1000 + 1}})
					rel(policygraph.RelHasAmount, mid, aid, map[string]any{"line": i*1000 + 1})
					rel(policygraph.RelMentionsOrg, mid, "org:a", map[string]any{"surface": "A機構", "line": i*1000 + 1})
				}
			}
		}
	}
	add("doc:small", 1, 1)
	add("doc:large", pillars, measures)
	return g
}

// TestPlannedRoundTrips checks that a nested query costs the same, exactly
// known store calls for 1 pillar × 1 measure as for 41 pillars × 25 measures:
// one per level and walk, per MaxBatch ids (1,025 measures: two batches).
func TestPlannedRoundTrips(t *testing.T) {
	base, err := inmem.New(scaledGraph(41, 25))
	if err != nil {
		t.Fatal(err)
	}
	store := newCounting(base)
	c := client.New(newHandler(t, store, nil))
	const q = `query($doc: ID) { pillars(document: $doc) { id measures(first: 100) { edges { node { id
		laws { id } funds { id } lawMentions { surface law { name } } pillar { id } document { id } } } } } }`
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
	for _, tc := range []struct {
		doc   string
		size  int
		calls map[string]int
	}{
		{"doc:small", 3, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related CITES_LAW": 1, "Related USES_FUND": 1, "Nodes": 1}},
		{"doc:large", 41 * 25 * 3, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related CITES_LAW": 2, "Related USES_FUND": 2, "Nodes": 1}},
	} {
		// The same calls every time: nothing depends on goroutine timing.
		for range 5 {
			var got result
			mustRun(t, c, q, &got, client.Var("doc", tc.doc))
			size := 0
			for _, p := range got.Pillars {
				for _, e := range p.Measures.Edges {
					size += 1 + len(e.Node.Laws) + len(e.Node.Funds)
				}
			}
			if size != tc.size {
				t.Fatalf("%s: result size %d, want %d", tc.doc, size, tc.size)
			}
			if calls := store.reset(); !maps.Equal(calls, tc.calls) {
				t.Fatalf("%s: store calls %v, want %v", tc.doc, calls, tc.calls)
			}
		}
	}
}

// TestPlannedRoundTripsPerField checks the calls of single relationship
// fields under a list of every size: each is one walk (or lookup) for the
// whole level.
func TestPlannedRoundTripsPerField(t *testing.T) {
	base, err := inmem.New(scaledGraph(12, 7))
	if err != nil {
		t.Fatal(err)
	}
	store := newCounting(base)
	c := client.New(newHandler(t, store, nil))
	for _, tc := range []struct {
		query string
		calls map[string]int
	}{
		{`{ pillars { measures { totalCount } } }`, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1}},
		{`{ pillar(id: "pillar:doc:large:3") { measures { totalCount } } }`, map[string]int{"Nodes": 1, "Related HAS_MEASURE": 1}},
		{`{ law(id: "law:a") { mentions { surface node { id ... on Measure { pillar { name } } } } } }`, map[string]int{"Nodes": 2, "Related CITES_LAW": 1}},
		{`{ laws { pillars { pillar { id } mentions { line node { id } } } } }`, map[string]int{"Laws": 1, "PillarsUsing": 1}},
		{`{ pillars { laws { law { name } mentions { node { id } } } } }`, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related HAS_TARGET": 1, "Related CITES_LAW": 1}},
		{`{ measures(first: 500) { nodes { id lawMentions { surface } } } }`, map[string]int{"Measures": 1, "Related CITES_LAW": 1}},
		// Money and organisations: Pillar.amounts/totalYen/organisations are two hops like Pillar.laws.
		{`{ pillars { amounts { id heldBy { id } } totalYen organisations { organisation { id } mentions { node { id } } } } }`,
			map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related HAS_TARGET": 1, "Related HAS_AMOUNT": 2, "Related MENTIONS_ORG": 1}},
		{`{ pillars { totalYen } }`, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related HAS_TARGET": 1, "Related HAS_AMOUNT": 1}},
		{`{ measures(first: 500) { nodes { amounts { document { id } } organisations { surface organisation { id } } } } }`,
			map[string]int{"Measures": 1, "Related HAS_AMOUNT": 1, "Related MENTIONS_ORG": 1, "Nodes": 1}},
		{`{ organisations { pillars { pillar { id } } mentions { node { id } } measures { id } } }`,
			map[string]int{"Organisations": 1, "PillarsUsing": 1, "Related MENTIONS_ORG": 1}},
		// One value for a list (status: PAST is [PAST]) is planned alike.
		{`{ pillars { measures(filter: {status: PAST}) { nodes { laws { id } } } } }`, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related CITES_LAW": 1}},
		{`{ pillars { measures(filter: {status: [PAST]}) { nodes { laws { id } } } } }`, map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related CITES_LAW": 1}},
		// SUMMARIZES both ways is one walk each for the whole level.
		{`{ measures(first: 500) { nodes { overview summarizes { id } summarizedBy { id } } } }`, map[string]int{"Measures": 1, "Related SUMMARIZES": 2}},
		// distinct needs the SUMMARIZES links: a store query per pillar.
		{`{ pillars { measures(filter: {distinct: true}) { totalCount } } }`, map[string]int{"Pillars": 1, "Measures": 13, "CountMeasures": 13}},
		{`{ stats { documents { document { pillars { groups { id } } } } } }`, map[string]int{"Documents": 1, "Related HAS_PILLAR": 1, "Related HAS_GROUP": 1}},
		{`{ measures(first: 50) { nodes { pillar { document { pillars { id } } } } } }`, map[string]int{"Measures": 1, "Nodes": 2, "Related HAS_PILLAR": 1}},
		{`{ documents { pillars { measures(filter: {text: "measure"}, first: 2) { nodes { laws { id } } } } } }`,
			// A filtered Pillar.measures is a store query per pillar (13),
			// each planning its page's laws.
			map[string]int{"Documents": 1, "Related HAS_PILLAR": 1, "Measures": 13, "Related CITES_LAW": 13}},
		// Planners of one root field share its cache; a later one still
		// plans below nodes an earlier one walked to (review: the first
		// query cost 73 USES_FUND calls, one per mention, the second 13).
		{`{ documents { pillars { measures(filter: {text: "measure"}, first: 2) { nodes { pillar { laws { mentions { node { ... on Measure { funds { id } } } } } } } } } } }`,
			map[string]int{"Documents": 1, "Related HAS_PILLAR": 1, "Measures": 13, "Nodes": 13, "Related HAS_MEASURE": 13, "Related HAS_TARGET": 13, "Related CITES_LAW": 13, "Related USES_FUND": 13}},
		{`{ documents { pillars { laws { law { id } } measures(filter: {text: "measure"}, first: 2) { nodes { pillar { laws { mentions { node { ... on Measure { funds { id } } } } } } } } } } }`,
			map[string]int{"Documents": 1, "Related HAS_PILLAR": 1, "Measures": 13, "Nodes": 13, "Related HAS_MEASURE": 1, "Related HAS_TARGET": 1, "Related CITES_LAW": 1, "Related USES_FUND": 13}},
	} {
		for range 3 {
			mustRun(t, c, tc.query, nil)
			if calls := store.reset(); !maps.Equal(calls, tc.calls) {
				t.Fatalf("%s: store calls %v, want %v", tc.query, calls, tc.calls)
			}
		}
	}
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
	want := map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related HAS_TARGET": 1, "Related CITES_LAW": 1, "Related USES_FUND": 1, "PillarsUsing": 1}
	if got := store.reset(); !maps.Equal(got, want) {
		t.Errorf("store calls %v, want %v", got, want)
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

// failingWalk fails every Related call of one relationship type.
type failingWalk struct {
	*countingStore
	typ string
}

func (s failingWalk) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	if q.Type == s.typ {
		s.count("Related " + q.Type)
		return nil, policygraph.Errorf(policygraph.EUNAVAILABLE, "down")
	}
	return s.countingStore.Related(ctx, ids, q)
}

// TestPlannedAfterAFailure: one walk failing leaves the others planned:
// its fields report the error, and nothing falls back to a call per key.
func TestPlannedAfterAFailure(t *testing.T) {
	base, err := inmem.New(scaledGraph(12, 7))
	if err != nil {
		t.Fatal(err)
	}
	store := failingWalk{newCounting(base), policygraph.RelCitesLaw}
	c := client.New(newHandler(t, store, nil))
	errs := run(t, c, `{ pillars { measures(first: 100) { nodes { laws { id } funds { id } pillar { id } } } } }`, nil)
	if len(errs) == 0 || errs[0].Extensions["code"] != "UNAVAILABLE" {
		t.Errorf("errors %+v, want UNAVAILABLE on laws", errs)
	}
	want := map[string]int{"Pillars": 1, "Related HAS_MEASURE": 1, "Related CITES_LAW": 1, "Related USES_FUND": 1}
	if got := store.reset(); !maps.Equal(got, want) {
		t.Errorf("store calls %v, want %v", got, want)
	}
}
