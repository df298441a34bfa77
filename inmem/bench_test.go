package inmem_test

import (
	"testing"

	"github.com/policygraph/policygraph"

	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
	"github.com/policygraph/policygraph/storetest"
)

func benchStore(b *testing.B) *inmem.Store {
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkSearch(b *testing.B) {
	s := benchStore(b)
	q := policygraph.SearchQuery{Text: "GX推進法"}
	for b.Loop() {
		if _, err := s.Search(b.Context(), q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNeighbourhoodDepth2(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if _, err := s.Neighbourhood(b.Context(), "pillar:2023:OS-1", 2, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPaths(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if _, err := s.Paths(b.Context(), "doc:2023", "law:独占禁止法", 6, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchCorpus searches the seed corpus with the kinds of query a
// researcher types: a word, several words, a name with aliases, a Latin
// acronym.
func BenchmarkSearchCorpus(b *testing.B) {
	g, _, err := loader.LoadFS(seed.FS())
	if err != nil {
		b.Fatal(err)
	}
	s, err := inmem.New(g)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"半導体", "半導体 人材", "GI基金", "AI"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(b.Context(), policygraph.SearchQuery{Text: q, Limit: policygraph.MaxPage}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
