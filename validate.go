package policygraph

import (
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
