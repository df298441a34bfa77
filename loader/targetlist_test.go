package loader

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of line a grammar might give, for TestReadTargets.
const (
	tlBlank itemKind = iota
	tlItem           // a sub-bullet
	tlText
	tlEnclosed // （…）
	tlNote
	tlHeading // anything else: ends a list
)

var tlKinds = listKinds{blank: tlBlank, item: tlItem, text: [2]itemKind{tlText, tlEnclosed}, note: tlNote}

// tlWords are the 2023 layout's words (interim2023.targets), spelled
// here so that the cases below can change one.
func tlWords() targetWords {
	return targetWords{head: "当面見据える", midTerm: "中期", indicatorHead: "(関連指標)", indicatorHeadRaw: "（関連指標）",
		indicatorBullet: "・", explanations: []string{"KPI", "指標として"}}
}

// TestReadTargets reads the lists of targets of the 2023 concept pages
// (OS③'s goals, seed lines 3078–3094 shortened, whose last two items
// explain the indicator chosen, here with an indicators' head after them;
// OS⑤'s indicators, 3388–3393), and the same lines with other words.
func TestReadTargets(t *testing.T) {
	type line struct {
		kind itemKind
		text string
	}
	goals := []line{
		{tlItem, "➢ 2030年に日本の代表的企業（TOPIX500企業を想定）のPBR１倍以上の割合を約６割から約８割（欧州"},
		{tlBlank, ""},
		{tlText, "STOXX600並）"},
		{tlBlank, ""},
		{tlItem, "➢ 価値創造経営の実現のためには、…ROE（自己資本利益率）と、企業の成長期待の代理指標であるPER（株価収益率）を乗じた値である"},
		{tlBlank, ""},
		{tlText, "PBRを指標として置いている。"},
		{tlBlank, ""},
		{tlItem, "➢ 同種の企業群を継続的に国際比較する観点から上記のKPIを用いるが、…"},
		{tlText, "（関連指標） ・因果推論を含む効果検証を実施した予算事業数"},
	}
	indicators := []line{
		{tlText, "（関連指標） ・新たな政策評価方針に基づく適切なミッション・KPI・メトリクス設定の数"},
		{tlBlank, ""},
		{tlText, "・因果推論を含む効果検証を実施した予算事業数"},
		{tlBlank, ""},
		{tlText, "・デジタル技術の活用を含めたデータに関する研修の受講者数 83"},
		{tlHeading, " OS⑤：EBPM・データ駆動型行政 （これまでの施策、今後の施策）"},
	}
	pbr := listedItem{"2030年に日本の代表的企業（TOPIX500企業を想定）のPBR１倍以上の割合を約６割から約８割（欧州STOXX600並）", 1, 3}
	roe := listedItem{"価値創造経営の実現のためには、…ROE（自己資本利益率）と、企業の成長期待の代理指標であるPER（株価収益率）を乗じた値であるPBRを指標として置いている。", 5, 7}
	kpi := listedItem{"同種の企業群を継続的に国際比較する観点から上記のKPIを用いるが、…", 9, 9}
	noExplanations := tlWords()
	noExplanations.explanations = nil
	otherBullet := tlWords()
	otherBullet.indicatorBullet = "・因果"
	for _, c := range []struct {
		name             string
		words            targetWords
		lines            []line
		indicators       bool
		goals, explained []listedItem
		next             int
	}{
		{"goals, up to the indicators' head", tlWords(), goals, false, []listedItem{pbr}, []listedItem{roe, kpi}, 9},
		{"no explanation words: all goals", noExplanations, goals, false, []listedItem{pbr, roe, kpi}, nil, 9},
		{"indicators, one a line, without head, bullet and page", tlWords(), indicators, true, []listedItem{
			{"新たな政策評価方針に基づく適切なミッション・KPI・メトリクス設定の数", 1, 1},
			{"因果推論を含む効果検証を実施した予算事業数", 3, 3},
			{"デジタル技術の活用を含めたデータに関する研修の受講者数", 5, 5},
		}, nil, 5},
		{"another bullet cut", otherBullet, indicators, true, []listedItem{
			{"・新たな政策評価方針に基づく適切なミッション・KPI・メトリクス設定の数", 1, 1},
			{"推論を含む効果検証を実施した予算事業数", 3, 3},
			{"・デジタル技術の活用を含めたデータに関する研修の受講者数", 5, 5},
		}, nil, 5},
	} {
		var raw []string
		for _, l := range c.lines {
			raw = append(raw, l.text)
		}
		dt, err := newDocTextString("targets.txt", 2023, "doc:2023", strings.Join(raw, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		lines := lexSlides(dt)
		for j, l := range c.lines {
			lines[j].kind = l.kind
		}
		goals, explained, next := c.words.readTargets(dt, lines, 0, c.indicators, &tlKinds)
		opt := cmp.AllowUnexported(listedItem{})
		if d := cmp.Diff(c.goals, goals, opt) + cmp.Diff(c.explained, explained, opt); d != "" || next != c.next {
			t.Errorf("%s: next %d, want %d; goals, explained (-want +got):\n%s", c.name, next, c.next, d)
		}
	}
}

// TestGoalsHeaded: the headings of the 2023 concept pages (seed lines
// 1248, 1441, 3076), and the same words told apart otherwise.
func TestGoalsHeaded(t *testing.T) {
	other := tlWords()
	other.midTerm = "長期"
	for _, c := range []struct {
		words   targetWords
		heading string
		want    string
	}{
		{tlWords(), "⚫ 当面見据える長期目標", "LONG_TERM"},
		{tlWords(), "⚫ 当面見据える長期目標：", "LONG_TERM"},
		{tlWords(), "⚫ 当面見据える中期目標", "MID_TERM"},
		{tlWords(), "⚫ 今後の施策", ""},
		{other, "⚫ 当面見据える長期目標", "MID_TERM"},
		{other, "⚫ 当面見据える中期目標", "LONG_TERM"},
	} {
		f := normalize(c.heading)
		if got := c.words.goalsHeaded(f); got != c.want {
			t.Errorf("goalsHeaded(%q) with midTerm %q = %q, want %q", f, c.words.midTerm, got, c.want)
		}
	}
	if w := tlWords(); !w.headsIndicators(normalize("（関連指標） ・a")) || w.headsIndicators(normalize("・a （関連指標）")) {
		t.Errorf("headsIndicators: a line starting with %q heads indicators, one holding it later none", w.indicatorHead)
	}
}

// TestTargetWords2023: the layout's words are the ones the tests above
// read its lines with.
func TestTargetWords2023(t *testing.T) {
	if d := cmp.Diff(tlWords(), interim2023.targets, cmp.AllowUnexported(targetWords{})); d != "" {
		t.Errorf("interim2023.targets (-test +layout):\n%s", d)
	}
}
