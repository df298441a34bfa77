package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
)

// preparedNeo4j is a connected store with its schema ensured.
type preparedNeo4j struct {
	store      *neo4jstore.Store
	schemaTime time.Duration
	err        error
}

// prepareNeo4j connects to Neo4j and ensures the schema.
func prepareNeo4j(ctx context.Context, cfg neo4jConfig) preparedNeo4j {
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI:      cfg.URI,
		User:     cfg.User,
		Password: cfg.Password,
		Database: cfg.Database,
	})
	if err != nil {
		return preparedNeo4j{err: fmt.Errorf("load: %w", err)}
	}
	if err := store.Ping(ctx); err != nil {
		return preparedNeo4j{store: store, err: fmt.Errorf("load: %w", err)}
	}
	start := time.Now()
	if err := store.EnsureSchema(ctx, 0); err != nil {
		return preparedNeo4j{store: store, err: fmt.Errorf("load: schema: %w", err)}
	}
	return preparedNeo4j{store: store, schemaTime: time.Since(start)}
}

// loadNeo4j writes g into the prepared store (its schema ensured by
// prepareNeo4j, while the documents were parsed) and prints what it did to
// stdout: it loads the graph in one transaction (unchanged documents are
// skipped unless opt.Force, see neo4jstore.LoadGraph), then reads the counts
// per label and relationship type back from Neo4j and checks them against
// the graph.
func loadNeo4j(ctx context.Context, p preparedNeo4j, g *policygraph.Graph, cfg neo4jConfig, opt neo4jstore.LoadOptions, stdout io.Writer) error {
	store, schemaTime := p.store, p.schemaTime
	start := time.Now()
	res, err := store.LoadGraph(ctx, g, opt)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	loadTime := time.Since(start)
	start = time.Now()
	st, err := store.Counts(ctx)
	if err != nil {
		return fmt.Errorf("load: read back counts: %w", err)
	}
	fmt.Fprintf(stdout, "neo4j %s database %s: schema ready in %s, loaded in %s, counts read back in %s\n",
		neo4jstore.Redact(cfg.URI), store.Database(), schemaTime.Round(time.Millisecond), loadTime.Round(time.Millisecond),
		time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "documents loaded: %s; unchanged: %s; removed: %s; laws/funds removed: %s\n",
		list(res.Loaded), list(res.Skipped), list(res.Removed), list(res.RemovedShared))
	var phases []string
	for _, p := range res.Phases {
		phases = append(phases, fmt.Sprintf("%s %s", p.Name, p.Duration.Round(time.Millisecond)))
	}
	fmt.Fprintf(stdout, "load phases: %s\n", strings.Join(phases, ", "))
	want := map[string]int{}
	for _, e := range g.Entities() {
		want[e.Label()]++
	}
	wantRel := map[string]int{}
	for _, r := range g.Relationships {
		wantRel[r.Type]++
	}
	var mismatch []string
	fmt.Fprintln(stdout, "nodes (read back from neo4j):")
	for _, l := range policygraph.Labels {
		fmt.Fprintf(stdout, "  %-16s %6d\n", l, st.Labels[l])
		if got := st.Labels[l]; got != want[l] {
			mismatch = append(mismatch, fmt.Sprintf("%s: %d in neo4j, %d in the graph", l, got, want[l]))
		}
	}
	fmt.Fprintln(stdout, "relationships (read back from neo4j):")
	for _, t := range policygraph.RelTypes {
		fmt.Fprintf(stdout, "  %-16s %6d\n", t, st.RelTypes[t])
		if st.RelTypes[t] != wantRel[t] {
			mismatch = append(mismatch, fmt.Sprintf("%s: %d in neo4j, %d in the graph", t, st.RelTypes[t], wantRel[t]))
		}
	}
	if len(mismatch) > 0 {
		return fmt.Errorf("load: neo4j does not hold the graph: %s", strings.Join(mismatch, "; "))
	}
	return nil
}

func list(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
