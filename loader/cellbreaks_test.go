package loader

import (
	"slices"
	"testing"
)

// TestCellBreaks reads cell breaks on lines of the 2023 overview tables
// (seed lines 457, 585–601, 691, 943, 2758).
func TestCellBreaks(t *testing.T) {
	words := interim2023.cellEndWords
	for _, c := range []struct {
		line string
		// ends: cellEnds; kana: endsKana; label: isDatedLabel of the
		// matching form; left, right: splitTwoCells ("" when one cell)
		ends, kana, label bool
		left, right       string
	}{
		{line: "GI基金バイオものづくりPJの着実な事業の執行（2022年度～） 両基金の着実な執行（～2030年度頃）、必",
			left: "GI基金バイオものづくりPJの着実な事業の執行（2022年度～）", right: "両基金の着実な執行（～2030年度頃）、必"},
		{line: "GI基金バイオものづくりPJの着実な事業の執行（2022年度～）", ends: true},
		{line: "○ LPSの投資対象の暗号資産等への拡充、海外投資比率制限の要件緩和の検討（法改正も視野に検討） 、公正価値評価を",
			kana: true, left: "○ LPSの投資対象の暗号資産等への拡充、海外投資比率制限の要件緩和の検討（法改正も視野に検討）", right: "、公正価値評価を"},
		{line: "要に応じた研究開発及び社会実装に向けた追加", ends: false},
		{line: "グローバルヘルスケアスタートアップの育成プログラムの実施", ends: true},
		{line: "プログラム医療機器の開発環境の整備及び研究開発に係る支援", ends: true},
		{line: "税制適格ストックオプションの見直しの検討  ", ends: true},
		{line: "験の提供", ends: true},
		{line: "ムをグローバルな視点から強化"}, // 強化 alone is no final word: の強化 is
		{line: "ヘルスケア・スタートアップエコシステ"},
		{line: "2025年大阪・関西万博", label: true},
		{line: "2030年までに", label: true, kana: true}, // dated, but a broken sentence
		{line: "2023年(万博)", ends: true},             // a parenthesis: no label
		{line: "x) y", ends: false, left: "x)", right: "y"},
		{line: "（a） （b）", ends: true}, // the next cell would open with a bracket: one cell
	} {
		if got := cellEnds(c.line, words); got != c.ends {
			t.Errorf("cellEnds(%q) = %v, want %v", c.line, got, c.ends)
		}
		if got := endsKana(c.line); got != c.kana {
			t.Errorf("endsKana(%q) = %v, want %v", c.line, got, c.kana)
		}
		if got := isDatedLabel(normalize(c.line)); got != c.label {
			t.Errorf("isDatedLabel(%q) = %v, want %v", c.line, got, c.label)
		}
		left, right, ok := splitTwoCells(c.line)
		if ok != (c.left != "") || left != c.left || right != c.right {
			t.Errorf("splitTwoCells(%q) = %q, %q, %v; want %q, %q", c.line, left, right, ok, c.left, c.right)
		}
	}
}

// TestCellBreaksAsRegexp: the gated regexps read as what they gate, on
// every line of both seeds (flat and raw) and on edge cases.
func TestCellBreaksAsRegexp(t *testing.T) {
	for _, f := range append(fastPathEdges(), seedLineForms(t)...) {
		if got, want := isDatedLabel(f), reDatedLabel.MatchString(f); got != want {
			t.Errorf("isDatedLabel(%q) = %v, want %v", f, got, want)
		}
		if got, want := cellBreak(f), reCellBreak.FindStringIndex(f); !slices.Equal(got, want) {
			t.Errorf("cellBreak(%q) = %v, want %v", f, got, want)
		}
	}
}
