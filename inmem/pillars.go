package inmem

import (
	"cmp"
	"context"
	"slices"

	"github.com/policygraph/policygraph"
)

// RelatedPillars returns the other pillars (of any edition) that share a law
// or fund with the pillar, in the sense of PillarsUsing, or that are joined
// to it by a REFERS_TO or RELISTS relationship: from a measure of one to a
// measure of the other, to the other pillar itself, or to one of its groups
// (HAS_GROUP). Shared laws and funds are ordered by name then id,
// references by id. Pillars are ordered by Score (descending), then id.
func (s *Store) RelatedPillars(ctx context.Context, pillarID string) ([]policygraph.PillarRelation, error) {
	const op = "RelatedPillars"
	e, ok := s.nodes[pillarID]
	if !ok {
		return nil, errorf(op, policygraph.ENOTFOUND, "no node %q", pillarID)
	}
	if _, ok := e.(*policygraph.Pillar); !ok {
		return nil, errorf(op, policygraph.EINVALID, "%q is a %s, not a Pillar", pillarID, e.Label())
	}

	rels := map[string]*policygraph.PillarRelation{}
	rel := func(p string) *policygraph.PillarRelation {
		if rels[p] == nil {
			rels[p] = &policygraph.PillarRelation{Pillar: s.nodes[p].(*policygraph.Pillar)}
		}
		return rels[p]
	}
	for _, l := range s.laws {
		if users := s.users(l.ID); slices.Contains(users, pillarID) {
			for _, p := range users {
				if p != pillarID {
					rel(p).SharedLaws = append(rel(p).SharedLaws, l)
				}
			}
		}
	}
	for _, f := range s.funds {
		if users := s.users(f.ID); slices.Contains(users, pillarID) {
			for _, p := range users {
				if p != pillarID {
					rel(p).SharedFunds = append(rel(p).SharedFunds, f)
				}
			}
		}
	}
	for _, r := range s.crossRefs() {
		from, to := s.owners[r.Start], s.referredOwners(r.End)
		var others []string
		switch {
		case slices.Contains(from, pillarID):
			others = to
		case slices.Contains(to, pillarID):
			others = from
		}
		for _, p := range others {
			if p != pillarID && !slices.Contains(rel(p).References, r) {
				rel(p).References = append(rel(p).References, r)
			}
		}
	}

	var out []policygraph.PillarRelation
	for _, r := range rels {
		r.Score = len(r.SharedLaws) + len(r.SharedFunds) + len(r.References)
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b policygraph.PillarRelation) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Pillar.ID, b.Pillar.ID))
	})
	return out, nil
}

// users returns the ids of the pillars using a law or fund.
func (s *Store) users(id string) []string {
	var ids []string
	for _, u := range s.pillarsUsing(id) {
		ids = append(ids, u.Pillar.ID)
	}
	return ids
}

// crossRefs returns the REFERS_TO and RELISTS relationships between
// measures, by id.
func (s *Store) crossRefs() []*policygraph.Relationship {
	var out []*policygraph.Relationship
	for _, r := range s.rels {
		if (r.Type == policygraph.RelRefersTo || r.Type == policygraph.RelRelists) &&
			s.nodes[r.Start].Label() == policygraph.LabelMeasure {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, compareRels)
	return out
}

// referredOwners are the pillars a reference points into: the pillar
// itself, the pillar of a group, or the pillars holding a measure.
func (s *Store) referredOwners(id string) []string {
	switch s.nodes[id].(type) {
	case *policygraph.Pillar, *policygraph.MeasureGroup, *policygraph.Measure:
		return s.owners[id]
	}
	return nil
}
