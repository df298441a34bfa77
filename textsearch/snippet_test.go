package textsearch

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSnippet(t *testing.T) {
	long := "前置きの文章がここに長く続きます。" + "ＧＸ推進法に基づく移行債。" + "後ろにも文章がさらに長く続いていきます。"
	for _, tc := range []struct {
		name, text, query string
		width             int
		want              string
		wantHL            [][2]int
	}{
		{"empty text", "", "GX", 10, "", nil},
		{"empty query", "ＧＸ推進法", "", 3, "ＧＸ推", nil},
		{"no match gives the beginning", "独占禁止法", "基金", 3, "独占禁", nil},
		{"one rune", "法", "法", 10, "法", [][2]int{{0, 1}}},
		{"query longer than text", "法", "独占禁止法", 10, "法", nil},
		{"full-width text, half-width query", "ＧＸ推進法に基づく", "gx推進法", 20,
			"ＧＸ推進法に基づく", [][2]int{{0, 5}}},
		{"half-width text, full-width query", "5G基地局", "５Ｇ", 20, "5G基地局", [][2]int{{0, 2}}},
		{"every occurrence", "GXとGX", "gx", 20, "GXとGX", [][2]int{{0, 2}, {3, 5}}},
		{"match spans a stray space", "GX推進 法の改正", "GX推進法", 20,
			"GX推進 法の改正", [][2]int{{0, 6}}},
		{"line breaks become spaces", "人への\n投資", "投資", 20, "人への 投資", [][2]int{{4, 6}}},
		{"a word that does not occur: no highlight", "グリーンイノベーション基金", "基金グリーン", 20,
			"グリーンイノベーション基金", nil},
		{"a word on its own is marked, not inside a longer word", "AISTと生成AI", "AI", 20, "AISTと生成AI", [][2]int{{7, 9}}},
		{"inside a longer word when that is all", "AIST", "AI", 20, "AIST", [][2]int{{0, 2}}},
		{"white space separates words", "Startup Hour", "hour", 20, "Startup Hour", [][2]int{{8, 12}}},
		{"every word", "グリーンイノベーション基金", "基金 グリーン", 20,
			"グリーンイノベーション基金", [][2]int{{0, 4}, {11, 13}}},
		{"words that overlap are one highlight", "半導体人材", "半導体 体人", 20, "半導体人材", [][2]int{{0, 4}}},
		{"centred on the stretch with the most words", "半導体の話。" + repeat("あ", 20) + "半導体・蓄電池等の専門人材の育成", "半導体 人材", 20,
			"ああああ半導体・蓄電池等の専門人材の育成", [][2]int{{4, 7}, {15, 17}}},
		{"window centred on the match", long, "GX推進法", 15,
			"続きます。ＧＸ推進法に基づく移", [][2]int{{5, 10}}},
		{"window clamped at the end", "あいうえおかきくけこ", "こ", 4, "きくけこ", [][2]int{{3, 4}}},
		{"window clamped at the start", "あいうえおかきくけこ", "あい", 4, "あいうえ", [][2]int{{0, 2}}},
		// A snippet never cuts a match.
		{"match wider than window: the whole match", "あいうえおかきくけこ", "うえおかき", 3, "うえおかき", [][2]int{{0, 5}}},
		{"touching matches wider than window", "あいうあいうえお", "あいう", 4, "あいうあいう", [][2]int{{0, 6}}},
		{"a second match the end would cut is left out", "採択したスタートアップの伴走支援、リソースが限られるスタートアップによる", "スタートアップ", 28,
			"採択したスタートアップの伴走支援、リソースが限られる", [][2]int{{4, 11}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, hl := Snippet(tc.text, tc.query, tc.width)
			if got != tc.want {
				t.Errorf("snippet = %q, want %q", got, tc.want)
			}
			if diff := cmp.Diff(tc.wantHL, hl); diff != "" {
				t.Errorf("highlights mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	for _, tc := range []struct {
		name             string
		spans            [][2]int
		best, width, n   int
		wantStart, wantN int
	}{
		{"fits", [][2]int{{2, 4}}, 0, 10, 8, 0, 8},
		{"no match: the beginning", nil, -1, 4, 10, 0, 4},
		{"centred", [][2]int{{10, 12}}, 0, 6, 30, 8, 6},
		{"clamped at the end", [][2]int{{28, 30}}, 0, 6, 30, 24, 6},
		{"best wider than width", [][2]int{{3, 12}}, 0, 5, 30, 3, 9},
		{"end would cut a match", [][2]int{{10, 12}, {14, 18}}, 0, 8, 30, 7, 7},
		{"start would cut a match", [][2]int{{4, 8}, {10, 12}}, 1, 8, 30, 8, 7},
		{"both", [][2]int{{4, 8}, {10, 12}, {14, 18}}, 1, 12, 30, 8, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			best := [2]int{-1, -1}
			if tc.best >= 0 {
				best = tc.spans[tc.best]
			}
			start, end := window(tc.spans, best, tc.width, tc.n)
			if start != tc.wantStart || end-start != tc.wantN {
				t.Errorf("window = [%d, %d), want [%d, %d)", start, end, tc.wantStart, tc.wantStart+tc.wantN)
			}
			for _, s := range tc.spans {
				if (s[0] < start && start < s[1]) || (s[0] < end && end < s[1]) {
					t.Errorf("window [%d, %d) cuts %v", start, end, s)
				}
			}
		})
	}
}

func TestSnippetDefaultWidth(t *testing.T) {
	text := repeat("あ", 100)
	got, _ := Snippet(text, "い", 0)
	if n := len([]rune(got)); n != DefaultWidth {
		t.Errorf("len = %d, want %d", n, DefaultWidth)
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}
