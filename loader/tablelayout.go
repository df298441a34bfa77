package loader

import (
	"slices"
	"strings"
)

// tableLayout is how a layout prints its pillar tables, as data: one
// slide per pillar, a header, the pillar's label (often vertical), its
// 長期的目標 in a narrow column, 〇 row headings, and two columns of cells
// that their wrap widths tell apart. A grammar's lexer matches the
// furniture words with it and its parser reads the label and goal column
// by its measurements; the shared readers take the rules they need
// (cells: tablecells.go, columns: columns.go). Words are in NFKC form
// (docText.norm), widths display widths (dispWidth). interim2025Tables is
// one (interim2025.go).
type tableLayout struct {
	// sectionLines are the lines that, alone on a line, title the tables
	// part ((参考)).
	sectionLines []string
	// sectionPhrase is in the title of the tables part (長期目標に向けた施策
	// の進捗…).
	sectionPhrase string
	// headerRow: a line opening with headerRow[0] and holding headerRow[1]
	// is the column header row (長期的目標 第３次以降の進捗 今後検討…).
	headerRow [2]string
	// headerCells are the lines the pillar column's header prints as,
	// broken as the extraction breaks it (新機軸 / 施策の柱, 新機軸施 / 策の柱).
	headerCells []string
	// microHeader is in the header of a table's second part
	// (各分野(ミクロ)の主要施策).
	microHeader string
	// groupMarks open a row heading (〇…).
	groupMarks []string
	// groupWrap opens the wrapped tail of a row heading on the next line
	// ("〇豊かな生活環境の創出" / "(若者・女性の…取組)").
	groupWrap string
	// kindLabels are the vertical labels over a run of tables that say
	// their pillars' kind (ミッション志向…, 社会基盤(OS)…): a label holding
	// word (normalised) is of kind; the first that matches decides.
	kindLabels []kindLabel
	// labelMaxRunes: a text line of at most this many runes, alone in a
	// table's header zone or opening a page, is the pillar's label (ＧＸ,
	// EBPM).
	labelMaxRunes int
	// goalMaxWidth: the 長期的目標 column's lines are at most this wide.
	goalMaxWidth int32
	// pageDigits: a page number glued to a line's end has at most this
	// many digits (cutPageNumber).
	pageDigits int
	// goalSeparators part the goals of a 長期的目標 cell (splitGoalCell).
	goalSeparators string
	// cells part the paragraphs of table text into cells (tablecells.go).
	cells cellRules
	// columns tell a cell's column and status (columns.go).
	columns columnRules
}

// kindLabel is a word of a kind label and the pillar kind it says
// (policygraph.Kind…).
type kindLabel struct {
	word, kind string
}

// opensTables reports whether the line n opens the tables part: the
// section title or the header row.
func (lay *tableLayout) opensTables(n string) bool {
	return containsText(n, lay.sectionPhrase) || lay.isHeaderRow(n)
}

// headsTables reports whether the line n is a line of the tables part's
// heading printed before the line that opens it: a section line or a
// header cell.
func (lay *tableLayout) headsTables(n string) bool {
	return slices.Contains(lay.sectionLines, n) || slices.Contains(lay.headerCells, n)
}

// isSection reports whether the line n titles the tables part.
func (lay *tableLayout) isSection(n string) bool {
	return slices.Contains(lay.sectionLines, n) || containsText(n, lay.sectionPhrase)
}

// isColumnHeader reports whether the line n is a table's column header:
// a piece of the pillar column's or the header row.
func (lay *tableLayout) isColumnHeader(n string) bool {
	return slices.Contains(lay.headerCells, n) || lay.isHeaderRow(n)
}

func (lay *tableLayout) isHeaderRow(n string) bool {
	return strings.HasPrefix(n, lay.headerRow[0]) && containsText(n, lay.headerRow[1])
}

// isMicroHeader reports whether the line n heads a table's second part.
func (lay *tableLayout) isMicroHeader(n string) bool {
	return containsText(n, lay.microHeader)
}

// isGroupHead reports whether the line n opens a row heading.
func (lay *tableLayout) isGroupHead(n string) bool { return hasAnyPrefix(n, lay.groupMarks) }

// kindOfLabel is the pillar kind a vertical label reading word says, ""
// if it says none.
func (lay *tableLayout) kindOfLabel(word string) string {
	n := normalize(word)
	for _, k := range lay.kindLabels {
		if containsText(n, k.word) {
			return k.kind
		}
	}
	return ""
}
