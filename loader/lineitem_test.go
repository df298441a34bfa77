package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewLineItem: an item holds its raw line trimmed, the NFKC form, the
// display width, and whether the line opened a page.
func TestNewLineItem(t *testing.T) {
	dt := handText(" EBPM", "ＧＸ", "検証を行い、有用な結果を得た 31", "")
	lines := lexSlides(dt)
	tests := []struct {
		i    int
		want lineItem
	}{
		{0, lineItem{line: 1, text: "EBPM", norm: "EBPM", width: 4, pageStart: true}},
		{1, lineItem{line: 2, text: "ＧＸ", norm: "GX", width: 4}},
		// the page number stays until the grammar cuts it
		{2, lineItem{line: 3, text: "検証を行い、有用な結果を得た 31", norm: "検証を行い、有用な結果を得た 31", width: 31}},
		{3, lineItem{line: 4}},
	}
	for _, tt := range tests {
		if got := newLineItem(dt, &lines[tt.i], tt.i); got != tt.want {
			t.Errorf("newLineItem(%d) = %+v, want %+v", tt.i, got, tt.want)
		}
	}
}

// TestCutPageNumber: a page number glued to a line is cut when it has no
// more digits than the layout numbers its slides with.
func TestCutPageNumber(t *testing.T) {
	tests := []struct {
		raw       string
		maxDigits int
		cut       bool
		text      string
		width     int32
	}{
		{"検証を行い、有用な結果を得た 31", 2, true, "検証を行い、有用な結果を得た", 28},
		{"検証を行い、有用な結果を得た 31", 1, false, "検証を行い、有用な結果を得た 31", 31},
		{"…全国展開等） 117", 2, false, "…全国展開等） 117", 18},
		{"…全国展開等） 117", 3, true, "…全国展開等）", 14},
		{"2040年に健康寿命を75歳に", 3, false, "2040年に健康寿命を75歳に", 24}, // no page number
		{"CN 2050", 3, false, "CN 2050", 7}, // digits after ASCII: no page number
	}
	for _, tt := range tests {
		dt := handText(tt.raw)
		lines := lexSlides(dt)
		it := newLineItem(dt, &lines[0], 0)
		got := it.cutPageNumber(&lines[0], tt.maxDigits)
		if got != tt.cut || it.text != tt.text || it.width != tt.width || it.pageTail != tt.cut {
			t.Errorf("cutPageNumber(%q, %d) = %v, text %q width %d pageTail %v; want %v, %q %d",
				tt.raw, tt.maxDigits, got, it.text, it.width, it.pageTail, tt.cut, tt.text, tt.width)
		}
		if got && it.norm != trimSpaces(it.norm) {
			t.Errorf("cutPageNumber(%q): norm %q not trimmed", tt.raw, it.norm)
		}
	}
}

// TestItemsIn: the items of a line range are the lexer's run, returned in
// place and capped, unless the lines are out of order.
func TestItemsIn(t *testing.T) {
	mk := func(lines ...int) []lineItem {
		out := make([]lineItem, len(lines))
		for i, l := range lines {
			out[i].line = l
		}
		return out
	}
	tests := []struct {
		name     string
		items    []lineItem
		from, to int
		want     []int
		inPlace  int // index of the run's first item, -1 for a copy
	}{
		{"a run", mk(1, 2, 3, 5, 6), 2, 5, []int{2, 3}, 1},
		{"to the end", mk(1, 2, 3, 5, 6), 5, 100, []int{5, 6}, 3},
		{"none", mk(1, 2, 3, 5, 6), 4, 5, nil, -1},
		{"not one run", mk(1, 5, 2), 1, 3, []int{1, 2}, -1},
		{"out of order", mk(1, 3, 2, 4), 2, 4, []int{3, 2}, -1},
	}
	for _, tt := range tests {
		got := itemsIn(tt.items, tt.from, tt.to)
		var lines []int
		for _, it := range got {
			lines = append(lines, it.line)
		}
		if diff := cmp.Diff(tt.want, lines); diff != "" {
			t.Errorf("%s: lines (-want +got):\n%s", tt.name, diff)
		}
		if len(got) == 0 {
			continue
		}
		if inPlace := &got[0] == &tt.items[max(tt.inPlace, 0)]; inPlace != (tt.inPlace >= 0) {
			t.Errorf("%s: in place %v, want %v", tt.name, inPlace, tt.inPlace >= 0)
		}
		if cap(got) != len(got) {
			t.Errorf("%s: cap %d, len %d: an append would write past the run", tt.name, cap(got), len(got))
		}
	}
}

// TestJoinTexts joins items' texts as wrapped lines: a row heading and its
// wrapped tail, a cell cut from a glued line.
func TestJoinTexts(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"〇豊かな生活環境の創出", "（若者・女性の活躍促進に向けた取組）"}, "〇豊かな生活環境の創出（若者・女性の活躍促進に向けた取組）"},
		{[]string{"バイオファウンドリ拠点の整備を引き続き実施するとともに、各地", "域の基盤技術を元にした地域拠点の整備に着手"},
			"バイオファウンドリ拠点の整備を引き続き実施するとともに、各地域の基盤技術を元にした地域拠点の整備に着手"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := joinTexts(textItems(1, tt.lines...)); got != tt.want {
			t.Errorf("joinTexts(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}
