package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/policygraph/policygraph"

	"github.com/policygraph/policygraph/seed"
)

// BenchmarkLoadCorpus loads the whole embedded corpus: both editions through
// their parsers and all shared passes, the documents and the passes that
// share nothing at once (loadDocuments, runDocPasses), so on several cores
// its time per op is below the CPU time it spends.
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
// split and normalised, then parse2023 or parse2025, with the page numbers
// and the name passes' index made beside the grammar), without the shared
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

// benchEvolveInputs parses the embedded corpus and returns what linkEvolves
// takes for 2025 against 2023, built as LoadFS builds it.
func benchEvolveInputs(tb testing.TB) (later, earlier []*simItem, in evolveInputs) {
	tb.Helper()
	m, err := loadMatcher()
	if err != nil {
		tb.Fatal(err)
	}
	docs := loadSeedDocs(tb)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].entry.Year < docs[j].entry.Year })
	items := make([][]*simItem, len(docs))
	var rels []*policygraph.Relationship
	for i, d := range docs {
		items[i] = docSimItems(d.t, d.pd, m.terms)
		rels = append(rels, d.pd.Rels...)
		rels = append(rels, linkRefs(d, &Report{})...)
	}
	return items[1], items[0], newEvolveInputs(linkContinues(m, docs[1], docs[0], &Report{}), rels)
}

// BenchmarkEvolves is the EVOLVES_FROM pass alone, 2025 against 2023.
//
//	go test -run '^$' -bench Evolves -benchmem ./loader
func BenchmarkEvolves(b *testing.B) {
	later, earlier, in := benchEvolveInputs(b)
	b.ReportAllocs()
	for b.Loop() {
		linkEvolves(later, earlier, in)
	}
}

// BenchmarkSummaries is the 2023 overview-cell matching alone
// (resolveSummary: each cell's pillar, its SUMMARIZES bullets and its
// node), on a document read anew, untimed, before each run.
//
//	go test -run '^$' -bench Summaries -benchmem ./loader
func BenchmarkSummaries(b *testing.B) {
	data, err := os.ReadFile(seed2023)
	if err != nil {
		b.Fatal(err)
	}
	dt, err := newDocText(filepath.Base(seed2023), 2023, "doc:2023", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		p, err := read2023(dt)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p.resolveSummary()
	}
}
