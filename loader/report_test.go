package loader

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/seed"
)

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty list is an error")
	}
	l.Add(&DocError{File: "b.txt", Line: 3, Err: errors.New("bad")})
	l.Add(&DocError{File: "a.txt", Err: errors.New("empty document")})
	l.Add(&DocError{File: "b.txt", Line: 1, Err: errors.New("worse")})
	l.Sort()
	if got := l.Error(); got != "a.txt: empty document (and 2 more errors)" {
		t.Errorf("Error() = %q", got)
	}
	if got := l[1].Error(); got != "b.txt:1: worse" {
		t.Errorf("l[1] = %q", got)
	}
	var de *DocError
	if !errors.As(l.Err(), &de) || de.File != "a.txt" {
		t.Errorf("errors.As = %v", de)
	}
	if (ErrorList{l[0]}).Error() != "a.txt: empty document" {
		t.Error("single error")
	}
}

func TestReportWriteTo(t *testing.T) {
	r := &Report{
		Documents: []*DocReport{
			{File: "a.txt", DocID: "doc:2023", Edition: "第2次中間整理", Lines: 3, Layout: "interim-2023", LayoutFrom: "manifest",
				Nodes: map[string]int{"Measure": 2}, Rels: map[string]int{"RELISTS": 1},
				Unplaced: []Line{{Line: 2, Text: "はみ出した行"}}},
			{File: "b.txt", DocID: "doc:2025", Err: "b.txt: empty document"},
		},
		Unresolved:   []Unresolved{{Kind: "relist", File: "a.txt", Line: 3, NodeID: "m", Text: "X（再掲）", Reason: "no original"}},
		Errors:       ErrorList{{File: "b.txt", Err: errors.New("empty document")}},
		Mentions:     4,
		OrgMentions:  2,
		LooseAmounts: []LooseAmount{{File: "a.txt", Line: 1, ID: "amount:2023:1:1", Surface: "20兆円"}},
	}
	var b strings.Builder
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"document doc:2023 (a.txt, 第2次中間整理, 3 lines): ok\n  layout: interim-2023 (chosen by: manifest)\n",
		"Measure=2", "RELISTS=1",
		"unplaced lines: 1\n    a.txt:2: はみ出した行\n",
		"document doc:2025 (b.txt, , 0 lines): FAILED: b.txt: empty document",
		"law/fund mentions: 4",
		"organisation mentions: 2",
		"amounts held by a document only: 1\n  a.txt:1: 20兆円 amount:2023:1:1\n",
		`a.txt:3: relist "X（再掲）": no original (m)`,
		"errors: 1\n  b.txt: empty document\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestReportAccountsForEveryLine: on the corpus, every non-blank line of a
// document is in a node, page furniture, skipped with a reason, or listed
// as unplaced, and the report prints those counts.
func TestReportAccountsForEveryLine(t *testing.T) {
	_, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]byte{}
	fs := seed.FS()
	for _, d := range rep.Documents {
		b, err := fs.Open(d.File)
		if err != nil {
			t.Fatal(err)
		}
		texts[d.File], _ = io.ReadAll(b)
		b.Close()
		nonBlank := 0
		for _, l := range strings.Split(string(texts[d.File]), "\n") {
			if strings.TrimSpace(strings.ReplaceAll(l, "\u3000", "")) != "" {
				nonBlank++
			}
		}
		sum := func(m map[string]int) int {
			n := 0
			for _, v := range m {
				n += v
			}
			return n
		}
		got := d.InNodes + sum(d.Furniture) + sum(d.Skipped) + len(d.Unplaced)
		if got != nonBlank || d.InNodes == 0 || sum(d.Furniture) == 0 || sum(d.Skipped) == 0 {
			t.Errorf("%s: %d in nodes + %d furniture + %d skipped + %d unplaced = %d, the file has %d non-blank lines",
				d.File, d.InNodes, sum(d.Furniture), sum(d.Skipped), len(d.Unplaced), got, nonBlank)
		}
	}
	var b strings.Builder
	if _, err := rep.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"page furniture by kind: ", "skipped by reason: ", "page-number="} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
