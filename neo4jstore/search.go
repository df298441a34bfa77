package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// Search runs in two steps. Candidates come from Neo4j: from the full-text
// index pg_search when textsearch.FulltextQuery can express the query (its
// hits are a superset of what textsearch matches), otherwise from a scan
// that keeps the nodes whose normalised fields contain every query term
// (also a superset). Then textsearch.Hit, the function inmem uses, decides,
// scores and snippets each candidate in Go, so both stores answer alike.

// searchFieldNames are the textsearch field names; each is stored
// normalised as pg_s_<name> (list fields joined by newlines, which
// Normalize never leaves inside a value).
var searchFieldNames = []string{"title", "text", "name", "aliases", "longTermGoal"}

func allSearchFields() []string { return searchFieldNames }

func searchProp(field string) string { return "pg_s_" + field }

func normalize(s string) string { return textsearch.Normalize(s) }

// searchFields returns the normalised searchable fields of a node.
func searchFields(e policygraph.Entity) map[string]string {
	out := map[string]string{}
	for _, f := range textsearch.Fields(e) {
		n := textsearch.Normalize(f.Text)
		if prev, ok := out[f.Name]; ok {
			out[f.Name] = prev + "\n" + n
		} else {
			out[f.Name] = n
		}
	}
	return out
}

// searchScanPredicate is true when some field contains every term.
func searchScanPredicate() string {
	var fs []string
	for _, f := range searchFieldNames {
		fs = append(fs, "n."+searchProp(f))
	}
	return "ANY(f IN [" + strings.Join(fs, ", ") + "] WHERE f IS NOT NULL AND ALL(t IN $terms WHERE f CONTAINS t))"
}

// searchMode is how Search fetches candidates; tests force each mode.
type searchMode int

const (
	searchAuto searchMode = iota
	searchFulltext
	searchScan
)

func (s *Store) Search(ctx context.Context, q policygraph.SearchQuery) ([]policygraph.SearchHit, error) {
	return s.search(ctx, q, searchAuto)
}

func (s *Store) search(ctx context.Context, q policygraph.SearchQuery, mode searchMode) ([]policygraph.SearchHit, error) {
	const op = "neo4jstore.Search"
	tq := textsearch.NewQuery(q.Text)
	limit, err := validateSearch(op, q, tq)
	if err != nil {
		return nil, err
	}
	var where []string
	params := map[string]any{}
	if len(q.Labels) > 0 {
		where = append(where, "ANY(l IN labels(n) WHERE l IN $labels)")
		params["labels"] = q.Labels
	}
	if q.DocumentID != "" {
		where = append(where, "n."+propDoc+" = $doc")
		params["doc"] = q.DocumentID
	}
	lucene := cjkTerms(textsearch.FulltextQuery(q.Text))
	if mode == searchScan || lucene == "" {
		lucene = ""
		terms := textsearch.Bigrams(q.Text)
		params["terms"] = terms
		where = append([]string{"n:PolicyNode", searchScanPredicate()}, where...)
	}
	var query string
	if lucene != "" {
		params["index"] = FulltextIndex
		params["q"] = lucene
		query = "CALL db.index.fulltext.queryNodes($index, $q) YIELD node AS n" + whereClause(where) +
			" RETURN " + nodeCols("n")
	} else {
		query = "MATCH (n)" + whereClause(where) + " RETURN " + nodeCols("n")
	}
	ns, err := readTx(ctx, s, op, func(tx *txn) ([]yNode, error) {
		return listNodes(tx, query, params)
	})
	if err != nil {
		return nil, err
	}
	var hits []policygraph.SearchHit
	for _, n := range ns {
		if h, ok := textsearch.Hit(tq, n.e, nil, nil); ok {
			hits = append(hits, h)
		}
	}
	slices.SortFunc(hits, compareHit)
	return hits[:min(len(hits), limit)], nil
}

// cjkTerms keeps the exact CJK bigram terms of a textsearch.FulltextQuery
// and drops its *xy* wildcard clauses. The cjk analyzer drops English stop
// words, so a wildcard can miss a text whose only occurrence of the bigram
// is a stop word (the "a" of "M&A"); the CJK terms never miss, and fewer
// AND clauses only widen the candidates, which textsearch then filters.
// "" when no CJK term is left: the caller scans.
func cjkTerms(lucene string) string {
	if lucene == "" {
		return ""
	}
	var keep []string
	for _, c := range strings.Split(lucene, " AND ") {
		if !strings.HasPrefix(c, "*") {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " AND ")
}
