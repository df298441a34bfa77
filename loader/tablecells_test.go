package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// textItems are lines of table text as items, line numbers from first.
func textItems(first int, lines ...string) []lineItem {
	out := make([]lineItem, len(lines))
	for i, s := range lines {
		out[i].line = first + i
		out[i].setText(s)
	}
	return out
}

// cellSpans writes cells as their lines' numbers and texts.
func cellSpans(cells []*tableCell) [][]string {
	var out [][]string
	for _, c := range cells {
		var span []string
		for _, l := range c.lines {
			span = append(span, l.text)
		}
		out = append(out, span)
	}
	return out
}

// The 2025 cell rules with one field changed.
func cellRules2025(change func(*cellRules)) cellRules {
	r := interim2025Tables.cells
	if change != nil {
		change(&r)
	}
	return r
}

// TestAppendCells parts paragraphs of the 2025 tables (testdata/2025/
// columns.txt) into cells, and the same paragraphs under changed rules.
func TestAppendCells(t *testing.T) {
	const (
		glued = "バイオファウンドリ拠点の整備及び各地域の基盤技術を元にした地域拠点の整備を継続バイオファウンドリ拠点の整備を引き続き実施するとともに、各地"
		cont  = "域の基盤技術を元にした地域拠点の整備に着手"
	)
	short := []string{ // 53–59: a short line ends the first cell
		"我が国の産業・技術基盤を維持・発展させるため、脅威・リスク",
		"分析のための体制構築、技術優位性獲得に向けた投資支援、",
		"新たな貿易管理における枠組みを含む技術管理対策の強化、",
		"産業界・主要国との戦略的な連携を実施",
		"特定の技術について海外移転する場合に、外為法に基づく事",
		"前報告を求め、官民対話の下で技術流出対策を徹底する新",
		"たな制度を開始",
	}
	sentence := []string{ // 61–63: 。 ends a cell
		"技術流出対策ガイダンスについて、産業界のニーズを踏まえた見直し、拡充する。",
		"経済安全保障推進法に基づく特定重要物資に関する取組等を通じ、更なる不可欠性の",
		"確保、供給の多元化・自律性の回復を目指す",
	}
	also := []string{ // 81–84: また、 continues the cell after a short line
		"政策効果について、経済産業省の政策体系の中で評価すると",
		"ともに、特にGＸ政策及び半導体政策については内閣府の経",
		"済財政諮問会議の枠組みで取組を実施",
		"また、事業単位での政策効果については、作成したガイドも活",
	}
	before := []string{ // 70–71, then "を促進" after a blank line
		"多様性推進を企業価値向上につなげるための経営陣としての考え方や企業の取るべき",
		"具体的なアクション、事例を掲載したレポート等の周知・普及により、ダイバーシティ経営の取組",
	}
	tests := []struct {
		name   string
		change func(*cellRules)
		before []string // the cell before the paragraph, if any
		para   []string
		want   [][]string
	}{
		{"short line", nil, nil, short, [][]string{short[:4], short[4:]}},
		{"short line, 50%", func(r *cellRules) { r.shortLinePercent = 50 }, nil, short, [][]string{short}},
		{"sentence end", nil, nil, sentence, [][]string{sentence[:1], sentence[1:]}},
		{"sentence end ．", func(r *cellRules) { r.sentenceEnd = "．" }, nil, sentence, [][]string{sentence}},
		{"また、", nil, nil, also, [][]string{also}},
		{"no continuation words", func(r *cellRules) { r.continuationWords = nil }, nil, also, [][]string{also[:3], also[3:]}},
		{"across a blank line", nil, before, []string{"を促進"}, [][]string{append(before[:2:2], "を促進")}},
		{"no continuation runes", func(r *cellRules) { r.continuation = "" }, before, []string{"を促進"}, [][]string{before, {"を促進"}}},
		{"glued", nil, nil, []string{glued, cont}, [][]string{
			{"バイオファウンドリ拠点の整備及び各地域の基盤技術を元にした地域拠点の整備を継続"},
			{"バイオファウンドリ拠点の整備を引き続き実施するとともに、各地", cont}}},
		{"glued, wider columns", func(r *cellRules) { r.widest = 200 }, nil, []string{glued, cont}, [][]string{{glued, cont}}},
	}
	for _, tt := range tests {
		r := cellRules2025(tt.change)
		var cells []*tableCell
		if tt.before != nil {
			cells = append(cells, &tableCell{lines: textItems(1, tt.before...)})
		}
		cells = r.appendCells(cells, textItems(10, tt.para...))
		if diff := cmp.Diff(tt.want, cellSpans(cells)); diff != "" {
			t.Errorf("%s: cells (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestSplitGlued cuts the glued line 1799 of the 2025 seed after the end
// word that leaves a rest fitting the narrow column.
func TestSplitGlued(t *testing.T) {
	const glued = "バイオファウンドリ拠点の整備及び各地域の基盤技術を元にした地域拠点の整備を継続バイオファウンドリ拠点の整備を引き続き実施するとともに、各地"
	tests := []struct {
		name   string
		change func(*cellRules)
		line   string
		a, b   string // "" when not cut
	}{
		{"after 継続", nil, glued,
			"バイオファウンドリ拠点の整備及び各地域の基盤技術を元にした地域拠点の整備を継続",
			"バイオファウンドリ拠点の整備を引き続き実施するとともに、各地"},
		// the rest after 継続 (60 wide) no longer fits: the next end word that
		// leaves a fitting rest, 実施, cuts
		{"narrower tail", func(r *cellRules) { r.gluedTailMax = 58 }, glued,
			"バイオファウンドリ拠点の整備及び各地域の基盤技術を元にした地域拠点の整備を継続バイオファウンドリ拠点の整備を引き続き実施",
			"するとともに、各地"},
		{"no end word", func(r *cellRules) { r.endWords = []string{"目指す"} }, glued, "", ""},
		{"wider columns", func(r *cellRules) { r.widest = 200 }, glued, "", ""},
		{"not too wide", nil, "域の基盤技術を元にした地域拠点の整備に着手", "", ""},
	}
	for _, tt := range tests {
		r := cellRules2025(tt.change)
		it := textItems(1799, tt.line)[0]
		a, b, ok := r.splitGlued(it)
		if ok != (tt.a != "") {
			t.Errorf("%s: cut %v, want %v", tt.name, ok, tt.a != "")
			continue
		}
		if !ok {
			if a != it || b != it {
				t.Errorf("%s: uncut pieces %+v, %+v differ from the line", tt.name, a, b)
			}
			continue
		}
		if a.text != tt.a || b.text != tt.b || a.line != 1799 || b.line != 1799 {
			t.Errorf("%s: %q | %q, want %q | %q", tt.name, a.text, b.text, tt.a, tt.b)
		}
		if a.width != int32(dispWidth(a.text)) || b.norm != b.text {
			t.Errorf("%s: pieces' width %d or norm %q not their own", tt.name, a.width, b.norm)
		}
	}
}

// TestCellContinues: the runes and words a continuing line opens with.
func TestCellContinues(t *testing.T) {
	r := interim2025Tables.cells
	tests := []struct {
		s              string
		across, within bool
	}{
		{"を促進", true, true},
		{"、各地", true, true},
		{"）の活用", true, true},
		{"また、事業単位での政策効果については", false, true},
		{"バイオ人材の育成・確保に向けた取組を引き続き実施", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := r.continues(tt.s); got != tt.across {
			t.Errorf("continues(%q) = %v, want %v", tt.s, got, tt.across)
		}
		if got := r.continuesWithin(tt.s); got != tt.within {
			t.Errorf("continuesWithin(%q) = %v, want %v", tt.s, got, tt.within)
		}
	}
	r.continuation = "をに"
	if r.continues("、各地") || !r.continues("に進めていく") {
		t.Error("continues does not follow the rules' continuation runes")
	}
}

// TestTableCellText joins a cell's lines as wrapped lines are.
func TestTableCellText(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"ＧＸ推進法の改正が成立"}, "ＧＸ推進法の改正が成立"},
		{[]string{"「ＧＸ２０４０ビジョン」・「第７次エネルギー基本計画」・", "「地球温暖化対策計画」を一体的に策定"},
			"「ＧＸ２０４０ビジョン」・「第７次エネルギー基本計画」・「地球温暖化対策計画」を一体的に策定"},
		{[]string{"", "\u3000"}, ""},
	}
	for _, tt := range tests {
		c := &tableCell{lines: textItems(1, tt.lines...)}
		if got := c.text(); got != tt.want {
			t.Errorf("text(%q) = %q, want %q", tt.lines, got, tt.want)
		}
		if got := c.hasText(); got != (tt.want != "") {
			t.Errorf("hasText(%q) = %v, want %v", tt.lines, got, tt.want != "")
		}
	}
}

// TestParagraphs: paragraphs share one array, each taken capped, so that
// a line appended to a taken paragraph does not overwrite the next.
func TestParagraphs(t *testing.T) {
	lines := textItems(1, "ＧＸ推進法の改正が成立", "", "複数社連携における課題対応を実施", "を促進")
	ps := newParagraphs(3)
	if !ps.empty() {
		t.Fatal("new paragraphs not empty")
	}
	ps.add(lines[0])
	first := ps.take()
	ps.add(lines[2])
	if ps.empty() {
		t.Fatal("a line added, still empty")
	}
	second := ps.take()
	if len(first) != 1 || cap(first) != 1 || len(second) != 1 || cap(second) != 1 {
		t.Fatalf("paragraphs len/cap %d/%d and %d/%d, want 1/1 each", len(first), cap(first), len(second), cap(second))
	}
	_ = append(first, lines[3]) // a continuation added to the first paragraph's cell
	if second[0].text != lines[2].text {
		t.Errorf("second paragraph overwritten: %q", second[0].text)
	}
	if empty := ps.take(); len(empty) != 0 {
		t.Errorf("take with nothing open = %d lines", len(empty))
	}
	// the paragraphs are written into the one array: no allocation after it
	allocs := testing.AllocsPerRun(10, func() {
		ps := newParagraphs(len(lines))
		for _, l := range lines {
			if l.text == "" {
				ps.take()
				continue
			}
			ps.add(l)
		}
		ps.take()
	})
	if allocs > 1 {
		t.Errorf("%v allocations, want the array's one", allocs)
	}
}
