package neo4jstore_test

import (
	"sync"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	"github.com/policygraph/policygraph/seed"
)

var corpusOnce = sync.OnceValues(func() (*policygraph.Graph, error) {
	g, _, err := loader.LoadFS(seed.FS())
	return g, err
})

// corpus returns the real graph; callers must not modify it.
func corpus(t testing.TB) *policygraph.Graph {
	t.Helper()
	g, err := corpusOnce()
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	return g
}

// BenchmarkLoadCorpus measures a full (forced) load of the real corpus into
// Neo4j: every document's transaction, shared nodes, relationships.
func BenchmarkLoadCorpus(b *testing.B) {
	s := neo4jtest.Open(b)
	g := corpus(b)
	if _, err := s.LoadGraph(b.Context(), g); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(g.Entities())), "nodes")
	b.ReportMetric(float64(len(g.Relationships)), "rels")
	for b.Loop() {
		if _, err := s.LoadGraph(b.Context(), g, neo4jstore.LoadOptions{Force: true}); err != nil {
			b.Fatal(err)
		}
	}
}
