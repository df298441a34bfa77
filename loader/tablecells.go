package loader

import (
	"strings"
	"unicode/utf8"
)

// Reading the cells of a slide table from its extracted text. The
// extraction prints a table's cells one after another, column by column,
// each wrapped at its column's width: a paragraph of text lines holds one
// or more cells, which the wrap width, the sentence ends and the words
// that open a line part. What those are is a layout's (cellRules).

// tableCell is one table cell's text: lines of one column.
type tableCell struct {
	lines []lineItem // the lines; for a glued line, text holds only this cell's part
}

// text is the cell's lines joined as wrapped lines are.
func (c *tableCell) text() string { return joinTexts(c.lines) }

// hasText reports whether c.text() is not empty, without joining the
// lines: a test that joined them was 0.05 MB of copies a load.
func (c *tableCell) hasText() bool {
	for _, l := range c.lines {
		if trimSpaces(l.text) != "" { // what lineJoiner.add keeps
			return true
		}
	}
	return false
}

// cellRules are how a layout's table text parts into cells: widths are
// display widths (dispWidth), words in NFKC form unless said.
type cellRules struct {
	// shortLinePercent: a line narrower than this share (in percent) of
	// the open cell's wrap width (its widest line so far) is the cell's
	// last: the text ran out before the column did.
	shortLinePercent int
	// sentenceEnd ends a cell at the end of a line (。).
	sentenceEnd string
	// continuation are the runes (particles, a comma, a closing bracket)
	// that a line continuing the cell before opens with, even across a
	// blank line ("…ダイバーシティ経営の取組" / "を促進"); matched on the
	// NFKC form, and on the raw text of a glued line's rest.
	continuation string
	// continuationWords open a line that continues the cell before within
	// a paragraph (また、), although the line before ended a sentence.
	continuationWords []string
	// widest is the widest column's wrap width: a wider line holds the end
	// of one cell and the start of the next, glued (splitGlued).
	widest int
	// gluedTailMax: the start of the next cell on a glued line fits the
	// column it is in, the narrowest: at most this wide.
	gluedTailMax int
	// gluedHeadMin: the end of a cell on a glued line is at least this
	// wide; a cut nearer the line's start is a word inside the cell.
	gluedHeadMin int
	// endWords are what a cell's text ends with (継続, 実施, 推進 …): a
	// glued line is cut after one.
	endWords []string
}

// continues reports whether a line reading s continues the cell before
// across a blank line: it opens with a continuation rune.
func (r *cellRules) continues(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(r.continuation, c)
}

// continuesWithin reports whether a line reading s continues the open
// cell of its paragraph whatever the line before it says.
func (r *cellRules) continuesWithin(s string) bool {
	return hasAnyPrefix(s, r.continuationWords) || r.continues(s)
}

// appendCells splits a paragraph of consecutive text lines into cells and
// appends them to cells, which are the cells before it in the same table.
// The extraction puts cells of both columns one after the other, usually
// with a blank line between them, but not always: a cell ends at a line
// clearly shorter than the paragraph's wrap width, or at a line ending a
// sentence, unless the next line says it continues (また、…, a particle).
// A paragraph opening with a continuation adds its first line to the last
// cell before it.
func (r *cellRules) appendCells(cells []*tableCell, para []lineItem) []*tableCell {
	// Two cells glued on one line: longer than any column can hold. The
	// lines are the paragraph itself unless one is cut in two.
	lines := para
	var forcedAt map[int]bool
	for i, it := range para {
		a, b, ok := r.splitGlued(it)
		if !ok {
			if forcedAt != nil {
				lines = append(lines, it)
			}
			continue
		}
		if forcedAt == nil {
			forcedAt = map[int]bool{}
			lines = append(make([]lineItem, 0, len(para)+1), para[:i]...)
		}
		lines = append(lines, a)
		forcedAt[len(lines)] = true
		lines = append(lines, b)
	}
	// continuation across a blank line
	if r.continues(lines[0].norm) && len(cells) > 0 && !forcedAt[0] {
		last := cells[len(cells)-1]
		last.lines = append(last.lines, lines[0])
		lines = lines[1:]
		if len(lines) == 0 {
			return cells
		}
		if forcedAt != nil {
			newForced := map[int]bool{}
			for k := range forcedAt {
				if k > 0 {
					newForced[k-1] = true
				}
			}
			forcedAt = newForced
		}
	}
	// The cells are runs of lines, capped so that a continuation appended
	// to one later gets its own copy instead of overwriting the next.
	start := 0
	maxW := lines[0].width // the wrap width of the open cell
	for i := 1; i < len(lines); i++ {
		prev, l := lines[i-1], lines[i]
		split := forcedAt[i] ||
			!r.continuesWithin(l.norm) && (strings.HasSuffix(prev.norm, r.sentenceEnd) ||
				int(prev.width)*100 < int(maxW)*r.shortLinePercent)
		if split {
			cells = append(cells, &tableCell{lines: lines[start:i:i]})
			start = i
			maxW = l.width
			continue
		}
		maxW = max(maxW, l.width)
	}
	return append(cells, &tableCell{lines: lines[start:len(lines):len(lines)]})
}

// splitGlued cuts a line that holds the end of one cell and the start of
// another ("…整備を継続バイオファウンドリ拠点の整備を引き続き…"): wider than
// the widest column, cut after the first end word that leaves a rest
// fitting the narrowest column and not continuing the words before it.
func (r *cellRules) splitGlued(it lineItem) (lineItem, lineItem, bool) {
	if int(it.width) <= r.widest {
		return it, it, false
	}
	best := -1
	for _, w := range r.endWords {
		for off := 0; ; {
			i := strings.Index(it.text[off:], w)
			if i < 0 {
				break
			}
			cut := off + i + len(w)
			off = cut
			rest := it.text[cut:]
			if rest == "" || r.continues(rest) || dispWidth(rest) > r.gluedTailMax || dispWidth(it.text[:cut]) < r.gluedHeadMin {
				continue
			}
			if best < 0 || cut < best {
				best = cut
			}
		}
	}
	if best < 0 {
		return it, it, false
	}
	a, b := it, it
	a.setText(it.text[:best])
	b.setText(it.text[best:])
	return a, b, true
}

// paragraphs gathers a table's paragraphs of text lines, which its cells
// are read from. Every paragraph is written in turn into one array, sized
// for the text lines, as a line is in one paragraph at most: a paragraph
// taken is capped (its cells keep it) and the next opens after it, instead
// of each growing its own by doubling.
type paragraphs struct {
	open []lineItem
}

// newParagraphs holds paragraphs of n lines in all.
func newParagraphs(n int) paragraphs {
	return paragraphs{open: make([]lineItem, 0, n)}
}

// add appends a line to the open paragraph.
func (ps *paragraphs) add(it lineItem) { ps.open = append(ps.open, it) }

// empty: the open paragraph has no line yet.
func (ps *paragraphs) empty() bool { return len(ps.open) == 0 }

// take returns the open paragraph, capped, and opens the next.
func (ps *paragraphs) take() []lineItem {
	para := ps.open[:len(ps.open):len(ps.open)]
	ps.open = ps.open[len(ps.open):]
	return para
}
