package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/export"
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

// runExport writes the whole graph, loaded from the embedded seeds or
// --seed DIR, as json, graphml, cypher or csv (a zip archive) to stdout or
// -o FILE. No server, no
// database.
func runExport(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json, graphml, cypher or csv (a zip of neo4j-admin import files)")
	out := fs.String("o", "", "write to `FILE` (atomically) instead of stdout")
	seedDir := fs.String("seed", "", "load the seed documents from `DIR` instead of the embedded ones")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: policygraph export --format json|graphml|cypher|csv [-o FILE] [--seed DIR]")
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
	if *out == "" || *out == "-" {
		return write(stdout, g)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, g) })
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
