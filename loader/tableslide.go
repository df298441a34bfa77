package loader

import (
	"strings"

	"github.com/policygraph/policygraph"
)

// tableSlide is one pillar's table slide as a table grammar gathers it:
// the pieces the council's pillar tables print — a header, the pillar's
// label (and a kind label over a run of slides), the 長期的目標 column,
// 〇 row headings and the cells of the other columns — by line. Which item
// is which piece, and what nodes the pieces make, is the grammar's.
type tableSlide struct {
	start, end  int    // lines
	headerLines []int  // the column header's lines
	kindHint    string // the pillar kind a kind label over the slide says
	label       string // the pillar's label as printed (NFKC)
	labelLines  []int
	goal        []lineItem // the 長期的目標 column's lines
	groups      []*rowHeading
	cells       []*tableCell
	microLine   int                 // the line of the header of the table's second part, 0 if none
	pillar      *policygraph.Pillar // the node made of the slide
}

// rowHeading is a 〇 row heading of a table slide.
type rowHeading struct {
	lines []lineItem // the heading and its wrapped tail
	name  string
	id    string // the group node made of it
	after int    // number of cells before the heading
}

// heads is the slide's 長期的目標 and row headings, normalised and joined:
// what identifyPillar finds a pillar's cue words in.
func (s *tableSlide) heads() string {
	var head strings.Builder
	for _, g := range s.goal {
		head.WriteString(normalize(g.text))
	}
	for _, g := range s.groups {
		head.WriteString(normalize(g.name))
	}
	return head.String()
}

// hasBody: the slide has cells or row headings.
func (s *tableSlide) hasBody() bool { return len(s.cells) > 0 || len(s.groups) > 0 }

// hasContent: the slide has a body, a label or a goal: more than a header.
func (s *tableSlide) hasContent() bool {
	return s.hasBody() || s.label != "" || len(s.goal) > 0
}

// cellHeadings ties cells (by index) to a row heading only where the
// extraction says so: a heading that stands alone (not in a list of
// headings) and is followed by cells up to the next heading. Most slides
// list all their headings together, away from their rows; those cells
// stay ungrouped rather than being guessed.
func (s *tableSlide) cellHeadings() map[int]*rowHeading {
	out := map[int]*rowHeading{}
	for gi, g := range s.groups {
		alone := (gi == 0 || s.groups[gi-1].after < g.after) &&
			(gi+1 < len(s.groups) && s.groups[gi+1].after > g.after)
		if !alone {
			continue
		}
		for c := g.after; c < s.groups[gi+1].after && c < len(s.cells); c++ {
			out[c] = g
		}
	}
	return out
}
