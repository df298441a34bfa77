package storetest

import (
	"cmp"
	"fmt"
	"slices"
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

// testRelated checks that every relationship is seen exactly once from its
// start (outgoing) and once from its end (incoming), with the right far node.
func (c *corpus) testRelated(t *testing.T) {
	for _, typ := range policygraph.RelTypes {
		for _, dir := range []policygraph.Direction{policygraph.Outgoing, policygraph.Incoming} {
			seen := map[string]int{}
			for _, batch := range chunks(c.allIDs()) {
				got, err := c.s.Related(t.Context(), batch, policygraph.RelQuery{Type: typ, Direction: dir})
				if err != nil {
					t.Fatal(err)
				}
				for id, hops := range got {
					for _, h := range hops {
						near, far := h.Rel.Start, h.Rel.End
						if dir == policygraph.Incoming {
							near, far = far, near
						}
						if h.Rel.Type != typ || near != id || h.Node.NodeID() != far {
							t.Errorf("Related(%s, %s, %d): bad hop %s", id, typ, dir, h.Rel.ID)
						}
						seen[h.Rel.ID]++
					}
				}
			}
			for _, r := range c.g.Relationships {
				if r.Type == typ && seen[r.ID] != 1 {
					t.Errorf("%s seen %d times in direction %d, want once", r.ID, seen[r.ID], dir)
				}
			}
		}
	}
}

// distances is an undirected BFS over the graph, the oracle for paths.
func (c *corpus) distances(from string) map[string]int {
	dist := map[string]int{from: 0}
	for frontier := []string{from}; len(frontier) > 0; {
		var next []string
		for _, n := range frontier {
			for m := range c.adj[n] {
				if _, ok := dist[m]; !ok {
					dist[m] = dist[n] + 1
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return dist
}

// samples picks a deterministic spread of node ids.
func (c *corpus) samples(n int) []string {
	all := c.allIDs()
	slices.Sort(all)
	if len(all) <= n {
		return all
	}
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, all[i*len(all)/n])
	}
	return out
}

func (c *corpus) testPaths(t *testing.T) {
	const maxHops, limit = 4, 5
	ends := c.samples(12)
	for _, from := range ends {
		dist := c.distances(from)
		for _, to := range ends {
			got, err := c.s.Paths(t.Context(), from, to, maxHops, limit)
			if err != nil {
				t.Fatal(err)
			}
			d, ok := dist[to]
			if !ok || d > maxHops {
				if len(got) != 0 {
					t.Errorf("Paths(%s, %s): %d paths, want none (distance %d)", from, to, len(got), d)
				}
				continue
			}
			if len(got) == 0 || len(got) > limit {
				t.Errorf("Paths(%s, %s): %d paths, want 1..%d", from, to, len(got), limit)
				continue
			}
			var prev []string
			for _, p := range got {
				c.checkPath(t, p, from, to, d)
				key := append(ids(p.Nodes), relIDs(p.Relationships)...)
				if prev != nil && slices.Compare(prev, key) >= 0 {
					t.Errorf("Paths(%s, %s): not in strictly increasing order", from, to)
				}
				prev = key
			}
		}
	}
}

func relIDs(rs []*policygraph.Relationship) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func (c *corpus) checkPath(t *testing.T, p policygraph.Path, from, to string, length int) {
	t.Helper()
	if len(p.Nodes) != length+1 || len(p.Relationships) != length {
		t.Errorf("path %v: %d nodes, %d relationships; want length %d", ids(p.Nodes), len(p.Nodes), len(p.Relationships), length)
		return
	}
	if p.Nodes[0].NodeID() != from || p.Nodes[length].NodeID() != to {
		t.Errorf("path %v does not go from %s to %s", ids(p.Nodes), from, to)
	}
	for i, r := range p.Relationships {
		c.checkRel(t, r)
		a, b := p.Nodes[i].NodeID(), p.Nodes[i+1].NodeID()
		if !(r.Start == a && r.End == b || r.Start == b && r.End == a) {
			t.Errorf("path %v: %s does not join %s and %s", ids(p.Nodes), r.ID, a, b)
		}
	}
}

func (c *corpus) testNeighbourhood(t *testing.T) {
	for _, id := range c.samples(30) {
		got, err := c.s.Neighbourhood(t.Context(), id, 1, policygraph.MaxPage)
		if err != nil {
			t.Fatal(err)
		}
		if got.Truncated {
			continue
		}
		want := []string{id}
		for n := range c.adj[id] {
			want = append(want, n)
		}
		gotIDs := ids(got.Nodes)
		if len(gotIDs) == 0 || gotIDs[0] != id {
			t.Errorf("Neighbourhood(%s) does not start with the node", id)
		}
		slices.Sort(want)
		slices.Sort(gotIDs)
		if diff := gocmp.Diff(want, gotIDs); diff != "" {
			t.Errorf("Neighbourhood(%s, 1) nodes (-want +got):\n%s", id, diff)
		}
		in := map[string]bool{}
		for _, n := range gotIDs {
			in[n] = true
		}
		var wantRels []string
		for _, r := range c.g.Relationships {
			if in[r.Start] && in[r.End] {
				wantRels = append(wantRels, r.ID)
			}
		}
		slices.Sort(wantRels)
		c.checkRels(t, got.Relationships, wantRels...)
	}
}

func (c *corpus) testRelatedPillars(t *testing.T) {
	scores := map[[2]string]int{}
	for _, p := range c.g.Pillars {
		got, err := c.s.RelatedPillars(t.Context(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range got {
			if r.Pillar.ID == p.ID {
				t.Errorf("RelatedPillars(%s) includes itself", p.ID)
			}
			if n := len(r.SharedLaws) + len(r.SharedFunds) + len(r.References); r.Score != n || n == 0 {
				t.Errorf("RelatedPillars(%s): %s has score %d for %d shared items", p.ID, r.Pillar.ID, r.Score, n)
			}
			if i > 0 && (r.Score > got[i-1].Score || r.Score == got[i-1].Score && r.Pillar.ID < got[i-1].Pillar.ID) {
				t.Errorf("RelatedPillars(%s): out of order at %d", p.ID, i)
			}
			scores[[2]string{p.ID, r.Pillar.ID}] = r.Score
		}
	}
	for k, v := range scores {
		if back := scores[[2]string{k[1], k[0]}]; back != v {
			t.Errorf("RelatedPillars not symmetric: %s→%s %d, back %d", k[0], k[1], v, back)
		}
	}
}

// testSearch looks every law and fund up by its own name: it must be found,
// and hits must be ordered by score then id.
func (c *corpus) testSearch(t *testing.T) {
	var names []policygraph.Entity
	for _, l := range c.g.Laws {
		names = append(names, l)
	}
	for _, f := range c.g.Funds {
		names = append(names, f)
	}
	for _, e := range names {
		name := ""
		switch n := e.(type) {
		case *policygraph.Law:
			name = n.Name
		case *policygraph.Fund:
			name = n.Name
		}
		hits, err := c.s.Search(t.Context(), policygraph.SearchQuery{Text: name, Labels: []string{e.Label()}, Limit: policygraph.MaxPage})
		if err != nil {
			t.Fatalf("Search(%q): %v", name, err)
		}
		found := false
		for i, h := range hits {
			found = found || h.Node.NodeID() == e.NodeID()
			if i > 0 && (h.Score > hits[i-1].Score || h.Score == hits[i-1].Score && h.Node.NodeID() < hits[i-1].Node.NodeID()) {
				t.Errorf("Search(%q): out of order at %d", name, i)
			}
		}
		if !found {
			t.Errorf("Search(%q) does not find %s", name, e.NodeID())
		}
	}
}
