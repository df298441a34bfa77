package loader

import (
	"io/fs"
	"strings"
	"testing"
	"unicode"

	"github.com/policygraph/policygraph/internal/nfkc"
	"github.com/policygraph/policygraph/seed"
)

// TestLexSlideLine lexes lines of both editions (2023 = 000_…, 2025 =
// 001_…, with their line numbers) and made-up edge cases.
func TestLexSlideLine(t *testing.T) {
	tests := []struct {
		src     string // where the line comes from
		raw     string
		shape   shape
		body    string
		bullet  rune
		num     int
		tailNum int
	}{
		{"2023:395", "", shapeBlank, "", 0, 0, 0},
		{"2025:336 chart value", "922", shapeNumber, "922", 0, 922, 0},
		{"page number", " 21 ", shapeNumber, "21", 0, 21, 0},
		{"chart values", "12.3%  ▲4.5%", shapeNumbers, "12.3%  ▲4.5%", 0, 0, 0},
		{"chart value, thousands", "1,234", shapeNumbers, "1,234", 0, 0, 0},
		{"two signs are not a value", "▲-4", shapeText, "▲-4", 0, 0, 0},
		{"vertical label piece", "康", shapeSingle, "康", 0, 0, 0},
		{"2023:1484", "⚫ 半導体・製造装置・部素材・原料の製造基盤整備（先端半導体基金や経済安保基金等を活用）、次世代半導体の設計・製造", shapeBullet, "半導体・製造装置・部素材・原料の製造基盤整備（先端半導体基金や経済安保基金等を活用）、次世代半導体の設計・製造", '⚫', 0, 0},
		{"2023:1909", "○ 介護ロボット開発の重点分野の範囲を拡大するとともに、海外市場獲得のための認証取得等を支援", shapeBullet, "介護ロボット開発の重点分野の範囲を拡大するとともに、海外市場獲得のための認証取得等を支援", '○', 0, 0},
		{"2023:1711", "➢ 重要インフラ等に対するサイバー攻撃への対応能力の強化や、経済安全保障推進法を通じ、外部からの影響によるイン", shapeBullet, "重要インフラ等に対するサイバー攻撃への対応能力の強化や、経済安全保障推進法を通じ、外部からの影響によるイン", '➢', 0, 0},
		{"2025:1003 (no space after the bullet)", "⚫GX、DX、経済安保、健康、バイオものづくり、コンテンツなど戦略分野への官民連携での投資", shapeBullet, "GX、DX、経済安保、健康、バイオものづくり、コンテンツなど戦略分野への官民連携での投資", '⚫', 0, 0},
		{"2023:1262", "【成長志向型カーボンプライシング構想】", shapeBracket, "成長志向型カーボンプライシング構想", 0, 0, 0},
		{"two brackets are text", "【A】と【B】", shapeText, "【A】と【B】", 0, 0, 0},
		{"2023:156", "＜14テーマの再構成＞", shapeAngle, "＜14テーマの再構成＞", 0, 0, 0},
		{"2023:152", "⇒ 今後3-5年は、向こう10年の成長に向けたジャンプ・スタートを切るための「集中取組期間」。", shapeNote, "⇒ 今後3-5年は、向こう10年の成長に向けたジャンプ・スタートを切るための「集中取組期間」。", 0, 0, 0},
		{"enclosed sub-heading", "（これまでの施策、今後の施策）", shapeEnclosed, "（これまでの施策、今後の施策）", 0, 0, 0},
		{"enclosed then text", "（参考）資料", shapeText, "（参考）資料", 0, 0, 0},
		{"2025:1000", "（１）高付加価値な成長投資の促進", shapeNumbered, "高付加価値な成長投資の促進", 0, 1, 0},
		{"a number alone in brackets", "（１）", shapeEnclosed, "（１）", 0, 0, 0},
		{"2025:1065", "福島復興の好事例の全国展開等） 17", shapeText, "福島復興の好事例の全国展開等） 17", 0, 0, 17},
		{"2025:2079", "検証を行い、有用な結果を得た 31", shapeText, "検証を行い、有用な結果を得た 31", 0, 0, 31},
		{"ASCII before the number", "GDP 600", shapeText, "GDP 600", 0, 0, 0},
		{"four digits are a year", "目標 2030", shapeText, "目標 2030", 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			l := lexSlideLine(tt.raw, strings.TrimSpace(nfkc.String(tt.raw)))
			if l.shape != tt.shape || l.body(tt.raw) != tt.body || l.bullet() != tt.bullet || int(l.num) != tt.num || int(l.tailNum) != tt.tailNum {
				t.Errorf("lexSlideLine(%q) = shape %d body %q bullet %q num %d tail %d,\nwant shape %d body %q bullet %q num %d tail %d",
					tt.raw, l.shape, l.body(tt.raw), l.bullet(), l.num, l.tailNum, tt.shape, tt.body, tt.bullet, tt.num, tt.tailNum)
			}
			if l.flat != normalize(tt.raw) {
				t.Errorf("text lost: %+v", l)
			}
		})
	}
}

// TestLexSlidesCorpus lexes both documents: every line gets its own item,
// and the shapes both editions share are there in both.
func TestLexSlidesCorpus(t *testing.T) {
	for _, year := range []int{2023, 2025} {
		dt := corpusText(t, year)
		ls := lexSlides(dt)
		if len(ls) != len(dt.rawSlice()) {
			t.Fatalf("%d: %d items for %d lines", year, len(ls), len(dt.rawSlice()))
		}
		count := map[shape]int{}
		for _, l := range ls {
			count[l.shape]++
		}
		for _, s := range []shape{shapeBlank, shapeText, shapeNumber, shapeSingle, shapeBullet} {
			if count[s] == 0 {
				t.Errorf("%d: no line of shape %d", year, s)
			}
		}
		t.Logf("%d: %v", year, count)
	}
}

// corpusText reads the seed document of an edition.
func corpusText(tb testing.TB, year int) *docText {
	tb.Helper()
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range man.Documents {
		if e.Year != year {
			continue
		}
		data, err := fs.ReadFile(seed.FS(), e.File)
		if err != nil {
			tb.Fatal(err)
		}
		dt, err := newDocText(e.File, e.Year, e.ID, data)
		if err != nil {
			tb.Fatal(err)
		}
		return dt
	}
	tb.Fatalf("no %d document in the seed", year)
	return nil
}

// TestFlatten: flatten(raw, TrimSpace(NFKC(raw))) is normalize(raw), for
// every line of both documents and for the spaces NFKC keeps.
func TestFlatten(t *testing.T) {
	lines := []string{"", " ", "\f", "\fＧＸ 推進法\f", "a\u2028b", "\u0085x", "\u1680 y ", "\u3000ＧＸ\u3000推進\t法 ", "\v"}
	for _, year := range []int{2023, 2025} {
		lines = append(lines, corpusText(t, year).rawSlice()...)
	}
	for _, raw := range lines {
		if got, want := flatten(raw, strings.TrimSpace(nfkc.String(raw))), normalize(raw); got != want {
			t.Errorf("flatten(%q) = %q, normalize = %q", raw, got, want)
		}
	}
}

// TestTrimSpacesEnds: the end bytes trimSpaces reads never miss a space:
// every rune that is one is seen as a possible one at either end, and the
// result is strings.TrimFunc's on texts with and without spaces and on
// bytes that are not UTF-8.
func TestTrimSpacesEnds(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !isSpaceRune(r) {
			continue
		}
		s := string(r)
		if !spaceFirst(s+"x") || !spaceLast("x"+s) {
			t.Errorf("%U: a space not seen at an end", r)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpaceRune(r) != (unicode.IsSpace(r) || r == '\u3000') {
			t.Errorf("isSpaceRune(%U) = %v", r, isSpaceRune(r))
		}
		if s := string(r); spaceFirst(s+"x") != isSpaceRune(r) || spaceLast("x"+s) != isSpaceRune(r) {
			t.Errorf("%U: spaceFirst %v, spaceLast %v, want %v", r, spaceFirst(s+"x"), spaceLast("x"+s), isSpaceRune(r))
		}
	}
	for _, s := range []string{"", " ", "\u3000", "推進\u3000", "\u3000推進", "推進", "a", "\u00a0a\u0085", "\xe3\x80", "\xe3", "x\x80", "\xc2", "（推進）", "\u2028推\u205f", "  \u3000 推 進\t\u00a0 ", "\u3000\u3000", " \xff ", "\xe3\x80\x80\x80", "\u2000\u200a\u200b"} {
		if got, want := trimSpaces(s), strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }); got != want {
			t.Errorf("trimSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFirstNonBlank: where an error about a whole document points (a
// document of blank lines only is not read).
func TestFirstNonBlank(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"ミッション①\n", 1},
		{"\n  \n　\n21\n", 4},
		{"\n\n", 1},
	} {
		lines := make([]slideLine, 0, 4)
		for _, l := range strings.Split(strings.TrimSuffix(c.text, "\n"), "\n") {
			lines = append(lines, lexSlideLine(l, normalize(l)))
		}
		if got := firstNonBlank(lines); got != c.want {
			t.Errorf("firstNonBlank(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
