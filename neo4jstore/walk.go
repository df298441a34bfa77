package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/policygraph/policygraph"
)

// checkLimit is policygraph.CheckLimit with the operation named.
func checkLimit(op string, limit, def int) (int, error) {
	n, err := policygraph.CheckLimit(limit, def)
	if err != nil {
		err.Op = op
		return 0, err
	}
	return n, nil
}

func labelRank(label string) int { return slices.Index(policygraph.Labels, label) }

// domainLabel is the Cypher expression of a node's domain label.
const domainLabel = "[l IN labels(b) WHERE l <> 'PolicyNode'][0]"

// exists fetches a node inside a transaction; nil when there is none.
func exists(tx *txn, id string) (policygraph.Entity, error) {
	recs, err := tx.collect("MATCH (n:PolicyNode {id: $id}) RETURN n", map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return nodeOf(recs[0], "n")
}

func notFound(op, id string) error {
	return &policygraph.Error{Code: policygraph.ENOTFOUND, Op: op, Message: fmt.Sprintf("no node %q", id)}
}

// bfsLevel returns the neighbours (either direction, self-loops aside) of
// the frontier, with their labels. One round trip.
func bfsLevel(tx *txn, frontier []string) (map[string]string, error) {
	recs, err := tx.collect("UNWIND $ids AS id MATCH (a:PolicyNode {id: id})-[]-(b:PolicyNode) WHERE a <> b "+
		"RETURN DISTINCT b.id AS id, "+domainLabel+" AS label", map[string]any{"ids": frontier})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		id, err := get[string](r, "id")
		if err != nil {
			return nil, err
		}
		l, _ := get[string](r, "label")
		out[id] = l
	}
	return out, nil
}

// bfs returns the undirected distance of every node within depth of id (and
// each node's label), stopping after the level where stop is found (stop ""
// never stops). One round trip per level.
func bfs(tx *txn, id, label string, depth int, stop string) (map[string]int, map[string]string, error) {
	dist := map[string]int{id: 0}
	labels := map[string]string{id: label}
	frontier := []string{id}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		if _, found := dist[stop]; found && stop != "" {
			break
		}
		next, err := bfsLevel(tx, frontier)
		if err != nil {
			return nil, nil, err
		}
		frontier = frontier[:0:0]
		for n, l := range next {
			if _, seen := dist[n]; !seen {
				dist[n] = d
				labels[n] = l
				frontier = append(frontier, n)
			}
		}
		slices.Sort(frontier)
	}
	return dist, labels, nil
}

// Neighbourhood walks both directions from id up to depth hops, one round
// trip per level plus two for the kept nodes and the relationships among
// them. Nodes are ordered by (distance, label position, id) and cut after
// limit; relationships are ordered by id (as inmem).
func (s *Store) Neighbourhood(ctx context.Context, id string, depth, limit int) (*policygraph.Subgraph, error) {
	const op = "neo4jstore.Neighbourhood"
	return readTx(ctx, s, op, func(tx *txn) (*policygraph.Subgraph, error) {
		start, err := exists(tx, id)
		if err != nil {
			return nil, err
		}
		if start == nil {
			return nil, notFound(op, id)
		}
		if err := policygraph.CheckBound("depth", depth, policygraph.MaxDepth); err != nil {
			err.Op = op
			return nil, err
		}
		limit, err := checkLimit(op, limit, policygraph.MaxPage)
		if err != nil {
			return nil, err
		}
		dist, labels, err := bfs(tx, id, start.Label(), depth, "")
		if err != nil {
			return nil, err
		}
		ids := make([]string, 0, len(dist))
		for n := range dist {
			ids = append(ids, n)
		}
		slices.SortFunc(ids, func(a, b string) int {
			return cmp.Or(cmp.Compare(dist[a], dist[b]),
				cmp.Compare(labelRank(labels[a]), labelRank(labels[b])),
				cmp.Compare(a, b))
		})
		sub := &policygraph.Subgraph{Truncated: len(ids) > limit}
		ids = ids[:min(len(ids), limit)]
		recs, err := tx.collect("MATCH (n:PolicyNode) WHERE n.id IN $ids RETURN n", map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		byID := map[string]policygraph.Entity{}
		for _, r := range recs {
			e, err := nodeOf(r, "n")
			if err != nil {
				return nil, err
			}
			byID[e.NodeID()] = e
		}
		for _, n := range ids {
			if e := byID[n]; e != nil {
				sub.Nodes = append(sub.Nodes, e)
			}
		}
		recs, err = tx.collect("UNWIND $ids AS id MATCH (a:PolicyNode {id: id})-[r]->(b:PolicyNode) "+
			"WHERE b.id IN $ids RETURN "+relCols("r"), map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			r, err := relOf(rec, "r")
			if err != nil {
				return nil, err
			}
			sub.Relationships = append(sub.Relationships, r)
		}
		slices.SortFunc(sub.Relationships, func(a, b *policygraph.Relationship) int { return cmp.Compare(a.ID, b.ID) })
		return sub, nil
	})
}

// maxShortestPaths bounds how many shortest paths Paths reads before
// ordering them; more is an ELIMIT (the ordering needs all of them).
const maxShortestPaths = 20000

// Paths returns the shortest undirected paths between two nodes. Neo4j's
// allShortestPaths finds them (one round trip, plus one to check the ids);
// they are ordered as inmem orders them, by their sequence of node ids then
// of relationship ids, and cut after limit. Paths through a node labelled
// one of avoid (other than the two ends) are not considered.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, limit int, avoid ...string) ([]policygraph.Path, error) {
	const op = "neo4jstore.Paths"
	return readTx(ctx, s, op, func(tx *txn) ([]policygraph.Path, error) {
		recs, err := tx.collect("UNWIND $ids AS id MATCH (n:PolicyNode {id: id}) RETURN n",
			map[string]any{"ids": []string{from, to}})
		if err != nil {
			return nil, err
		}
		found := map[string]policygraph.Entity{}
		for _, r := range recs {
			e, err := nodeOf(r, "n")
			if err != nil {
				return nil, err
			}
			found[e.NodeID()] = e
		}
		for _, id := range []string{from, to} {
			if found[id] == nil {
				return nil, notFound(op, id)
			}
		}
		if err := policygraph.CheckBound("maxHops", maxHops, policygraph.MaxHops); err != nil {
			err.Op = op
			return nil, err
		}
		limit, err := checkLimit(op, limit, policygraph.MaxPage)
		if err != nil {
			return nil, err
		}
		if from == to {
			return []policygraph.Path{{Nodes: []policygraph.Entity{found[from]}, Relationships: []*policygraph.Relationship{}}}, nil
		}
		if maxHops == 0 {
			return []policygraph.Path{}, nil
		}
		// maxHops is a validated int in 1…MaxHops: Cypher takes no parameter
		// in a variable-length bound.
		// The avoid predicate is a none() over nodes(p), a form Neo4j
		// evaluates during the shortest-path search: the result is the
		// shortest of the paths that pass it, not shortest paths filtered.
		where := ""
		if len(avoid) > 0 {
			where = "WHERE none(n IN nodes(p) WHERE n <> a AND n <> b AND any(l IN labels(n) WHERE l IN $avoid)) "
		}
		q := fmt.Sprintf("MATCH (a:PolicyNode {id: $from}), (b:PolicyNode {id: $to}) "+
			"MATCH p = allShortestPaths((a)-[*1..%d]-(b)) %sWITH p LIMIT %d "+
			"RETURN nodes(p) AS ns, [r IN relationships(p) | [r, startNode(r).id, endNode(r).id]] AS rs",
			maxHops, where, maxShortestPaths+1)
		recs, err = tx.collect(q, map[string]any{"from": from, "to": to, "avoid": avoid})
		if err != nil {
			return nil, err
		}
		if len(recs) > maxShortestPaths {
			return nil, &policygraph.Error{Code: policygraph.ELIMIT, Op: op,
				Message: fmt.Sprintf("more than %d shortest paths", maxShortestPaths)}
		}
		paths := make([]policygraph.Path, 0, len(recs))
		for _, rec := range recs {
			ns, err := nodesOf(rec, "ns")
			if err != nil {
				return nil, err
			}
			raw, err := get[[]any](rec, "rs")
			if err != nil {
				return nil, err
			}
			p := policygraph.Path{Nodes: ns}
			for _, x := range raw {
				t, ok := x.([]any)
				if !ok || len(t) != 3 {
					return nil, fmt.Errorf("path relationship is %T", x)
				}
				r, ok1 := t[0].(neo4jdriver.Relationship)
				st, ok2 := t[1].(string)
				en, ok3 := t[2].(string)
				if !ok1 || !ok2 || !ok3 {
					return nil, fmt.Errorf("path relationship is %T", t[0])
				}
				p.Relationships = append(p.Relationships, relFromNeo4j(r, st, en))
			}
			paths = append(paths, p)
		}
		slices.SortFunc(paths, comparePaths)
		return paths[:min(len(paths), limit)], nil
	})
}

func comparePaths(a, b policygraph.Path) int {
	for i := range min(len(a.Nodes), len(b.Nodes)) {
		if c := cmp.Compare(a.Nodes[i].NodeID(), b.Nodes[i].NodeID()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(a.Nodes), len(b.Nodes)); c != 0 {
		return c
	}
	for i := range min(len(a.Relationships), len(b.Relationships)) {
		if c := cmp.Compare(a.Relationships[i].ID, b.Relationships[i].ID); c != 0 {
			return c
		}
	}
	return 0
}

// RelatedPillars returns the pillars sharing laws, funds or cross-references
// with a pillar, with inmem's rules (see inmem.RelatedPillars): one read
// transaction of three queries.
func (s *Store) RelatedPillars(ctx context.Context, pillarID string) ([]policygraph.PillarRelation, error) {
	const op = "neo4jstore.RelatedPillars"
	return readTx(ctx, s, op, func(tx *txn) ([]policygraph.PillarRelation, error) {
		e, err := exists(tx, pillarID)
		if err != nil {
			return nil, err
		}
		if e == nil {
			return nil, notFound(op, pillarID)
		}
		if _, ok := e.(*policygraph.Pillar); !ok {
			return nil, invalid(op, "%q is a %s, not a Pillar", pillarID, e.Label())
		}
		rels := map[string]*policygraph.PillarRelation{}
		rel := func(p *policygraph.Pillar) *policygraph.PillarRelation {
			if rels[p.ID] == nil {
				rels[p.ID] = &policygraph.PillarRelation{Pillar: p}
			}
			return rels[p.ID]
		}

		// Laws and funds the pillar uses, and every pillar using them.
		recs, err := tx.collect("MATCH (pp:PolicyNode:Pillar {id: $id}) "+
			"OPTIONAL MATCH (pp)-[:HAS_MEASURE|HAS_TARGET|HAS_GROUP]->(own:PolicyNode) "+
			"WITH pp, collect(own) AS owns WITH [pp] + owns AS mine UNWIND mine AS s0 "+
			"MATCH (s0)-[r0:CITES_LAW|USES_FUND]->(x:PolicyNode) "+
			"WHERE (s0:Pillar OR s0:Measure OR s0:Target) AND "+
			"((x:Law AND type(r0) = 'CITES_LAW') OR (x:Fund AND type(r0) = 'USES_FUND')) "+
			"WITH DISTINCT x "+
			"MATCH (s:PolicyNode)-[r:CITES_LAW|USES_FUND]->(x) "+
			"WHERE (x:Law AND type(r) = 'CITES_LAW') OR (x:Fund AND type(r) = 'USES_FUND') "+
			"WITH x, r, s "+pillarsOf+
			"RETURN DISTINCT x, p", map[string]any{"id": pillarID})
		if err != nil {
			return nil, err
		}
		users := map[string][]*policygraph.Pillar{}
		shared := map[string]policygraph.Entity{}
		for _, rec := range recs {
			x, err := nodeOf(rec, "x")
			if err != nil {
				return nil, err
			}
			pe, err := nodeOf(rec, "p")
			if err != nil {
				return nil, err
			}
			p, ok := pe.(*policygraph.Pillar)
			if !ok {
				return nil, fmt.Errorf("user of %s is a %s", x.NodeID(), pe.Label())
			}
			shared[x.NodeID()] = x
			users[x.NodeID()] = append(users[x.NodeID()], p)
		}
		var laws []*policygraph.Law
		var funds []*policygraph.Fund
		for _, x := range shared {
			switch x := x.(type) {
			case *policygraph.Law:
				laws = append(laws, x)
			case *policygraph.Fund:
				funds = append(funds, x)
			}
		}
		sortLaws(laws)
		sortFunds(funds)
		for _, l := range laws {
			for _, p := range users[l.ID] {
				if p.ID != pillarID {
					rel(p).SharedLaws = append(rel(p).SharedLaws, l)
				}
			}
		}
		for _, f := range funds {
			for _, p := range users[f.ID] {
				if p.ID != pillarID {
					rel(p).SharedFunds = append(rel(p).SharedFunds, f)
				}
			}
		}

		// REFERS_TO and RELISTS from a measure, with the pillars on each side.
		recs, err = tx.collect("MATCH (m:PolicyNode:Measure)-[r:REFERS_TO|RELISTS]->(e:PolicyNode) "+
			"OPTIONAL MATCH (fp:PolicyNode:Pillar)-[:HAS_MEASURE|HAS_TARGET|HAS_GROUP]->(m) "+
			"WITH m, r, e, collect(DISTINCT fp) AS froms "+
			"OPTIONAL MATCH (tp:PolicyNode:Pillar)-[:HAS_MEASURE|HAS_TARGET|HAS_GROUP]->(e) "+
			"WITH m, r, e, froms, collect(DISTINCT tp) AS to0 "+
			"WITH r, froms, CASE WHEN e:Pillar THEN [e] + to0 WHEN e:MeasureGroup OR e:Measure THEN to0 ELSE [] END AS tos "+
			"WHERE ANY(p IN froms WHERE p.id = $id) OR ANY(p IN tos WHERE p.id = $id) "+
			"RETURN "+relCols("r")+", froms, tos ORDER BY r.id", map[string]any{"id": pillarID})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			r, err := relOf(rec, "r")
			if err != nil {
				return nil, err
			}
			fromsE, err := nodesOf(rec, "froms")
			if err != nil {
				return nil, err
			}
			tosE, err := nodesOf(rec, "tos")
			if err != nil {
				return nil, err
			}
			froms, err := typed[*policygraph.Pillar](fromsE)
			if err != nil {
				return nil, err
			}
			tos, err := typed[*policygraph.Pillar](tosE)
			if err != nil {
				return nil, err
			}
			has := func(ps []*policygraph.Pillar) bool {
				return slices.ContainsFunc(ps, func(p *policygraph.Pillar) bool { return p.ID == pillarID })
			}
			var others []*policygraph.Pillar
			switch {
			case has(froms):
				others = tos
			case has(tos):
				others = froms
			}
			for _, p := range others {
				if p.ID == pillarID {
					continue
				}
				pr := rel(p)
				if !slices.ContainsFunc(pr.References, func(x *policygraph.Relationship) bool { return x.ID == r.ID }) {
					pr.References = append(pr.References, r)
				}
			}
		}
		var out []policygraph.PillarRelation
		for _, r := range rels {
			slices.SortFunc(r.References, func(a, b *policygraph.Relationship) int { return cmp.Compare(a.ID, b.ID) })
			r.Score = len(r.SharedLaws) + len(r.SharedFunds) + len(r.References)
			out = append(out, *r)
		}
		slices.SortFunc(out, func(a, b policygraph.PillarRelation) int {
			return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Pillar.ID, b.Pillar.ID))
		})
		return out, nil
	})
}
