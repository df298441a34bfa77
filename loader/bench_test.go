package loader

import (
	"testing"

	"github.com/policygraph/policygraph/seed"
)

// BenchmarkLoadCorpus loads the whole embedded corpus: both editions through
// their parsers and all shared passes.
//
//	go test -run '^$' -bench LoadCorpus -benchmem ./loader
func BenchmarkLoadCorpus(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := LoadFS(seed.FS()); err != nil {
			b.Fatal(err)
		}
	}
}
