// Package editiondiff answers the question two editions of a report exist
// for: what became of the earlier edition's promises. It compares two
// documents through the graph any policygraph.Store holds — pillars paired
// by CONTINUES, measures by EVOLVES_FROM, targets by REVISES and KEEPS — and is used
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
	// pillars together, and a pillar nothing continues stands alone. What
	// is outside every pillar is one last group, when there is any: the
	// policy directions of both editions (2025's 政策の方向性, 2023's macro
	// framework), as nothing pairs them, and the goals the later document
	// holds itself. Every measure and target belongs to the group of its
	// pillar or direction, so totals add up; a measure listed twice, or a
	// goal of the earlier edition two later statements keep or revise,
	// counts once.
	Groups []*Group
	Totals Totals
}

// Group is one set of pillars joined by CONTINUES, or what is outside the
// pillars (the policy directions of both editions; the pillars empty).
type Group struct {
	Earlier []*policygraph.Pillar // of From, in pillar order
	Later   []*policygraph.Pillar // of To
	// EarlierDirections and LaterDirections are the policy directions of
	// From and To, in order, in the directions group only.
	EarlierDirections, LaterDirections []*policygraph.PolicyDirection
	// docGoals is the later document, in the group outside the pillars,
	// which reads the goals the document holds itself; "" in the others.
	docGoals string
	// Planned is every ○ (FUTURE) measure of the earlier pillars or
	// directions, 再掲 repeats left out (their original is counted) and
	// overview cells that SUMMARIZES a planned measure left out (that
	// measure is counted), in document order.
	Planned []*Planned
	// New is every measure of the later pillars or directions that
	// continues no measure of From (no EVOLVES_FROM), in document order;
	// 再掲 repeats are left out, and so is a direction's measure that a
	// table cell of a later pillar copies (RELISTS from the cell): it is
	// counted once, as that cell.
	New []*policygraph.Measure
	// Kept is every KEEPS from a target of the later pillars or directions
	// (or document) to a target of From: the goal stated again with the
	// same value.
	Kept []*Keep
	// Revised is every REVISES from a target of the later pillars or
	// directions (or document) to a target of From.
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

// Keep is one KEEPS pair: the same goal and value in both editions.
type Keep struct {
	Earlier, Later *policygraph.Target
	Value          float64
	Unit           string
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
	Planned, Progress, Todo, Continued, NotMentioned, New, Revised, Kept int
}

func (t *Totals) add(u Totals) {
	t.Planned += u.Planned
	t.Progress += u.Progress
	t.Todo += u.Todo
	t.Continued += u.Continued
	t.NotMentioned += u.NotMentioned
	t.New += u.New
	t.Revised += u.Revised
	t.Kept += u.Kept
}

// Compute compares the documents from (earlier) and to (later); with
// pillarID, only the group of that pillar or policy direction (of either
// edition). EINVALID when
// an id is not a document of the store, the two are the same, from is not
// the earlier one, or the pillar belongs to neither. It makes at most 13
// store calls, more only past MaxBatch ids per walk (TestComputeStoreCalls).
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
	groups := append(r.groups(earlier, later), r.outside(from, to))
	if r.err != nil {
		return nil, fmt.Errorf("%s: %w", op, r.err)
	}
	if pillarID != "" {
		groups = slices.DeleteFunc(groups, func(g *Group) bool { return !slices.Contains(g.ids(), pillarID) })
		if len(groups) == 0 {
			return nil, invalid("pillar %q is not a pillar or policy direction of %s or %s", pillarID, from.ID, to.ID)
		}
	}
	r.fill(groups, from, to)
	if r.err != nil {
		return nil, fmt.Errorf("%s: %w", op, r.err)
	}
	// The group outside the pillars is dropped when it has nothing.
	groups = slices.DeleteFunc(groups, func(g *Group) bool {
		return g.docGoals != "" && len(g.EarlierDirections)+len(g.LaterDirections)+len(g.Planned)+len(g.New)+len(g.Revised)+len(g.Kept) == 0
	})
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

// outside returns the group of what is outside the pillars: the policy
// directions of from and to, in their order, and the goals the later
// document holds itself (its key messages').
func (r *reader) outside(from, to *policygraph.Document) *Group {
	hops := r.walk([]string{from.ID, to.ID}, policygraph.RelHasDirection, policygraph.Outgoing)
	of := func(doc string) []*policygraph.PolicyDirection {
		var out []*policygraph.PolicyDirection
		for _, h := range hops[doc] {
			if d, ok := h.Node.(*policygraph.PolicyDirection); ok {
				out = append(out, d)
			}
		}
		slices.SortFunc(out, func(a, b *policygraph.PolicyDirection) int {
			return cmp.Or(cmp.Compare(a.Ordinal, b.Ordinal), cmp.Compare(a.ID, b.ID))
		})
		return out
	}
	return &Group{EarlierDirections: of(from.ID), LaterDirections: of(to.ID), docGoals: to.ID}
}

// ids are the ids of the group's pillars and directions.
func (g *Group) ids() []string {
	ids := slices.Concat(pillarIDs(g.Earlier), pillarIDs(g.Later))
	for _, d := range slices.Concat(g.EarlierDirections, g.LaterDirections) {
		ids = append(ids, d.ID)
	}
	return ids
}

// earlierIDs and laterIDs are the ids of the group's pillars and directions
// of one edition, pillars first.
func (g *Group) earlierIDs() []string { return idsOf(g.Earlier, g.EarlierDirections) }
func (g *Group) laterIDs() []string   { return idsOf(g.Later, g.LaterDirections) }

// goalHolders are the ids of what holds the group's later targets: its
// later pillars and directions, and the later document for the group
// outside the pillars.
func (g *Group) goalHolders() []string {
	if g.docGoals != "" {
		return append(g.laterIDs(), g.docGoals)
	}
	return g.laterIDs()
}

func idsOf(ps []*policygraph.Pillar, ds []*policygraph.PolicyDirection) []string {
	ids := pillarIDs(ps)
	for _, d := range ds {
		ids = append(ids, d.ID)
	}
	return ids
}

// fill reads the measures, evolutions and revisions of the groups.
func (r *reader) fill(groups []*Group, from, to *policygraph.Document) {
	var earlierUnits, laterUnits, laterDirs, holders []string
	isDir := map[string]bool{}
	for _, g := range groups {
		earlierUnits = append(earlierUnits, g.earlierIDs()...)
		laterUnits = append(laterUnits, g.laterIDs()...)
		holders = append(holders, g.goalHolders()...)
		for _, d := range g.EarlierDirections {
			isDir[d.ID] = true
		}
		for _, d := range g.LaterDirections {
			laterDirs = append(laterDirs, d.ID)
			isDir[d.ID] = true
		}
	}
	measures := r.walk(slices.Concat(earlierUnits, laterUnits), policygraph.RelHasMeasure, policygraph.Outgoing)
	// A measure listed under a direction and in a pillar too counts in its
	// pillar's group only.
	for id := range isDir {
		measures[id] = slices.DeleteFunc(measures[id], func(h policygraph.Hop) bool {
			m, ok := h.Node.(*policygraph.Measure)
			return !ok || m.PillarID != ""
		})
	}
	targets := r.walk(holders, policygraph.RelHasTarget, policygraph.Outgoing)

	// An overview cell (2023 各分野の主要施策) that SUMMARIZES a planned
	// measure is not one more plan (MeasureFilter.Distinct's rule): the
	// measures it digests are counted and inherit its successors (cellsOf).
	var cells []string
	earlierByID := map[string]*policygraph.Measure{}
	plan := func(m *policygraph.Measure) bool { return m.Status == policygraph.StatusFuture && !m.Relist }
	for _, id := range earlierUnits {
		for _, h := range measures[id] {
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

	var planned, laterMeasures, laterTargets, dirMeasures []string
	seen := map[string]bool{} // a measure under two directions counts once
	for _, g := range groups {
		for _, id := range g.earlierIDs() {
			for _, m := range sortedMeasures(measures[id]) {
				if plan(m) && !dropped[m.ID] && !seen[m.ID] {
					seen[m.ID] = true
					planned = append(planned, m.ID)
					g.Planned = append(g.Planned, &Planned{Measure: m})
				}
			}
		}
		for _, id := range g.laterIDs() {
			for _, m := range sortedMeasures(measures[id]) {
				laterMeasures = append(laterMeasures, m.ID)
			}
		}
		for _, id := range g.goalHolders() {
			for _, h := range targets[id] {
				laterTargets = append(laterTargets, h.Node.NodeID())
			}
		}
	}
	for _, id := range laterDirs {
		for _, h := range measures[id] {
			dirMeasures = append(dirMeasures, h.Node.NodeID())
		}
	}
	successors := r.walk(slices.Concat(planned, cells), policygraph.RelEvolvesFrom, policygraph.Incoming)
	ancestors := r.walk(laterMeasures, policygraph.RelEvolvesFrom, policygraph.Outgoing)
	revises := r.walk(laterTargets, policygraph.RelRevises, policygraph.Outgoing)
	keeps := r.walk(laterTargets, policygraph.RelKeeps, policygraph.Outgoing)
	copies := r.walk(dirMeasures, policygraph.RelRelists, policygraph.Incoming)
	if r.err != nil {
		return
	}
	// A direction's measure that a table cell of a later pillar copies is
	// counted as the cell (copied), in the cell's pillar group.
	copied := func(id string) bool {
		return slices.ContainsFunc(copies[id], func(h policygraph.Hop) bool {
			m, ok := h.Node.(*policygraph.Measure)
			marked, _ := h.Rel.Properties["marked"].(bool)
			return ok && m.PillarID != "" && m.DocumentID == to.ID && !marked && !m.Relist
		})
	}
	// A goal of the earlier edition two later statements keep (or revise)
	// is counted once: the first statement's.
	goalSeen := map[string]bool{}
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
		for _, id := range g.laterIDs() {
			for _, m := range sortedMeasures(measures[id]) {
				if m.Relist || copied(m.ID) || seen[m.ID] || slices.ContainsFunc(ancestors[m.ID], func(h policygraph.Hop) bool {
					return policygraph.DocumentOf(h.Node) == from.ID
				}) {
					continue
				}
				seen[m.ID] = true
				g.New = append(g.New, m)
			}
		}
		for _, id := range g.goalHolders() {
			for _, later := range sortedTargets(targets[id]) {
				for _, rh := range revises[later.ID] {
					if earlier, ok := rh.Node.(*policygraph.Target); ok && earlier.DocumentID == from.ID && !goalSeen[earlier.ID] {
						goalSeen[earlier.ID] = true
						unit, _ := rh.Rel.Properties["unit"].(string)
						g.Revised = append(g.Revised, &Revision{Earlier: earlier, Later: later,
							FromValue: rh.Rel.Float("fromValue"), ToValue: rh.Rel.Float("toValue"), Unit: unit, Score: rh.Rel.Float("score")})
					}
				}
				for _, kh := range keeps[later.ID] {
					if earlier, ok := kh.Node.(*policygraph.Target); ok && earlier.DocumentID == from.ID && !goalSeen[earlier.ID] {
						goalSeen[earlier.ID] = true
						unit, _ := kh.Rel.Properties["unit"].(string)
						g.Kept = append(g.Kept, &Keep{Earlier: earlier, Later: later, Value: kh.Rel.Float("value"), Unit: unit, Score: kh.Rel.Float("score")})
					}
				}
			}
		}
		g.Totals.New = len(g.New)
		g.Totals.Revised = len(g.Revised)
		g.Totals.Kept = len(g.Kept)
	}
}

// sortedTargets are the targets of a HAS_TARGET walk in document order.
func sortedTargets(hops []policygraph.Hop) []*policygraph.Target {
	return sortedNodes[*policygraph.Target](hops)
}

// sortedMeasures are the measures of a HAS_MEASURE walk in document order.
func sortedMeasures(hops []policygraph.Hop) []*policygraph.Measure {
	return sortedNodes[*policygraph.Measure](hops)
}

// sortedNodes are the nodes of type T of a walk by first line, then id.
func sortedNodes[T policygraph.Entity](hops []policygraph.Hop) []T {
	var out []T
	for _, h := range hops {
		if n, ok := h.Node.(T); ok {
			out = append(out, n)
		}
	}
	line := func(n T) int {
		s, _ := policygraph.SourceOf(n)
		return s.LineStart
	}
	slices.SortFunc(out, func(a, b T) int {
		return cmp.Or(cmp.Compare(line(a), line(b)), cmp.Compare(a.NodeID(), b.NodeID()))
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
