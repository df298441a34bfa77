package neo4jstore

import (
	"context"

	"github.com/policygraph/policygraph"
)

// Counts is how many nodes of each label and relationships of each type the
// database holds (every label and type present, zero when absent): what the
// load command reads back to check a load.
type Counts struct {
	Labels   map[string]int
	RelTypes map[string]int
}

// Counts counts in Neo4j, in one read transaction.
func (s *Store) Counts(ctx context.Context) (*Counts, error) {
	return readTx(ctx, s, "neo4jstore.Counts", func(tx *txn) (*Counts, error) {
		c := &Counts{Labels: map[string]int{}, RelTypes: map[string]int{}}
		for _, l := range policygraph.Labels {
			c.Labels[l] = 0
		}
		for _, t := range policygraph.RelTypes {
			c.RelTypes[t] = 0
		}
		recs, err := tx.collect("MATCH (n:PolicyNode) UNWIND labels(n) AS l RETURN l, count(*) AS c", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			l, _ := get[string](r, "l")
			n, _ := get[int64](r, "c")
			if validLabel(l) {
				c.Labels[l] = int(n)
			}
		}
		recs, err = tx.collect("MATCH (:PolicyNode)-[r]->(:PolicyNode) RETURN type(r) AS t, count(*) AS c", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			t, _ := get[string](r, "t")
			n, _ := get[int64](r, "c")
			if validRelType(t) {
				c.RelTypes[t] = int(n)
			}
		}
		return c, nil
	})
}
