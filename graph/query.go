package graph

import (
	"context"
	"slices"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
)

// Limits of root fields that the store does not bound itself.
const (
	MaxSearchResults     = 100
	MaxNeighbourhoodSize = policygraph.MaxPage
	MaxPaths             = 50
)

func measureOrder(o *model.MeasureOrderBy) policygraph.MeasureOrder {
	if o == nil {
		return policygraph.MeasureOrder{}
	}
	return policygraph.MeasureOrder{By: o.Field.String(), Desc: o.Direction == model.OrderDirectionDesc}
}

// storeMeasures pages measures through Store.Measures; Store.CountMeasures
// is called only when the query selects totalCount (or pages with last and
// no before).
func (r *Resolver) storeMeasures(ctx context.Context, f policygraph.MeasureFilter, o policygraph.MeasureOrder, a pageArgs) (*model.MeasureConnection, error) {
	total := -1
	count := func() (int, error) {
		if total < 0 {
			n, err := r.Store.CountMeasures(ctx, f)
			if err != nil {
				return 0, err
			}
			total = n
		}
		return total, nil
	}
	w, err := a.resolve(count)
	if err != nil {
		return nil, err
	}
	items, more, err := fetchWindow(w, func(p policygraph.Page) ([]*policygraph.Measure, error) {
		return r.Store.Measures(ctx, f, o, p)
	})
	if err != nil {
		return nil, err
	}
	if fieldRequested(ctx, "totalCount") {
		if _, err := count(); err != nil {
			return nil, err
		}
	}
	prefetchAll(ctx, r, items)
	return measureConnection(w, items, more, max(total, 0)), nil
}

// storeTargets is storeMeasures for targets.
func (r *Resolver) storeTargets(ctx context.Context, f policygraph.TargetFilter, a pageArgs) (*model.TargetConnection, error) {
	total := -1
	count := func() (int, error) {
		if total < 0 {
			n, err := r.Store.CountTargets(ctx, f)
			if err != nil {
				return 0, err
			}
			total = n
		}
		return total, nil
	}
	w, err := a.resolve(count)
	if err != nil {
		return nil, err
	}
	items, more, err := fetchWindow(w, func(p policygraph.Page) ([]*policygraph.Target, error) {
		return r.Store.Targets(ctx, f, p)
	})
	if err != nil {
		return nil, err
	}
	if fieldRequested(ctx, "totalCount") {
		if _, err := count(); err != nil {
			return nil, err
		}
	}
	prefetchAll(ctx, r, items)
	return targetConnection(w, items, more, max(total, 0)), nil
}

// pillarMeasures resolves Pillar.measures. In document order and filtered
// at most by status and relist it walks HAS_MEASURE through the request's
// dataloader (one store call for all pillars of the query); any other filter
// or order asks Store.Measures for this pillar.
func (r *Resolver) pillarMeasures(ctx context.Context, p *policygraph.Pillar, filter *model.PillarMeasureFilter, orderBy *model.MeasureOrderBy, a pageArgs) (*model.MeasureConnection, error) {
	var fl model.PillarMeasureFilter
	if filter != nil {
		fl = *filter
	}
	o := measureOrder(orderBy)
	batched := fl.Group == nil && fl.Law == nil && fl.Fund == nil && fl.YearFrom == nil && fl.YearTo == nil && fl.Text == nil &&
		(o.By == "" || o.By == model.MeasureOrderFieldDocument.String()) && !o.Desc
	if !batched {
		f := policygraph.MeasureFilter{PillarID: p.ID, Statuses: fl.Status, Relist: fl.Relist}
		for dst, src := range map[*string]*string{&f.GroupID: fl.Group, &f.LawID: fl.Law, &f.FundID: fl.Fund, &f.Text: fl.Text} {
			if src != nil {
				*dst = *src
			}
		}
		if fl.YearFrom != nil {
			f.YearFrom = *fl.YearFrom
		}
		if fl.YearTo != nil {
			f.YearTo = *fl.YearTo
		}
		return r.storeMeasures(ctx, f, o, a)
	}
	all, err := walk[*policygraph.Measure](ctx, r, p.ID, policygraph.RelHasMeasure, out)
	if err != nil {
		return nil, err
	}
	if len(fl.Status) > 0 || fl.Relist != nil {
		kept := make([]*policygraph.Measure, 0, len(all))
		for _, m := range all {
			if len(fl.Status) > 0 && !slices.Contains(fl.Status, m.Status) {
				continue
			}
			if fl.Relist != nil && m.Relist != *fl.Relist {
				continue
			}
			kept = append(kept, m)
		}
		all = kept
	}
	w, err := a.resolve(func() (int, error) { return len(all), nil })
	if err != nil {
		return nil, err
	}
	items, more := sliceWindow(w, all)
	return measureConnection(w, items, more, len(all)), nil
}

// use is one law or fund a pillar depends on, with its mentions.
type use struct {
	item     policygraph.Entity
	mentions []*model.Mention
}

// pillarUses collects the laws (CITES_LAW) or funds (USES_FUND) of a pillar,
// its measures and its targets: three batched walks whatever the number of
// pillars in the query.
func (r *Resolver) pillarUses(ctx context.Context, p *policygraph.Pillar, relType string) ([]use, error) {
	l := r.loaders(ctx)
	measures := l.relLoader(policygraph.RelQuery{Type: policygraph.RelHasMeasure, Direction: out}).LoadThunk(ctx, p.ID)
	targets := l.relLoader(policygraph.RelQuery{Type: policygraph.RelHasTarget, Direction: out}).LoadThunk(ctx, p.ID)
	mh, err := measures()
	if err != nil {
		return nil, err
	}
	th, err := targets()
	if err != nil {
		return nil, err
	}
	starts := []policygraph.Entity{p}
	for _, h := range append(slices.Clip(mh), th...) {
		starts = append(starts, h.Node)
	}
	ids := make([]string, len(starts))
	for i, s := range starts {
		ids[i] = s.NodeID()
	}
	all, err := l.HopsAll(ctx, ids, relType, out)
	if err != nil {
		return nil, err
	}
	var uses []use
	index := map[string]int{}
	for i, hops := range all {
		for _, h := range hops {
			id := h.Node.NodeID()
			k, ok := index[id]
			if !ok {
				k = len(uses)
				index[id] = k
				uses = append(uses, use{item: h.Node})
			}
			uses[k].mentions = append(uses[k].mentions, mentionOf(starts[i], h.Rel))
		}
	}
	return uses, nil
}

// referencedBy lists the REFERS_TO pointers at a pillar or group.
func (r *Resolver) referencedBy(ctx context.Context, to policygraph.Entity) ([]*model.Reference, error) {
	hops, err := r.loaders(ctx).Hops(ctx, to.NodeID(), policygraph.RelRefersTo, in)
	if err != nil {
		return nil, err
	}
	refs := make([]*model.Reference, 0, len(hops))
	for _, h := range hops {
		if m, ok := h.Node.(*policygraph.Measure); ok {
			refs = append(refs, &model.Reference{From: m, To: to, Via: optString(propString(h.Rel, "via"))})
		}
	}
	return refs, nil
}

func (r *Resolver) search(ctx context.Context, query string, types []string, document *string, first *int) ([]*policygraph.SearchHit, error) {
	q := policygraph.SearchQuery{Text: query, Limit: 20}
	if first != nil {
		if *first < 1 {
			return nil, invalid("first must be at least 1")
		}
		if *first > MaxSearchResults {
			return nil, limit("first may not exceed %d", MaxSearchResults)
		}
		q.Limit = *first
	}
	for _, t := range types {
		q.Labels = append(q.Labels, nodeTypeLabels[t])
	}
	if document != nil {
		q.DocumentID = *document
	}
	hits, err := r.Store.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	return ptrs(hits), nil
}

func (r *Resolver) neighbourhood(ctx context.Context, id string, depth, limitArg *int) (*model.Neighbourhood, error) {
	d, n := 1, 200
	if depth != nil {
		d = *depth
	}
	if limitArg != nil {
		n = *limitArg
	}
	if n < 1 {
		return nil, invalid("limit must be at least 1")
	}
	if n > MaxNeighbourhoodSize {
		return nil, limit("limit may not exceed %d", MaxNeighbourhoodSize)
	}
	sg, err := r.Store.Neighbourhood(ctx, id, d, n)
	if err != nil {
		return nil, err
	}
	return &model.Neighbourhood{Nodes: graphNodes(sg.Nodes), Edges: sg.Relationships, Truncated: sg.Truncated}, nil
}

func (r *Resolver) paths(ctx context.Context, from, to string, maxHops, first *int) ([]*policygraph.Path, error) {
	h, n := 4, 5
	if maxHops != nil {
		h = *maxHops
	}
	if first != nil {
		n = *first
	}
	if h < 1 || n < 1 {
		return nil, invalid("maxHops and first must be at least 1")
	}
	if n > MaxPaths {
		return nil, limit("first may not exceed %d", MaxPaths)
	}
	ps, err := r.Store.Paths(ctx, from, to, h, n)
	if err != nil {
		return nil, err
	}
	return ptrs(ps), nil
}

func labelCounts(m map[string]int) []*model.LabelCount {
	out := make([]*model.LabelCount, 0, len(policygraph.Labels))
	for _, l := range policygraph.Labels {
		out = append(out, &model.LabelCount{Label: l, Count: m[l]})
	}
	return out
}
