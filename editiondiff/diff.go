// Package editiondiff answers the question two editions of a report exist
// for: what became of the earlier edition's promises. It compares two
// documents through the graph any policygraph.Store holds — pillars paired
// by CONTINUES, measures by EVOLVES_FROM, targets by REVISES — and is used
// by the API (Query.editionDiff) and the CLI (policygraph diff).
package editiondiff

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/policygraph/policygraph"
)

// Outcomes of a planned (○ FUTURE) measure of the earlier edition, decided
// by its best-scoring successor in the later edition (EVOLVES_FROM; ties go
// to PROGRESS, then TODO).
const (
	OutcomeProgress     = "PROGRESS"      // the successor reports progress (第３次以降の進捗)
	OutcomeTodo         = "TODO"          // the successor is still to be considered (今後検討)
	OutcomeContinued    = "CONTINUED"     // a successor whose status the text does not tell
	OutcomeNotMentioned = "NOT_MENTIONED" // no measure of the later edition continues it
)

// Diff compares two editions.
type Diff struct {
	From, To *policygraph.Document
	// Groups are the pillars of both editions joined by CONTINUES: a pillar
	// continued one to one is a group of two, a merge puts the merged
	// pillars together, and a pillar nothing continues stands alone. Every
	// measure belongs to the group of its pillar, so totals add up.
	Groups []*Group
	Totals Totals
}

// Group is one set of pillars joined by CONTINUES.
type Group struct {
	Earlier []*policygraph.Pillar // of From, in pillar order
	Later   []*policygraph.Pillar // of To
	// Planned is every ○ (FUTURE) measure of the earlier pillars, 再掲
	// repeats left out (their original is counted) and overview cells that
	// SUMMARIZES a planned measure left out (that measure is counted), in
	// document order.
	Planned []*Planned
	// New is every measure of the later pillars that continues no measure of
	// From (no EVOLVES_FROM), 再掲 repeats left out, in document order.
	New []*policygraph.Measure
	// Revised is every REVISES from a target of the later pillars to a
	// target of From.
	Revised []*Revision
	Totals  Totals
}

// Planned is a planned measure and what the later edition says of it.
type Planned struct {
	Measure *policygraph.Measure
	Outcome string
	// Evidence is the later edition's measures that continue it or an
	// overview cell that SUMMARIZES it (Evolution.Earlier is then the
	// cell), best score first.
	Evidence []*Evolution
}

// Evolution is one EVOLVES_FROM pair.
type Evolution struct {
	Earlier, Later *policygraph.Measure
	Score          float64
}

// Revision is one REVISES pair.
type Revision struct {
	Earlier, Later     *policygraph.Target
	FromValue, ToValue float64
	Unit               string
	Score              float64
}

// Totals count a group's or the whole diff's items.
type Totals struct {
	Planned, Progress, Todo, Continued, NotMentioned, New, Revised int
}

func (t *Totals) add(u Totals) {
	t.Planned += u.Planned
	t.Progress += u.Progress
	t.Todo += u.Todo
	t.Continued += u.Continued
	t.NotMentioned += u.NotMentioned
	t.New += u.New
	t.Revised += u.Revised
}

// Compute compares the documents from (earlier) and to (later); with
// pillarID, only the group of that pillar (of either edition). EINVALID when
// an id is not a document of the store, the two are the same, from is not
// the earlier one, or the pillar belongs to neither. The number of store
// calls is fixed (a dozen, more only past MaxBatch ids per walk).
func Compute(ctx context.Context, s policygraph.Store, fromID, toID, pillarID string) (*Diff, error) {
	const op = "editiondiff.Compute"
	invalid := func(format string, a ...any) error {
		return &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: fmt.Sprintf(format, a...)}
	}
	if fromID == toID {
		return nil, invalid("from and to are the same document %q", fromID)
	}
	docs, err := s.Nodes(ctx, []string{fromID, toID})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	from, _ := docs[0].(*policygraph.Document)
	to, _ := docs[1].(*policygraph.Document)
	switch {
	case from == nil:
		return nil, invalid("from %q is not a document", fromID)
	case to == nil:
		return nil, invalid("to %q is not a document", toID)
	case from.Year >= to.Year:
		return nil, invalid("from (%s, %d) must be an earlier edition than to (%s, %d)", from.ID, from.Year, to.ID, to.Year)
	}
	r := &reader{ctx: ctx, s: s}
	earlier, err := s.Pillars(ctx, policygraph.PillarFilter{DocumentID: from.ID})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	later, err := s.Pillars(ctx, policygraph.PillarFilter{DocumentID: to.ID})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	groups := r.groups(earlier, later)
	if pillarID != "" {
		groups = slices.DeleteFunc(groups, func(g *Group) bool {
			return !slices.ContainsFunc(slices.Concat(g.Earlier, g.Later), func(p *policygraph.Pillar) bool { return p.ID == pillarID })
		})
		if len(groups) == 0 {
			return nil, invalid("pillar %q is not a pillar of %s or %s", pillarID, from.ID, to.ID)
		}
	}
	r.fill(groups, from, to)
	if r.err != nil {
		return nil, fmt.Errorf("%s: %w", op, r.err)
	}
	d := &Diff{From: from, To: to, Groups: groups}
	for _, g := range groups {
		d.Totals.add(g.Totals)
	}
	return d, nil
}

// reader walks the store in batches and keeps the first error.
type reader struct {
	ctx context.Context
	s   policygraph.Store
	err error
}

func (r *reader) walk(ids []string, typ string, dir policygraph.Direction) map[string][]policygraph.Hop {
	out := map[string][]policygraph.Hop{}
	for start := 0; start < len(ids) && r.err == nil; start += policygraph.MaxBatch {
		m, err := r.s.Related(r.ctx, ids[start:min(start+policygraph.MaxBatch, len(ids))], policygraph.RelQuery{Type: typ, Direction: dir})
		if err != nil {
			r.err = err
			break
		}
		for id, hs := range m {
			out[id] = hs
		}
	}
	return out
}

func pillarIDs(ps []*policygraph.Pillar) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

// groups joins the pillars by CONTINUES (union–find over both editions),
// in the order of each group's first later pillar, then earlier-only groups
// in pillar order.
func (r *reader) groups(earlier, later []*policygraph.Pillar) []*Group {
	parent := map[string]string{}
	var find func(string) string
	find = func(id string) string {
		if p, ok := parent[id]; ok && p != id {
			parent[id] = find(p)
			return parent[id]
		}
		return id
	}
	inEarlier := map[string]bool{}
	for _, p := range earlier {
		inEarlier[p.ID] = true
	}
	cont := r.walk(pillarIDs(later), policygraph.RelContinues, policygraph.Outgoing)
	for _, p := range later {
		for _, h := range cont[p.ID] {
			if inEarlier[h.Node.NodeID()] {
				parent[find(h.Node.NodeID())] = find(p.ID)
			}
		}
	}
	byRoot := map[string]*Group{}
	var out []*Group
	group := func(id string) *Group {
		root := find(id)
		g := byRoot[root]
		if g == nil {
			g = &Group{}
			byRoot[root] = g
			out = append(out, g)
		}
		return g
	}
	// Later pillars first: the groups come in the later edition's order.
	for _, p := range later {
		g := group(p.ID)
		g.Later = append(g.Later, p)
	}
	for _, p := range earlier {
		g := group(p.ID)
		g.Earlier = append(g.Earlier, p)
	}
	return out
}

// fill reads the measures, evolutions and revisions of the groups.
func (r *reader) fill(groups []*Group, from, to *policygraph.Document) {
	var earlierPillars, laterPillars []*policygraph.Pillar
	for _, g := range groups {
		earlierPillars = append(earlierPillars, g.Earlier...)
		laterPillars = append(laterPillars, g.Later...)
	}
	all := slices.Concat(earlierPillars, laterPillars)
	measures := r.walk(pillarIDs(all), policygraph.RelHasMeasure, policygraph.Outgoing)
	targets := r.walk(pillarIDs(laterPillars), policygraph.RelHasTarget, policygraph.Outgoing)

	// An overview cell (2023 各分野の主要施策) that SUMMARIZES a planned
	// measure is not one more plan (MeasureFilter.Distinct's rule): the
	// measures it digests are counted and inherit its successors (cellsOf).
	var cells []string
	earlierByID := map[string]*policygraph.Measure{}
	plan := func(m *policygraph.Measure) bool { return m.Status == policygraph.StatusFuture && !m.Relist }
	for _, p := range earlierPillars {
		for _, h := range measures[p.ID] {
			if m, ok := h.Node.(*policygraph.Measure); ok {
				earlierByID[m.ID] = m
				if m.Overview && plan(m) {
					cells = append(cells, m.ID)
				}
			}
		}
	}
	summarizes := r.walk(cells, policygraph.RelSummarizes, policygraph.Outgoing)
	cellsOf := map[string][]string{} // planned measure id → the planned cells that summarize it
	dropped := map[string]bool{}
	for _, c := range cells {
		for _, h := range summarizes[c] {
			if m := earlierByID[h.Node.NodeID()]; m != nil && plan(m) {
				cellsOf[m.ID] = append(cellsOf[m.ID], c)
				dropped[c] = true
			}
		}
	}

	var planned, laterMeasures, laterTargets []string
	for _, g := range groups {
		for _, p := range g.Earlier {
			for _, m := range sortedMeasures(measures[p.ID]) {
				if plan(m) && !dropped[m.ID] {
					planned = append(planned, m.ID)
					g.Planned = append(g.Planned, &Planned{Measure: m})
				}
			}
		}
		for _, p := range g.Later {
			for _, m := range sortedMeasures(measures[p.ID]) {
				laterMeasures = append(laterMeasures, m.ID)
			}
			for _, h := range targets[p.ID] {
				laterTargets = append(laterTargets, h.Node.NodeID())
			}
		}
	}
	successors := r.walk(slices.Concat(planned, cells), policygraph.RelEvolvesFrom, policygraph.Incoming)
	ancestors := r.walk(laterMeasures, policygraph.RelEvolvesFrom, policygraph.Outgoing)
	revises := r.walk(laterTargets, policygraph.RelRevises, policygraph.Outgoing)
	if r.err != nil {
		return
	}
	for _, g := range groups {
		for _, pl := range g.Planned {
			seen := map[string]bool{}
			for _, id := range append([]string{pl.Measure.ID}, cellsOf[pl.Measure.ID]...) {
				earlier := cmp.Or(earlierByID[id], pl.Measure)
				for _, h := range successors[id] {
					if m, ok := h.Node.(*policygraph.Measure); ok && m.DocumentID == to.ID && !seen[m.ID] {
						seen[m.ID] = true
						pl.Evidence = append(pl.Evidence, &Evolution{Earlier: earlier, Later: m, Score: h.Rel.Float("score")})
					}
				}
			}
			slices.SortStableFunc(pl.Evidence, func(a, b *Evolution) int {
				return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(statusRank(a.Later.Status), statusRank(b.Later.Status)), cmp.Compare(a.Later.ID, b.Later.ID))
			})
			pl.Outcome = OutcomeNotMentioned
			if len(pl.Evidence) > 0 {
				switch pl.Evidence[0].Later.Status {
				case policygraph.StatusProgress:
					pl.Outcome = OutcomeProgress
				case policygraph.StatusTodo:
					pl.Outcome = OutcomeTodo
				default:
					pl.Outcome = OutcomeContinued
				}
			}
			g.Totals.Planned++
			switch pl.Outcome {
			case OutcomeProgress:
				g.Totals.Progress++
			case OutcomeTodo:
				g.Totals.Todo++
			case OutcomeContinued:
				g.Totals.Continued++
			default:
				g.Totals.NotMentioned++
			}
		}
		for _, p := range g.Later {
			for _, m := range sortedMeasures(measures[p.ID]) {
				if m.Relist || slices.ContainsFunc(ancestors[m.ID], func(h policygraph.Hop) bool {
					return policygraph.DocumentOf(h.Node) == from.ID
				}) {
					continue
				}
				g.New = append(g.New, m)
			}
			for _, h := range targets[p.ID] {
				later, ok := h.Node.(*policygraph.Target)
				if !ok {
					continue
				}
				for _, rh := range revises[later.ID] {
					if earlier, ok := rh.Node.(*policygraph.Target); ok && earlier.DocumentID == from.ID {
						unit, _ := rh.Rel.Properties["unit"].(string)
						g.Revised = append(g.Revised, &Revision{Earlier: earlier, Later: later,
							FromValue: rh.Rel.Float("fromValue"), ToValue: rh.Rel.Float("toValue"), Unit: unit, Score: rh.Rel.Float("score")})
					}
				}
			}
		}
		g.Totals.New = len(g.New)
		g.Totals.Revised = len(g.Revised)
	}
}

// sortedMeasures are the measures of a HAS_MEASURE walk in document order.
func sortedMeasures(hops []policygraph.Hop) []*policygraph.Measure {
	var out []*policygraph.Measure
	for _, h := range hops {
		if m, ok := h.Node.(*policygraph.Measure); ok {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b *policygraph.Measure) int {
		return cmp.Or(cmp.Compare(a.LineStart, b.LineStart), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// statusRank orders successors of equal score: progress first.
func statusRank(status string) int {
	switch status {
	case policygraph.StatusProgress:
		return 0
	case policygraph.StatusTodo:
		return 1
	}
	return 2
}
