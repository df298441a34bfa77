package loader

import "slices"

// A table's body as a flattened slide prints it: its cells' lines in
// paragraphs, which blank lines and the table's other lines (page
// numbers, titles, row headings, side labels) break, up to a line that
// ends the table (the next table's header, a heading). Which kind of line
// is which is the grammar's to say (tableRowKinds); how the body is walked
// is not, so any layout's grammar can call this (the 2023 one does
// today). Where a paragraph's cells break is the layout's (cellbreaks.go,
// tablecells.go).

// tableRowKinds are what the kinds of line are to a table's body: blank,
// ending it, placed as said (furniture, or skipped), or the grammar's own
// to read (row headings, side labels). A line of any other kind holds
// cells, unless it reads emptyCell (flat: 左同, a cell the layout leaves
// empty), placed as emptyAs.
type tableRowKinds struct {
	blank              itemKind
	ends, own          []itemKind
	placed             []kindPlacement
	emptyCell, emptyAs string
}

// kindPlacement is a kind of line and what a line of it is placed as.
type kindPlacement struct {
	kind itemKind
	as   string
}

// rowRole is what a line is to a table's body.
type rowRole uint8

const (
	rowCells  rowRole = iota // a line of cells: the open paragraph goes on
	rowBlank                 // ends the paragraph
	rowEnd                   // ends the table
	rowPlaced                // placed as said, ending the paragraph
	rowOwn                   // the grammar's to read, ending the paragraph
)

// role is what l is to the table's body, and what it is placed as.
func (k *tableRowKinds) role(l *slideLine) (rowRole, string) {
	switch {
	case l.kind == k.blank:
		return rowBlank, ""
	case slices.Contains(k.ends, l.kind):
		return rowEnd, ""
	case slices.Contains(k.own, l.kind):
		return rowOwn, ""
	}
	for _, p := range k.placed {
		if p.kind == l.kind {
			return rowPlaced, p.as
		}
	}
	if k.emptyCell != "" && l.flat == k.emptyCell {
		return rowPlaced, k.emptyAs
	}
	return rowCells, ""
}

// readTableRows walks the body of a table from item i of b, as kinds
// tells what a line is: each paragraph of cell lines (their 1-based
// numbers) goes to cells, each line of the grammar's own to own, which
// returns the index of the last item it read. It returns the index of
// the item before the one that ends the table, or the number of items
// when the document ends first.
func (b *docBuilder) readTableRows(i int, kinds *tableRowKinds, own func(j int) int, cells func(lines []int)) int {
	var para []int // the open paragraph
	flush := func() {
		if len(para) > 0 {
			cells(para)
			para = nil // cells may keep it
		}
	}
	for ; i < len(b.lines); i++ {
		r, as := kinds.role(&b.lines[i])
		if r == rowCells {
			para = append(para, i+1)
			continue
		}
		flush()
		switch r {
		case rowEnd:
			return i - 1
		case rowPlaced:
			b.place(i+1, as)
		case rowOwn:
			i = own(i)
		}
	}
	flush()
	return i
}
