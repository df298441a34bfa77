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
		{"bigram hits when not a substring", "グリーンイノベーション基金", "基金グリーン", 20,
			"グリーンイノベーション基金", [][2]int{{0, 4}, {11, 13}}},
		{"window centred on the match", long, "GX推進法", 15,
			"続きます。ＧＸ推進法に基づく移", [][2]int{{5, 10}}},
		{"window clamped at the end", "あいうえおかきくけこ", "こ", 4, "きくけこ", [][2]int{{3, 4}}},
		{"window clamped at the start", "あいうえおかきくけこ", "あい", 4, "あいうえ", [][2]int{{0, 2}}},
		{"match wider than window", "あいうえおかきくけこ", "うえおかき", 3, "うえお", [][2]int{{0, 3}}},
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
