package loader

import (
	"regexp"
	"strings"

	"github.com/policygraph/policygraph"
)

// Telling a table cell's column. A slide table of the council has a
// narrow and a wide column of cells (2025: 第３次以降の進捗 and 今後検討が
// 必要となる施策), each meaning a status; the extraction loses the columns,
// but each wraps at its own width, so a wrapped cell's first line is as
// wide as its column. What the widths are and what the columns mean is a
// layout's (columnRules).

// tableColumn is the column a cell's width puts it in.
type tableColumn uint8

const (
	columnUnknown tableColumn = iota // the width does not tell
	columnNarrow
	columnWide
)

// columnRules are a layout's two columns of cells: their widths (display
// widths, dispWidth) and what each means.
type columnRules struct {
	// wrappedWideMin: a wrapped cell (two lines or more) whose first line
	// is at least this wide is in the wide column, else in the narrow
	// one: between the narrow column's wrap width and the wide one's.
	wrappedWideMin int32
	// oneLineWideMin: a one-line cell at least this wide could not fit the
	// narrow column; a narrower one does not tell.
	oneLineWideMin int32
	// narrowStatus and wideStatus are what a cell of each column is
	// (policygraph.Status…).
	narrowStatus, wideStatus string
	// narrowCue and wideCue are wordings of each column's cells, which
	// decide a cell that neither its width nor its neighbours place
	// (narrowCue first, matched without a final sentenceEnd).
	narrowCue, wideCue *regexp.Regexp
	sentenceEnd        string
}

// columnOf reads a cell's column from its wrap width: a wrapped cell's
// first line is as wide as its column; a one-line cell is only telling
// when it could not fit the narrow column.
func (r *columnRules) columnOf(c *tableCell) tableColumn {
	first := c.lines[0].width
	if len(c.lines) > 1 {
		if first >= r.wrappedWideMin {
			return columnWide
		}
		return columnNarrow
	}
	if first >= r.oneLineWideMin {
		return columnWide
	}
	return columnUnknown
}

// statuses gives each cell of a table the status of its column. Cells
// whose width does not tell take the column of their neighbours: the
// extraction emits a run of one column's cells, then a run of the other's,
// so an ambiguous cell between two cells of one column is in it; at a
// boundary between runs it stays with the run it follows. With no
// neighbour at all, the wording decides (narrowCue, wideCue), else the
// status is policygraph.StatusUnknown.
func (r *columnRules) statuses(cells []*tableCell) []string {
	cols := make([]tableColumn, len(cells))
	for i, c := range cells {
		cols[i] = r.columnOf(c)
	}
	// next[i]: the first known column after cell i; prev, swept along, the
	// last known one before it (one pass each way: a table of many cells
	// the width leaves unknown was scanned from each of them)
	next := make([]tableColumn, len(cells))
	for i, known := len(cells)-1, columnUnknown; i >= 0; i-- {
		next[i] = known
		if cols[i] != columnUnknown {
			known = cols[i]
		}
	}
	out := make([]string, len(cells))
	prev := columnUnknown
	for i := range cells {
		col := cols[i]
		if col == columnUnknown {
			switch {
			case prev != columnUnknown:
				col = prev
			case next[i] != columnUnknown:
				col = next[i]
			}
		} else {
			prev = col
		}
		switch col {
		case columnNarrow:
			out[i] = r.narrowStatus
		case columnWide:
			out[i] = r.wideStatus
		default:
			text := cells[i].text()
			switch {
			case r.narrowCue.MatchString(strings.TrimSuffix(text, r.sentenceEnd)):
				out[i] = r.narrowStatus
			case r.wideCue.MatchString(text):
				out[i] = r.wideStatus
			default:
				out[i] = policygraph.StatusUnknown
			}
		}
	}
	return out
}
