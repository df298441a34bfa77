package loader

import (
	"fmt"
	"strconv"
	"strings"
)

// noteUngrouped23 tells the report which 2023 measures stay in no group,
// one entry per measure with its line. An overview cell takes its group
// from the bullets it digests (digestGroup), because the table lists its 〇
// rows apart from their cells; a cell that digests none has no row the
// layout tells. A detail bullet is in no group when it sits under a status
// label such as 【これまでの施策例】 (1291, 1293) rather than a theme. A
// cell of the macro framework is in none of its rows, which the table
// lists apart from its cells.
func (p *parser2023) noteUngrouped23() {
	macroReason := "" // the same for every macro cell: written once
	for _, m := range p.pd.Measures {
		if m.GroupID != "" {
			continue
		}
		reason := "detail bullet under no 【】 theme heading (a status label such as 【これまでの施策例】 is not a theme)"
		switch {
		case m.Overview:
			reason = "overview cell digests no detail bullet, and the table lists its 〇 rows apart from their cells, so the layout does not tell its row"
		case p.macroCells[m]:
			if macroReason == "" {
				macroReason = "macro-framework cell: the table lists its rows " + p.macroRowsText() + " and its columns apart from their cells, so the layout does not tell its row or column"
			}
			reason = macroReason
		}
		p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "group", File: p.t.File, Line: m.LineStart,
			NodeID: m.ID, Text: m.Title, Reason: reason})
	}
}

// noteEmptyRows23 tells the report which 〇 rows of a pillar's overview
// table hold no measure, one entry per pillar with their lines: a cell
// takes the 【】 theme of the bullets it digests (digestGroup), which is
// its row where the row names the theme; the table lists its rows apart
// from its cells, so a row that names no theme is told no cell.
func (p *parser2023) noteEmptyRows23() {
	held := make(map[string]bool, len(p.pd.Groups))
	for _, m := range p.pd.Measures {
		held[m.GroupID] = true
	}
	var empty []string // lines of the pillar's empty rows
	flush := func(pl string, first int) {
		if len(empty) == 0 {
			return
		}
		name := pl
		for _, x := range p.pd.Pillars {
			if x.ID == pl {
				name = x.Name
			}
		}
		rows := fmt.Sprintf("%d 〇 rows of the overview table hold no measure (lines %s)", len(empty), strings.Join(empty, ", "))
		if len(empty) == 1 {
			rows = "a 〇 row of the overview table holds no measure (line " + empty[0] + ")"
		}
		p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "group", File: p.t.File, Line: first, NodeID: pl, Text: name,
			Reason: rows + ": the table lists its rows apart from its cells, and a cell takes the 【】 theme of the bullets it digests, which no row there names"})
		empty = empty[:0]
	}
	pillar, first := "", 0
	for _, g := range p.pd.Groups {
		if held[g.ID] || !p.rowGroups[g] {
			continue
		}
		if g.PillarID != pillar {
			flush(pillar, first)
			pillar, first = g.PillarID, g.LineStart
		}
		empty = append(empty, strconv.Itoa(g.LineStart))
	}
	flush(pillar, first)
}
