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
	items := func(ms []*policygraph.Measure, doc int) []*simItem {
		var out []*simItem
		for _, m := range ms {
			st := simText(m.Text)
			out = append(out, &simItem{m: m, doc: doc, text: st, bg: simBigrams(st)})
		}
		return out
	}
	rels := linkEvolves(items(later, 1), items(earlier, 0), nil, map[string]string{})
	if len(rels) != 1 || rels[0].Start != "dir" || rels[0].End != "m23a" {
		t.Fatalf("EVOLVES_FROM %v, want dir → m23a", rels)
	}
}
