package loader

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
