package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/snapshot"
)

// neo4jConfig {URI, User, Password, Database} is declared in load.go (the
// load command's Neo4j connection); serve uses the same struct.

// openNeo4jStore connects to Neo4j and returns the store and a function that
// closes it. Neo4j need not be up yet: the server starts, /readyz fails
// (Store.Ping is EUNAVAILABLE) and requests get EUNAVAILABLE until the
// database answers, then everything works without a restart (the driver
// reconnects by itself; the store keeps no connection state of its own).
// The schema and the data come from `policygraph load --neo4j-uri …`.
//
// The server answers from an in-memory copy of the database (package
// snapshot), refreshed in the background when a load changes it: the graph
// changes only through load, and a query answered from memory needs no round
// trip. (A read-through mode, a Neo4j query per level of every request,
// reached 0.08–1.38× the throughput of @neo4j/graphql, under 1× on four of
// the benchmark's five shapes, and was removed.)
func openNeo4jStore(ctx context.Context, o *serveOptions, logger *slog.Logger) (policygraph.Store, func(), error) {
	cfg := o.neo4j
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI:          cfg.URI,
		User:         cfg.User,
		Password:     cfg.Password,
		Database:     cfg.Database,
		MaxRetryTime: cfg.RetryTime,
	})
	if err != nil {
		return nil, nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.Ping(pctx); err != nil {
		logger.Warn("neo4j is not answering yet; serving anyway, /readyz fails until it does",
			"uri", neo4jstore.Redact(cfg.URI), "database", s.Database(), "err", err)
	}
	opts := o.snapshot
	opts.Logger = logger
	opts.Permanent = neo4jstore.Permanent
	snap := snapshot.New(s, opts)
	if err := snap.Refresh(pctx); err != nil {
		logger.Warn("no snapshot of neo4j yet; /readyz fails until one is read", "err", err)
	} else if docs, err := snap.Documents(pctx); err == nil && len(docs) == 0 {
		logger.Warn("neo4j holds no documents; run policygraph load --neo4j-uri first",
			"uri", neo4jstore.Redact(cfg.URI), "database", s.Database())
	} else {
		logger.Info("serving from neo4j", "uri", neo4jstore.Redact(cfg.URI), "database", s.Database())
	}
	rctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() { defer close(done); snap.Run(rctx) }()
	return snap, func() {
		stop()
		<-done
		s.Close(context.Background())
	}, nil
}
