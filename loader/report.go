package loader

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/policygraph/policygraph"
)

// DocError is an error in one seed document, in the spirit of go/scanner's
// Error: the file, the 1-based line where one applies (0 if none), the cause.
type DocError struct {
	File string
	Line int
	Err  error
}

func (e *DocError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *DocError) Unwrap() error { return e.Err }

// PanicError is a panic in a parser, recovered and turned into an error so
// that one bad document does not take the others down.
type PanicError struct {
	Value any
	Stack string
	Where string // what panicked: "parser" when empty, "file system"
}

func (e *PanicError) Error() string {
	where := e.Where
	if where == "" {
		where = "parser"
	}
	return fmt.Sprintf("%s panic: %v", where, e.Value)
}

// ErrorList is a list of document errors, like go/scanner.ErrorList: its
// message is the first error and how many more there are.
type ErrorList []*DocError

func (l *ErrorList) Add(e *DocError) { *l = append(*l, e) }

func (l ErrorList) Len() int { return len(l) }

// Sort orders the list by file, then line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Report says what a load did, per document and overall.
type Report struct {
	Documents  []*DocReport
	Unresolved []Unresolved
	Errors     ErrorList
	// Mentions is the number of law and fund mentions found, before keeping
	// the first per (node, law/fund).
	Mentions int
	// OrgMentions is the number of organisation mentions found, before
	// keeping the first per (node, organisation).
	OrgMentions int
	// LooseAmounts are the amounts only the Document holds: no measure,
	// target or pillar's text holds them.
	LooseAmounts []LooseAmount
}

// LooseAmount is an amount attached to nothing more specific than its
// document.
type LooseAmount struct {
	File    string
	Line    int
	ID      string
	Surface string
}

// DocReport is one document's part of the report.
type DocReport struct {
	File    string
	DocID   string
	Edition string
	Year    int
	Lines   int
	Layout  string // the grammar that read it (layouts.go), "" if none did
	// LayoutFrom says what named the layout: "manifest", "edition data"
	// (the edition's entry in aliases.json) or "text markers of <edition>".
	LayoutFrom string
	Err        string // why the document did not load; "" if it did
	// Nodes counts the document's nodes per label; Law, Fund and
	// Organisation count the distinct ones its nodes mention.
	Nodes map[string]int
	// Rels counts relationships per type that start at the document's nodes.
	Rels map[string]int
	// InNodes counts the non-blank lines placed in a node (a pillar, measure,
	// target … whose source covers them).
	InNodes int
	// Furniture counts the page furniture lines by kind (page numbers and
	// headers, column headers, chart numbers, vertical labels …).
	Furniture map[string]int
	// Skipped counts the non-blank lines the parser consumed without making
	// a node of them, by reason (headings, labels, prose outside any item …;
	// the part after "skipped:" of their tag).
	Skipped map[string]int
	// Unplaced are the non-blank lines the parser did not place.
	Unplaced []Line
	// Pages says how the slide pages of the nodes were found.
	Pages PageReport
}

// PageReport says how a document's slide pages were found (loader/pages.go):
// how many pages, how many printed page numbers fit the page breaks, and
// which pages are inferred rather than confirmed by them.
type PageReport struct {
	Pages          int // the page of the last line
	PrintedNumbers int // printed page numbers and contents entries that fit the breaks
	Ignored        int // number lines taken for chart values: alone on a slide with others, or not fitting the breaks
	Inferred       []PageSpan
	// InferredNodes counts the nodes whose page is inferred, of Nodes with a
	// source line.
	InferredNodes, Nodes int
}

// PageSpan is a run of lines whose pages are inferred, and why.
type PageSpan struct {
	FromLine, ToLine    int
	FirstPage, LastPage int
	Reason              string
}

// Line is one line of a seed file.
type Line struct {
	Line int
	Text string
}

// Unresolved is a relist, pointer or pillar the passes could not link.
type Unresolved struct {
	Kind   string // relist, ref, continues, summarizes (an overview cell that digests no bullet, or the work bound), group (a measure in no group), target (a goal with no pillar to hold it)
	File   string
	Line   int
	NodeID string
	Text   string
	Reason string
}

func (r *Report) addUnresolved(u Unresolved) { r.Unresolved = append(r.Unresolved, u) }

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// writeCounts writes "title k=n …" in key order, nothing for no counts.
func writeCounts(b *strings.Builder, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b.WriteString(title)
	for _, k := range keys {
		fmt.Fprintf(b, " %s=%d", k, m[k])
	}
	b.WriteString("\n")
}

// Failed reports whether any document failed to load.
func (r *Report) Failed() bool { return len(r.Errors) > 0 }

// WriteTo prints the report as text: per document the layout that read it
// and the counts per label and relationship type, then the unplaced lines,
// the unresolved links and the errors.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	for _, d := range r.Documents {
		status := "ok"
		if d.Err != "" {
			status = "FAILED: " + d.Err
		}
		fmt.Fprintf(&b, "document %s (%s, %s, %d lines): %s\n", d.DocID, d.File, d.Edition, d.Lines, status)
		if d.Err != "" {
			continue
		}
		if d.Layout != "" {
			fmt.Fprintf(&b, "  layout: %s (chosen by: %s)\n", d.Layout, d.LayoutFrom)
		}
		b.WriteString("  nodes:")
		for _, l := range policygraph.Labels {
			if l == policygraph.LabelDocument {
				continue
			}
			fmt.Fprintf(&b, " %s=%d", l, d.Nodes[l])
		}
		b.WriteString("\n  relationships:")
		for _, t := range policygraph.RelTypes {
			fmt.Fprintf(&b, " %s=%d", t, d.Rels[t])
		}
		p := d.Pages
		fmt.Fprintf(&b, "\n  pages: %d (printed page numbers that fit the page breaks: %d; number lines taken for chart values: %d); nodes on inferred pages: %d of %d\n",
			p.Pages, p.PrintedNumbers, p.Ignored, p.InferredNodes, p.Nodes)
		for _, s := range p.Inferred {
			fmt.Fprintf(&b, "    inferred p. %s (%s:%d-%d): %s\n", pageRange(s.FirstPage, s.LastPage), d.File, s.FromLine, s.ToLine, s.Reason)
		}
		furniture, skipped := total(d.Furniture), total(d.Skipped)
		fmt.Fprintf(&b, "  non-blank lines: %d in nodes, %d page furniture, %d skipped, %d unplaced\n",
			d.InNodes, furniture, skipped, len(d.Unplaced))
		writeCounts(&b, "  page furniture by kind:", d.Furniture)
		writeCounts(&b, "  skipped by reason:", d.Skipped)
		fmt.Fprintf(&b, "  unplaced lines: %d\n", len(d.Unplaced))
		for _, l := range d.Unplaced {
			fmt.Fprintf(&b, "    %s:%d: %s\n", d.File, l.Line, l.Text)
		}
	}
	fmt.Fprintf(&b, "law/fund mentions: %d\n", r.Mentions)
	fmt.Fprintf(&b, "organisation mentions: %d\n", r.OrgMentions)
	fmt.Fprintf(&b, "amounts held by a document only: %d\n", len(r.LooseAmounts))
	for _, l := range r.LooseAmounts {
		fmt.Fprintf(&b, "  %s:%d: %s %s\n", l.File, l.Line, l.Surface, l.ID)
	}
	fmt.Fprintf(&b, "unresolved: %d\n", len(r.Unresolved))
	for _, u := range r.Unresolved {
		fmt.Fprintf(&b, "  %s:%d: %s %q: %s", u.File, u.Line, u.Kind, u.Text, u.Reason)
		if u.NodeID != "" {
			fmt.Fprintf(&b, " (%s)", u.NodeID)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "errors: %d\n", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func pageRange(a, b int) string {
	if a == b {
		return fmt.Sprint(a)
	}
	return fmt.Sprintf("%d–%d", a, b)
}
