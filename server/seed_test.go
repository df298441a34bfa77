package server_test

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
)

// seedStore is the in-memory store of the embedded seeds.
func seedStore(tb testing.TB) policygraph.Store {
	tb.Helper()
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil && (g == nil || len(g.Documents) == 0) {
		tb.Fatal(err)
	}
	s, err := inmem.New(g)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
