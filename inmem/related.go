package inmem

import (
	"cmp"
	"context"
	"slices"

	"github.com/policygraph/policygraph"
)

// Related walks one relationship type from each id. Hops are ordered by the
// far node's document order, then relationship id. Unknown ids are absent.
func (s *Store) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	const op = "Related"
	if len(ids) > policygraph.MaxBatch {
		return nil, errorf(op, policygraph.EINVALID, "%d ids: at most %d per call", len(ids), policygraph.MaxBatch)
	}
	if !slices.Contains(policygraph.RelTypes, q.Type) {
		return nil, errorf(op, policygraph.EINVALID, "unknown relationship type %q", q.Type)
	}
	var by map[string][]*policygraph.Relationship
	switch q.Direction {
	case policygraph.Outgoing:
		by = s.out
	case policygraph.Incoming:
		by = s.in
	default:
		return nil, errorf(op, policygraph.EINVALID, "unknown direction %d", q.Direction)
	}
	out := map[string][]policygraph.Hop{}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		var hops []policygraph.Hop
		for _, r := range by[id] {
			if r.Type != q.Type {
				continue
			}
			far := r.End
			if q.Direction == policygraph.Incoming {
				far = r.Start
			}
			hops = append(hops, policygraph.Hop{Rel: r, Node: s.nodes[far]})
		}
		if len(hops) > 0 {
			s.sortHops(hops)
			out[id] = hops
		}
	}
	return out, nil
}

// sortHops orders hops by the document order of their node, then rel id.
func (s *Store) sortHops(hops []policygraph.Hop) {
	slices.SortFunc(hops, func(a, b policygraph.Hop) int {
		return cmp.Or(s.compareNodes(a.Node.NodeID(), b.Node.NodeID()), compareRels(a.Rel, b.Rel))
	})
}

// PillarsUsing finds, for each law or fund id, the pillars that cite or use
// it themselves or through a measure or target they hold (HAS_MEASURE,
// HAS_TARGET). Via hops are in document order of their start node. Ids
// that are not laws or funds, or that nothing uses, are absent. EINVALID
// for more than MaxBatch ids.
func (s *Store) PillarsUsing(ctx context.Context, ids []string) (map[string][]policygraph.PillarUse, error) {
	if len(ids) > policygraph.MaxBatch {
		return nil, errorf("PillarsUsing", policygraph.EINVALID, "%d ids: at most %d per call", len(ids), policygraph.MaxBatch)
	}
	out := map[string][]policygraph.PillarUse{}
	for _, id := range ids {
		if _, done := out[id]; done {
			continue
		}
		if uses := s.pillarsUsing(id); len(uses) > 0 {
			out[id] = uses
		}
	}
	return out, nil
}

func (s *Store) pillarsUsing(id string) []policygraph.PillarUse {
	typ := usesType(s.nodes[id])
	if typ == "" {
		return nil
	}
	via := map[string][]policygraph.Hop{}
	for _, r := range s.in[id] {
		if r.Type != typ {
			continue
		}
		for _, p := range s.pillarOwners(r.Start) {
			via[p] = append(via[p], policygraph.Hop{Rel: r, Node: s.nodes[r.Start]})
		}
	}
	var uses []policygraph.PillarUse
	for p, hops := range via {
		s.sortHops(hops)
		uses = append(uses, policygraph.PillarUse{Pillar: s.nodes[p].(*policygraph.Pillar), Via: hops})
	}
	slices.SortFunc(uses, func(a, b policygraph.PillarUse) int { return s.comparePillars(a.Pillar, b.Pillar) })
	return uses
}

// usesType is the relationship that points at a law or fund.
func usesType(e policygraph.Entity) string {
	switch e.(type) {
	case *policygraph.Law:
		return policygraph.RelCitesLaw
	case *policygraph.Fund:
		return policygraph.RelUsesFund
	}
	return ""
}

// pillarOwners are the pillars a citing node speaks for
// (policygraph.SpeaksForPillar): a pillar itself, or the pillars holding
// it (owners: policygraph.PillarHolds, and HAS_GROUP for groups, which do
// not speak).
func (s *Store) pillarOwners(id string) []string {
	if n := s.nodes[id]; n != nil && policygraph.SpeaksForPillar(n.Label()) {
		return s.owners[id]
	}
	return nil
}
