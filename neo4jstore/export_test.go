package neo4jstore

import (
	"context"
	"fmt"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SetBatchHook installs a hook run before each write batch of a load; an
// error fails that batch (tests inject failures with it).
func SetBatchHook(s *Store, h func(step string, n int) error) { s.SetLoadHook(h) }

// Exec runs one write statement (tests set up schema states with it).
func Exec(ctx context.Context, s *Store, stmt string) error {
	_, err := writeTx(ctx, s, "Exec", func(tx *txn) (struct{}, error) { return struct{}{}, tx.exec(stmt, nil) })
	return err
}

// DumpedNode is a node as stored.
type DumpedNode struct {
	ID, ElementID, Label, Props string
}

// Dump lists every node (with its element id and all its properties, the
// internal ones included) and the ids of every relationship, sorted.
func Dump(ctx context.Context, s *Store) ([]DumpedNode, []string, error) {
	type dump struct {
		nodes []DumpedNode
		rels  []string
	}
	d, err := readTx(ctx, s, "Dump", func(tx *txn) (dump, error) {
		var d dump
		recs, err := tx.collect("MATCH (n) RETURN n ORDER BY n.id", nil)
		if err != nil {
			return d, err
		}
		for _, r := range recs {
			n, err := get[neo4jdriver.Node](r, "n")
			if err != nil {
				return d, err
			}
			e, err := entityFromNode(n)
			if err != nil {
				return d, err
			}
			d.nodes = append(d.nodes, DumpedNode{ID: e.NodeID(), ElementID: n.ElementId, Label: e.Label(),
				Props: fmt.Sprint(n.Props)})
		}
		recs, err = tx.collect("MATCH ()-[r]->() RETURN r.id AS id ORDER BY id", nil)
		if err != nil {
			return d, err
		}
		for _, r := range recs {
			id, err := get[string](r, "id")
			if err != nil {
				return d, err
			}
			d.rels = append(d.rels, id)
		}
		return d, nil
	})
	return d.nodes, d.rels, err
}
