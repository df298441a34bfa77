package storetest

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/policygraph/policygraph"
)

// searchHit is a SearchHit by id, without the score (its value is
// textsearch's business; the order is the contract).
type searchHit struct {
	ID, Field, Snippet string
	Highlights         [][2]int
}

func (x *suite) testSearch(t *testing.T) {
	gxLaw := searchHit{lawGX, "aliases", "GX推進法", [][2]int{{0, 5}}}
	gxM1 := searchHit{m1, "title", "ＧＸ推進法に基づくＧＸ経済移行債の発行", [][2]int{{0, 5}}}
	gxM7 := searchHit{m7, "text", "ＧＸ経済移行債による先行投資支援を実施。GX推進法に基づく排出量取引制度を2026年度から本格稼働。", [][2]int{{20, 25}}}
	fundGIHit := searchHit{fundGI, "aliases", "GI基金", [][2]int{{2, 4}}}
	fundEcoSecHit := searchHit{fundEcoSec, "name", "経済安全保障重要技術育成基金", [][2]int{{12, 14}}}
	fundM1 := searchHit{m1, "text", "ＧＸ推進法に基づくＧＸ経済移行債の発行。グリーンイノベーション基金による研究開発支援。", [][2]int{{31, 33}}}
	m3Hit := searchHit{m3, "text", "半導体・デジタル産業戦略の推進。５Ｇ基地局の整備を支援。", [][2]int{{16, 18}}}
	m3Both := searchHit{m3, "text", m3Hit.Snippet, [][2]int{{0, 3}, {25, 27}}}

	for _, tc := range []struct {
		name string
		q    policygraph.SearchQuery
		want []searchHit
	}{
		// An exact alias first, then the shorter field containing the query.
		{"rank", policygraph.SearchQuery{Text: "GX推進法"}, []searchHit{gxLaw, gxM1, gxM7}},
		{"full-width query", policygraph.SearchQuery{Text: "ＧＸ推進法"}, []searchHit{gxLaw, gxM1, gxM7}},
		// Words apart: every one must occur in the field, in any order; a
		// field with them in a row ranks first; every occurrence is marked.
		{"two words", policygraph.SearchQuery{Text: " GX 推進法 "}, []searchHit{gxLaw,
			{m1, "title", gxM1.Snippet, [][2]int{{0, 5}, {9, 11}}},
			{m7, "text", gxM7.Snippet, [][2]int{{0, 2}, {20, 25}}}}},
		{"words apart", policygraph.SearchQuery{Text: "半導体 支援"}, []searchHit{m3Both}},
		{"words in any order", policygraph.SearchQuery{Text: "支援　半導体"}, []searchHit{m3Both}},
		{"every word must occur", policygraph.SearchQuery{Text: "半導体 独禁法"}, nil},
		{"a quoted phrase", policygraph.SearchQuery{Text: `"半導体 支援"`}, nil},
		{"a quoted phrase and a word", policygraph.SearchQuery{Text: `"GX 推進法" 基づく`}, []searchHit{
			{m1, "title", gxM1.Snippet, [][2]int{{0, 5}, {6, 9}}}, {m7, "text", gxM7.Snippet, [][2]int{{20, 25}, {26, 29}}}}},
		{"best field per node", policygraph.SearchQuery{Text: "基金"}, []searchHit{fundGIHit, fundEcoSecHit, fundM1}},
		{"labels", policygraph.SearchQuery{Text: "基金", Labels: []string{policygraph.LabelFund}}, []searchHit{fundGIHit, fundEcoSecHit}},
		{"labels, several", policygraph.SearchQuery{Text: "基金", Labels: []string{policygraph.LabelMeasure, policygraph.LabelLaw}}, []searchHit{fundM1}},
		{"document", policygraph.SearchQuery{Text: "基金", DocumentID: doc23}, []searchHit{fundM1}},
		{"limit", policygraph.SearchQuery{Text: "基金", Limit: 1}, []searchHit{fundGIHit}},
		{"full-width text, half-width query", policygraph.SearchQuery{Text: "5g"}, []searchHit{m3Hit}},
		{"full-width both", policygraph.SearchQuery{Text: "５Ｇ"}, []searchHit{m3Hit}},
		{"highlight spans a stray space", policygraph.SearchQuery{Text: "アンモニアのサプライ"},
			[]searchHit{{m2, "title", "水素・アンモニアの サプライチェーン構築", [][2]int{{3, 14}}}}},
		// One rune: shortest fields containing it first (独禁法, then GX推進法).
		{"one rune", policygraph.SearchQuery{Text: "法", Labels: []string{policygraph.LabelLaw}, Limit: 2},
			[]searchHit{{lawAntiMon, "aliases", "独禁法", [][2]int{{2, 3}}}, {lawGX, "aliases", "GX推進法", [][2]int{{4, 5}}}}},
		{"no hits", policygraph.SearchQuery{Text: "量子コンピュータ"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Search(t.Context(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var gotHits []searchHit
			for i, h := range got {
				x.checkEntity(t, h.Node)
				if h.Score <= 0 || (i > 0 && h.Score > got[i-1].Score) {
					t.Errorf("hit %d (%s): score %v not positive and descending", i, h.Node.NodeID(), h.Score)
				}
				gotHits = append(gotHits, searchHit{h.Node.NodeID(), h.Field, h.Snippet, h.Highlights})
			}
			if diff := cmp.Diff(tc.want, gotHits, cmpOpts...); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("full-width and half-width queries agree", func(t *testing.T) {
		for _, pair := range [][2]string{{"ＧＸ", "gx"}, {"５Ｇ", "5G"}, {"ＤＸ", "dx"}} {
			a, errA := x.s.Search(t.Context(), policygraph.SearchQuery{Text: pair[0], Limit: policygraph.MaxPage})
			b, errB := x.s.Search(t.Context(), policygraph.SearchQuery{Text: pair[1], Limit: policygraph.MaxPage})
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			// Matched echoes the query's word as written (NFKC: GX, gx).
			ignore := cmpopts.IgnoreFields(policygraph.SearchHit{}, "Matched")
			if diff := cmp.Diff(a, b, append(cmpOpts, ignore)...); diff != "" {
				t.Errorf("%s vs %s (-full +half):\n%s", pair[0], pair[1], diff)
			}
			if len(a) == 0 {
				t.Errorf("%s: no hits", pair[0])
			}
		}
	})

	// A word naming a law, fund or organisation by any of its spellings
	// finds the texts that write another; Matched says which.
	type spelled struct {
		ID, Field  string
		Matched    []string
		Highlights [][2]int
	}
	for _, tc := range []struct {
		name string
		q    policygraph.SearchQuery
		want []spelled
	}{
		{"alias finds the name", policygraph.SearchQuery{Text: "GI基金"}, []spelled{
			{fundGI, "aliases", []string{"GI基金"}, [][2]int{{0, 4}}},
			{m1, "text", []string{"グリーンイノベーション基金"}, [][2]int{{20, 33}}},
		}},
		{"name finds the alias", policygraph.SearchQuery{Text: "グリーンイノベーション基金"}, []spelled{
			{fundGI, "name", []string{"グリーンイノベーション基金"}, [][2]int{{0, 13}}},
			{m1, "text", []string{"グリーンイノベーション基金"}, [][2]int{{20, 33}}},
		}},
		// The law's formal name is its node's name: the alias finds it, and
		// the texts that write the alias rank above the node's name.
		{"an alias, full-width", policygraph.SearchQuery{Text: "ＧＸ推進法"}, []spelled{
			{lawGX, "aliases", []string{"GX推進法"}, [][2]int{{0, 5}}},
			{m1, "title", []string{"GX推進法"}, [][2]int{{0, 5}}},
			{m7, "text", []string{"GX推進法"}, [][2]int{{20, 25}}},
		}},
		{"an organisation", policygraph.SearchQuery{Text: "新エネルギー・産業技術総合開発機構", Labels: []string{policygraph.LabelOrganisation}}, []spelled{
			{orgNEDO, "name", []string{"新エネルギー・産業技術総合開発機構"}, [][2]int{{0, 17}}},
		}},
		{"two words, one an alias", policygraph.SearchQuery{Text: "研究開発 GI基金"}, []spelled{
			{m1, "text", []string{"研究開発", "グリーンイノベーション基金"}, [][2]int{{20, 33}, {36, 40}}},
		}},
		// Only a whole word is looked up: GI基金による is no name.
		{"not a name", policygraph.SearchQuery{Text: "GI基金による"}, nil},
		// Pillar aliases are concepts, not names: デジタル社会の実現 does not
		// find the ＤＸ of 国内投資の拡大とＧＸ・ＤＸの推進.
		{"a pillar alias is not expanded", policygraph.SearchQuery{Text: "デジタル社会の実現"}, []spelled{
			{p23M2, "name", []string{"デジタル社会の実現"}, [][2]int{{0, 9}}},
		}},
	} {
		t.Run("spellings/"+tc.name, func(t *testing.T) {
			got, err := x.s.Search(t.Context(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var gotHits []spelled
			for _, h := range got {
				gotHits = append(gotHits, spelled{h.Node.NodeID(), h.Field, h.Matched, h.Highlights})
			}
			if diff := cmp.Diff(tc.want, gotHits, cmpOpts...); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}

	for _, tc := range []struct {
		name string
		q    policygraph.SearchQuery
		code string
	}{
		{"empty", policygraph.SearchQuery{}, policygraph.EINVALID},
		{"only spaces", policygraph.SearchQuery{Text: " \u3000\n"}, policygraph.EINVALID},
		{"unknown label", policygraph.SearchQuery{Text: "GX", Labels: []string{"Statute"}}, policygraph.EINVALID},
		{"negative limit", policygraph.SearchQuery{Text: "GX", Limit: -1}, policygraph.EINVALID},
		{"text too long", policygraph.SearchQuery{Text: strings.Repeat("基", policygraph.MaxSearchRunes+1)}, policygraph.EINVALID},
		{"limit above MaxPage", policygraph.SearchQuery{Text: "GX", Limit: policygraph.MaxPage + 1}, policygraph.ELIMIT},
	} {
		t.Run("error/"+tc.name, func(t *testing.T) {
			_, err := x.s.Search(t.Context(), tc.q)
			wantCode(t, err, tc.code)
		})
	}
}
