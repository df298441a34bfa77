package loader

import (
	"strings"

	"github.com/policygraph/policygraph"
)

// docBuilder is what every edition grammar builds with: the document's
// lines as the shared lexer sees them, the parsedDoc being filled, and the
// bookkeeping written once for all editions — ids, provenance quotes,
// structural relationships and which node took each line (for the report).
type docBuilder struct {
	t     *docText
	lines []slideLine // lexSlides(t)
	pd    *parsedDoc
	ids   idSet
}

func newDocBuilder(t *docText) docBuilder {
	return docBuilder{t: t, lines: lexSlides(t), pd: &parsedDoc{Placed: make(placement, len(t.Raw)+1)}, ids: idSet{}}
}

// place records that line (1-based) went into id. The first placement
// wins, except over a "skipped:" one: prose skipped at first can turn out
// to belong to a node.
func (b *docBuilder) place(line int, id string) {
	if line < 1 || line > len(b.t.Raw) {
		return
	}
	if prev := b.pd.Placed[line]; prev == "" || strings.HasPrefix(prev, "skipped:") {
		b.pd.Placed[line] = id
	}
}

// placeRange places the non-blank lines a..b.
func (b *docBuilder) placeRange(from, to int, id string) {
	for l := max(from, 1); l <= to && l <= len(b.lines); l++ {
		if b.lines[l-1].shape != shapeBlank {
			b.place(l, id)
		}
	}
}

// quote returns lines from..to verbatim, clamped to the document.
func (b *docBuilder) quote(from, to int) string {
	from, to = max(from, 1), min(to, len(b.t.Raw))
	if from > to {
		return ""
	}
	return b.t.joined(from, to)
}

// source is the provenance of lines from..to.
func (b *docBuilder) source(from, to int) policygraph.Source {
	return policygraph.Source{File: b.t.File, LineStart: from, LineEnd: to, Quote: b.quote(from, to)}
}

// rel adds a structural relationship (no properties).
func (b *docBuilder) rel(typ, start, end string) {
	b.pd.Rels = append(b.pd.Rels, &policygraph.Relationship{ID: relID(typ, start, end), Type: typ, Start: start, End: end, Properties: map[string]any{}})
}
