package loader

import "strings"

// The 長期的目標 cell of an overview table, as every edition of the
// council prints it: a pillar's long-term goals in one narrow cell, broken
// every few characters, one goal parted from the next by ／ (/ in 2023's
// extraction), on a line of its own or inside one ("20兆円規模の政" /
// "府支援／" / "2050年でCNを実" / "現").

// cellLine is one printed line of a cell: its line number and its text.
type cellLine struct {
	line int
	text string
}

// goalPiece is one goal of a 長期的目標 cell: its text and the lines it
// spans.
type goalPiece struct {
	text     string
	from, to int
}

// splitGoalCell reads a 長期的目標 cell. It returns the cell's whole text
// (the lines joined as wrapped lines are), its goals in order, each
// spanning only the lines that hold its words, and the lines that hold
// nothing but a ／, which belong to no goal.
func splitGoalCell(cell []cellLine) (whole string, goals []goalPiece, bare []int) {
	var all, part lineJoiner
	cur := goalPiece{} // from == 0: no goal open
	emit := func() {
		if cur.from > 0 {
			cur.text = part.String()
			goals = append(goals, cur)
		}
		part, cur = lineJoiner{}, goalPiece{}
	}
	for _, c := range cell {
		all.add(c.text)
		pieces := []string{c.text} // a line without a ／ is one piece
		if strings.Contains(c.text, "/") || strings.Contains(c.text, "／") {
			pieces = strings.Split(strings.ReplaceAll(c.text, "/", "／"), "／")
		}
		held := false
		for i, s := range pieces {
			if i > 0 {
				emit()
			}
			if s = trimSpaces(s); s == "" {
				continue
			}
			if cur.from == 0 {
				cur.from = c.line
			}
			part.add(s)
			cur.to, held = c.line, true
		}
		if !held && len(pieces) > 1 {
			bare = append(bare, c.line)
		}
	}
	emit()
	return all.String(), goals, bare
}
