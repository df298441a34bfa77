package storetest

import (
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// Invariants of the graph walks: Related, Paths, Neighbourhood,
// RelatedPillars and Search.

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

// testSearch looks every law, fund and organisation up by its own name and
// by each alias: it must be found, hits must be ordered by score then id,
// and every spelling must find the same nodes (a word that names one of
// them matches all its spellings), unless a spelling is shared with another
// node.
func (c *corpus) testSearch(t *testing.T) {
	spellings := map[string][]string{} // node id → name and aliases
	owners := map[string]int{}         // normalised spelling → nodes spelled so
	var names []policygraph.Entity
	add := func(e policygraph.Entity, name string, aliases []string) {
		names = append(names, e)
		sps := append([]string{name}, aliases...)
		spellings[e.NodeID()] = sps
		seen := map[string]bool{}
		for _, sp := range sps {
			if n := textsearch.Normalize(sp); !seen[n] {
				seen[n] = true
				owners[n]++
			}
		}
	}
	for _, l := range c.g.Laws {
		add(l, l.Name, l.Aliases)
	}
	for _, f := range c.g.Funds {
		add(f, f.Name, f.Aliases)
	}
	for _, o := range c.g.Organisations {
		add(o, o.Name, o.Aliases)
	}
	for _, e := range names {
		var first []string
		shared := false
		for i, name := range spellings[e.NodeID()] {
			shared = shared || owners[textsearch.Normalize(name)] > 1
			search := func(labels ...string) []policygraph.SearchHit {
				hits, err := c.s.Search(t.Context(), policygraph.SearchQuery{Text: name, Labels: labels, Limit: policygraph.MaxPage})
				if err != nil {
					t.Fatalf("Search(%q): %v", name, err)
				}
				for i, h := range hits {
					if i > 0 && (h.Score > hits[i-1].Score || h.Score == hits[i-1].Score && h.Node.NodeID() < hits[i-1].Node.NodeID()) {
						t.Errorf("Search(%q): out of order at %d", name, i)
					}
				}
				return hits
			}
			if !slices.ContainsFunc(search(e.Label()), func(h policygraph.SearchHit) bool { return h.Node.NodeID() == e.NodeID() }) {
				t.Errorf("Search(%q) does not find %s", name, e.NodeID())
			}
			hits := search()
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			slices.Sort(got)
			if i == 0 {
				first = got
			} else if !shared && len(hits) < policygraph.MaxPage && !slices.Equal(first, got) {
				t.Errorf("%s: Search(%q) finds %d nodes, its name %d", e.NodeID(), name, len(got), len(first))
			}
		}
	}
}
