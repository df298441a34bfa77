package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/policygraph/policygraph"
)

// yNode is a node with its document year (0 for shared nodes), the first key
// of document order.
type yNode struct {
	e    policygraph.Entity
	year int
}

// yNodeOf reads the node column key and the year column key+"y".
func yNodeOf(rec *neo4jdriver.Record, key string) (yNode, error) {
	e, err := nodeOf(rec, key)
	if err != nil || e == nil {
		return yNode{}, err
	}
	y, err := get[int64](rec, key+"y")
	if err != nil {
		return yNode{}, err
	}
	return yNode{e: e, year: int(y)}, nil
}

// relOf reads a relationship column with its start and end ids (columns
// key+"s", key+"e").
func relOf(rec *neo4jdriver.Record, key string) (*policygraph.Relationship, error) {
	r, err := get[neo4jdriver.Relationship](rec, key)
	if err != nil {
		return nil, err
	}
	s, err := get[string](rec, key+"s")
	if err != nil {
		return nil, err
	}
	e, err := get[string](rec, key+"e")
	if err != nil {
		return nil, err
	}
	return relFromNeo4j(r, s, e), nil
}

// nodeCols returns the Cypher projection of a node variable v as columns v
// and vy (its year).
func nodeCols(v string) string {
	return v + ", coalesce(" + v + "." + propYear + ", 0) AS " + v + "y"
}

// relCols returns the projection of a relationship variable v as columns v,
// vs and ve.
func relCols(v string) string {
	return v + ", startNode(" + v + ").id AS " + v + "s, endNode(" + v + ").id AS " + v + "e"
}

func (s *Store) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	const op = "neo4jstore.Node"
	e, err := readTx(ctx, s, op, func(tx *txn) (policygraph.Entity, error) {
		recs, err := tx.collect("MATCH (n:PolicyNode {id: $id}) RETURN n", map[string]any{"id": id})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return nodeOf(recs[0], "n")
	})
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, &policygraph.Error{Code: policygraph.ENOTFOUND, Op: op, Message: fmt.Sprintf("no node %q", id)}
	}
	return e, nil
}

func (s *Store) Nodes(ctx context.Context, ids []string) ([]policygraph.Entity, error) {
	const op = "neo4jstore.Nodes"
	if len(ids) > policygraph.MaxBatch {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op,
			Message: fmt.Sprintf("%d ids is more than %d", len(ids), policygraph.MaxBatch)}
	}
	out := make([]policygraph.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	byID, err := readTx(ctx, s, op, func(tx *txn) (map[string]policygraph.Entity, error) {
		recs, err := tx.collect("MATCH (n:PolicyNode) WHERE n.id IN $ids RETURN n", map[string]any{"ids": dedupe(ids)})
		if err != nil {
			return nil, err
		}
		m := make(map[string]policygraph.Entity, len(recs))
		for _, r := range recs {
			e, err := nodeOf(r, "n")
			if err != nil {
				return nil, err
			}
			m[e.NodeID()] = e
		}
		return m, nil
	})
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}

func dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// listNodes runs a query whose rows hold node column n (and ny) and returns
// them with their years.
func listNodes(tx *txn, query string, params map[string]any) ([]yNode, error) {
	recs, err := tx.collect(query, params)
	if err != nil {
		return nil, err
	}
	out := make([]yNode, 0, len(recs))
	for _, r := range recs {
		n, err := yNodeOf(r, "n")
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func entities[T policygraph.Entity](ns []yNode) ([]T, error) {
	es := make([]policygraph.Entity, len(ns))
	for i, n := range ns {
		es[i] = n.e
	}
	return typed[T](es)
}

func (s *Store) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	const op = "neo4jstore.Documents"
	return readTx(ctx, s, op, func(tx *txn) ([]*policygraph.Document, error) {
		ns, err := listNodes(tx, "MATCH (n:PolicyNode:Document) RETURN "+nodeCols("n"), nil)
		if err != nil {
			return nil, err
		}
		docs, err := entities[*policygraph.Document](ns)
		if err != nil {
			return nil, err
		}
		sortDocuments(docs)
		return nilIfEmpty(docs), nil
	})
}

func (s *Store) Pillars(ctx context.Context, f policygraph.PillarFilter) ([]*policygraph.Pillar, error) {
	const op = "neo4jstore.Pillars"
	if err := validatePillarFilter(op, f); err != nil {
		return nil, err
	}
	var where []string
	params := map[string]any{}
	if f.DocumentID != "" {
		where = append(where, "n.documentId = $doc")
		params["doc"] = f.DocumentID
	}
	if f.Kind != "" {
		where = append(where, "n.kind = $kind")
		params["kind"] = f.Kind
	}
	q := "MATCH (n:PolicyNode:Pillar)" + whereClause(where) + " RETURN " + nodeCols("n")
	return readTx(ctx, s, op, func(tx *txn) ([]*policygraph.Pillar, error) {
		ns, err := listNodes(tx, q, params)
		if err != nil {
			return nil, err
		}
		sortByYear(ns, pillarLess)
		ps, err := entities[*policygraph.Pillar](ns)
		return nilIfEmpty(ps), err
	})
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// measureWhere builds the WHERE clause of a measure filter from constant
// fragments; every value is a parameter.
func measureWhere(f policygraph.MeasureFilter) (string, map[string]any) {
	var where []string
	params := map[string]any{}
	if f.DocumentID != "" {
		where = append(where, "n.documentId = $doc")
		params["doc"] = f.DocumentID
	}
	if f.PillarID != "" {
		where = append(where, "n.pillarId = $pillar")
		params["pillar"] = f.PillarID
	}
	if f.GroupID != "" {
		where = append(where, "n.groupId = $group")
		params["group"] = f.GroupID
	}
	if len(f.Statuses) > 0 {
		where = append(where, "n.status IN $statuses")
		params["statuses"] = f.Statuses
	}
	if f.LawID != "" {
		where = append(where, "EXISTS { MATCH (n)-[:CITES_LAW]->(:PolicyNode:Law {id: $law}) }")
		params["law"] = f.LawID
	}
	if f.FundID != "" {
		where = append(where, "EXISTS { MATCH (n)-[:USES_FUND]->(:PolicyNode:Fund {id: $fund}) }")
		params["fund"] = f.FundID
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		// The span is [startYear, endYear] (ends swapped if reversed), one
		// year when only one is known; measures with neither are dropped.
		where = append(where, "coalesce(n.startYear, n.endYear) IS NOT NULL")
		if f.YearFrom != 0 {
			where = append(where, "CASE WHEN coalesce(n.startYear, n.endYear) > coalesce(n.endYear, n.startYear) "+
				"THEN coalesce(n.startYear, n.endYear) ELSE coalesce(n.endYear, n.startYear) END >= $yearFrom")
			params["yearFrom"] = int64(f.YearFrom)
		}
		if f.YearTo != 0 {
			where = append(where, "CASE WHEN coalesce(n.startYear, n.endYear) < coalesce(n.endYear, n.startYear) "+
				"THEN coalesce(n.startYear, n.endYear) ELSE coalesce(n.endYear, n.startYear) END <= $yearTo")
			params["yearTo"] = int64(f.YearTo)
		}
	}
	// Text is a substring of the normalised title or text (not spanning
	// both); a text that normalises to nothing filters nothing.
	if t := normalize(f.Text); t != "" {
		where = append(where, "(n."+searchProp("title")+" CONTAINS $text OR n."+searchProp("text")+" CONTAINS $text)")
		params["text"] = t
	}
	if f.Relist != nil {
		where = append(where, "coalesce(n.relist, false) = $relist")
		params["relist"] = *f.Relist
	}
	return whereClause(where), params
}

// measureOrderBy is the ORDER BY of a measure order (constant fragments),
// as inmem orders: DOCUMENT is year, lineStart, id; TITLE is title then
// document order; START_YEAR is startYear (unknown last: Cypher sorts null
// last ascending) then document order. Desc reverses every key, which is
// the exact reverse of the ascending order (nulls first), as in inmem.
func measureOrderBy(o policygraph.MeasureOrder) string {
	dir := ""
	if o.Desc {
		dir = " DESC"
	}
	doc := "n." + propYear + dir + ", coalesce(n.lineStart, 0)" + dir + ", n.id" + dir
	switch o.By {
	case "TITLE":
		return "n.title" + dir + ", " + doc
	case "START_YEAR":
		return "n.startYear" + dir + ", " + doc
	}
	return doc
}

func (s *Store) Measures(ctx context.Context, f policygraph.MeasureFilter, o policygraph.MeasureOrder, p policygraph.Page) ([]*policygraph.Measure, error) {
	const op = "neo4jstore.Measures"
	if err := validateMeasureFilter(op, f); err != nil {
		return nil, err
	}
	if err := validateMeasureOrder(op, o); err != nil {
		return nil, err
	}
	offset, limit, err := validatePage(op, p)
	if err != nil {
		return nil, err
	}
	where, params := measureWhere(f)
	return pageOf[*policygraph.Measure](ctx, s, op, policygraph.LabelMeasure, where, measureOrderBy(o), params, offset, limit)
}

// pageOf reads one page of the nodes of label matching where, in order.
// label comes from the fixed domain constants, never from input.
func pageOf[T policygraph.Entity](ctx context.Context, s *Store, op, label, where, orderBy string, params map[string]any, offset, limit int) ([]T, error) {
	params["offset"] = int64(offset)
	params["limit"] = int64(limit)
	q := "MATCH (n:PolicyNode:" + label + ")" + where + " RETURN " + nodeCols("n") +
		" ORDER BY " + orderBy + " SKIP $offset LIMIT $limit"
	return readTx(ctx, s, op, func(tx *txn) ([]T, error) {
		ns, err := listNodes(tx, q, params)
		if err != nil {
			return nil, err
		}
		return entities[T](ns)
	})
}

func (s *Store) CountMeasures(ctx context.Context, f policygraph.MeasureFilter) (int, error) {
	const op = "neo4jstore.CountMeasures"
	if err := validateMeasureFilter(op, f); err != nil {
		return 0, err
	}
	where, params := measureWhere(f)
	return count(ctx, s, op, "MATCH (n:PolicyNode:Measure)"+where+" RETURN count(n) AS c", params)
}

func count(ctx context.Context, s *Store, op, q string, params map[string]any) (int, error) {
	return readTx(ctx, s, op, func(tx *txn) (int, error) {
		recs, err := tx.collect(q, params)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		c, err := get[int64](recs[0], "c")
		return int(c), err
	})
}

func targetWhere(f policygraph.TargetFilter) (string, map[string]any) {
	var where []string
	params := map[string]any{}
	if f.DocumentID != "" {
		where = append(where, "n.documentId = $doc")
		params["doc"] = f.DocumentID
	}
	if f.PillarID != "" {
		where = append(where, "n.pillarId = $pillar")
		params["pillar"] = f.PillarID
	}
	if f.Kind != "" {
		where = append(where, "n.kind = $kind")
		params["kind"] = f.Kind
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		where = append(where, "n.year IS NOT NULL AND n.year <> 0")
		if f.YearFrom != 0 {
			where = append(where, "n.year >= $yearFrom")
			params["yearFrom"] = int64(f.YearFrom)
		}
		if f.YearTo != 0 {
			where = append(where, "n.year <= $yearTo")
			params["yearTo"] = int64(f.YearTo)
		}
	}
	if t := normalize(f.Text); t != "" {
		where = append(where, "n."+searchProp("text")+" CONTAINS $text")
		params["text"] = t
	}
	return whereClause(where), params
}

func (s *Store) Targets(ctx context.Context, f policygraph.TargetFilter, p policygraph.Page) ([]*policygraph.Target, error) {
	const op = "neo4jstore.Targets"
	if err := validateTargetFilter(op, f); err != nil {
		return nil, err
	}
	offset, limit, err := validatePage(op, p)
	if err != nil {
		return nil, err
	}
	where, params := targetWhere(f)
	return pageOf[*policygraph.Target](ctx, s, op, policygraph.LabelTarget, where, measureOrderBy(policygraph.MeasureOrder{}), params, offset, limit)
}

func (s *Store) CountTargets(ctx context.Context, f policygraph.TargetFilter) (int, error) {
	const op = "neo4jstore.CountTargets"
	if err := validateTargetFilter(op, f); err != nil {
		return 0, err
	}
	where, params := targetWhere(f)
	return count(ctx, s, op, "MATCH (n:PolicyNode:Target)"+where+" RETURN count(n) AS c", params)
}

func (s *Store) Laws(ctx context.Context, f policygraph.LawFilter) ([]*policygraph.Law, error) {
	const op = "neo4jstore.Laws"
	var where []string
	params := map[string]any{}
	if f.Foreign != nil {
		where = append(where, "coalesce(n.foreign, false) = $foreign")
		params["foreign"] = *f.Foreign
	}
	if t := normalize(f.Text); t != "" {
		// pg_s_aliases joins the aliases with newlines, which a normalised
		// text never holds: CONTAINS on it is "some alias contains".
		where = append(where, "(n."+searchProp("name")+" CONTAINS $text OR n."+searchProp("aliases")+" CONTAINS $text)")
		params["text"] = t
	}
	q := "MATCH (n:PolicyNode:Law)" + whereClause(where) + " RETURN " + nodeCols("n")
	return readTx(ctx, s, op, func(tx *txn) ([]*policygraph.Law, error) {
		ns, err := listNodes(tx, q, params)
		if err != nil {
			return nil, err
		}
		laws, err := entities[*policygraph.Law](ns)
		if err != nil {
			return nil, err
		}
		sortLaws(laws)
		return nilIfEmpty(laws), nil
	})
}

func (s *Store) Funds(ctx context.Context) ([]*policygraph.Fund, error) {
	const op = "neo4jstore.Funds"
	return readTx(ctx, s, op, func(tx *txn) ([]*policygraph.Fund, error) {
		ns, err := listNodes(tx, "MATCH (n:PolicyNode:Fund) RETURN "+nodeCols("n"), nil)
		if err != nil {
			return nil, err
		}
		funds, err := entities[*policygraph.Fund](ns)
		if err != nil {
			return nil, err
		}
		sortFunds(funds)
		return nilIfEmpty(funds), nil
	})
}

func (s *Store) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	const op = "neo4jstore.Related"
	if !validRelType(q.Type) {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: fmt.Sprintf("unknown relationship type %q", q.Type)}
	}
	if q.Direction != policygraph.Outgoing && q.Direction != policygraph.Incoming {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op, Message: "unknown direction"}
	}
	if len(ids) > policygraph.MaxBatch {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: op,
			Message: fmt.Sprintf("%d ids is more than %d", len(ids), policygraph.MaxBatch)}
	}
	out := map[string][]policygraph.Hop{}
	if len(ids) == 0 {
		return out, nil
	}
	pattern := "(a)-[r:" + q.Type + "]->(n)"
	if q.Direction == policygraph.Incoming {
		pattern = "(a)<-[r:" + q.Type + "]-(n)"
	}
	query := "UNWIND $ids AS id MATCH (a:PolicyNode {id: id}) MATCH " + pattern +
		" RETURN id, " + relCols("r") + ", " + nodeCols("n")
	return readTx(ctx, s, op, func(tx *txn) (map[string][]policygraph.Hop, error) {
		recs, err := tx.collect(query, map[string]any{"ids": dedupe(ids)})
		if err != nil {
			return nil, err
		}
		type yHop struct {
			h    policygraph.Hop
			year int
		}
		per := map[string][]yHop{}
		for _, rec := range recs {
			id, err := get[string](rec, "id")
			if err != nil {
				return nil, err
			}
			r, err := relOf(rec, "r")
			if err != nil {
				return nil, err
			}
			n, err := yNodeOf(rec, "n")
			if err != nil {
				return nil, err
			}
			per[id] = append(per[id], yHop{policygraph.Hop{Rel: r, Node: n.e}, n.year})
		}
		for id, hops := range per {
			slices.SortFunc(hops, func(a, b yHop) int {
				return compareHop(a.year, a.h, b.year, b.h)
			})
			hs := make([]policygraph.Hop, len(hops))
			for i, h := range hops {
				hs[i] = h.h
			}
			out[id] = hs
		}
		return out, nil
	})
}

// nilIfEmpty returns nil for an empty list, as inmem's lists are.
func nilIfEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}
