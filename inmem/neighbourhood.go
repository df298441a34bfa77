package inmem

import (
	"cmp"
	"context"
	"slices"

	"github.com/policygraph/policygraph"
)

// Neighbourhood walks both directions from id up to depth hops. Nodes are
// ordered by (distance, position of the label in policygraph.Labels, id)
// and cut after limit (0 means MaxPage; ELIMIT above it). Because the cut
// keeps a prefix of that order, every kept node still connects to id
// through kept nodes. Relationships are all those among the kept nodes, by
// id.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth, limit int) (*policygraph.Subgraph, error) {
	const op = "Neighbourhood"
	if _, ok := s.nodes[id]; !ok {
		return nil, errorf(op, policygraph.ENOTFOUND, "no node %q", id)
	}
	if err := policygraph.CheckBound("depth", depth, policygraph.MaxDepth); err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	limit, err := checkLimit(op, limit, policygraph.MaxPage)
	if err != nil {
		return nil, err
	}

	dist := s.bfs(id, depth)
	ids := make([]string, 0, len(dist))
	for n := range dist {
		ids = append(ids, n)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(dist[a], dist[b]),
			cmp.Compare(labelRank(s.nodes[a].Label()), labelRank(s.nodes[b].Label())),
			cmp.Compare(a, b))
	})
	sub := &policygraph.Subgraph{Truncated: len(ids) > limit}
	ids = ids[:min(len(ids), limit)]
	kept := make(map[string]bool, len(ids))
	for _, n := range ids {
		kept[n] = true
		sub.Nodes = append(sub.Nodes, s.nodes[n])
	}
	for _, n := range ids {
		for _, r := range s.out[n] {
			if kept[r.End] {
				sub.Relationships = append(sub.Relationships, r)
			}
		}
	}
	slices.SortFunc(sub.Relationships, compareRels)
	return sub, nil
}

// bfs returns the undirected distance from id of every node within depth.
func (s *Store) bfs(id string, depth int) map[string]int {
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			for _, e := range s.adj[n] {
				if _, seen := dist[e.to]; !seen {
					dist[e.to] = d
					next = append(next, e.to)
				}
			}
		}
		frontier = next
	}
	return dist
}
