package loader

import "testing"

// TestDispWidthPhrases: widths of lines of the 2025 tables, as the column
// reading takes them (full-width 2, ASCII and half-width kana 1).
func TestDispWidthPhrases(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"ＧＸ", 4},    // a pillar label, full-width
		{" EBPM", 5}, // ASCII, the page-opening space counted
		{"ｶﾞｽ", 3},   // half-width kana and its sound mark
		{"検証を行い、有用な結果を得た", 28},
		{"2050年でCNを実", 14}, // a 長期的目標 line: ASCII digits and letters are narrow
		{"GX2040ビジョン", 14},
		{"推\x80", 4}, // a byte that is not UTF-8 is one rune of width 2
	}
	for _, tt := range tests {
		if got := dispWidth(tt.s); got != tt.want {
			t.Errorf("dispWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestDispWidth: dispWidth is the sum of runeWidth over the runes,
// on every line of both seeds, every rune, and bytes that are not UTF-8.
func TestDispWidth(t *testing.T) {
	texts := []string{"", "a", "ｶﾞｽ", "\uff60\uff61\uff9f\uffa0", "\xef\xbd", "\xef\xbd\xa1\xff", "\xed\xa0\x80", "\xe0\x80\x80", "推\x80"}
	texts = append(texts, seedLines(t)...)
	for r := rune(0); r <= 0x10FFFF; r += 7 {
		texts = append(texts, string(r)+"x")
	}
	for _, s := range texts {
		want := 0
		for _, r := range s {
			want += runeWidth(r)
		}
		if got := dispWidth(s); got != want {
			t.Errorf("dispWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
