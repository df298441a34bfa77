package loader

import (
	"os"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/seed"
)

// seedLines returns every line of both seed documents as written.
func seedLines(tb testing.TB) []string {
	tb.Helper()
	var lines []string
	for _, f := range []string{seed2023, "../seed/" + seed2025} {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	return lines
}

// seedLineForms returns every seed line in matching form and as written,
// the texts the hand-written matchers are compared with their regexps on.
func seedLineForms(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, l := range seedLines(tb) {
		out = append(out, normalize(l), l)
	}
	return out
}

// loadSeedDocs parses every document of the embedded manifest, in its
// order, as LoadFS reads each.
func loadSeedDocs(tb testing.TB) []*loadedDoc {
	tb.Helper()
	fsys := seed.FS()
	man, err := seed.ReadManifest(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*loadedDoc
	for _, e := range man.Documents {
		d, err := loadDocument(fsys, e)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}
