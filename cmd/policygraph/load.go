package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/policygraph/policygraph/neo4jstore"
	"io"
	"time"
)

// neo4jConfig is the connection of `load --neo4j-uri`.
type neo4jConfig struct {
	URI       string
	User      string
	Password  string
	Database  string
	RetryTime time.Duration // 0: the store's default
}

// register adds the connection flags every command that talks to Neo4j
// takes; uriUsage says what that command does with the URI.
func (c *neo4jConfig) register(fs *flag.FlagSet, uriUsage string) {
	fs.StringVar(&c.URI, "neo4j-uri", "", uriUsage+" (env POLICYGRAPH_NEO4J_URI, NEO4J_URI)")
	fs.StringVar(&c.User, "neo4j-user", "neo4j", "Neo4j user (env POLICYGRAPH_NEO4J_USER, NEO4J_USER, NEO4J_USERNAME)")
	fs.StringVar(&c.Password, "neo4j-password", "", "Neo4j password (env POLICYGRAPH_NEO4J_PASSWORD, NEO4J_PASSWORD)")
	fs.StringVar(&c.Database, "neo4j-database", "neo4j", "Neo4j database, named explicitly in every transaction (env POLICYGRAPH_NEO4J_DATABASE, NEO4J_DATABASE)")
}

// runLoad loads the graph (embedded seeds or --seed DIR) and either prints
// the load report (--report) or writes it into Neo4j (--neo4j-uri …, see
// load_neo4j.go).
func runLoad(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	report := fs.Bool("report", false, "print the load report: counts per document, unplaced lines, unresolved links, errors")
	seedDir := fs.String("seed", "", "load the seed documents from `DIR` instead of the embedded ones")
	force := fs.Bool("force", false, "rewrite every document, even those whose fingerprint is unchanged")
	var cfg neo4jConfig
	cfg.register(fs, "load into the Neo4j at `URI`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: policygraph load --report | --neo4j-uri URI [--neo4j-user U --neo4j-password P --neo4j-database D] [--force] [--seed DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := applyEnv(fs, env, neo4jFallbacks); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("load: unexpected argument %q", fs.Arg(0))
	}
	if !*report && cfg.URI == "" {
		fs.Usage()
		return fmt.Errorf("load: give --report or --neo4j-uri")
	}
	// Into Neo4j: connect and ensure the schema while the documents are
	// parsed (both take a few hundred ms; neither needs the other).
	var prep chan preparedNeo4j
	if !*report {
		prep = make(chan preparedNeo4j, 1)
		go func() { prep <- prepareNeo4j(ctx, cfg) }()
	}
	g, rep, loadErr := loadGraph(*seedDir)
	if *report {
		// The report never touches a database, even when NEO4J_URI is set in
		// the environment: it is the "what would load" view.
		if rep != nil {
			if _, err := rep.WriteTo(stdout); err != nil {
				return err
			}
		}
		if loadErr != nil {
			return fmt.Errorf("load: %w", loadErr)
		}
		return nil
	}
	p := <-prep
	if p.store != nil {
		defer p.store.Close(context.WithoutCancel(ctx))
	}
	if loadErr != nil {
		return fmt.Errorf("load: %w", loadErr)
	}
	if p.err != nil {
		return p.err
	}
	// The Neo4j mode lives in load_neo4j.go.
	return loadNeo4j(ctx, p, g, cfg, neo4jstore.LoadOptions{Force: *force}, stdout)
}
