package textsearch

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		query, text string
		want        bool
	}{
		{"GX推進法", "ＧＸ推進法に基づく", true},
		{"ＧＸ推進法", "GX推進 法", true},
		{"5G", "５Ｇ基地局の整備", true},
		{"５ｇ", "5G", true},
		{"gx", "ＧＸ", true},
		{"推進法", "推進する法", false},
		{"グリーン投資", "グリーンイノベーション基金", false},
		{"ab bc", "bc ab bb", true},                // two words, apart
		{"abc", "bcabbb", false},                   // one word: a substring, not its bigrams apart
		{"半導体 人材", "半導体の設計・製造を担う人材の育成", true},      // every word, apart
		{"人材 半導体", "半導体の設計・製造を担う人材の育成", true},      // in any order
		{"半導体　人材", "半導体・蓄電池等の専門人材の育成", true},       // ideographic space
		{"半導体 人材", "半導体の設計・製造", false},             // every word must occur
		{"\"半導体 人材\"", "半導体の設計・製造を担う人材の育成", false}, // a quoted phrase
		{"\"半導体 人材\"", "半導体人材の育成", true},
		{"＂半導体 人材＂", "半導体人材の育成", true},      // full-width quotes
		{"“半導体 人材”", "半導体人材の育成", true},      // typographic quotes
		{"\"半導体 人材", "半導体人材の育成", true},      // an open quote runs to the end
		{"\"半導体 人材\" 育成", "半導体人材の育成", true}, // a phrase and a word
		{"\"\"", "anything", false},
		{"法", "独占禁止法", true}, // one rune: substring
		{"法", "独占禁止", false},
		{"", "anything", false},
		{" ", "anything", false},
		{"法", "", false},
		{"長い長い長い検索語", "長い", false}, // query longer than text
	} {
		if got := Match(tc.query, tc.text); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.query, tc.text, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	for _, tc := range []struct {
		query, text string
		want        float64
	}{
		{"", "x", 0},
		{"x", "", 0},
		{"GX推進法", "ＧＸ推進法", 4},             // coverage 1 + substring 1+5/5 + exact 1
		{"基金", "GI基金", 2.5},               // 1 + 1 + 2/4
		{"推進法", "推進する", 0},                // no match
		{"基金グリーン", "グリーン基金", 0},           // no match
		{"基金 グリーン", "グリーン基金", 2 + 3.0/6},  // mean of 2+2/6 and 2+4/6
		{"グリーン 基金", "グリーン基金", 4},          // the words in a row: the phrase, exactly
		{"グリーン 基金", "グリーン基金の", 2 + 6.0/7}, // in a row, above the mean 2 + 3/7
		{"ＧＸ", "gx経済移行債", 1 + 1 + 2.0/7},  // width-insensitive
		{"法", "法", 4},                     // one rune, exact
		{"長い長い長い検索語", "長い", 0},            // no match
	} {
		if got := Score(tc.query, tc.text); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Score(%q, %q) = %v, want %v", tc.query, tc.text, got, tc.want)
		}
	}
}

// A word found only inside longer ASCII words ranks below a long text where
// it stands on its own (about the lowest a whole-word match scores).
func TestScoreRanksWholeWordsFirst(t *testing.T) {
	own := Score("AI", "データ・EBPMやAI活用等に関する職員のリテラシー向上を図るため、研修等を実施していく。これを継続する")
	for _, tc := range []struct {
		text   string
		inside bool
	}{
		{"AI", false}, {"生成AI", false}, {"AIとAIS", false},
		{"AIST", true}, {"産業技術総合研究所(AIST)", true}, {"AIS", true}, {"AISとAIST", true},
	} {
		if s := Score("AI", tc.text); s <= 0 || tc.inside != (s < own) {
			t.Errorf("Score(AI, %q) = %v; a long text with AI on its own scores %v", tc.text, s, own)
		}
	}
}

func TestScoreRanksShortExactFieldsFirst(t *testing.T) {
	q := "GX推進法"
	alias := Score(q, "GX推進法")
	title := Score(q, "ＧＸ推進法に基づくＧＸ経済移行債の発行")
	text := Score(q, "ＧＸ経済移行債による先行投資支援を実施。GX推進法に基づく排出量取引制度を2026年度から本格稼働。")
	partial := Score(q, "推進法")
	if !(alias > title && title > text && text > partial) {
		t.Errorf("want alias %v > title %v > text %v > partial %v", alias, title, text, partial)
	}
}

func TestNames(t *testing.T) {
	names := NewNames(
		&policygraph.Fund{ID: "fund:GI", Name: "グリーンイノベーション基金", Aliases: []string{"GI基金"}},
		&policygraph.Law{ID: "law:GX", Name: "GX推進法", Aliases: []string{"ＧＸ推進法", "脱炭素成長型経済構造への円滑な移行の推進に関する法律"}},
		&policygraph.Law{ID: "law:IRA", Name: "インフレ削減法", Aliases: []string{"IRA", "Inflation Reduction Act"}},
		&policygraph.Organisation{ID: "org:AIST", Name: "産業技術総合研究所", Aliases: []string{"産総研", "AIST"}},
		&policygraph.Pillar{ID: "pillar:DX", Name: "デジタル社会の実現", Aliases: []string{"ＤＸ"}}, // not a name: ignored
	)
	for _, tc := range []struct {
		query, text string
		matched     []string // nil: no match
		score       float64
	}{
		{"GI基金", "GI基金の活用", []string{"GI基金"}, 2 + 4.0/7},
		{"GI基金", "グリーンイノベーション基金", []string{"グリーンイノベーション基金"}, 4 * otherSpelling},
		{"gi基金", "グリーンイノベーション基金による", []string{"グリーンイノベーション基金"}, (2 + 13.0/16) * otherSpelling},
		{"グリーンイノベーション基金", "GI基金", []string{"GI基金"}, 4 * otherSpelling},
		// Both in the text: the spelling that scores best (the longer one
		// covers more of it).
		{"GI基金", "GI基金とグリーンイノベーション基金", []string{"グリーンイノベーション基金"}, (2 + 13.0/18) * otherSpelling},
		{"GI基金", "GI基金とグリーンイノベーション基金について", []string{"グリーンイノベーション基金"}, (2 + 13.0/22) * otherSpelling},
		{"ＧＸ推進法", "脱炭素成長型経済構造への円滑な移行の推進に関する法律に基づく", []string{"脱炭素成長型経済構造への円滑な移行の推進に関する法律"}, (2 + 26.0/30) * otherSpelling},
		{"産総研 研究", "AISTの研究", []string{"AIST", "研究"}, ((2+4.0/7)*otherSpelling + 2 + 2.0/7) / 2},
		{"AIST", "産総研", []string{"産総研"}, 4 * otherSpelling},
		// A name with spaces is one word when it is the whole query.
		{"Inflation Reduction Act", "インフレ削減法", []string{"インフレ削減法"}, 4 * otherSpelling},
		{"inflation  reduction　act", "米国のIRAに対応", []string{"IRA"}, (2 + 3.0/9) * otherSpelling},
		{"Inflation Act", "Inflation Reduction Act", []string{"Inflation", "Act"}, 2 + 9.0/21/2 + 3.0/21/2},
		// Spaces where the name has none make words: GX 推進法 is two.
		{"GX 推進法", "脱炭素成長型経済構造への円滑な移行の推進に関する法律", nil, 0},
		// Only a whole word of the query is a name.
		{"GI基金の", "グリーンイノベーション基金の", nil, 0},
		{"DX", "デジタル社会の実現", nil, 0},
		{"デジタル社会の実現", "ＤＸの推進", nil, 0},
	} {
		q := names.Query(tc.query)
		text := Prepare(tc.text)
		if diff := cmp.Diff(tc.matched, q.Matched(text)); diff != "" {
			t.Errorf("%q in %q: matched (-want +got):\n%s", tc.query, tc.text, diff)
		}
		if got := q.Score(text); math.Abs(got-tc.score) > 1e-9 {
			t.Errorf("%q in %q: score %v, want %v", tc.query, tc.text, got, tc.score)
		}
	}
	// Without the table a name finds only itself.
	if NewQuery("GI基金").Match(Prepare("グリーンイノベーション基金")) {
		t.Error("NewQuery expands names")
	}
}
