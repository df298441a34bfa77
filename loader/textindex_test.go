package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIndexText: indexText answers as strings.Index, on texts where the
// byte it looks for is rare, where it is everywhere (the fallback to
// strings.Index), and on every line of the corpus with the subs the
// passes look for.
func TestIndexText(t *testing.T) {
	tests := []struct{ s, sub string }{
		{"", ""}, {"a", ""}, {"", "a"}, {"再掲", "再掲"}, {"再", "再掲"},
		{"（再掲）", "再掲"}, {"再掲再掲", "掲再"}, {"ab", "b"}, {"abc", "bc"},
		{"P70参照", "参照"}, {"目次・・・・5", "・・・"}, {"・・", "・・・"},
		{strings.Repeat("、", 500) + "ため、", "ため、"},   // 、 ends like め: misses, fallback
		{strings.Repeat("めため", 300) + "ため、", "ため、"}, // a near match at every miss
		{strings.Repeat("xa", 400) + "ba", "ba"},    // ASCII, fallback
		{strings.Repeat("ため", 400), "ため、"},          // no match, fallback
		{strings.Repeat("a", 100) + "ab" + strings.Repeat("b", 100), "ab"},
		{strings.Repeat("の", 300) + "目", "目"},    // anchored on 目's middle byte, not の's last
		{strings.Repeat("円1", 300) + "兆円", "兆円"}, // 円 holds its anchor byte twice
	}
	for _, tc := range tests {
		if got, want := indexText(tc.s, tc.sub), strings.Index(tc.s, tc.sub); got != want {
			t.Errorf("indexText(%.20q…, %q) = %d, want %d", tc.s, tc.sub, got, want)
		}
	}
	subs := []string{"再掲", "参照", "・・・", "年", "夏", "目標", "目指", "掲", "ため、", "、", "の", ") ", "）", "GX", "目", "円", "の目", "兆円"}
	for _, d := range loadSeedDocs(t) {
		for _, l := range d.t.rawLines() {
			for _, sub := range subs {
				if got, want := indexText(l, sub), strings.Index(l, sub); got != want {
					t.Fatalf("indexText(%q, %q) = %d, want %d", l, sub, got, want)
				}
			}
		}
	}
	// random texts over a few runes, so that near matches abound
	runes := []rune("ためめ、たaあの目円")
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		b := make([]rune, n)
		for i := range b {
			b[i] = runes[r.IntN(len(runes))]
		}
		return string(b)
	}
	for range 20000 {
		s, sub := word(r.IntN(300)), word(1+r.IntN(4))
		if got, want := indexText(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("indexText(%q, %q) = %d, want %d", s, sub, got, want)
		}
	}
}
