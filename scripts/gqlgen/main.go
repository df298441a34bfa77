// Command gqlgen generates graph/ from schema/ and gqlgen.yml: gqlgen's own
// generator with the field and list execution made sequential.
//
//	go generate ./graph      (or: go run ./scripts/gqlgen)
//
// Why: gqlgen runs every resolver field and every element of a list of
// objects in a goroutine of its own, which pays off when resolvers wait on
// I/O. Here they never do: the planner (graph/plan.go) reads a root field's
// whole selection before its children resolve, and the stores answer from
// memory. For a query of 1,300 measures the goroutines cost a third of the
// time (stack growth and scheduling) and bought nothing. Two changes:
//
//   - every object is generated with DisableConcurrency (the flag gqlgen sets
//     for Mutation), through the CodeGenerator hook that runs before the code
//     is written, so resolver fields run in order;
//   - the one place the templates do not consult that flag, lists of objects
//     (graphql.MarshalSliceConcurrently), is rewritten to call
//     graph.marshalSliceInOrder, which has the same signature and semantics
//     without goroutines. The rewrite fails when it finds nothing to rewrite,
//     so an upgrade of gqlgen that changes the template is noticed.
//
// The output is deterministic: CI runs this and checks nothing changed.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		return fmt.Errorf("load gqlgen.yml: %w", err)
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return rewriteLists(cfg.Exec.Dir())
}

// sequential turns off gqlgen's per-field goroutines for every object.
type sequential struct{}

func (sequential) Name() string { return "sequential" }

func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		o.DisableConcurrency = true
	}
	return nil
}

var (
	concurrentList = []byte("graphql.MarshalSliceConcurrently(")
	inOrderList    = []byte("marshalSliceInOrder(")
)

// rewriteLists points the generated list marshallers at marshalSliceInOrder.
func rewriteLists(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.generated.go"))
	if err != nil {
		return err
	}
	total := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		n := bytes.Count(src, concurrentList)
		if n == 0 {
			continue
		}
		total += n
		if err := os.WriteFile(f, bytes.ReplaceAll(src, concurrentList, inOrderList), 0o644); err != nil {
			return fmt.Errorf("rewrite %s: %w", f, err)
		}
	}
	if total == 0 {
		return fmt.Errorf("rewrite lists: no %s in %s/*.generated.go; has gqlgen's template changed?", concurrentList, dir)
	}
	return nil
}
