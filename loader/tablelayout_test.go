package loader

import (
	"testing"

	"github.com/policygraph/policygraph"
)

// TestTableLayoutWords reads lines of the 2025 tables (NFKC, as the lexer
// gives them) with the 2025 layout, and with a layout printing 2023's
// header row, which reads them otherwise.
func TestTableLayoutWords(t *testing.T) {
	other := interim2025Tables
	other.sectionLines = nil
	other.headerRow = [2]string{"長期的目標", "足下3年程度"}
	other.headerCells = []string{"新機軸の", "施策の柱"}
	other.groupMarks = []string{"〇"}
	type says struct{ opens, heads, section, header, micro, group bool }
	tests := []struct {
		n                 string
		lay2025, layOther says
	}{
		{n: "(参考)", lay2025: says{heads: true, section: true}},
		{n: "(参考)国内投資の増加は賃金上昇につながる"},
		{n: "長期目標に向けた施策の進捗(1/2)",
			lay2025: says{opens: true, section: true}, layOther: says{opens: true, section: true}},
		{n: "長期的目標 第3次以降の進捗 今後検討が必要となる施策", lay2025: says{opens: true, header: true}},
		{n: "長期的目標 足下3年程度 3~5年後", layOther: says{opens: true, header: true}},
		{n: "新機軸", lay2025: says{heads: true, header: true}},
		{n: "策の柱", lay2025: says{heads: true, header: true}},
		{n: "施策の柱", lay2025: says{heads: true, header: true}, layOther: says{heads: true, header: true}},
		{n: "各分野(ミクロ)の主要施策", lay2025: says{micro: true}, layOther: says{micro: true}},
		{n: "〇公正な移行、中堅・中小企業を含む社会全体のGX", lay2025: says{group: true}, layOther: says{group: true}},
		{n: "○保護主義の台頭等の国際経済秩序の変化への対応", lay2025: says{group: true}},
		{n: "新機軸ケース"},
	}
	read := func(lay *tableLayout, n string) says {
		return says{lay.opensTables(n), lay.headsTables(n), lay.isSection(n), lay.isColumnHeader(n), lay.isMicroHeader(n), lay.isGroupHead(n)}
	}
	for _, tt := range tests {
		if got := read(&interim2025Tables, tt.n); got != tt.lay2025 {
			t.Errorf("2025 layout, %q: %+v, want %+v", tt.n, got, tt.lay2025)
		}
		if got := read(&other, tt.n); got != tt.layOther {
			t.Errorf("other layout, %q: %+v, want %+v", tt.n, got, tt.layOther)
		}
	}
}

// TestKindOfLabel reads the vertical labels over the 2025 tables.
func TestKindOfLabel(t *testing.T) {
	M, O := policygraph.KindMission, policygraph.KindOS
	other := interim2025Tables
	other.kindLabels = []kindLabel{{"社会基盤", O}, {"ミッション", M}}
	tests := []struct {
		word, want, wantOther string
	}{
		{"ミッション志向の産業政策", M, M},
		{"社会基盤(ＯＳ)の組替え", O, O},
		{"ＯＳ", O, ""},
		{"ミッション志向の社会基盤", M, O}, // the first word that matches decides
		{"産業政策", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := interim2025Tables.kindOfLabel(tt.word); got != tt.want {
			t.Errorf("kindOfLabel(%q) = %q, want %q", tt.word, got, tt.want)
		}
		if got := other.kindOfLabel(tt.word); got != tt.wantOther {
			t.Errorf("other layout: kindOfLabel(%q) = %q, want %q", tt.word, got, tt.wantOther)
		}
	}
}
