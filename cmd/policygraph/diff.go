package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/neo4jstore"
)

// runDiff writes what became of the earlier edition's planned measures
// (package editiondiff) as Markdown, JSON or CSV, from the embedded seeds,
// --seed DIR, or the graph loaded into Neo4j (--neo4j-uri).
func runDiff(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the earlier edition's document `ID` (doc:2023)")
	to := fs.String("to", "", "the later edition's document `ID` (doc:2025)")
	pillar := fs.String("pillar", "", "only the group of this pillar or policy direction `ID` (of either edition)")
	format := fs.String("format", "md", "report format: "+strings.Join(editiondiff.Formats, ", "))
	out := fs.String("o", "", "write to `FILE` (atomically) instead of stdout")
	seedDir := fs.String("seed", "", "load the seed documents from `DIR` instead of the embedded ones")
	var cfg neo4jConfig
	cfg.register(fs, "read the graph from the Neo4j at `URI` instead of the seeds")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: policygraph diff --from DOC --to DOC [--pillar ID] [--format md|json|csv] [-o FILE] [--seed DIR | --neo4j-uri URI …]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	given := map[string]bool{} // on the command line, before the environment fills in
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if err := applyEnv(fs, env, neo4jFallbacks); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("diff: unexpected argument %q", fs.Arg(0))
	}
	// An explicit --seed wins over a Neo4j URI from the environment; both on
	// the command line is a mistake.
	if *seedDir != "" && cfg.URI != "" {
		if given["neo4j-uri"] {
			return fmt.Errorf("diff: give --seed or --neo4j-uri, not both")
		}
		cfg.URI = ""
	}
	if *from == "" || *to == "" {
		fs.Usage()
		return fmt.Errorf("diff: give --from and --to (document ids such as doc:2023 and doc:2025)")
	}
	if !strings.Contains(" "+strings.Join(editiondiff.Formats, " ")+" ", " "+*format+" ") {
		return fmt.Errorf("diff: unknown format %q (want %s)", *format, strings.Join(editiondiff.Formats, ", "))
	}
	g, err := diffGraph(ctx, *seedDir, cfg)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	s, err := inmem.New(g)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	d, err := editiondiff.Compute(ctx, s, *from, *to, *pillar)
	if err != nil {
		return fmt.Errorf("diff: %s", policygraph.ErrorMessage(err))
	}
	if *out == "" || *out == "-" {
		return editiondiff.Write(stdout, d, *format)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return editiondiff.Write(w, d, *format) })
}

// diffGraph is the graph to compare: what Neo4j holds, or the seeds.
func diffGraph(ctx context.Context, seedDir string, cfg neo4jConfig) (*policygraph.Graph, error) {
	if cfg.URI == "" {
		g, _, err := loadGraph(seedDir)
		return g, err
	}
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: cfg.URI, User: cfg.User, Password: cfg.Password, Database: cfg.Database})
	if err != nil {
		return nil, err
	}
	defer s.Close(context.WithoutCancel(ctx))
	g, _, err := s.ReadGraph(ctx)
	return g, err
}
