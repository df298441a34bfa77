package graph

import (
	"context"
	"slices"

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

// distinctMeasures drops the measures of ms that SUMMARIZES another measure
// of ms (MeasureFilter.Distinct's rule), keeping the order. Only overview
// cells have SUMMARIZES, so only theirs are read.
func distinctMeasures(ms []*policygraph.Measure, summarizes func(id string) ([]policygraph.Hop, error)) ([]*policygraph.Measure, error) {
	listed := make(map[string]bool, len(ms))
	for _, m := range ms {
		listed[m.ID] = true
	}
	out := make([]*policygraph.Measure, 0, len(ms))
	for _, m := range ms {
		if m.Overview {
			hops, err := summarizes(m.ID)
			if err != nil {
				return nil, err
			}
			if slices.ContainsFunc(hops, func(h policygraph.Hop) bool { return listed[h.Node.NodeID()] }) {
				continue
			}
		}
		out = append(out, m)
	}
	return out, nil
}
