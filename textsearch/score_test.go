package textsearch

import (
	"math"
	"testing"
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
		{"推進法", "推進する法", false},            // 進法 is missing
		{"グリーン投資", "グリーンイノベーション基金", false}, // ン投 is missing
		{"ab bc", "bc ab bb", true},        // all bigrams present, apart
		{"法", "独占禁止法", true},               // one rune: substring
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
		{"GX推進法", "ＧＸ推進法", 4},            // coverage 1 + substring 1+5/5 + exact 1
		{"基金", "GI基金", 2.5},              // 1 + 1 + 2/4
		{"推進法", "推進する", 0.5},             // one of two bigrams
		{"基金グリーン", "グリーン基金", 0.8},        // 4 of 5 bigrams, not a substring
		{"ＧＸ", "gx経済移行債", 1 + 1 + 2.0/7}, // width-insensitive
		{"法", "法", 4},                    // one rune, exact
		{"長い長い長い検索語", "長い", 1.0 / 5},     // one of five distinct terms
	} {
		if got := Score(tc.query, tc.text); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Score(%q, %q) = %v, want %v", tc.query, tc.text, got, tc.want)
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
