package inmem

import (
	"context"
	"slices"

	"github.com/policygraph/policygraph"
)

// Paths returns the shortest undirected paths from one node to another of
// at most maxHops relationships (0 means the nodes must be the same), at
// most limit of them (0 means MaxPage; ELIMIT above it). Paths are ordered
// by their sequence of node ids, then by their sequence of relationship ids
// (parallel relationships give distinct paths). A path from a node to
// itself is that node alone. No path within maxHops gives an empty result.
// No node labelled one of avoid lies between the two ends.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, limit int, avoid ...string) ([]policygraph.Path, error) {
	const op = "Paths"
	for _, id := range []string{from, to} {
		if _, ok := s.nodes[id]; !ok {
			return nil, errorf(op, policygraph.ENOTFOUND, "no node %q", id)
		}
	}
	if err := policygraph.CheckBound("maxHops", maxHops, policygraph.MaxHops); err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	limit, err := checkLimit(op, limit, policygraph.MaxPage)
	if err != nil {
		return nil, err
	}

	// Avoided nodes are never reached, so the walk below never steps on one.
	passable := func(id string) bool {
		return id == from || id == to || !slices.Contains(avoid, s.nodes[id].Label())
	}
	fromDist := s.bfsUntil(from, to, maxHops, passable)
	n, ok := fromDist[to]
	if !ok {
		return []policygraph.Path{}, nil
	}
	toDist := s.bfsUntil(to, from, n, passable)

	// Walk the shortest-path DAG in id order: each step goes one further
	// from `from` and one closer to `to`.
	var out []policygraph.Path
	seq := []string{from}
	var walk func(at string) bool // false once limit is reached
	walk = func(at string) bool {
		if at == to {
			out = s.expand(seq, out, limit)
			return len(out) < limit
		}
		d := fromDist[at]
		prev := ""
		for _, e := range s.adj[at] {
			if e.to == prev {
				continue // parallel relationship: expand handles it
			}
			prev = e.to
			fd, ok1 := fromDist[e.to]
			td, ok2 := toDist[e.to]
			if ok1 && ok2 && fd == d+1 && td == n-d-1 {
				seq = append(seq, e.to)
				more := walk(e.to)
				seq = seq[:len(seq)-1]
				if !more {
					return false
				}
			}
		}
		return true
	}
	walk(from)
	return out, nil
}

// bfsUntil is bfs over the passable nodes that stops after the level where
// target is found.
func (s *Store) bfsUntil(id, target string, depth int, passable func(string) bool) map[string]int {
	dist := map[string]int{id: 0}
	frontier := []string{id}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		if _, found := dist[target]; found {
			break
		}
		var next []string
		for _, n := range frontier {
			for _, e := range s.adj[n] {
				if _, seen := dist[e.to]; !seen && passable(e.to) {
					dist[e.to] = d
					next = append(next, e.to)
				}
			}
		}
		frontier = next
	}
	return dist
}

// expand appends to out the paths through the node sequence seq, one per
// choice of parallel relationships, in order of relationship ids, until out
// holds limit paths.
func (s *Store) expand(seq []string, out []policygraph.Path, limit int) []policygraph.Path {
	nodes := make([]policygraph.Entity, len(seq))
	for i, id := range seq {
		nodes[i] = s.nodes[id]
	}
	choices := make([][]*policygraph.Relationship, len(seq)-1)
	for i := range choices {
		for _, e := range s.adj[seq[i]] {
			if e.to == seq[i+1] {
				choices[i] = append(choices[i], e.rel) // adj is sorted by rel id
			}
		}
	}
	rels := make([]*policygraph.Relationship, len(choices))
	var pick func(i int)
	pick = func(i int) {
		if len(out) >= limit {
			return
		}
		if i == len(choices) {
			out = append(out, policygraph.Path{Nodes: slices.Clone(nodes), Relationships: slices.Clone(rels)})
			return
		}
		for _, r := range choices[i] {
			rels[i] = r
			pick(i + 1)
		}
	}
	pick(0)
	return out
}
