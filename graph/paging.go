package graph

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
)

// DefaultPageSize is the page size of a connection queried without first or
// last; MaxPageSize (policygraph.MaxPage) is the largest allowed.
const (
	DefaultPageSize = 20
	MaxPageSize     = policygraph.MaxPage
)

const cursorPrefix = "offset:"

// maxCursorOffset bounds the offsets a cursor may carry: far beyond any real
// result, far below integer overflow.
const maxCursorOffset = 1 << 30

// encodeCursor makes the opaque cursor of the item at offset i.
func encodeCursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(i)))
}

// decodeCursor reads a cursor made by encodeCursor.
func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return 0, invalid("invalid cursor %q", c)
	}
	i, err := strconv.Atoi(strings.TrimPrefix(string(b), cursorPrefix))
	// A forged cursor must not overflow offset arithmetic downstream.
	if err != nil || i < 0 || i > maxCursorOffset {
		return 0, invalid("invalid cursor %q", c)
	}
	return i, nil
}

// pageArgs are the Relay arguments of a connection field.
type pageArgs struct {
	First, Last   *int
	After, Before *string
}

// window is the slice [Start, Start+Limit) of an ordered result that a page
// covers. Limit is exact when Bounded (before or last gave the end);
// otherwise the result may hold more items after the window.
type window struct {
	Start, Limit int
	Bounded      bool
	Backward     bool // the end came from a before cursor
}

// resolve turns Relay arguments into a window. count is called only when
// last is used without before.
func (a pageArgs) resolve(count func() (int, error)) (window, error) {
	if a.First != nil && a.Last != nil {
		return window{}, invalid("use first or last, not both")
	}
	for _, n := range []*int{a.First, a.Last} {
		if n == nil {
			continue
		}
		if *n < 0 {
			return window{}, invalid("first and last must not be negative")
		}
		if *n > MaxPageSize {
			return window{}, limit("first and last may not exceed %d", MaxPageSize)
		}
	}
	start, end := 0, -1
	if a.After != nil {
		i, err := decodeCursor(*a.After)
		if err != nil {
			return window{}, err
		}
		start = i + 1
	}
	if a.Before != nil {
		i, err := decodeCursor(*a.Before)
		if err != nil {
			return window{}, err
		}
		end = max(i, start)
	}
	w := window{Start: start, Backward: a.Before != nil}
	switch {
	case a.Last != nil:
		if end < 0 {
			n, err := count()
			if err != nil {
				return window{}, err
			}
			end = max(n, start)
		}
		w.Start = max(start, end-*a.Last)
		w.Limit = end - w.Start
		w.Bounded = true
	default:
		n := DefaultPageSize
		if a.First != nil {
			n = *a.First
		}
		w.Limit = n
		if end >= 0 && end-start <= n {
			w.Limit = end - start
			w.Bounded = true
		}
	}
	return w, nil
}

// pageInfo fills Relay page information for n items fetched at w.Start,
// more telling whether items follow the window.
func pageInfo(w window, n int, more bool) *model.PageInfo {
	pi := &model.PageInfo{HasPreviousPage: w.Start > 0, HasNextPage: more || w.Backward}
	if n > 0 {
		s, e := encodeCursor(w.Start), encodeCursor(w.Start+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// fetchWindow loads the items of w with fetch(offset, limit), reading one item
// past the window (or one extra call when the page is already MaxPage) to tell
// whether more follow. An empty window that before does not bound (first: 0)
// still reads that one item: Relay's hasNextPage says whether items follow
// where the page starts, as sliceWindow does for a whole list.
func fetchWindow[T any](w window, fetch func(p policygraph.Page) ([]T, error)) ([]T, bool, error) {
	if w.Limit == 0 && w.Bounded {
		return nil, false, nil
	}
	if w.Bounded {
		items, err := fetch(policygraph.Page{Offset: w.Start, Limit: w.Limit})
		return items, false, err
	}
	if w.Limit < MaxPageSize {
		items, err := fetch(policygraph.Page{Offset: w.Start, Limit: w.Limit + 1})
		if err != nil {
			return nil, false, err
		}
		if len(items) > w.Limit {
			return items[:w.Limit], true, nil
		}
		return items, false, nil
	}
	items, err := fetch(policygraph.Page{Offset: w.Start, Limit: w.Limit})
	if err != nil || len(items) < w.Limit {
		return items, false, err
	}
	next, err := fetch(policygraph.Page{Offset: w.Start + w.Limit, Limit: 1})
	return items, len(next) > 0, err
}

// sliceWindow cuts w out of a whole in-memory result.
func sliceWindow[T any](w window, all []T) ([]T, bool) {
	start := max(0, min(w.Start, len(all)))
	end := max(start, min(start+w.Limit, len(all)))
	return all[start:end], end < len(all)
}

// measureConnection builds a connection from a page of measures; edges
// (a cursor each) only when the query selects them.
func measureConnection(ctx context.Context, w window, items []*policygraph.Measure, more bool, total int) *model.MeasureConnection {
	c := &model.MeasureConnection{Nodes: items, PageInfo: pageInfo(w, len(items), more), TotalCount: total}
	if !fieldRequested(ctx, "edges") {
		return c
	}
	c.Edges = make([]*model.MeasureEdge, len(items))
	for i, m := range items {
		c.Edges[i] = &model.MeasureEdge{Cursor: encodeCursor(w.Start + i), Node: m}
	}
	return c
}

// targetConnection builds a connection from a page of targets.
func targetConnection(ctx context.Context, w window, items []*policygraph.Target, more bool, total int) *model.TargetConnection {
	c := &model.TargetConnection{Nodes: items, PageInfo: pageInfo(w, len(items), more), TotalCount: total}
	if !fieldRequested(ctx, "edges") {
		return c
	}
	c.Edges = make([]*model.TargetEdge, len(items))
	for i, t := range items {
		c.Edges[i] = &model.TargetEdge{Cursor: encodeCursor(w.Start + i), Node: t}
	}
	return c
}

// fieldRequested reports whether the selection set of the field being
// resolved asks for name (fragments included).
func fieldRequested(ctx context.Context, name string) bool {
	if graphql.GetFieldContext(ctx) == nil {
		return true
	}
	for _, f := range graphql.CollectAllFields(ctx) {
		if f == name {
			return true
		}
	}
	return false
}
