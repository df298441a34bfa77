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

// comparePillar is pillar order (policygraph.ComparePillars).
func comparePillar(ya int, a *policygraph.Pillar, yb int, b *policygraph.Pillar) int {
	return policygraph.ComparePillars(ya, a, yb, b)
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

// withOp sets the operation of a shared validation error.
func withOp(op string, err *policygraph.Error) error {
	if err == nil {
		return nil
	}
	err.Op = op
	return err
}

func validatePillarFilter(op string, f policygraph.PillarFilter) error {
	return withOp(op, policygraph.CheckPillarFilter(f))
}

func validateMeasureFilter(op string, f policygraph.MeasureFilter) error {
	return withOp(op, policygraph.CheckMeasureFilter(f))
}

func validateMeasureOrder(op string, o policygraph.MeasureOrder) error {
	return withOp(op, policygraph.CheckMeasureOrder(o))
}

func validateTargetFilter(op string, f policygraph.TargetFilter) error {
	return withOp(op, policygraph.CheckTargetFilter(f))
}

// validatePage returns the offset and limit of a page.
func validatePage(op string, p policygraph.Page) (offset, limit int, err error) {
	offset, limit, e := policygraph.CheckPage(p)
	return offset, limit, withOp(op, e)
}

// lineStart is the first source line of a node from text, 0 for the others.
func lineStart(e policygraph.Entity) int {
	s, _ := policygraph.SourceOf(e)
	return s.LineStart
}
