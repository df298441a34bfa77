package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// What the overview tables of every edition of the council print, read
// once for all: the 長期的目標 cell of a pillar and the names of the 〇
// rows (and of 2023's 【】 themes, named the same way).

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

// goalSeparators are what parts the goals of a 長期的目標 cell in each
// extraction: 2023's prints ／ or /, 2025's only ／ (it writes 円/時間 and
// 事業/政策 inside a goal).
const (
	goalSeparators23 = "／/"
	goalSeparators25 = "／"
)

// splitGoalCell reads a 長期的目標 cell whose goals seps part. It returns
// the cell's whole text (the lines joined as wrapped lines are), its goals
// in order, each spanning only the lines that hold its words, and the
// lines that hold nothing but a separator, which belong to no goal.
func splitGoalCell(cell []cellLine, seps string) (whole string, goals []goalPiece, bare []int) {
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
		pieces := []string{c.text} // a line without a separator is one piece
		if strings.ContainsAny(c.text, seps) {
			pieces = splitAny(c.text, seps)
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

// groupName is the name of a group heading (a 〇 row of an overview table,
// a 【】 theme of a 2023 detail page): without its bullet, its circled
// number, a （続き） of a heading continued on the next slide, or a
// （主に…に貢献） note.
func groupName(s string) string {
	s = trimSpaces(cutCircLead(trimSpaces(strings.TrimLeft(s, "〇○ 　"))))
	s = trimSpaces(strings.TrimSuffix(s, "（続き）"))
	if i := strings.Index(s, "（主に"); i > 0 && strings.HasSuffix(s, "）") {
		s = trimSpaces(s[:i])
	}
	return s
}

// reCircLead is a leading circled number ① … ⑳ and the spaces after it.
var reCircLead = regexp.MustCompile(`^[①-⑳]\s*`)

// hasCircLead is reCircLead.MatchString(s): s opens with ① … ⑳.
func hasCircLead(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '①' && r <= '⑳'
}

// cutCircLead is reCircLead.ReplaceAllString(s, ""), the regexp run only
// on a text it matches (most are group names and contents lines without
// one).
func cutCircLead(s string) string {
	if !hasCircLead(s) {
		return s
	}
	return reCircLead.ReplaceAllString(s, "")
}

// splitAny is strings.Split of s at every rune of seps: the pieces
// between them, empty ones included ("府支援／" is "府支援" and "").
func splitAny(s, seps string) []string {
	var out []string
	for {
		i := strings.IndexAny(s, seps)
		if i < 0 {
			return append(out, s)
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, s[:i])
		s = s[i+n:]
	}
}
