package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/policygraph/policygraph"
)

// neo4jConfig {URI, User, Password, Database} is declared in load.go (the
// load command's Neo4j connection); serve uses the same struct.

// openNeo4jStore connects to Neo4j and returns the store and a function that
// closes it. Written in the Neo4j issue.
func openNeo4jStore(ctx context.Context, cfg neo4jConfig, logger *slog.Logger) (policygraph.Store, func(), error) {
	return nil, nil, errors.New("neo4j store: not implemented")
}
