package inmem

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// Measures returns one page of the matching measures.
//
// Orders: DOCUMENT (the default) is document year, lineStart, id; TITLE is
// title (by code point) then document order; START_YEAR is startYear,
// measures without one last, then document order. Desc is the exact reverse
// of the ascending order, tie-breakers included (measures without a
// startYear come first).
//
// Filters on unknown document, pillar, group, law or fund ids match nothing.
// Text is a substring of Normalize(title) or Normalize(text).
func (s *Store) Measures(ctx context.Context, f policygraph.MeasureFilter, o policygraph.MeasureOrder, p policygraph.Page) ([]*policygraph.Measure, error) {
	const op = "Measures"
	ms, err := s.filterMeasures(op, f)
	if err != nil {
		return nil, err
	}
	cmpFn := s.measureOrder(o.By)
	if cmpFn == nil {
		return nil, errorf(op, policygraph.EINVALID, "unknown measure order %q", o.By)
	}
	slices.SortStableFunc(ms, cmpFn)
	if o.Desc {
		slices.Reverse(ms)
	}
	return window(op, ms, p)
}

func (s *Store) CountMeasures(ctx context.Context, f policygraph.MeasureFilter) (int, error) {
	ms, err := s.filterMeasures("CountMeasures", f)
	return len(ms), err
}

// measureOrder returns the comparison for an order name, nil if unknown.
func (s *Store) measureOrder(by string) func(a, b *policygraph.Measure) int {
	doc := func(a, b *policygraph.Measure) int { return s.compareNodes(a.ID, b.ID) }
	switch by {
	case "", "DOCUMENT":
		return doc
	case "TITLE":
		return func(a, b *policygraph.Measure) int { return cmp.Or(cmp.Compare(a.Title, b.Title), doc(a, b)) }
	case "START_YEAR":
		return func(a, b *policygraph.Measure) int { return cmp.Or(compareYears(a.StartYear, b.StartYear), doc(a, b)) }
	}
	return nil
}

// compareYears orders years with 0 (unknown) last.
func compareYears(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// filterMeasures returns the matching measures in document order.
func (s *Store) filterMeasures(op string, f policygraph.MeasureFilter) ([]*policygraph.Measure, error) {
	if err := policygraph.CheckMeasureFilter(f); err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	text := textsearch.Normalize(f.Text)
	var out []*policygraph.Measure
	for _, m := range shortest(s.measures, s.measuresBy, map[string]string{
		byDocument: f.DocumentID, byPillar: f.PillarID, byGroup: f.GroupID, byLaw: f.LawID, byFund: f.FundID,
	}) {
		switch {
		case f.DocumentID != "" && m.DocumentID != f.DocumentID,
			f.PillarID != "" && m.PillarID != f.PillarID,
			f.GroupID != "" && m.GroupID != f.GroupID,
			len(f.Statuses) > 0 && !slices.Contains(f.Statuses, m.Status),
			f.Relist != nil && m.Relist != *f.Relist,
			f.Overview != nil && m.Overview != *f.Overview,
			f.LawID != "" && !s.linked(m.ID, policygraph.RelCitesLaw, f.LawID),
			f.FundID != "" && !s.linked(m.ID, policygraph.RelUsesFund, f.FundID),
			!overlaps(m.StartYear, m.EndYear, f.YearFrom, f.YearTo),
			text != "" && !strings.Contains(s.norm[m.ID], text):
			continue
		}
		out = append(out, m)
	}
	if f.Distinct {
		out = s.distinct(out)
	}
	return out, nil
}

// distinct is policygraph.DistinctMeasures over the store's SUMMARIZES.
func (s *Store) distinct(ms []*policygraph.Measure) []*policygraph.Measure {
	out, _ := policygraph.DistinctMeasures(ms, func(m *policygraph.Measure) ([]string, error) {
		var ends []string
		for _, r := range s.out[m.ID] {
			if r.Type == policygraph.RelSummarizes {
				ends = append(ends, r.End)
			}
		}
		return ends, nil // reads memory: no error
	})
	return out
}

// linked reports whether a relationship of the type leads from start to end.
func (s *Store) linked(start, typ, end string) bool {
	for _, r := range s.out[start] {
		if r.Type == typ && r.End == end {
			return true
		}
	}
	return false
}

// overlaps reports whether the span [start, end] (one year when only one is
// known) meets [from, to]; a zero bound is open. Without a known year the
// span meets nothing once a bound is set.
func overlaps(start, end, from, to int) bool {
	if from == 0 && to == 0 {
		return true
	}
	if start == 0 && end == 0 {
		return false
	}
	if start == 0 {
		start = end
	}
	if end == 0 {
		end = start
	}
	if start > end {
		start, end = end, start
	}
	return (from == 0 || end >= from) && (to == 0 || start <= to)
}

// Targets returns one page of the matching targets in document order. An
// unknown kind is EINVALID; years keep targets whose year is in range.
func (s *Store) Targets(ctx context.Context, f policygraph.TargetFilter, p policygraph.Page) ([]*policygraph.Target, error) {
	ts, err := s.filterTargets("Targets", f)
	if err != nil {
		return nil, err
	}
	return window("Targets", ts, p)
}

func (s *Store) CountTargets(ctx context.Context, f policygraph.TargetFilter) (int, error) {
	ts, err := s.filterTargets("CountTargets", f)
	return len(ts), err
}

func (s *Store) filterTargets(op string, f policygraph.TargetFilter) ([]*policygraph.Target, error) {
	if err := policygraph.CheckTargetFilter(f); err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	text := textsearch.Normalize(f.Text)
	var out []*policygraph.Target
	for _, t := range shortest(s.targets, s.targetsBy, map[string]string{byDocument: f.DocumentID, byPillar: f.PillarID}) {
		switch {
		case f.DocumentID != "" && t.DocumentID != f.DocumentID,
			f.PillarID != "" && t.PillarID != f.PillarID,
			f.Kind != "" && t.Kind != f.Kind,
			!overlaps(t.Year, t.Year, f.YearFrom, f.YearTo),
			text != "" && !strings.Contains(s.norm[t.ID], text):
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

// shortest returns the shortest index list among the filter values that are
// set (all when none is). Callers still test every condition on it.
func shortest[T any](all []T, index map[string]map[string][]T, values map[string]string) []T {
	best := all
	for key, v := range values {
		if v == "" {
			continue
		}
		if l := index[key][v]; len(l) < len(best) {
			best = l
		}
	}
	return best
}

// window applies a page: EINVALID for a negative offset or limit, or a
// limit above MaxPage; 0 means MaxPage. A window past the end is empty.
func window[T any](op string, xs []T, p policygraph.Page) ([]T, error) {
	offset, limit, err := policygraph.CheckPage(p)
	if err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	if offset >= len(xs) {
		return []T{}, nil
	}
	return slices.Clone(xs[offset:min(len(xs), offset+limit)]), nil
}
