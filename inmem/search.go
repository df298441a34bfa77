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
	// Rank every node, then build the snippets of the hits returned only.
	type found struct {
		e     *searchEntry
		field int
		score float64
	}
	var ranked []found
	for _, l := range slices.Compact(slices.Sorted(slices.Values(labels))) {
		for i := range s.search[l] {
			e := &s.search[l][i]
			if q.DocumentID != "" && e.docID != q.DocumentID {
				continue
			}
			if f, score := textsearch.BestField(query, e.texts); f >= 0 {
				ranked = append(ranked, found{e, f, score})
			}
		}
	}
	// Equal scores: a node found by its own name or title before one
	// found by an alias or a longer text (ＤＸ, the 2025 pillar's name,
	// before the 2023 pillar that has it as an alias), then by id.
	slices.SortFunc(ranked, func(a, b found) int {
		return cmp.Or(cmp.Compare(b.score, a.score),
			cmp.Compare(textsearch.FieldRank(a.e.fields[a.field].Name), textsearch.FieldRank(b.e.fields[b.field].Name)),
			cmp.Compare(a.e.node.NodeID(), b.e.node.NodeID()))
	})
	ranked = ranked[:min(len(ranked), limit)]
	hits := make([]policygraph.SearchHit, len(ranked))
	for i, r := range ranked {
		hits[i] = textsearch.FieldHit(query, r.e.node, r.e.fields[r.field], r.e.texts[r.field], r.score)
	}
	return hits, nil
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
