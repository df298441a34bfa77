package inmem

import (
	"cmp"
	"context"
	"slices"

	"github.com/policygraph/policygraph"
)

// Related walks one relationship type from each id. Hops are ordered by the
// far node's document order, then relationship id. Unknown ids are absent.
// The hop lists are the store's own, built once by index: read them, do not
// modify them (their capacity is clipped, so an append copies).
func (s *Store) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	const op = "Related"
	if len(ids) > policygraph.MaxBatch {
		return nil, errorf(op, policygraph.EINVALID, "%d ids: at most %d per call", len(ids), policygraph.MaxBatch)
	}
	if !slices.Contains(policygraph.RelTypes, q.Type) {
		return nil, errorf(op, policygraph.EINVALID, "unknown relationship type %q", q.Type)
	}
	if q.Direction != policygraph.Outgoing && q.Direction != policygraph.Incoming {
		return nil, errorf(op, policygraph.EINVALID, "unknown direction %d", q.Direction)
	}
	by := s.hops[q]
	out := make(map[string][]policygraph.Hop, len(ids))
	for _, id := range ids {
		if hops := by[id]; len(hops) > 0 {
			out[id] = hops
		}
	}
	return out, nil
}

// indexHops builds the hop lists of every walk, in Related's order.
func (s *Store) indexHops(rels []*policygraph.Relationship) {
	s.hops = map[policygraph.RelQuery]map[string][]policygraph.Hop{}
	for _, r := range rels {
		for _, d := range []policygraph.Direction{policygraph.Outgoing, policygraph.Incoming} {
			q := policygraph.RelQuery{Type: r.Type, Direction: d}
			from, far := r.Start, r.End
			if d == policygraph.Incoming {
				from, far = r.End, r.Start
			}
			if s.hops[q] == nil {
				s.hops[q] = map[string][]policygraph.Hop{}
			}
			s.hops[q][from] = append(s.hops[q][from], policygraph.Hop{Rel: r, Node: s.nodes[far]})
		}
	}
	for _, m := range s.hops {
		for id, hops := range m {
			s.sortHops(hops)
			m[id] = slices.Clip(hops)
		}
	}
}

// sortHops orders hops by the document order of their node, then rel id.
func (s *Store) sortHops(hops []policygraph.Hop) {
	slices.SortFunc(hops, func(a, b policygraph.Hop) int {
		return cmp.Or(s.compareNodes(a.Node.NodeID(), b.Node.NodeID()), compareRels(a.Rel, b.Rel))
	})
}

// PillarsUsing finds, for each law, fund or organisation id, the pillars that cite or use
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

// usesType is the relationship that points at a law, fund or organisation.
func usesType(e policygraph.Entity) string {
	switch e.(type) {
	case *policygraph.Law:
		return policygraph.RelCitesLaw
	case *policygraph.Fund:
		return policygraph.RelUsesFund
	case *policygraph.Organisation:
		return policygraph.RelMentionsOrg
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
