package loader

import (
	"io/fs"
	"strconv"
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

// BenchmarkParseDocument is the edition parsers alone, per document (text
// split and normalised, then parse2023 or parse2025), without the shared
// passes BenchmarkLoadCorpus adds.
//
//	go test -run '^$' -bench ParseDocument -benchmem ./loader
func BenchmarkParseDocument(b *testing.B) {
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range man.Documents {
		data, err := fs.ReadFile(seed.FS(), e.File)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strconv.Itoa(e.Year), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := parseDocument(e, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
