package integration

import (
	"net/http"
	"testing"

	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
)

// BenchmarkNestedQuery runs the large nested query (pillars → measures →
// laws and funds) through the GraphQL handler over Neo4j (the
// environment's, served through a snapshot as the server does) and over the
// in-memory store.
func BenchmarkNestedQuery(b *testing.B) {
	vars := nestedCases[len(nestedCases)-1].vars
	run := func(b *testing.B, h http.Handler) {
		query(b, h, nestedQuery, vars) // warm the query cache and the database
		for b.Loop() {
			query(b, h, nestedQuery, vars)
		}
	}
	b.Run("inmem", func(b *testing.B) { run(b, handler(inmemStore(b, corpus(b)))) })
	b.Run("neo4j", func(b *testing.B) {
		s := neo4jtest.Open(b)
		if _, err := s.LoadGraph(b.Context(), corpus(b)); err != nil {
			b.Fatal(err)
		}
		h := handler(snapshotOf(b, s))
		before := s.RoundTrips()
		run(b, h)
		b.ReportMetric(float64(s.RoundTrips()-before)/float64(b.N+1), "roundtrips/op")
	})
}
