package neo4jstore

import (
	"context"
	"fmt"
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
//   - range indexes for the filters: pg_doc (document reload), documentId,
//     pillarId, groupId, status, startYear, endYear, kind, year, name;
//   - one full-text index, pg_search, with the 'cjk' analyzer (bigrams, so a
//     Japanese phrase query finds substrings) over the normalised searchable
//     fields pg_s_* of every label.
//
// EnsureSchema then waits for every index to be ONLINE.

// FulltextIndex is the name of the full-text index.
const FulltextIndex = "pg_search"

// schemaIndexes are the range indexes: label → properties.
var schemaIndexes = []struct {
	label string
	props []string
}{
	{baseLabel, []string{propDoc}},
	{policygraph.LabelDocument, []string{"year"}},
	{policygraph.LabelPillar, []string{"documentId", "kind", "key"}},
	{policygraph.LabelMeasureGroup, []string{"documentId", "pillarId"}},
	{policygraph.LabelMeasure, []string{"documentId", "pillarId", "groupId", "status", "startYear", "endYear"}},
	{policygraph.LabelTarget, []string{"documentId", "pillarId", "kind", "year"}},
	{policygraph.LabelLaw, []string{"name", "foreign"}},
	{policygraph.LabelFund, []string{"name"}},
	{policygraph.LabelPolicyDirection, []string{"documentId"}},
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
	var props []string
	for _, f := range allSearchFields() {
		props = append(props, "n."+searchProp(f))
	}
	out = append(out, fmt.Sprintf(
		"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [%s] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}",
		FulltextIndex, strings.Join(policygraph.Labels, "|"), strings.Join(props, ", ")))
	return out
}

// EnsureSchema creates the constraints and indexes that are missing and
// waits until all indexes are online (at most wait; 0 means 2 minutes).
func (s *Store) EnsureSchema(ctx context.Context, wait time.Duration) error {
	const op = "neo4jstore.EnsureSchema"
	if wait <= 0 {
		wait = 2 * time.Minute
	}
	// A full-text index from an older version over other fields is
	// replaced (IF NOT EXISTS would keep it as it is).
	if err := s.dropStaleFulltext(ctx); err != nil {
		return err
	}
	have, err := s.schemaNames(ctx)
	if err != nil {
		return err
	}
	// Schema commands cannot share a transaction with data, but they can
	// share one with each other: one transaction for what is missing (IF
	// NOT EXISTS would make the others no-ops, but each still costs a round
	// trip).
	var missing []string
	for _, stmt := range SchemaStatements() {
		if !have[schemaName(stmt)] {
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
	_, err = readTx(ctx, s, op, func(tx *txn) (struct{}, error) {
		return struct{}{}, tx.exec("CALL db.awaitIndexes($s)", map[string]any{"s": int64(wait / time.Second)})
	})
	return err
}

// schemaNames are the names of the indexes and constraints that exist.
func (s *Store) schemaNames(ctx context.Context) (map[string]bool, error) {
	return readTx(ctx, s, "neo4jstore.EnsureSchema", func(tx *txn) (map[string]bool, error) {
		out := map[string]bool{}
		for _, q := range []string{"SHOW INDEXES YIELD name", "SHOW CONSTRAINTS YIELD name"} {
			recs, err := tx.collect(q, nil)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				n, _ := get[string](r, "name")
				out[n] = true
			}
		}
		return out, nil
	})
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

// dropStaleFulltext drops the full-text index when it does not cover
// exactly the searchable fields with the cjk analyzer.
func (s *Store) dropStaleFulltext(ctx context.Context) error {
	const op = "neo4jstore.EnsureSchema"
	want := map[string]bool{}
	for _, f := range allSearchFields() {
		want[searchProp(f)] = true
	}
	stale, err := readTx(ctx, s, op, func(tx *txn) (bool, error) {
		recs, err := tx.collect("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options "+
			"WHERE name = $name RETURN labelsOrTypes AS l, properties AS p, "+
			"options.indexConfig['fulltext.analyzer'] AS a", map[string]any{"name": FulltextIndex})
		if err != nil || len(recs) == 0 {
			return false, err
		}
		props, _ := get[[]any](recs[0], "p")
		labels, _ := get[[]any](recs[0], "l")
		analyzer, _ := get[string](recs[0], "a")
		if analyzer != "cjk" || len(props) != len(want) || len(labels) != len(policygraph.Labels) {
			return true, nil
		}
		for _, p := range props {
			if ps, _ := p.(string); !want[ps] {
				return true, nil
			}
		}
		return false, nil
	})
	if err != nil || !stale {
		return err
	}
	_, err = writeTx(ctx, s, op, func(tx *txn) (struct{}, error) {
		return struct{}{}, tx.exec("DROP INDEX "+FulltextIndex+" IF EXISTS", nil)
	})
	return err
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
