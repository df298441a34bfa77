package loader

// A table's head as a flattened slide prints it: the header cell of its
// first column (新機軸の / 施策の柱, a word a line), blank lines, then its
// column header line; a column header line with no such cell above it
// heads another kind of table (the 2023 macro framework's). Which line is
// the cell, the column header or blank is the grammar's to say; how a
// head is told from them is not, so any layout's grammar can call this
// (the 2023 one does today).

// tableHead watches the lines read for a table's head.
type tableHead struct {
	top int // the first line (1-based) of the cell seen since the last other line; 0 for none
}

// cell notes a line of the first column's header cell.
func (h *tableHead) cell(line int) {
	if h.top == 0 {
		h.top = line
	}
}

// other notes a line that is neither the cell, the column header nor
// blank: a cell above it heads no table.
func (h *tableHead) other() { h.top = 0 }

// header notes a column header line: top is the first line of the cell
// above it, ok false when there is none.
func (h *tableHead) header() (top int, ok bool) {
	top, h.top = h.top, 0
	return top, top != 0
}
