package storetest

import (
	"cmp"
	"fmt"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// RunCorpus loads g (typically the real corpus) with open and checks
// invariants that need no fixed answers: every node reads back equal,
// lists hold everything in their documented order, counts add up, Related
// is symmetric, paths are valid and shortest, neighbourhoods are the
// adjacent nodes, RelatedPillars is symmetric. The oracle is computed here
// from g, independently of any store.
func RunCorpus(t *testing.T, g *policygraph.Graph, open Opener) {
	s := open(t, g)
	c := &corpus{s: s, g: g, suite: newSuite(s, g), adj: map[string]map[string]bool{}, year: map[string]int{}}
	for _, r := range g.Relationships {
		c.link(r.Start, r.End)
		c.link(r.End, r.Start)
	}
	for _, d := range g.Documents {
		c.year[d.ID] = d.Year
	}
	t.Run("Nodes", c.testNodes)
	t.Run("Lists", c.testLists)
	t.Run("Measures", c.testMeasures)
	t.Run("Related", c.testRelated)
	t.Run("Paths", c.testPaths)
	t.Run("Neighbourhood", c.testNeighbourhood)
	t.Run("RelatedPillars", c.testRelatedPillars)
	t.Run("Search", c.testSearch)
}

type corpus struct {
	s policygraph.Store
	g *policygraph.Graph
	*suite
	adj  map[string]map[string]bool // undirected, no self-loops
	year map[string]int             // document id → year
}

func (c *corpus) link(a, b string) {
	if a == b {
		return
	}
	if c.adj[a] == nil {
		c.adj[a] = map[string]bool{}
	}
	c.adj[a][b] = true
}

func chunks(ids []string) [][]string {
	var out [][]string
	for len(ids) > 0 {
		n := min(len(ids), policygraph.MaxBatch)
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	return out
}

func (c *corpus) allIDs() []string { return ids(c.g.Entities()) }

func (c *corpus) testNodes(t *testing.T) {
	for _, e := range c.g.Entities() {
		got, err := c.s.Node(t.Context(), e.NodeID())
		if err != nil {
			t.Errorf("Node(%q): %v", e.NodeID(), err)
			continue
		}
		c.checkEntity(t, got)
	}
	for _, batch := range chunks(c.allIDs()) {
		got, err := c.s.Nodes(t.Context(), batch)
		if err != nil {
			t.Fatal(err)
		}
		checkEntities(t, c.suite, got, batch...)
	}
	st, err := c.s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]int{}
	for _, e := range c.g.Entities() {
		labels[e.Label()]++
	}
	types := map[string]int{}
	for _, r := range c.g.Relationships {
		types[r.Type]++
	}
	nonZero := func(m map[string]int) map[string]int {
		out := map[string]int{}
		for k, v := range m {
			if v != 0 {
				out[k] = v
			}
		}
		return out
	}
	if diff := gocmp.Diff(labels, nonZero(st.Labels)); diff != "" {
		t.Errorf("Stats.Labels (-graph +store):\n%s", diff)
	}
	if diff := gocmp.Diff(types, nonZero(st.RelTypes)); diff != "" {
		t.Errorf("Stats.RelTypes (-graph +store):\n%s", diff)
	}
	if diff := gocmp.Diff(DegreesOf(c.g), st.Degrees); diff != "" {
		t.Errorf("Stats.Degrees (-graph +store):\n%s", diff)
	}
}

// docOrder is (document year, lineStart, id) computed from the graph.
func (c *corpus) docOrder(docID string, line int, id string) [3]string {
	return [3]string{fmt.Sprintf("%08d", c.year[docID]), fmt.Sprintf("%08d", line), id}
}

func isSortedBy[T any, K cmp.Ordered](t *testing.T, what string, xs []T, key func(T) K) {
	t.Helper()
	for i := 1; i < len(xs); i++ {
		if key(xs[i]) < key(xs[i-1]) {
			t.Errorf("%s: item %d out of order", what, i)
			return
		}
	}
}

func (c *corpus) testLists(t *testing.T) {
	docs, err := c.s.Documents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(c.g.Documents) {
		t.Errorf("Documents: %d, want %d", len(docs), len(c.g.Documents))
	}
	isSortedBy(t, "Documents by year", docs, func(d *policygraph.Document) int { return d.Year })

	ps, err := c.s.Pillars(t.Context(), policygraph.PillarFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(c.g.Pillars) {
		t.Errorf("Pillars: %d, want %d", len(ps), len(c.g.Pillars))
	}
	isSortedBy(t, "Pillars by (year, kind, ordinal)", ps, func(p *policygraph.Pillar) string {
		k := 1
		if p.Kind == policygraph.KindMission {
			k = 0
		}
		return fmt.Sprintf("%08d %d %08d", c.year[p.DocumentID], k, p.Ordinal)
	})

	laws, err := c.s.Laws(t.Context(), policygraph.LawFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(laws) != len(c.g.Laws) {
		t.Errorf("Laws: %d, want %d", len(laws), len(c.g.Laws))
	}
	isSortedBy(t, "Laws by name", laws, func(l *policygraph.Law) string { return l.Name })
	foreign, _ := c.s.Laws(t.Context(), policygraph.LawFilter{Foreign: ptr(true)})
	domestic, _ := c.s.Laws(t.Context(), policygraph.LawFilter{Foreign: ptr(false)})
	if len(foreign)+len(domestic) != len(laws) {
		t.Errorf("foreign %d + domestic %d laws != %d", len(foreign), len(domestic), len(laws))
	}

	funds, err := c.s.Funds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(funds) != len(c.g.Funds) {
		t.Errorf("Funds: %d, want %d", len(funds), len(c.g.Funds))
	}
	isSortedBy(t, "Funds by name", funds, func(f *policygraph.Fund) string { return f.Name })

	orgs, err := c.s.Organisations(t.Context(), policygraph.OrgFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != len(c.g.Organisations) {
		t.Errorf("Organisations: %d, want %d", len(orgs), len(c.g.Organisations))
	}
	isSortedBy(t, "Organisations by name", orgs, func(o *policygraph.Organisation) string { return o.Name })
	byKind := 0
	for _, k := range policygraph.OrgKinds {
		of, err := c.s.Organisations(t.Context(), policygraph.OrgFilter{Kind: k})
		if err != nil {
			t.Fatal(err)
		}
		byKind += len(of)
	}
	if byKind != len(orgs) {
		t.Errorf("organisations per kind add up to %d, want %d", byKind, len(orgs))
	}
	// Every HAS_AMOUNT ends at an Amount of the start's document (a fund
	// belongs to none), from a kind of node the model allows.
	holders := map[string]bool{policygraph.LabelMeasure: true, policygraph.LabelTarget: true,
		policygraph.LabelFund: true, policygraph.LabelPillar: true, policygraph.LabelDocument: true}
	for _, r := range c.g.Relationships {
		if r.Type != policygraph.RelHasAmount {
			continue
		}
		a, ok := c.nodes[r.End].(*policygraph.Amount)
		start := c.nodes[r.Start]
		if !ok || !holders[start.Label()] {
			t.Errorf("%s joins a %s to a %s", r.ID, start.Label(), c.nodes[r.End].Label())
			continue
		}
		if d := policygraph.DocumentOf(start); d != "" && d != a.DocumentID {
			t.Errorf("%s: the amount is of %s, its holder of %s", r.ID, a.DocumentID, d)
		}
	}

	var ts []*policygraph.Target
	for off := 0; ; off += policygraph.MaxPage {
		page, err := c.s.Targets(t.Context(), policygraph.TargetFilter{}, policygraph.Page{Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, page...)
		if len(page) < policygraph.MaxPage {
			break
		}
	}
	if n, _ := c.s.CountTargets(t.Context(), policygraph.TargetFilter{}); n != len(c.g.Targets) || len(ts) != n {
		t.Errorf("Targets: paged %d, counted %d, want %d", len(ts), n, len(c.g.Targets))
	}
	isSortedBy(t, "Targets in document order", ts, func(x *policygraph.Target) string {
		return fmt.Sprint(c.docOrder(x.DocumentID, x.LineStart, x.ID))
	})
}

func (c *corpus) testMeasures(t *testing.T) {
	total, err := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(c.g.Measures) {
		t.Errorf("CountMeasures = %d, want %d", total, len(c.g.Measures))
	}
	sum := 0
	for _, st := range []string{policygraph.StatusPast, policygraph.StatusFuture, policygraph.StatusProgress, policygraph.StatusTodo, policygraph.StatusUnknown} {
		n, err := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{Statuses: []string{st}})
		if err != nil {
			t.Fatal(err)
		}
		sum += n
	}
	if sum != total {
		t.Errorf("counts per status add up to %d, want %d", sum, total)
	}
	yes, _ := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{Relist: ptr(true)})
	no, _ := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{Relist: ptr(false)})
	if yes+no != total {
		t.Errorf("relists %d + originals %d != %d", yes, no, total)
	}

	var all []*policygraph.Measure
	for off := 0; ; off += policygraph.MaxPage {
		page, err := c.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{}, policygraph.Page{Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < policygraph.MaxPage {
			break
		}
	}
	if len(all) != total {
		t.Errorf("paged through %d measures, want %d", len(all), total)
	}
	isSortedBy(t, "Measures in document order", all, func(m *policygraph.Measure) string {
		return fmt.Sprint(c.docOrder(m.DocumentID, m.LineStart, m.ID))
	})

	// The pillarId/groupId properties agree with HAS_MEASURE/IN_GROUP, so a
	// store may follow either.
	has := map[string]int{}
	for _, r := range c.g.Relationships {
		if (r.Type == policygraph.RelHasMeasure || r.Type == policygraph.RelInGroup) && c.nodes[r.Start] != nil &&
			c.nodes[r.Start].Label() != policygraph.LabelPolicyDirection {
			has[r.Type+" "+r.Start+" "+r.End]++
		}
	}
	for _, m := range c.g.Measures {
		if m.PillarID != "" && has[policygraph.RelHasMeasure+" "+m.PillarID+" "+m.ID] != 1 {
			t.Errorf("%s: pillarId %s without HAS_MEASURE", m.ID, m.PillarID)
		}
		if m.GroupID != "" && has[policygraph.RelInGroup+" "+m.ID+" "+m.GroupID] != 1 {
			t.Errorf("%s: groupId %s without IN_GROUP", m.ID, m.GroupID)
		}
	}
	for _, p := range c.g.Pillars {
		want := 0
		for k := range has {
			if strings.HasPrefix(k, policygraph.RelHasMeasure+" "+p.ID+" ") {
				want++
			}
		}
		if n, _ := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{PillarID: p.ID}); n != want {
			t.Errorf("measures of %s: %d, want %d (HAS_MEASURE)", p.ID, n, want)
		}
	}

	// LawID/FundID filters agree with the relationships.
	citing := map[string]map[string]bool{}
	for _, r := range c.g.Relationships {
		if (r.Type == policygraph.RelCitesLaw || r.Type == policygraph.RelUsesFund) && c.nodes[r.Start].Label() == policygraph.LabelMeasure {
			if citing[r.End] == nil {
				citing[r.End] = map[string]bool{}
			}
			citing[r.End][r.Start] = true
		}
	}
	for _, l := range c.g.Laws {
		if n, _ := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{LawID: l.ID}); n != len(citing[l.ID]) {
			t.Errorf("measures citing %s: %d, want %d", l.ID, n, len(citing[l.ID]))
		}
	}
	for _, f := range c.g.Funds {
		if n, _ := c.s.CountMeasures(t.Context(), policygraph.MeasureFilter{FundID: f.ID}); n != len(citing[f.ID]) {
			t.Errorf("measures using %s: %d, want %d", f.ID, n, len(citing[f.ID]))
		}
	}
}
