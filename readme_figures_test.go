package policygraph_test

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
)

// TestREADMEFigures holds the README's figures about the loaded corpus to
// what the loader reports today: where every line went, the nodes on
// inferred pages, and the per-edition node counts the data model quotes.
// A README figure is a promise; this keeps it one.
func TestREADMEFigures(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	g, rep, err := loader.LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	doc := map[int]*loader.DocReport{}
	for _, d := range rep.Documents {
		doc[d.Year] = d
	}
	d23, d25 := doc[2023], doc[2025]
	if d23 == nil || d25 == nil {
		t.Fatal("the seed has no 2023 or 2025 document")
	}
	sum := func(m map[string]int) int {
		n := 0
		for _, v := range m {
			n += v
		}
		return n
	}
	count := func(label string) int {
		n := 0
		for _, e := range g.Entities() {
			if e.Label() == label {
				n++
			}
		}
		return n
	}
	store, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	diff, err := editiondiff.Compute(t.Context(), store, "doc:2023", "doc:2025", "")
	if err != nil {
		t.Fatal(err)
	}
	rels := func(typ string) int {
		n := 0
		for _, r := range g.Relationships {
			if r.Type == typ {
				n++
			}
		}
		return n
	}
	figures := []struct {
		name string
		re   string // the README sentence, with a group per figure
		want []int
	}{
		{"where the lines went",
			`Today 2023: ([\d,]+) lines in nodes, ([\d,]+) furniture, ([\d,]+) skipped \(([\d,]+) of them the concept slides' prose, ([\d,]+) key messages\), ([\d,]+) unplaced; 2025: ([\d,]+), ([\d,]+), ([\d,]+) \(`,
			[]int{d23.InNodes, sum(d23.Furniture), sum(d23.Skipped), d23.Skipped["concept-prose"], d23.Skipped["key-message"], len(d23.Unplaced),
				d25.InNodes, sum(d25.Furniture), sum(d25.Skipped)}},
		{"nodes on inferred pages",
			`\((\d+) of its (\d+) nodes\), 2025 [^(]*\((\d+) of (\d+) nodes`,
			[]int{d23.Pages.InferredNodes, d23.Pages.Nodes, d25.Pages.InferredNodes, d25.Pages.Nodes}},
		{"targets", "one per goal \\((\\d+): (\\d+) in 2023, (\\d+) in 2025\\)",
			[]int{count("Target"), d23.Nodes["Target"], d25.Nodes["Target"]}},
		{"amounts", "\\(([\\d,]+): (\\d+) in 2023, (\\d+) in 2025\\) \\| `yen`",
			[]int{count("Amount"), d23.Nodes["Amount"], d25.Nodes["Amount"]}},
		{"years", `(\d+) of (\d+) measures have a year \((\d+) a start year\), (\d+) of (\d+) targets`,
			[]int{dated(g, false), count("Measure"), dated(g, true), yearTargets(g), count("Target")}},
		{"organisations", `from the same alias table \((\d+):`, []int{count("Organisation")}},
		{"REVISES and KEEPS", "`score`; (\\d+) links\\), `KEEPS` \\((?s:.*?)`score`; (\\d+) links",
			[]int{rels(policygraph.RelRevises), rels(policygraph.RelKeeps)}},
		{"grammar size", "with a (\\d+)-line grammar and gets all of those",
			[]int{funcLines(t, "loader/newlayout_test.go", "func parseBriefing(")}},
		{"RESTATES", `2023 states (\d+) of its goals [^,]*, (\d+) links; 2025 one, (\d+) link`,
			restated(g)},
		{"planned measures continued", `finds a continuation for (\d+) of the (\d+) planned measures \((\d+) of (\d+)\s+"not mentioned"`,
			[]int{diff.Totals.Progress + diff.Totals.Todo + diff.Totals.Continued, diff.Totals.Planned, diff.Totals.NotMentioned, diff.Totals.Planned}},
	}
	for _, f := range figures {
		m := regexp.MustCompile(f.re).FindStringSubmatch(readme)
		if m == nil {
			t.Errorf("%s: the README no longer says %q", f.name, f.re)
			continue
		}
		for i, w := range f.want {
			got, _ := strconv.Atoi(strings.ReplaceAll(m[i+1], ",", ""))
			if got != w {
				t.Errorf("%s: the README says %d where the loader reports %d (figure %d of %q)", f.name, got, w, i+1, m[0])
			}
		}
	}
}

// dated counts the measures with a start or an end year (startOnly: a
// start year).
func dated(g *policygraph.Graph, startOnly bool) int {
	n := 0
	for _, m := range g.Measures {
		if m.StartYear != 0 || !startOnly && m.EndYear != 0 {
			n++
		}
	}
	return n
}

// yearTargets counts the targets with a year.
func yearTargets(g *policygraph.Graph) int {
	n := 0
	for _, t := range g.Targets {
		if t.Year != 0 {
			n++
		}
	}
	return n
}

// restated is what the README says of RESTATES: the goals 2023 states more
// than once (the first statements linked to), the 2023 links, the 2025 links.
func restated(g *policygraph.Graph) []int {
	goals := map[string]bool{}
	links23, links25 := 0, 0
	for _, r := range g.Relationships {
		switch {
		case r.Type != policygraph.RelRestates:
		case strings.HasPrefix(r.Start, "target:2023:"):
			goals[r.End] = true
			links23++
		case strings.HasPrefix(r.Start, "target:2025:"):
			links25++
		}
	}
	return []int{len(goals), links23, links25}
}

// fileLines is the number of lines of a file of the module, as wc -l counts.
func fileLines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// funcLines is the number of lines of the function whose declaration
// starts with decl in a file of the module, from it to its closing brace.
func funcLines(t *testing.T, path, decl string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(b), "\n"+decl)
	end := strings.Index(body, "\n}\n")
	if !ok || end < 0 {
		t.Fatalf("%s: no %s…}", path, decl)
	}
	return strings.Count(body[:end], "\n") + 2
}

// TestREADMEGrammarSizes holds the README's "about N lines" of the two
// grammars within a tenth of the files' lengths.
func TestREADMEGrammarSizes(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("`parse2023.go` \\(about (\\d+) lines,[^`]*`lex2023.go`[^`]*\\n`parse2025.go` \\(about (\\d+),").FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("the README no longer gives the grammars' sizes")
	}
	for i, file := range []string{"loader/parse2023.go", "loader/parse2025.go"} {
		said, _ := strconv.Atoi(m[i+1])
		if n := fileLines(t, file); n*10 < said*9 || n*10 > said*11 {
			t.Errorf("the README says %s is about %d lines; it is %d", file, said, n)
		}
	}
}
