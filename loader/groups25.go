package loader

import (
	"fmt"
	"strings"
)

// noteUngrouped tells the report which cells of a pillar's table are in no
// 〇 row heading although the table has headings: the extraction printed
// the headings as one list apart from their rows (lines 1142–1146 for ＧＸ)
// and the cells in an order that does not follow the rows, so the layout
// does not say which row a cell is in (cellHeadings takes only what it
// does say). One entry per pillar, with the cells' lines.
func (p *parser25) noteUngrouped(seg *tableSlide, groupOf map[int]*rowHeading) {
	if len(seg.groups) == 0 {
		return
	}
	var idx []int // the ungrouped cells
	for i, c := range seg.cells {
		if groupOf[i] == nil && c.hasText() {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	var heads []string
	for _, g := range seg.groups {
		heads = append(heads, fmt.Sprint(g.lines[0].line))
	}
	p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "group", File: p.t.File, Line: seg.cells[idx[0]].lines[0].line,
		NodeID: seg.pillar.ID, Text: seg.pillar.Name,
		Reason: fmt.Sprintf("%d of %d measures are in no group (lines %s): the row headings (lines %s) are listed apart from their rows, so the layout does not tell which row a measure is in",
			len(idx), len(seg.cells), lineRuns(idx, seg.cells), strings.Join(heads, ", "))})
}

// lineRuns writes the first lines of the cells idx (ascending) as runs of
// neighbouring cells: "1559–1568, 1592–1644".
func lineRuns(idx []int, cells []*tableCell) string {
	var b strings.Builder
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		from, to := cells[idx[i]].lines[0].line, cells[idx[j]].lines[0].line
		if from == to {
			fmt.Fprint(&b, from)
		} else {
			fmt.Fprintf(&b, "%d–%d", from, to)
		}
		i = j + 1
	}
	return b.String()
}
