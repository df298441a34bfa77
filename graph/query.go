package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
)

// Limits of root fields that the store does not bound itself.
const (
	MaxSearchResults     = 100
	MaxNeighbourhoodSize = policygraph.MaxPage
	MaxPaths             = 50
	// MaxMarkerRunes bounds SearchHit.marked's open and close.
	MaxMarkerRunes = 8
	// DefaultMarkOpen and DefaultMarkClose are SearchHit.marked's default
	// markers (the schema's defaults too): no text of the corpus holds
	// them, unlike 【】, the default until they came.
	DefaultMarkOpen  = "⟦"
	DefaultMarkClose = "⟧"
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
	planAll(ctx, r, items)
	return measureConnection(ctx, w, items, more, max(total, 0)), nil
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
	planAll(ctx, r, items)
	return targetConnection(ctx, w, items, more, max(total, 0)), nil
}

// pillarMeasuresArgs are the arguments of Pillar.measures.
type pillarMeasuresArgs struct {
	filter model.PillarMeasureFilter
	order  policygraph.MeasureOrder
	page   pageArgs
}

// walked tells whether the field is resolved by the HAS_MEASURE walk: no
// filter other than status and relist, document order ascending. Any other
// filter or order (overview and distinct included: distinct needs the
// SUMMARIZES links) is a store query for the pillar.
func (a pillarMeasuresArgs) walked() bool {
	fl := a.filter
	return fl.Group == nil && fl.Law == nil && fl.Fund == nil && fl.YearFrom == nil && fl.YearTo == nil && fl.Text == nil &&
		fl.Overview == nil && !fl.Distinct &&
		(a.order.By == "" || a.order.By == model.MeasureOrderFieldDocument.String()) && !a.order.Desc
}

// parsePillarMeasuresArgs reads the argument map of a Pillar.measures field
// (as the planner sees it, variables substituted) into the resolver's types.
func parsePillarMeasuresArgs(m map[string]any) (pillarMeasuresArgs, error) {
	var raw struct {
		Filter  *model.PillarMeasureFilter `json:"filter"`
		OrderBy *model.MeasureOrderBy      `json:"orderBy"`
		First   *int                       `json:"first"`
		Last    *int                       `json:"last"`
		After   *string                    `json:"after"`
		Before  *string                    `json:"before"`
	}
	// GraphQL lets one value stand for a list of one (status: FUTURE);
	// the resolver gets [FUTURE], and so must this.
	if f, ok := m["filter"].(map[string]any); ok {
		if st, ok := f["status"].(string); ok {
			f = maps.Clone(f)
			f["status"] = []any{st}
			m = maps.Clone(m)
			m["filter"] = f
		}
	}
	b, err := json.Marshal(m)
	if err == nil {
		err = json.Unmarshal(b, &raw)
	}
	if err != nil {
		return pillarMeasuresArgs{}, fmt.Errorf("Pillar.measures arguments: %w", err)
	}
	a := pillarMeasuresArgs{order: measureOrder(raw.OrderBy), page: pageArgs{First: raw.First, Last: raw.Last, After: raw.After, Before: raw.Before}}
	if raw.Filter != nil {
		a.filter = *raw.Filter
	}
	return a, nil
}

// page is one window of an ordered result.
type page[T any] struct {
	w     window
	items []T
	more  bool
	total int
}

// walkedPage filters a pillar's measures by status and relist and cuts the
// window of a out of them. The planner and the resolver both call it, so
// they agree on the page.
func walkedPage(all []*policygraph.Measure, fl model.PillarMeasureFilter, a pageArgs) (page[*policygraph.Measure], error) {
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
		return page[*policygraph.Measure]{}, err
	}
	items, more := sliceWindow(w, all)
	return page[*policygraph.Measure]{w: w, items: items, more: more, total: len(all)}, nil
}

// pillarMeasures resolves Pillar.measures: by the HAS_MEASURE walk (planned
// for all pillars of the query at once) when a.walked(), else by
// Store.Measures for this pillar.
func (r *Resolver) pillarMeasures(ctx context.Context, p *policygraph.Pillar, a pillarMeasuresArgs) (*model.MeasureConnection, error) {
	if !a.walked() {
		fl := a.filter
		f := policygraph.MeasureFilter{PillarID: p.ID, Statuses: fl.Status, Relist: fl.Relist, Overview: fl.Overview, Distinct: fl.Distinct}
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
		return r.storeMeasures(ctx, f, a.order, a.page)
	}
	all, err := walk[*policygraph.Measure](ctx, r, p.ID, policygraph.RelHasMeasure, out)
	if err != nil {
		return nil, err
	}
	pg, err := walkedPage(all, a.filter, a.page)
	if err != nil {
		return nil, err
	}
	return measureConnection(ctx, pg.w, pg.items, pg.more, pg.total), nil
}

// use is one law or fund a pillar depends on, with its mentions.
type use struct {
	item     policygraph.Entity
	mentions []*model.Mention
}

// pillarUses collects the laws (CITES_LAW) or funds (USES_FUND) of a pillar,
// its measures and its targets. The planner reads them for every pillar of
// a level at once (pillarUses rule); here they come from the cache.
func (r *Resolver) pillarUses(ctx context.Context, p *policygraph.Pillar, relType string) ([]use, error) {
	c := r.cache(ctx)
	starts := []policygraph.Entity{p}
	for _, q := range pillarHolds {
		hops, err := c.Hops(ctx, p.ID, q)
		if err != nil {
			return nil, err
		}
		for _, h := range hops {
			starts = append(starts, h.Node)
		}
	}
	var uses []use
	index := map[string]int{}
	for _, s := range starts {
		hops, err := c.Hops(ctx, s.NodeID(), policygraph.RelQuery{Type: relType, Direction: out})
		if err != nil {
			return nil, err
		}
		for _, h := range hops {
			id := h.Node.NodeID()
			k, ok := index[id]
			if !ok {
				k = len(uses)
				index[id] = k
				uses = append(uses, use{item: h.Node})
			}
			uses[k].mentions = append(uses[k].mentions, mentionOf(s, h.Rel))
		}
	}
	return uses, nil
}

// referencedBy lists the REFERS_TO pointers at a pillar or group.
func (r *Resolver) referencedBy(ctx context.Context, to policygraph.Entity) ([]*model.Reference, error) {
	hops, err := r.cache(ctx).Hops(ctx, to.NodeID(), refersToIn)
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
	nodes := make([]policygraph.Entity, len(hits))
	for i, h := range hits {
		nodes[i] = h.Node
	}
	r.planBelow(ctx, nodes, hop{"SearchHit", "node"})
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
	r.planBelow(ctx, sg.Nodes, hop{"Neighbourhood", "nodes"}, hop{"GraphNode", "node"})
	return &model.Neighbourhood{Nodes: graphNodes(sg.Nodes), Edges: sg.Relationships, Truncated: sg.Truncated}, nil
}

func (r *Resolver) paths(ctx context.Context, from, to string, maxHops, first *int, avoid []string) ([]*policygraph.Path, error) {
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
	labels := make([]string, len(avoid))
	for i, t := range avoid {
		labels[i] = nodeTypeLabels[t]
	}
	ps, err := r.Store.Paths(ctx, from, to, h, n, labels...)
	if err != nil {
		return nil, err
	}
	var nodes []policygraph.Entity
	for _, p := range ps {
		nodes = append(nodes, p.Nodes...)
	}
	r.planBelow(ctx, nodes, hop{"Path", "nodes"}, hop{"GraphNode", "node"})
	return ptrs(ps), nil
}

// relatedPillars resolves Query.relatedPillars and Pillar.relatedPillars:
// one store query per pillar, then the nodes it returns are planned.
func (r *Resolver) relatedPillars(ctx context.Context, id string) ([]*policygraph.PillarRelation, error) {
	rels, err := r.Store.RelatedPillars(ctx, id)
	if err != nil {
		return nil, err
	}
	var pillars, laws, funds []policygraph.Entity
	for _, rel := range rels {
		pillars = append(pillars, rel.Pillar)
		for _, l := range rel.SharedLaws {
			laws = append(laws, l)
		}
		for _, f := range rel.SharedFunds {
			funds = append(funds, f)
		}
	}
	r.planBelow(ctx, pillars, hop{"PillarRelation", "pillar"})
	r.planBelow(ctx, laws, hop{"PillarRelation", "sharedLaws"})
	r.planBelow(ctx, funds, hop{"PillarRelation", "sharedFunds"})
	return ptrs(rels), nil
}

func labelCounts(m map[string]int) []*model.LabelCount {
	out := make([]*model.LabelCount, 0, len(policygraph.Labels))
	for _, l := range policygraph.Labels {
		out = append(out, &model.LabelCount{Label: l, Count: m[l]})
	}
	return out
}

// pillarAmounts are the amounts a pillar states: HAS_AMOUNT from the pillar
// and from what it holds (policygraph.PillarHolds), each once, in document
// order (the planner reads them like Pillar.laws).
func (r *Resolver) pillarAmounts(ctx context.Context, p *policygraph.Pillar) ([]*policygraph.Amount, error) {
	uses, err := r.pillarUses(ctx, p, policygraph.RelHasAmount)
	if err != nil {
		return nil, err
	}
	out := make([]*policygraph.Amount, 0, len(uses))
	for _, u := range uses {
		if a, ok := u.item.(*policygraph.Amount); ok {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b *policygraph.Amount) int {
		return cmp.Or(cmp.Compare(a.LineStart, b.LineStart), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// totalYen sums the amounts counting each yen value once: a sum restated
// (in a target, a measure and the prose of one pillar) is one sum.
func totalYen(amounts []*policygraph.Amount) int64 {
	seen := map[int64]bool{}
	var total int64
	for _, a := range amounts {
		if !seen[a.Yen] {
			seen[a.Yen] = true
			total += min(a.Yen, math.MaxInt64-total) // saturates: no wrap to negative
		}
	}
	return total
}
