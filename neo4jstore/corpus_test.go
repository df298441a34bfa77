package neo4jstore_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	"github.com/policygraph/policygraph/seed"
	"github.com/policygraph/policygraph/storetest"
	"github.com/policygraph/policygraph/textsearch"
)

var corpusOnce = sync.OnceValues(func() (*policygraph.Graph, error) {
	g, _, err := loader.LoadFS(seed.FS())
	return g, err
})

// corpus returns the real graph; callers must not modify it.
func corpus(t testing.TB) *policygraph.Graph {
	t.Helper()
	g, err := corpusOnce()
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	return g
}

func TestCorpus(t *testing.T) {
	s := neo4jtest.Open(t)
	storetest.RunCorpus(t, corpus(t), func(t *testing.T, g *policygraph.Graph) policygraph.Store {
		load(t, s, g)
		return s
	})
}

// TestCorpusMatchesInmem asks the Neo4j store and the in-memory store the
// same questions over the real corpus and wants identical answers.
func TestCorpusMatchesInmem(t *testing.T) {
	s := neo4jtest.Open(t)
	g := corpus(t)
	start := time.Now()
	load(t, s, g)
	t.Logf("corpus: %d nodes, %d relationships loaded in %s", len(g.Entities()), len(g.Relationships), time.Since(start))
	m, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	same := func(t *testing.T, name string, got any, gotErr error, want any, wantErr error) {
		t.Helper()
		if policygraph.ErrorCode(gotErr) != policygraph.ErrorCode(wantErr) {
			t.Errorf("%s: error %v, inmem %v", name, gotErr, wantErr)
			return
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: neo4j differs from inmem (-inmem +neo4j):\n%s", name, diff)
		}
	}
	var ids, pillars, shared []string
	for _, e := range g.Entities() {
		ids = append(ids, e.NodeID())
		switch e.(type) {
		case *policygraph.Pillar:
			pillars = append(pillars, e.NodeID())
		case *policygraph.Law, *policygraph.Fund:
			shared = append(shared, e.NodeID())
		}
	}

	t.Run("Lists", func(t *testing.T) {
		a, e1 := s.Documents(ctx)
		b, e2 := m.Documents(ctx)
		same(t, "Documents", a, e1, b, e2)
		st1, e1 := s.Stats(ctx)
		st2, e2 := m.Stats(ctx)
		same(t, "Stats", st1, e1, st2, e2)
		f1, e1 := s.Funds(ctx)
		f2, e2 := m.Funds(ctx)
		same(t, "Funds", f1, e1, f2, e2)
		yes, no := true, false
		for _, f := range []policygraph.LawFilter{{}, {Foreign: &yes}, {Foreign: &no}, {Text: "法"}, {Text: "ＧＸ"}, {Text: "gx推進"}, {Text: "独禁"}} {
			a, e1 := s.Laws(ctx, f)
			b, e2 := m.Laws(ctx, f)
			same(t, fmt.Sprintf("Laws(%+v)", f), a, e1, b, e2)
		}
		for _, f := range []policygraph.PillarFilter{{}, {Kind: "OS"}, {Kind: "MISSION"}, {DocumentID: g.Documents[0].ID}, {Kind: "x"}} {
			a, e1 := s.Pillars(ctx, f)
			b, e2 := m.Pillars(ctx, f)
			same(t, fmt.Sprintf("Pillars(%+v)", f), a, e1, b, e2)
		}
	})

	t.Run("Measures", func(t *testing.T) {
		yes := true
		filters := []policygraph.MeasureFilter{{}, {Relist: &yes}, {Text: "支援"}, {Text: "ＤＸ"}, {YearFrom: 2025},
			{YearFrom: 2020, YearTo: 2024}, {Statuses: []string{policygraph.StatusPast, policygraph.StatusTodo}}}
		for _, d := range g.Documents {
			filters = append(filters, policygraph.MeasureFilter{DocumentID: d.ID})
		}
		for i, id := range pillars {
			if i%3 == 0 {
				filters = append(filters, policygraph.MeasureFilter{PillarID: id})
			}
		}
		for i, l := range g.Laws {
			if i%4 == 0 {
				filters = append(filters, policygraph.MeasureFilter{LawID: l.ID})
			}
		}
		for _, f := range g.Funds {
			filters = append(filters, policygraph.MeasureFilter{FundID: f.ID})
		}
		for _, f := range filters {
			for _, o := range []policygraph.MeasureOrder{{}, {By: "TITLE"}, {By: "START_YEAR"}, {By: "START_YEAR", Desc: true}, {By: "TITLE", Desc: true}} {
				for _, p := range []policygraph.Page{{}, {Offset: 7, Limit: 13}} {
					a, e1 := s.Measures(ctx, f, o, p)
					b, e2 := m.Measures(ctx, f, o, p)
					same(t, fmt.Sprintf("Measures(%+v, %+v, %+v)", f, o, p), a, e1, b, e2)
				}
			}
			c1, e1 := s.CountMeasures(ctx, f)
			c2, e2 := m.CountMeasures(ctx, f)
			same(t, fmt.Sprintf("CountMeasures(%+v)", f), c1, e1, c2, e2)
		}
		for _, f := range []policygraph.TargetFilter{{}, {Kind: "INDICATOR"}, {YearFrom: 2030}, {Text: "兆円"}, {DocumentID: g.Documents[len(g.Documents)-1].ID}} {
			a, e1 := s.Targets(ctx, f, policygraph.Page{})
			b, e2 := m.Targets(ctx, f, policygraph.Page{})
			same(t, fmt.Sprintf("Targets(%+v)", f), a, e1, b, e2)
			c1, e1 := s.CountTargets(ctx, f)
			c2, e2 := m.CountTargets(ctx, f)
			same(t, fmt.Sprintf("CountTargets(%+v)", f), c1, e1, c2, e2)
		}
	})

	t.Run("Related", func(t *testing.T) {
		for _, typ := range policygraph.RelTypes {
			for _, dir := range []policygraph.Direction{policygraph.Outgoing, policygraph.Incoming} {
				for i := 0; i < len(ids); i += policygraph.MaxBatch {
					batch := ids[i:min(i+policygraph.MaxBatch, len(ids))]
					q := policygraph.RelQuery{Type: typ, Direction: dir}
					a, e1 := s.Related(ctx, batch, q)
					b, e2 := m.Related(ctx, batch, q)
					same(t, fmt.Sprintf("Related(%s, %d)", typ, dir), a, e1, b, e2)
				}
			}
		}
		a, e1 := s.PillarsUsing(ctx, shared)
		b, e2 := m.PillarsUsing(ctx, shared)
		same(t, "PillarsUsing", a, e1, b, e2)
		for _, p := range pillars {
			a, e1 := s.RelatedPillars(ctx, p)
			b, e2 := m.RelatedPillars(ctx, p)
			same(t, "RelatedPillars("+p+")", a, e1, b, e2)
		}
	})

	t.Run("Walks", func(t *testing.T) {
		for i := 0; i < len(ids); i += len(ids)/25 + 1 {
			for _, depth := range []int{0, 1, 2} {
				for _, limit := range []int{0, 40} {
					a, e1 := s.Neighbourhood(ctx, ids[i], depth, limit)
					b, e2 := m.Neighbourhood(ctx, ids[i], depth, limit)
					same(t, fmt.Sprintf("Neighbourhood(%s, %d, %d)", ids[i], depth, limit), a, e1, b, e2)
				}
			}
		}
		ends := append(append([]string{}, pillars[:min(6, len(pillars))]...), shared[:min(6, len(shared))]...)
		for _, from := range ends {
			for _, to := range ends {
				a, e1 := s.Paths(ctx, from, to, 4, 0)
				b, e2 := m.Paths(ctx, from, to, 4, 0)
				same(t, fmt.Sprintf("Paths(%s, %s)", from, to), a, e1, b, e2)
			}
		}
	})

	t.Run("Search", func(t *testing.T) {
		for _, q := range searchQueries(g) {
			for _, sq := range []policygraph.SearchQuery{
				{Text: q, Limit: policygraph.MaxPage},
				{Text: q, Labels: []string{policygraph.LabelMeasure, policygraph.LabelLaw}},
				{Text: q, DocumentID: g.Documents[0].ID, Limit: 50},
			} {
				want, e2 := m.Search(ctx, sq)
				got, e1 := s.Search(ctx, sq)
				same(t, fmt.Sprintf("Search(%+v)", sq), got, e1, want, e2)
				ft, e1 := neo4jstore.SearchFulltext(ctx, s, sq)
				same(t, fmt.Sprintf("Search(%+v) via the full-text index", sq), ft, e1, want, e2)
				sc, e1 := neo4jstore.SearchScan(ctx, s, sq)
				same(t, fmt.Sprintf("Search(%+v) via the scan", sq), sc, e1, want, e2)
			}
		}
	})
}

// searchQueries are hand-picked queries plus prefixes and middles of real
// titles and names (so the full-text candidate path meets real bigrams).
func searchQueries(g *policygraph.Graph) []string {
	qs := []string{"GX", "ＧＸ", "gx推進法", "スタートアップ", "半導体", "基金", "法", "デジタル", "2030", "水素",
		"AI", "ai", "人材育成", "の", "サプライチェーン", "カーボンニュートラル", "経済安全保障", "5G", "ＤＸ", "投資",
		"グリーン", "イノベーション", "ー", "リー", "（再掲）", "兆円", "%", "年度", "a", "e", "in", "an",
		"GI基金", "K プログラム", "-", "*", "\"", "AND", "OR NOT", "title:x", "国内 投資", "ｶﾞｽ"}
	add := func(s string) {
		rs := []rune(textsearch.Normalize(s))
		for _, n := range []int{2, 3, 5} {
			if len(rs) >= n {
				qs = append(qs, string(rs[:n]))
			}
			if len(rs) >= n+4 {
				qs = append(qs, string(rs[4:4+n]))
			}
		}
	}
	for i, ms := range g.Measures {
		if i%40 == 0 {
			add(ms.Title)
		}
	}
	for i, l := range g.Laws {
		if i%5 == 0 {
			add(l.Name)
		}
	}
	return qs
}

// BenchmarkLoadCorpus measures a full (forced) load of the real corpus into
// Neo4j: every document's transaction, shared nodes, relationships.
func BenchmarkLoadCorpus(b *testing.B) {
	s := neo4jtest.Open(b)
	g := corpus(b)
	if _, err := s.LoadGraph(b.Context(), g); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(g.Entities())), "nodes")
	b.ReportMetric(float64(len(g.Relationships)), "rels")
	for b.Loop() {
		if _, err := s.LoadGraph(b.Context(), g, neo4jstore.LoadOptions{Force: true}); err != nil {
			b.Fatal(err)
		}
	}
}
