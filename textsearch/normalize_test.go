package textsearch

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"ＧＸ推進 法", "gx推進法"},
		{"GX推進法", "gx推進法"},
		{"５Ｇ基地局", "5g基地局"},
		{"ｶﾞｽ", "ガス"}, // half-width kana compose
		{"㍻", "平成"},   // compatibility expansion
		{"人への\n投資\u3000強化 ", "人への投資強化"}, // line breaks, ideographic space
		{"４６％削減", "46%削減"},
		{"ＩＲＡ Act", "iraact"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The mapping used by snippets must agree with Normalize.
func TestMappedAgreesWithNormalize(t *testing.T) {
	for _, s := range []string{"ＧＸ推進 法", "ｶﾞｽ㍻", "a\u0301b", "", "５Ｇ\n基地局"} {
		m := newMapped(s)
		if got := string(m.runes); got != Normalize(s) {
			t.Errorf("mapped(%q) = %q, Normalize = %q", s, got, Normalize(s))
		}
		for i := range m.runes {
			if m.from[i] >= m.to[i] || m.to[i] > len(m.src) {
				t.Errorf("mapped(%q): rune %d maps to bad range [%d,%d)", s, i, m.from[i], m.to[i])
			}
		}
	}
}

func TestPrepareWordBoundaries(t *testing.T) {
	for _, tc := range []struct {
		in   string
		at   int // byte offset in the normal form
		want bool
	}{
		{"AIST", 2, false},
		{"AIST", 0, true},
		{"AIST", 4, true},
		{"Startup Hour", 7, true}, // white space removed between two ASCII words
		{"Startup\u3000Hour", 7, true},
		{"ＡＩＳＴ", 2, false}, // NFKC first
		{"生成AI", 6, true},
		{"AI活用", 2, true},
		{"推進 法", 6, true}, // not ASCII: no break kept, but not inside a word either
		{"20 30", 2, true},
		{"2030", 2, false},
	} {
		if got := Prepare(tc.in).wordBoundary(tc.at); got != tc.want {
			t.Errorf("Prepare(%q).wordBoundary(%d) = %v, want %v", tc.in, tc.at, got, tc.want)
		}
	}
}

// The grams filter may let a text through that lacks a word, never turn
// one away that holds it.
func TestGramsFilter(t *testing.T) {
	text := Prepare("グリーンイノベーション基金（GI基金）による研究開発支援。ＧＸ推進 法、5G。")
	for _, w := range []string{"グリーンイノベーション基金", "gi基金", "GX推進法", "推進法", "5g", "。", "援。", "g"} {
		if !text.grams.mayHold(gramsOf(Normalize(w))) {
			t.Errorf("the filter turns away %q", w)
		}
	}
	// Most words a text lacks are turned away (each of these is, with
	// this hash: a change that lets them through has weakened it).
	for _, w := range []string{"半導体人材", "スタートアップ", "経済安全保障推進法"} {
		if text.grams.mayHold(gramsOf(Normalize(w))) {
			t.Errorf("the filter lets %q through", w)
		}
	}
}

// reference is Normalize by its definition: NFKC of the whole string, lower
// case, no white space.
func reference(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
}

// Normalize maps the runes nfkc knows one by one: it must agree with NFKC
// of the whole string, composing marks and all.
func TestNormalizeAgreesWithNFKC(t *testing.T) {
	for _, s := range []string{
		"ｶﾞｽ", "ｶﾞ", "か\u3099", "か\u3099き", "ガ", "ｶ", "①②③", "Ａ\u0301", "A\u0301b", "e\u0301",
		"ＧＸ推進\u3000法", "㍻", "ﾊﾟﾌﾟ", "半導体・ＤＸ", "５Ｇ\n基地局", "\u00a0x", "x\u00a0", "\xff", "ﾞ", "ＡＩＳＴ",
	} {
		if got, want := Normalize(s), reference(s); got != want {
			t.Errorf("Normalize(%q) = %q, NFKC gives %q", s, got, want)
		}
		m := newMapped(s)
		if got := string(m.runes); got != reference(s) {
			t.Errorf("mapped(%q) = %q, NFKC gives %q", s, got, reference(s))
		}
	}
}
