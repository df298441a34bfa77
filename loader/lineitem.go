package loader

import (
	"strings"
	"unicode"

	"github.com/policygraph/policygraph/internal/nfkc"
)

// lineItem is one lexed line as a grammar that reads table text holds it:
// unlike a slideLine its text is its own, as the grammar may cut a page
// number glued to its end (cutPageNumber) or split two table cells glued
// on it (splitGlued), and it carries its display width, which tells a
// table column. Its small fields are packed into one word (a document has
// thousands of lines, and the cells copy their items).
type lineItem struct {
	line      int      // 1-based
	text      string   // raw line trimmed, a trailing page number removed
	norm      string   // NFKC of text
	width     int32    // display width of text (dispWidth)
	kind      itemKind // what the grammar reads the line as; 0 until it says
	pageStart bool     // the raw line begins with a space: the extraction opens a new page/text box there
	pageTail  bool     // a trailing page number was removed from the line
}

// newLineItem is line i (0-based) of t, whose shared lexing is l: its raw
// text trimmed, its NFKC form and width. Its kind is left to the grammar.
func newLineItem(t *docText, l *slideLine, i int) lineItem {
	it := lineItem{line: i + 1, pageStart: l.pageStart}
	it.text = trimSpaces(t.raw(i))
	it.norm = t.norm(i)
	it.width = int32(dispWidth(it.text))
	return it
}

// setText gives the item the text s, a piece of its own, with s's NFKC
// form and width.
func (it *lineItem) setText(s string) {
	it.text = s
	it.norm = strings.TrimSpace(nfkc.String(s))
	it.width = int32(dispWidth(s))
}

// cutPageNumber removes the page number the shared lexer found glued to
// the end of the line ("…全国展開等） 17": slideLine.tailNum) when it has at
// most maxDigits digits, the most a layout's slides are numbered with
// (trailingPageNumber takes up to three, so that "2030年度 40" can be told
// from a page by the grammar). It reports whether it cut one.
func (it *lineItem) cutPageNumber(l *slideLine, maxDigits int) bool {
	head := strings.TrimRight(it.text, "0123456789")
	if l.tailNum <= 0 || len(it.text)-len(head) > maxDigits {
		return false
	}
	it.setText(strings.TrimRightFunc(head, unicode.IsSpace))
	it.pageTail = true
	return true
}

// joinTexts joins the items' texts as wrapped lines are (joinLines).
func joinTexts(items []lineItem) string {
	parts := make([]string, len(items))
	for i, l := range items {
		parts[i] = l.text
	}
	return joinLines(parts)
}

// itemsIn returns the items of lines [from, to) (1-based from, exclusive
// to). A lexer emits them in line order, so they are a run of items,
// returned as it is (capped, so no append reaches past it): nothing writes
// an item once lexed. A copy is made only if they are not one run.
func itemsIn(items []lineItem, from, to int) []lineItem {
	n, i := 0, -1
	for k, it := range items {
		if it.line >= from && it.line < to {
			if i < 0 {
				i = k
			}
			n++
		}
	}
	if n == 0 {
		return nil
	}
	if run := items[i : i+n : i+n]; run[n-1].line < to && run[n-1].line >= from && inOrder(run) {
		return run
	}
	out := make([]lineItem, 0, n)
	for _, it := range items {
		if it.line >= from && it.line < to {
			out = append(out, it)
		}
	}
	return out
}

// inOrder reports whether the items' lines increase.
func inOrder(items []lineItem) bool {
	for k := 1; k < len(items); k++ {
		if items[k].line <= items[k-1].line {
			return false
		}
	}
	return true
}
