package policygraph

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// Argument rules of the Store contract, shared by every store so their
// answers to bad arguments cannot drift apart.

const (
	// DefaultSearchLimit is the number of hits for SearchQuery.Limit 0.
	DefaultSearchLimit = 20
	// MaxSearchRunes bounds a search text: each pair of characters becomes a
	// term of the full-text query, and a scan costs terms × nodes.
	MaxSearchRunes = 256
)

// Statuses lists the measure statuses.
var Statuses = []string{StatusPast, StatusFuture, StatusProgress, StatusTodo, StatusUnknown}

// CheckLimit validates a result size that is not a page: EINVALID when
// negative, ELIMIT above MaxPage, def for 0.
func CheckLimit(limit, def int) (int, *Error) {
	switch {
	case limit < 0:
		return 0, Errorf(EINVALID, "negative limit %d", limit)
	case limit > MaxPage:
		return 0, Errorf(ELIMIT, "limit %d: at most %d", limit, MaxPage)
	case limit == 0:
		return def, nil
	}
	return limit, nil
}

// CheckSearch validates the parts of a search question that do not depend on
// how a store normalises text: its length and its labels.
func CheckSearch(q SearchQuery) *Error {
	if n := utf8.RuneCountInString(q.Text); n > MaxSearchRunes {
		return Errorf(EINVALID, "search text of %d characters: at most %d", n, MaxSearchRunes)
	}
	for _, l := range q.Labels {
		if !slices.Contains(Labels, l) {
			return Errorf(EINVALID, "unknown label %q", l)
		}
	}
	return nil
}

// CheckBound validates a hop count such as Neighbourhood's depth or Paths'
// maxHops: EINVALID when negative, ELIMIT above max.
func CheckBound(name string, v, max int) *Error {
	switch {
	case v < 0:
		return Errorf(EINVALID, "negative %s %d", name, v)
	case v > max:
		return Errorf(ELIMIT, "%s %d: at most %d", name, v, max)
	}
	return nil
}

// CheckOrgFilter validates an OrgFilter: EINVALID for an unknown kind.
func CheckOrgFilter(f OrgFilter) *Error {
	if f.Kind != "" && !slices.Contains(OrgKinds, f.Kind) {
		return Errorf(EINVALID, "unknown organisation kind %q", f.Kind)
	}
	return nil
}

// TargetKinds lists the target kinds.
var TargetKinds = []string{"LONG_TERM", "MID_TERM", "INDICATOR", "KEY_MESSAGE", "MEASURE_GOAL"}

// MeasureOrders lists the values of MeasureOrder.By ("" is DOCUMENT).
var MeasureOrders = []string{"", "DOCUMENT", "TITLE", "START_YEAR"}

// CheckPillarFilter validates a PillarFilter: EINVALID for an unknown kind.
func CheckPillarFilter(f PillarFilter) *Error {
	if f.Kind != "" && f.Kind != KindMission && f.Kind != KindOS {
		return Errorf(EINVALID, "unknown pillar kind %q", f.Kind)
	}
	return nil
}

// CheckMeasureFilter validates a MeasureFilter: EINVALID for an unknown
// status or a bad year range.
func CheckMeasureFilter(f MeasureFilter) *Error {
	for _, st := range f.Statuses {
		if !slices.Contains(Statuses, st) {
			return Errorf(EINVALID, "unknown status %q", st)
		}
	}
	return checkYears(f.YearFrom, f.YearTo)
}

// CheckMeasureOrder validates a MeasureOrder: EINVALID for an unknown By.
func CheckMeasureOrder(o MeasureOrder) *Error {
	if !slices.Contains(MeasureOrders, o.By) {
		return Errorf(EINVALID, "unknown order %q", o.By)
	}
	return nil
}

// CheckTargetFilter validates a TargetFilter: EINVALID for an unknown kind
// or a bad year range.
func CheckTargetFilter(f TargetFilter) *Error {
	if f.Kind != "" && !slices.Contains(TargetKinds, f.Kind) {
		return Errorf(EINVALID, "unknown target kind %q", f.Kind)
	}
	return checkYears(f.YearFrom, f.YearTo)
}

func checkYears(from, to int) *Error {
	if from < 0 || to < 0 {
		return Errorf(EINVALID, "negative year")
	}
	if from != 0 && to != 0 && from > to {
		return Errorf(EINVALID, "yearFrom %d is after yearTo %d", from, to)
	}
	return nil
}

// CheckPage validates a Page and returns its offset and limit (MaxPage for
// 0): EINVALID for a negative offset or a limit outside 0…MaxPage.
func CheckPage(p Page) (offset, limit int, err *Error) {
	if p.Offset < 0 {
		return 0, 0, Errorf(EINVALID, "negative offset %d", p.Offset)
	}
	if p.Limit < 0 || p.Limit > MaxPage {
		return 0, 0, Errorf(EINVALID, "limit %d is outside 0…%d", p.Limit, MaxPage)
	}
	if p.Limit == 0 {
		return p.Offset, MaxPage, nil
	}
	return p.Offset, p.Limit, nil
}

// ComparePillars is the pillar order of Store.Pillars: document year (ya and
// yb, the years of a's and b's documents), MISSION before OS, ordinal, id.
func ComparePillars(ya int, a *Pillar, yb int, b *Pillar) int {
	return cmp.Or(
		cmp.Compare(ya, yb),
		cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)),
		cmp.Compare(a.Ordinal, b.Ordinal),
		cmp.Compare(a.ID, b.ID),
	)
}

func kindRank(kind string) int {
	if kind == KindMission {
		return 0
	}
	return 1
}
