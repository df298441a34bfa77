package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/textsearch"
)

// DefaultSearchLimit is the number of hits for SearchQuery.Limit 0.
const DefaultSearchLimit = policygraph.DefaultSearchLimit

func validateSearch(op string, q policygraph.SearchQuery, tq textsearch.Query) (int, error) {
	if err := policygraph.CheckSearch(q); err != nil {
		err.Op = op
		return 0, err
	}
	if tq.Empty() {
		return 0, invalid(op, "empty search query")
	}
	return checkLimit(op, q.Limit, DefaultSearchLimit)
}

// compareHit ranks hits as inmem does: score descending, then id.
func compareHit(a, b policygraph.SearchHit) int {
	return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Node.NodeID(), b.Node.NodeID()))
}

// pillarsOf binds p to each pillar a citing node s speaks for
// (policygraph.SpeaksForPillar): a pillar itself, and every pillar holding s
// through policygraph.PillarHolds.
var pillarsOf = "WHERE s:Pillar OR s:Measure OR s:Target " +
	"OPTIONAL MATCH (op:PolicyNode:Pillar)-[:" + strings.Join(policygraph.PillarHolds, "|") + "]->(s) " +
	"WITH x, r, s, collect(DISTINCT op) AS ops " +
	"WITH x, r, s, CASE WHEN s:Pillar THEN [s] ELSE [] END + ops AS ps " +
	"UNWIND ps AS p WITH DISTINCT x, r, s, p "

func (s *Store) PillarsUsing(ctx context.Context, ids []string) (map[string][]policygraph.PillarUse, error) {
	const op = "neo4jstore.PillarsUsing"
	if len(ids) > policygraph.MaxBatch {
		return nil, invalid(op, "%d ids is more than %d", len(ids), policygraph.MaxBatch)
	}
	out := map[string][]policygraph.PillarUse{}
	if len(ids) == 0 {
		return out, nil
	}
	q := "UNWIND $ids AS xid MATCH (x:PolicyNode {id: xid}) WHERE x:Law OR x:Fund " +
		"MATCH (s:PolicyNode)-[r:CITES_LAW|USES_FUND]->(x) " +
		"WHERE (x:Law AND type(r) = 'CITES_LAW') OR (x:Fund AND type(r) = 'USES_FUND') " +
		"WITH x, r, s " + pillarsOf +
		"RETURN x.id AS x, " + relCols("r") + ", " + nodeCols("s") + ", " + nodeCols("p")
	return readTx(ctx, s, op, func(tx *txn) (map[string][]policygraph.PillarUse, error) {
		recs, err := tx.collect(q, map[string]any{"ids": dedupe(ids)})
		if err != nil {
			return nil, err
		}
		type use struct {
			p    *policygraph.Pillar
			py   int
			via  []policygraph.Hop
			vias []int
		}
		per := map[string]map[string]*use{}
		for _, rec := range recs {
			x, err := get[string](rec, "x")
			if err != nil {
				return nil, err
			}
			r, err := relOf(rec, "r")
			if err != nil {
				return nil, err
			}
			sn, err := yNodeOf(rec, "s")
			if err != nil {
				return nil, err
			}
			pn, err := yNodeOf(rec, "p")
			if err != nil {
				return nil, err
			}
			p, ok := pn.e.(*policygraph.Pillar)
			if !ok {
				return nil, fmt.Errorf("pillar of %s is a %s", sn.e.NodeID(), pn.e.Label())
			}
			if per[x] == nil {
				per[x] = map[string]*use{}
			}
			u := per[x][p.ID]
			if u == nil {
				u = &use{p: p, py: pn.year}
				per[x][p.ID] = u
			}
			u.via = append(u.via, policygraph.Hop{Rel: r, Node: sn.e})
			u.vias = append(u.vias, sn.year)
		}
		for x, m := range per {
			uses := make([]*use, 0, len(m))
			for _, u := range m {
				idx := make([]int, len(u.via))
				for i := range idx {
					idx[i] = i
				}
				slices.SortFunc(idx, func(a, b int) int {
					return compareHop(u.vias[a], u.via[a], u.vias[b], u.via[b])
				})
				via := make([]policygraph.Hop, len(idx))
				for i, j := range idx {
					via[i] = u.via[j]
				}
				u.via = via
				uses = append(uses, u)
			}
			slices.SortFunc(uses, func(a, b *use) int { return comparePillar(a.py, a.p, b.py, b.p) })
			list := make([]policygraph.PillarUse, len(uses))
			for i, u := range uses {
				list[i] = policygraph.PillarUse{Pillar: u.p, Via: u.via}
			}
			out[x] = list
		}
		return out, nil
	})
}

var perDocumentLabels = []string{
	policygraph.LabelPillar, policygraph.LabelMeasureGroup, policygraph.LabelMeasure,
	policygraph.LabelTarget, policygraph.LabelPolicyDirection,
}

func (s *Store) Stats(ctx context.Context) (*policygraph.Stats, error) {
	const op = "neo4jstore.Stats"
	return readTx(ctx, s, op, func(tx *txn) (*policygraph.Stats, error) {
		// Like inmem: every label and type present (zero when absent), and
		// PerDocument has every document with a count for each label that
		// carries a documentId.
		st := &policygraph.Stats{
			Labels:      map[string]int{},
			RelTypes:    map[string]int{},
			PerDocument: map[string]map[string]int{},
		}
		for _, l := range policygraph.Labels {
			st.Labels[l] = 0
		}
		for _, t := range policygraph.RelTypes {
			st.RelTypes[t] = 0
		}
		recs, err := tx.collect("MATCH (n:PolicyNode) RETURN labels(n) AS l, n."+propDoc+" AS d, count(*) AS c", nil)
		if err != nil {
			return nil, err
		}
		perDoc := map[string]map[string]int{}
		for _, r := range recs {
			ls, _ := get[[]any](r, "l")
			d, _ := get[string](r, "d")
			c, _ := get[int64](r, "c")
			for _, l := range ls {
				l, _ := l.(string)
				if !validLabel(l) {
					continue
				}
				st.Labels[l] += int(c)
				if l == policygraph.LabelDocument {
					st.PerDocument[d] = map[string]int{}
					continue
				}
				if d != "" {
					if perDoc[d] == nil {
						perDoc[d] = map[string]int{}
					}
					perDoc[d][l] += int(c)
				}
			}
		}
		for d, m := range st.PerDocument {
			for _, l := range perDocumentLabels {
				m[l] = perDoc[d][l]
			}
		}
		recs, err = tx.collect("MATCH (:PolicyNode)-[r]->(:PolicyNode) RETURN type(r) AS t, count(*) AS c", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			t, _ := get[string](r, "t")
			c, _ := get[int64](r, "c")
			st.RelTypes[t] += int(c)
		}
		st.Degrees = map[policygraph.RelQuery]int{}
		for _, t := range policygraph.RelTypes {
			st.Degrees[policygraph.RelQuery{Type: t, Direction: policygraph.Outgoing}] = 0
			st.Degrees[policygraph.RelQuery{Type: t, Direction: policygraph.Incoming}] = 0
		}
		for dir, q := range map[policygraph.Direction]string{
			policygraph.Outgoing: "MATCH (n:PolicyNode)-[r]->(:PolicyNode) WITH n, type(r) AS t, count(*) AS c RETURN t, max(c) AS c",
			policygraph.Incoming: "MATCH (n:PolicyNode)<-[r]-(:PolicyNode) WITH n, type(r) AS t, count(*) AS c RETURN t, max(c) AS c",
		} {
			recs, err := tx.collect(q, nil)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				t, _ := get[string](r, "t")
				c, _ := get[int64](r, "c")
				if validRelType(t) {
					st.Degrees[policygraph.RelQuery{Type: t, Direction: dir}] = int(c)
				}
			}
		}
		return st, nil
	})
}
