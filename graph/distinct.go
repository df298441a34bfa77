package graph

import (
	"context"

	"github.com/policygraph/policygraph"
)

// summarizesOut is the walk distinct lists read: an overview cell's
// SUMMARIZES links.
var summarizesOut = walkRel(policygraph.RelSummarizes, out)

// measureList resolves a measure list with a distinct argument
// (Law/Fund/Organisation/MeasureGroup.measures): the measures at the far end
// of relType (incoming) from id, without those that SUMMARIZES another of
// them when distinct. The planner reads the cells' SUMMARIZES beforehand.
func (r *Resolver) measureList(ctx context.Context, id, relType string, distinct bool) ([]*policygraph.Measure, error) {
	ms, err := walk[*policygraph.Measure](ctx, r, id, relType, in)
	if err != nil || !distinct {
		return ms, err
	}
	c := r.cache(ctx)
	return distinctMeasures(ms, func(id string) ([]policygraph.Hop, error) { return c.Hops(ctx, id, summarizesOut) })
}

// distinctMeasures is policygraph.DistinctMeasures reading SUMMARIZES
// through summarizes; only overview cells have SUMMARIZES, so only theirs
// are read (the planner reads them beforehand).
func distinctMeasures(ms []*policygraph.Measure, summarizes func(id string) ([]policygraph.Hop, error)) ([]*policygraph.Measure, error) {
	return policygraph.DistinctMeasures(ms, func(m *policygraph.Measure) ([]string, error) {
		if !m.Overview {
			return nil, nil
		}
		hops, err := summarizes(m.ID)
		ids := make([]string, 0, len(hops))
		for _, h := range hops {
			ids = append(ids, h.Node.NodeID())
		}
		return ids, err
	})
}
