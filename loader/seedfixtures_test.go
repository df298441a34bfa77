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

// fastPathEdges are the edge cases the hand-written matchers of the 2023
// layout (pillarHeading23, tocOrdinal23, cutCircLead, hasKeyMsg23, and the
// table's isDatedLabel, cellBreak) are compared with their regexps on,
// besides every seed line (seedLineForms).
func fastPathEdges() []string {
	return []string{"", "OS", "OS1", "OS1:", "OS1:a", "OS0:a", "ミッション9:a(考え方)", "ミッション1:(考え方)", "OS2:a(考え方)(考え方)",
		"OS3:a\n(考え方)", "OS3:a\nb", "OS4:(これまでの施策、今後の施策)x", "OS5:a(これまでの施策、今後の施策)", "OSX:a", "ミッション1::",
		"2023年万博", "2023年(万博)", "1999年あ", "20年", "x) y", "（a） b", "a）　b", "「新機軸」のキーメッセージ①",
		"1", "1a", "1・・・p.", "1・・・p.5", "1a・・・p.5", "12・・・p.34", "1a・・・p.5x", "1a\n・・・p.5", "0a・・・p.5", "9・・・p.・・・p.7", "1\xffa・・・p.5", "①施策", "⑳ \u3000a", "\u2474x", "⑩"}
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
