package loader

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

func TestLex2023(t *testing.T) {
	tests := []struct {
		line string
		want kind2023
	}{
		{"", k23Blank},
		{"   ", k23Blank},
		{"21", k23PageNum},
		{"ミ", k23Single},
		{"／", k23Single},
		{" 「新機軸」のキーメッセージ③", k23KeyMsg},
		{"ミッション①：炭素中立型社会の実現（考え方）", k23Pillar},
		{" OS⑤：EBPM・データ駆動型行政 （これまでの施策、今後の施策）", k23Pillar},
		{"ＯＳ③：価値創造経営", k23Pillar},
		{"（これまでの施策、今後の施策）", k23HeadSuffix},
		{"社会基盤（ＯＳ）の組替え（5分野）：", k23ListTitle},
		{"① 炭素中立型社会の実現 ･･･p.20", k23TOCEntry},
		{"長期的目標 足下３年程度 ３～５年後", k23TableHeader},
		{" 新機軸の", k23PillarCol},
		{" 各分野（ミクロ）の主要施策", k23Micro},
		{"●…これまでに実施した施策、○…今後実施する施策", k23Legend},
		{"【デジタル産業基盤（続き）】", k23Bracket},
		{"＜中長期視点でのSX経営戦略の構築と実行、ガバナンス＞", k23Angle},
		{"〇デジタルライフライン", k23OHead},
		{"⚫ 中小企業の価格転嫁対策・取引適正化の継続", k23Past},
		{"● 懸賞金型研究開発事業を試行的に導入（宇宙分野やAI分野など）", k23Past},
		{"○ 賃上げ税制の拡充", k23Future},
		{"○J-Startupにおける女性起業家の割合を今後10年で20%を目指す", k23Future},
		{"➢ 人手不足", k23Arrow},
		{"– スタートアップ：投資額を今後5年（2027年まで）で10倍", k23Arrow},
		{"\uf070 ＧＸ：今後10年で150兆円超の官民投資", k23PUA},
		{"⇒「点」ではなく「線」で", k23Note},
		{"※後掲「ミッション領域に注力したスタートアップ・イノベーション政策」を参照", k23Note},
		{"（半導体）", k23Sub},
		{"〔スタートアップの創出拡大〕", k23Sub},
		{"（関連指標） ・新たな政策評価方針に基づく数", k23Text},
		{"（子育て支援・女性活躍支援に取り組む企業への補助金審査の際の加点措置導入、家事支援サービス", k23Text},
		{"定（グリーン成長戦略等）。", k23Text},
	}
	for _, tt := range tests {
		dt, err := newDocText("x.txt", 2023, "doc:2023", []byte(tt.line+"\nEND"))
		if err != nil {
			t.Fatal(err)
		}
		if it, _ := lexLine2023(dt, 0); it.kind != tt.want {
			t.Errorf("lex %q = %d, want %d", tt.line, it.kind, tt.want)
		}
	}
}

func TestLex2023PillarFields(t *testing.T) {
	dt, _ := newDocText("x.txt", 2023, "doc:2023", []byte("OS④：徹底した日本社会のグローバル化（これまでの施策、今後の施策）\n① 人材 ･･･p.58"))
	_, it := lexLine2023(dt, 0)
	if it.pkind != policygraph.KindOS || it.pord != 4 || it.pname != "徹底した日本社会のグローバル化" || it.psuffix != "これまでの施策、今後の施策" {
		t.Errorf("pillar heading fields = %+v", it)
	}
	_, toc := lexLine2023(dt, 1)
	if toc.tocOrd != 1 || toc.tocNam != "人材" {
		t.Errorf("toc fields = ord %d name %q", toc.tocOrd, toc.tocNam)
	}
}

// lexLine2023 lexes line i (0-based) of t, for the tests of the 2023
// kinds: the line, and what it says if it is a heading or contents line.
func lexLine2023(t *docText, i int) (item2023, *head2023) {
	raw, n := "", ""
	if i < len(t.rawSlice()) {
		raw = t.rawSlice()[i]
	}
	if i < len(t.normSlice()) {
		n = t.normSlice()[i]
	}
	l := lexSlideLine(raw, n)
	h := lexLine23(&l, raw)
	return l, h
}

// TestPillarHeading23: the pillar headings, contents lines and circled
// numbers are read as interim2023.pillarHeading, interim2023.toc and reCircLead read them, on every line of both seeds (flat and
// raw) and on edge cases.
func TestPillarHeading23(t *testing.T) {
	texts := append(fastPathEdges(), seedLineForms(t)...)
	for _, f := range texts {
		if got, want := pillarHeading23(f), interim2023.pillarHeading.FindStringSubmatch(f); !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("pillarHeading23(%q) = %q, want %q", f, got, want)
		}
		want := 0
		if m := interim2023.toc.FindStringSubmatch(f); m != nil {
			want, _ = strconv.Atoi(m[1])
		}
		if got := tocOrdinal23(f); got != want {
			t.Errorf("tocOrdinal23(%q) = %d, want %d", f, got, want)
		}
		if got, want := cutCircLead(f), reCircLead.ReplaceAllString(f, ""); got != want || hasCircLead(f) != reCircLead.MatchString(f) {
			t.Errorf("cutCircLead(%q) = %q, want %q", f, got, want)
		}
		// the byte-first search, as what it gates
		if got, want := hasKeyMsg23(f), strings.Contains(f, "「新機軸」のキーメッセージ"); got != want {
			t.Errorf("hasKeyMsg23(%q) = %v, want %v", f, got, want)
		}
	}
}
