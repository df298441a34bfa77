package inmem

import (
	"cmp"
	"context"
	"slices"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// DefaultSearchLimit is the number of hits for SearchQuery.Limit 0.
const DefaultSearchLimit = policygraph.DefaultSearchLimit

// Search scans every node with textsearch: a node is a hit when one of its
// textsearch.Fields matches (a word naming a law, fund or organisation
// matches any of its spellings: textsearch.Names); hits are ordered by score (descending), then
// id. EINVALID for a query that normalises to nothing, an unknown label or
// a negative limit; ELIMIT for a limit above MaxPage. A DocumentID keeps
// only nodes of that document (the document itself included; laws and
// funds never).
func (s *Store) Search(ctx context.Context, q policygraph.SearchQuery) ([]policygraph.SearchHit, error) {
	const op = "Search"
	if err := policygraph.CheckSearch(q); err != nil {
		err.Op = "inmem." + op
		return nil, err
	}
	query := s.names.Query(q.Text)
	if query.Empty() {
		return nil, errorf(op, policygraph.EINVALID, "empty query")
	}
	limit, err := checkLimit(op, q.Limit, DefaultSearchLimit)
	if err != nil {
		return nil, err
	}
	labels := q.Labels
	if len(labels) == 0 {
		labels = policygraph.Labels
	}
	var hits []policygraph.SearchHit
	for _, l := range slices.Compact(slices.Sorted(slices.Values(labels))) {
		for _, e := range s.search[l] {
			if q.DocumentID != "" && e.docID != q.DocumentID {
				continue
			}
			if h, ok := textsearch.Hit(query, e.node, e.fields, e.texts); ok {
				hits = append(hits, h)
			}
		}
	}
	slices.SortFunc(hits, func(a, b policygraph.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Node.NodeID(), b.Node.NodeID()))
	})
	return hits[:min(len(hits), limit)], nil
}

// checkLimit is policygraph.CheckLimit with the operation named.
func checkLimit(op string, limit, def int) (int, error) {
	n, err := policygraph.CheckLimit(limit, def)
	if err != nil {
		err.Op = "inmem." + op
		return 0, err
	}
	return n, nil
}
