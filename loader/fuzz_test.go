package loader

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// FuzzParse feeds arbitrary bytes to the per-document step (text checks,
// edition parser, contract checks) and then to the shared passes. It must
// never panic, and whatever it returns must have provenance inside the input.
//
//	go test -fuzz FuzzParse -fuzztime 20s ./loader
func FuzzParse(f *testing.F) {
	for _, pat := range []string{"testdata/shared/*.txt", "testdata/2023/*.txt", "testdata/2025/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, true)
			f.Add(b, false)
		}
	}
	f.Add([]byte(""), true)
	f.Add([]byte("\x00"), false)
	f.Add([]byte("ミッション①：炭素中立型社会の実現（これまでの施策、今後の施策）\n● GI基金（再掲）\n"), true)
	m, err := loadMatcher()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, is2023 bool) {
		year, edition := 2025, "第4次中間整理"
		if is2023 {
			year, edition = 2023, "第2次中間整理"
		}
		e := seed.Entry{File: "fuzz.txt", ID: fmt.Sprintf("doc:%d", year), Year: year, Edition: edition}
		txt, pd, err := parseDocument(e, data)
		var pe *PanicError
		if errors.As(err, &pe) {
			t.Fatalf("parser panicked: %v\n%s", pe.Value, pe.Stack)
		}
		if err != nil {
			return
		}
		n := len(txt.rawSlice())
		check := func(id string, s policygraph.Source) {
			if s.LineStart < 1 || s.LineEnd < s.LineStart || s.LineEnd > n || s.File != "" && s.File != "fuzz.txt" {
				t.Fatalf("%s: bad provenance %s:%d-%d (file has %d lines)", id, s.File, s.LineStart, s.LineEnd, n)
			}
		}
		for _, x := range pd.Pillars {
			check(x.ID, x.Source)
		}
		for _, x := range pd.Groups {
			check(x.ID, x.Source)
		}
		for _, x := range pd.Measures {
			check(x.ID, x.Source)
		}
		for _, x := range pd.Targets {
			check(x.ID, x.Source)
		}
		for _, x := range pd.Directions {
			check(x.ID, x.Source)
		}
		// Pages start at 1 and never fall, whatever the breaks, the
		// printed numbers and the slides the layout knows.
		for l, prev := 1, 1; l <= n; l++ {
			p, _ := pd.Pages.pageOf(l)
			if p < prev {
				t.Fatalf("line %d on p.%d after p.%d", l, p, prev)
			}
			prev = p
		}
		// The shared passes on the result, alone and against itself as the
		// other edition.
		d := &loadedDoc{entry: e, t: txt, pd: pd, rep: &DocReport{Nodes: map[string]int{}, Rels: map[string]int{}}}
		g := &policygraph.Graph{}
		if err := assembleSafe(g, &Report{}, m, []*loadedDoc{d}); err != nil {
			t.Fatal(err)
		}
		for _, r := range g.Relationships {
			if l, ok := r.Properties["line"].(int); ok && (l < 1 || l > n) {
				t.Fatalf("%s: line %d outside 1-%d", r.ID, l, n)
			}
		}
	})
}
