// Package corpustest loads the embedded seed corpus for the tests of other
// packages: the graph the loader makes of it, and that graph in the
// in-memory store.
package corpustest

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
)

// Graph is the loader's graph of the embedded seed corpus, made anew for
// each call (callers may change it); a load error fails tb.
func Graph(tb testing.TB) *policygraph.Graph {
	tb.Helper()
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil {
		tb.Fatalf("load the seed corpus: %v", err)
	}
	return g
}

// Store is Graph and the in-memory store of it.
func Store(tb testing.TB) (*policygraph.Graph, *inmem.Store) {
	tb.Helper()
	g := Graph(tb)
	s, err := inmem.New(g)
	if err != nil {
		tb.Fatalf("store the seed corpus: %v", err)
	}
	return g, s
}
