package graph

import (
	"context"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
)

// editionDiff computes the diff (package editiondiff) and plans what the
// query selects below its pillars, directions, measures and targets, so that a diff of
// hundreds of measures reads their laws (say) in one call, not one each.
func (r *Resolver) editionDiff(ctx context.Context, from, to string, pillar *string) (*editiondiff.Diff, error) {
	p := ""
	if pillar != nil {
		p = *pillar
	}
	d, err := editiondiff.Compute(ctx, r.Store, from, to, p)
	if err != nil {
		return nil, err
	}
	var earlier, later, earlierDirs, laterDirs, planned, evEarlier, evLater, news, revEarlier, revLater, keptEarlier, keptLater []policygraph.Entity
	for _, g := range d.Groups {
		for _, x := range g.Earlier {
			earlier = append(earlier, x)
		}
		for _, x := range g.Later {
			later = append(later, x)
		}
		for _, x := range g.EarlierDirections {
			earlierDirs = append(earlierDirs, x)
		}
		for _, x := range g.LaterDirections {
			laterDirs = append(laterDirs, x)
		}
		for _, pl := range g.Planned {
			planned = append(planned, pl.Measure)
			for _, e := range pl.Evidence {
				evEarlier = append(evEarlier, e.Earlier)
				evLater = append(evLater, e.Later)
			}
		}
		for _, m := range g.New {
			news = append(news, m)
		}
		for _, rv := range g.Revised {
			revEarlier = append(revEarlier, rv.Earlier)
			revLater = append(revLater, rv.Later)
		}
		for _, k := range g.Kept {
			keptEarlier = append(keptEarlier, k.Earlier)
			keptLater = append(keptLater, k.Later)
		}
	}
	groups := hop{"EditionDiff", "groups"}
	for _, pl := range []struct {
		nodes []policygraph.Entity
		path  []hop
	}{
		{earlier, []hop{groups, {"PillarGroupDiff", "earlier"}}},
		{later, []hop{groups, {"PillarGroupDiff", "later"}}},
		{earlierDirs, []hop{groups, {"PillarGroupDiff", "earlierDirections"}}},
		{laterDirs, []hop{groups, {"PillarGroupDiff", "laterDirections"}}},
		{planned, []hop{groups, {"PillarGroupDiff", "planned"}, {"PlannedMeasure", "measure"}}},
		{evEarlier, []hop{groups, {"PillarGroupDiff", "planned"}, {"PlannedMeasure", "evidence"}, {"EvolutionPair", "earlier"}}},
		{evLater, []hop{groups, {"PillarGroupDiff", "planned"}, {"PlannedMeasure", "evidence"}, {"EvolutionPair", "later"}}},
		{news, []hop{groups, {"PillarGroupDiff", "new"}}},
		{revEarlier, []hop{groups, {"PillarGroupDiff", "revised"}, {"TargetRevisionPair", "earlier"}}},
		{revLater, []hop{groups, {"PillarGroupDiff", "revised"}, {"TargetRevisionPair", "later"}}},
		{keptEarlier, []hop{groups, {"PillarGroupDiff", "kept"}, {"TargetKeptPair", "earlier"}}},
		{keptLater, []hop{groups, {"PillarGroupDiff", "kept"}, {"TargetKeptPair", "later"}}},
	} {
		r.planBelow(ctx, pl.nodes, pl.path...)
	}
	return d, nil
}
