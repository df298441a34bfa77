// Command emptydb empties a Neo4j database: every node and relationship,
// every constraint and index (but the built-in token lookups). bench/load.sh
// uses it to time a load into an empty database of a running server.
//
//	NEO4J_URI=bolt://127.0.0.1:7790 NEO4J_PASSWORD=… go run ./bench/emptydb
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "emptydb:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	uri, user, pass, db := os.Getenv("NEO4J_URI"), os.Getenv("NEO4J_USER"), os.Getenv("NEO4J_PASSWORD"), os.Getenv("NEO4J_DATABASE")
	if uri == "" {
		return fmt.Errorf("NEO4J_URI is not set")
	}
	if user == "" {
		user = "neo4j"
	}
	if db == "" {
		db = "neo4j"
	}
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, pass, ""))
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	q := func(cypher string) (*neo4j.EagerResult, error) {
		return neo4j.ExecuteQuery(ctx, d, cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	}
	// CALL … IN TRANSACTIONS needs an auto-commit transaction: session.Run.
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	for _, kind := range []string{"CONSTRAINT", "INDEX"} {
		show := "SHOW CONSTRAINTS YIELD name"
		if kind == "INDEX" {
			show = "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
		}
		res, err := q(show)
		if err != nil {
			return err
		}
		for _, r := range res.Records {
			name, _ := r.Get("name")
			if _, err := q(fmt.Sprintf("DROP %s `%s` IF EXISTS", kind, name)); err != nil {
				return fmt.Errorf("drop %s %v: %w", kind, name, err)
			}
		}
	}
	return nil
}
