package neo4jstore

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/policygraph/policygraph"
)

// Orders and validation shared by the methods; they follow the Store
// documentation (and the in-memory store) exactly.

// compareDocOrder is document order: document year, lineStart, id; nodes of
// no document (laws, funds) after all others, by id, as inmem orders them.
func compareDocOrder(ya int, a policygraph.Entity, yb int, b policygraph.Entity) int {
	sa, sb := policygraph.DocumentOf(a) == "", policygraph.DocumentOf(b) == ""
	if sa != sb {
		if sa {
			return 1
		}
		return -1
	}
	return cmp.Or(
		cmp.Compare(ya, yb),
		cmp.Compare(lineStart(a), lineStart(b)), // 0 for a Document: first of its year
		cmp.Compare(a.NodeID(), b.NodeID()),
	)
}

// compareHop orders the hops of Related: by the far node's document order,
// then by relationship id.
func compareHop(ya int, a policygraph.Hop, yb int, b policygraph.Hop) int {
	return cmp.Or(compareDocOrder(ya, a.Node, yb, b.Node), cmp.Compare(a.Rel.ID, b.Rel.ID))
}

func sortDocuments(docs []*policygraph.Document) {
	slices.SortStableFunc(docs, func(a, b *policygraph.Document) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID))
	})
}

func kindRank(kind string) int {
	if kind == policygraph.KindMission {
		return 0
	}
	return 1
}

// comparePillar is pillar order: document year, MISSION before OS, ordinal, id.
func comparePillar(ya int, a *policygraph.Pillar, yb int, b *policygraph.Pillar) int {
	return cmp.Or(
		cmp.Compare(ya, yb),
		cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
		cmp.Compare(a.Ordinal, b.Ordinal),
		cmp.Compare(a.ID, b.ID),
	)
}

func pillarLess(a, b yNode) int {
	return comparePillar(a.year, a.e.(*policygraph.Pillar), b.year, b.e.(*policygraph.Pillar))
}

func sortByYear(ns []yNode, f func(a, b yNode) int) { slices.SortStableFunc(ns, f) }

func sortLaws(laws []*policygraph.Law) {
	slices.SortStableFunc(laws, func(a, b *policygraph.Law) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}

func sortFunds(funds []*policygraph.Fund) {
	slices.SortStableFunc(funds, func(a, b *policygraph.Fund) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}

func invalid(op, format string, args ...any) error {
	return &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: fmt.Sprintf(format, args...)}
}

var statuses = []string{
	policygraph.StatusPast, policygraph.StatusFuture, policygraph.StatusProgress,
	policygraph.StatusTodo, policygraph.StatusUnknown,
}

func validatePillarFilter(op string, f policygraph.PillarFilter) error {
	if f.Kind != "" && f.Kind != policygraph.KindMission && f.Kind != policygraph.KindOS {
		return invalid(op, "unknown pillar kind %q", f.Kind)
	}
	return nil
}

func validateMeasureFilter(op string, f policygraph.MeasureFilter) error {
	for _, st := range f.Statuses {
		if !slices.Contains(statuses, st) {
			return invalid(op, "unknown status %q", st)
		}
	}
	return checkYears(op, f.YearFrom, f.YearTo)
}

func checkYears(op string, from, to int) error {
	if from < 0 || to < 0 {
		return invalid(op, "negative year")
	}
	if from != 0 && to != 0 && from > to {
		return invalid(op, "yearFrom %d is after yearTo %d", from, to)
	}
	return nil
}

var targetKinds = []string{"LONG_TERM", "MID_TERM", "INDICATOR", "KEY_MESSAGE"}

func validateMeasureOrder(op string, o policygraph.MeasureOrder) error {
	switch o.By {
	case "", "DOCUMENT", "TITLE", "START_YEAR":
		return nil
	}
	return invalid(op, "unknown order %q", o.By)
}

func validateTargetFilter(op string, f policygraph.TargetFilter) error {
	if f.Kind != "" && !slices.Contains(targetKinds, f.Kind) {
		return invalid(op, "unknown target kind %q", f.Kind)
	}
	return checkYears(op, f.YearFrom, f.YearTo)
}

// validatePage returns the offset and limit of a page.
func validatePage(op string, p policygraph.Page) (offset, limit int, err error) {
	if p.Offset < 0 {
		return 0, 0, invalid(op, "negative offset %d", p.Offset)
	}
	if p.Limit < 0 || p.Limit > policygraph.MaxPage {
		return 0, 0, invalid(op, "limit %d is outside 0…%d", p.Limit, policygraph.MaxPage)
	}
	limit = p.Limit
	if limit == 0 {
		limit = policygraph.MaxPage
	}
	return p.Offset, limit, nil
}

// lineStart is the first source line of a node from text, 0 for the others.
func lineStart(e policygraph.Entity) int {
	s, _ := policygraph.SourceOf(e)
	return s.LineStart
}
