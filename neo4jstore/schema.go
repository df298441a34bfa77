package neo4jstore

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/policygraph/policygraph"
)

// The schema (EnsureSchema creates what is missing; every statement is
// IF NOT EXISTS, so it is idempotent):
//
//   - a uniqueness constraint on id for PolicyNode (every node, so that
//     lookups by id with no label use one index and MERGE is race-free) and
//     for each domain label;
//   - the range index pg_doc, which finds a document's nodes when it is
//     reloaded.
//
// Nothing else: the server answers from a snapshot of the graph (package
// snapshot), so no query of policygraph filters or searches inside Neo4j,
// and every further index would only slow the load down. EnsureSchema then
// waits for every index to be ONLINE.

// schemaIndexes are the range indexes: label → properties.
var schemaIndexes = []struct {
	label string
	props []string
}{
	{baseLabel, []string{propDoc}},
}

// SchemaStatements returns the Cypher statements EnsureSchema runs, in order.
func SchemaStatements() []string {
	var out []string
	for _, label := range append([]string{baseLabel}, policygraph.Labels...) {
		out = append(out, fmt.Sprintf(
			"CREATE CONSTRAINT pg_%s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			strings.ToLower(label), label))
	}
	for _, ix := range schemaIndexes {
		for _, p := range ix.props {
			out = append(out, fmt.Sprintf(
				"CREATE INDEX pg_%s_%s IF NOT EXISTS FOR (n:%s) ON (n.%s)",
				strings.ToLower(ix.label), strings.ToLower(p), ix.label, p))
		}
	}
	return out
}

// EnsureSchema creates the constraints and indexes that are missing and
// waits until all indexes are online (at most wait; 0 means 2 minutes).
func (s *Store) EnsureSchema(ctx context.Context, wait time.Duration) error {
	const op = "neo4jstore.EnsureSchema"
	if wait <= 0 {
		wait = 2 * time.Minute
	}
	have, online, err := s.schemaNames(ctx)
	if err != nil {
		return err
	}
	if err := s.dropObsolete(ctx, have); err != nil {
		return err
	}
	// Schema commands cannot share a transaction with data, but they can
	// share one with each other: one transaction for what is missing (IF
	// NOT EXISTS would make the others no-ops, but each still costs a round
	// trip).
	var missing []string
	for _, stmt := range SchemaStatements() {
		if have[schemaName(stmt)] == "" {
			missing = append(missing, stmt)
		}
	}
	if len(missing) > 0 {
		if _, err := writeTx(ctx, s, op, func(tx *txn) (struct{}, error) {
			for _, stmt := range missing {
				if err := tx.exec(stmt, nil); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		}); err != nil {
			return err
		}
	}
	if len(missing) == 0 && online {
		return nil // nothing to wait for: one round trip when the schema is there
	}
	_, err = readTx(ctx, s, op, func(tx *txn) (struct{}, error) {
		return struct{}{}, tx.exec("CALL db.awaitIndexes($s)", map[string]any{"s": int64(wait / time.Second)})
	})
	return err
}

// dropObsolete drops the indexes and constraints of earlier versions (every
// name starting pg_ that SchemaStatements no longer creates: the full-text
// index pg_search and the range indexes of the removed read path), which
// every load would otherwise keep maintaining.
func (s *Store) dropObsolete(ctx context.Context, have map[string]string) error {
	want := map[string]bool{}
	for _, stmt := range SchemaStatements() {
		want[schemaName(stmt)] = true
	}
	var drops []string
	for name, kind := range have {
		if strings.HasPrefix(name, "pg_") && !want[name] {
			drops = append(drops, "DROP "+kind+" "+name+" IF EXISTS")
		}
	}
	if len(drops) == 0 {
		return nil
	}
	sort.Strings(drops)
	_, err := writeTx(ctx, s, "neo4jstore.EnsureSchema", func(tx *txn) (struct{}, error) {
		for _, d := range drops {
			if err := tx.exec(d, nil); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	})
	return err
}

// schemaNames are the names of the constraints and indexes that exist, with
// their kind (CONSTRAINT, or INDEX for one no constraint owns); online is
// whether every index is ONLINE.
func (s *Store) schemaNames(ctx context.Context) (names map[string]string, online bool, err error) {
	type result struct {
		names  map[string]string
		online bool
	}
	r, err := readTx(ctx, s, "neo4jstore.EnsureSchema", func(tx *txn) (result, error) {
		out := result{names: map[string]string{}, online: true}
		recs, err := tx.collect("SHOW CONSTRAINTS YIELD name", nil)
		if err != nil {
			return out, err
		}
		for _, r := range recs {
			n, _ := get[string](r, "name")
			out.names[n] = "CONSTRAINT"
		}
		recs, err = tx.collect("SHOW INDEXES YIELD name, owningConstraint, state", nil)
		if err != nil {
			return out, err
		}
		for _, r := range recs {
			n, _ := get[string](r, "name")
			if owner, _ := get[string](r, "owningConstraint"); owner == "" {
				out.names[n] = "INDEX"
			}
			if state, _ := get[string](r, "state"); state != "ONLINE" {
				out.online = false
			}
		}
		return out, nil
	})
	return r.names, r.online, err
}

// schemaName is the name a CREATE … <name> IF NOT EXISTS statement gives.
func schemaName(stmt string) string {
	f := strings.Fields(stmt)
	for i := 1; i < len(f); i++ {
		if f[i] == "IF" {
			return f[i-1]
		}
	}
	return ""
}

// SchemaInfo lists the constraints and indexes of the database (name and
// description), for the load command's report and tests.
func (s *Store) SchemaInfo(ctx context.Context) ([]string, error) {
	return readTx(ctx, s, "neo4jstore.SchemaInfo", func(tx *txn) ([]string, error) {
		var out []string
		recs, err := tx.collect("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "+
			"RETURN name, type, labelsOrTypes, properties ORDER BY name", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			out = append(out, fmt.Sprintf("constraint %v %v %v %v", r.Values[0], r.Values[1], r.Values[2], r.Values[3]))
		}
		recs, err = tx.collect("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, options "+
			"WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, state, "+
			"options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name", nil)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			line := fmt.Sprintf("index %v %v %v %v %v", r.Values[0], r.Values[1], r.Values[2], r.Values[3], r.Values[4])
			if r.Values[5] != nil {
				line += fmt.Sprintf(" analyzer=%v", r.Values[5])
			}
			out = append(out, line)
		}
		return out, nil
	})
}

// Wipe deletes every node and relationship of the database in batches (for
// tests and for `load --wipe`); the schema stays.
func (s *Store) Wipe(ctx context.Context) error {
	for {
		n, err := writeTx(ctx, s, "neo4jstore.Wipe", func(tx *txn) (int64, error) {
			recs, err := tx.collect("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n", nil)
			if err != nil || len(recs) == 0 {
				return 0, err
			}
			return get[int64](recs[0], "n")
		})
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}
