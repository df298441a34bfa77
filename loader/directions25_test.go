package loader

import (
	"testing"

	"github.com/policygraph/policygraph"
)

// TestEvolvesFromDirectionItem checks that linkEvolves takes a 政策の方向性
// bullet (a measure with no pillar) like any later measure: with no pillar
// it has no CONTINUES pair, so it needs evolveMin. On the seed no bullet
// reaches it today (the best: 1055 against 2023's 2395 産業立地に係るインフラ
// 整備, just under); the threshold is linkEvolves' to set.
func TestEvolvesFromDirectionItem(t *testing.T) {
	earlier := []*policygraph.Measure{
		meas("m23a", "p23", "", "中小企業の価格転嫁対策・取引適正化の継続", 1, false),
		meas("m23b", "p23", "", "産業立地に係るインフラ整備", 2, false),
		meas("m23c", "p23", "", "リスキリング支援等", 3, false),
	}
	later := []*policygraph.Measure{
		meas("dir", "", "", "中小企業の価格転嫁対策・取引適正化の更なる徹底", 10, false),
		meas("m25", "p25", "", "量子コンピュータの産業化", 11, false),
	}
	items := func(ms []*policygraph.Measure) []*simItem {
		var out []*simItem
		for _, m := range ms {
			st := simText(m.Text)
			out = append(out, &simItem{m: m, text: st})
		}
		return out
	}
	rels := linkEvolves(items(later), items(earlier), newEvolveInputs(nil, nil))
	if len(rels) != 1 || rels[0].Start != "dir" || rels[0].End != "m23a" {
		t.Fatalf("EVOLVES_FROM %v, want dir → m23a", rels)
	}
}

// TestChartValues25 pins the chart values glued to their label and unit on
// the 2025 macro pages ((総労働時間) / 922 / 億時間 at 335–337, 総額 / 233 /
// 兆円 at 837–839 …): the lexer calls them chart numbers, and page finding
// never takes them for printed page numbers, while the bare 15 at 980
// (between blank lines) stays a page number.
func TestChartValues25(t *testing.T) {
	dt, pd := load2025(t)
	charts := []int{336, 347, 364, 375, 838, 842, 846, 850, 854, 858}
	for _, l := range charts {
		if pd.Placed[l] != "furniture:chart-number" {
			t.Errorf("line %d placed %q, want furniture:chart-number", l, pd.Placed[l])
		}
	}
	m := findPages(dt)
	anchors := map[int]int{}
	for _, a := range m.anchors {
		anchors[a.line] = a.page
	}
	for _, l := range charts {
		if p, ok := anchors[l]; ok {
			t.Errorf("line %d taken for printed page %d", l, p)
		}
	}
	if pd.Placed[980] != "furniture:page-number" || anchors[980] != 15 {
		t.Errorf("line 980: placed %q, anchor page %d; want a page number, p. 15", pd.Placed[980], anchors[980])
	}
}
