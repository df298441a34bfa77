package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCellHeadings: cells are under a row heading only where the heading
// stands alone above them (2025's 〇 at 1571 over 1573–1583); headings
// listed together, or the last heading, take no cells.
func TestCellHeadings(t *testing.T) {
	tests := []struct {
		name  string
		after []int // the headings' cell counts before them
		cells int
		want  map[int]int // cell → heading
	}{
		{"listed together", []int{0, 0, 0}, 5, map[int]int{}},
		{"alone between cells", []int{2, 6}, 8, map[int]int{2: 0, 3: 0, 4: 0, 5: 0}},
		{"alone, then a list", []int{0, 3, 3}, 5, map[int]int{0: 0, 1: 0, 2: 0}},
		{"a list, then alone", []int{0, 0, 2, 4}, 6, map[int]int{2: 2, 3: 2}},
		{"the next heading past the cells", []int{1, 10}, 4, map[int]int{1: 0, 2: 0, 3: 0}},
		{"one heading", []int{0}, 3, map[int]int{}},
	}
	for _, tt := range tests {
		s := &tableSlide{}
		for _, a := range tt.after {
			s.groups = append(s.groups, &rowHeading{after: a})
		}
		for range tt.cells {
			s.cells = append(s.cells, &tableCell{})
		}
		got := map[int]int{}
		for c, g := range s.cellHeadings() {
			for gi, h := range s.groups {
				if h == g {
					got[c] = gi
				}
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: cell → heading (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestTableSlideContent: a slide with only a header has no content; a
// label, a goal, a heading or a cell is content, and the last two a body.
func TestTableSlideContent(t *testing.T) {
	goal := textItems(1131, "10年で150兆円")
	tests := []struct {
		name          string
		s             tableSlide
		content, body bool
	}{
		{"header only", tableSlide{headerLines: []int{1114}, kindHint: "MISSION"}, false, false},
		{"label", tableSlide{label: "GX"}, true, false},
		{"goal", tableSlide{goal: goal}, true, false},
		{"heading", tableSlide{groups: []*rowHeading{{}}}, true, true},
		{"cell", tableSlide{cells: []*tableCell{{}}}, true, true},
	}
	for _, tt := range tests {
		if got := tt.s.hasContent(); got != tt.content {
			t.Errorf("%s: hasContent %v, want %v", tt.name, got, tt.content)
		}
		if got := tt.s.hasBody(); got != tt.body {
			t.Errorf("%s: hasBody %v, want %v", tt.name, got, tt.body)
		}
	}
	s := tableSlide{goal: textItems(1131, "10年で150兆円", "超の官民投資、"), groups: []*rowHeading{{name: "公正な移行"}}}
	if got, want := s.heads(), "10年で150兆円超の官民投資、公正な移行"; got != want {
		t.Errorf("heads = %q, want %q", got, want)
	}
}
