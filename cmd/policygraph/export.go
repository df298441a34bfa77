package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/export"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
)

// exporters are the --format values.
var exporters = map[string]func(io.Writer, *policygraph.Graph) error{
	"json":    export.JSON,
	"graphml": export.GraphML,
	"cypher":  export.Cypher,
	"csv":     export.CSV, // a zip of neo4j-admin import files
}

// runExport writes the whole graph (or, with --around, one node's
// neighbourhood), loaded from the embedded seeds or --seed DIR, as json,
// graphml, cypher or csv (a zip archive) to stdout or -o FILE. No server, no
// database.
func runExport(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json, graphml, cypher or csv (a zip of neo4j-admin import files)")
	out := fs.String("o", "", "write to `FILE` (atomically) instead of stdout")
	seedDir := fs.String("seed", "", "load the seed documents from `DIR` instead of the embedded ones")
	around := fs.String("around", "", "write only the neighbourhood of the node `ID` (as the API's neighbourhood(id:) answers it) instead of the whole graph")
	depth := fs.Int("depth", 1, "with --around: hops from the node, both directions (0..4)")
	limit := fs.Int("limit", policygraph.MaxPage, "with --around: at most this many nodes, the nearest first (1..500)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: policygraph export --format json|graphml|cypher|csv [-o FILE] [--seed DIR] [--around ID [--depth N] [--limit N]]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := applyEnv(fs, env, nil); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("export: unexpected argument %q", fs.Arg(0))
	}
	write, ok := exporters[*format]
	if !ok {
		return fmt.Errorf("export: unknown format %q (want json, graphml, cypher or csv)", *format)
	}
	g, _, err := loadGraph(*seedDir)
	if err != nil {
		// A partial graph is not exported: the file would silently miss a
		// document. `policygraph load --report` shows what went wrong.
		return fmt.Errorf("export: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *around == "" && (given["depth"] || given["limit"]) {
		return fmt.Errorf("export: --depth needs --around ID (and so does --limit)")
	}
	if *around != "" {
		if g, err = neighbourhoodGraph(ctx, g, *around, *depth, *limit, stderr); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if *out == "" || *out == "-" {
		return write(stdout, g)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, g) })
}

// neighbourhoodGraph is the part of g that neighbourhood(id, depth, limit)
// answers: the nodes within depth hops of id, either direction, the nearest
// first, and every relationship among them. It says on stderr when limit
// cut nodes off.
func neighbourhoodGraph(ctx context.Context, g *policygraph.Graph, id string, depth, limit int, stderr io.Writer) (*policygraph.Graph, error) {
	s, err := inmem.New(g)
	if err != nil {
		return nil, err
	}
	if limit < 1 {
		// The store reads 0 as its default; here it is a mistake.
		return nil, fmt.Errorf("--limit %d: at least 1", limit)
	}
	sub, err := s.Neighbourhood(ctx, id, depth, limit)
	var pe *policygraph.Error
	if errors.As(err, &pe) {
		return nil, errors.New(pe.Message) // what was wrong with the arguments, not where
	}
	if err != nil {
		return nil, err
	}
	out := &policygraph.Graph{Relationships: sub.Relationships}
	for _, n := range sub.Nodes {
		out.Add(n)
	}
	if sub.Truncated {
		fmt.Fprintf(stderr, "policygraph export: the neighbourhood of %s within %d hops has more than %d nodes; the nearest %d are written (--limit, at most %d)\n",
			id, depth, len(sub.Nodes), len(sub.Nodes), policygraph.MaxPage)
	}
	return out, nil
}

// loadGraph loads the embedded seeds, or dir when given.
func loadGraph(dir string) (*policygraph.Graph, *loader.Report, error) {
	if dir != "" {
		return loader.LoadDir(dir)
	}
	return loader.LoadFS(seed.FS())
}

// writeFileAtomic writes path through a temporary file in the same
// directory and renames it into place, so a failure leaves any previous
// file untouched and never a half-written one.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
