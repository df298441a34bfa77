// Package nfkc is Unicode NFKC normalisation with a fast path for the
// characters Japanese policy text is made of. NFKC is how the loader and
// the search index compare text ("ＧＸ推進法" and "GX推進法" are one law), and
// golang.org/x/text/unicode/norm spends most of its time proving that a
// kanji or kana is already normal. Here a string made only of characters
// whose NFKC form is known (kanji, kana, ASCII, fullwidth ASCII, common CJK
// punctuation) is mapped rune by rune; anything else falls back to norm.
// The table is checked exhaustively against norm in the tests.
package nfkc

import (
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Rune returns the NFKC form of r when it is a single rune that no
// neighbour can change (no composition with r as either side), and ok
// false when r needs the full algorithm.
func Rune(r rune) (mapped rune, ok bool) {
	switch {
	case r < utf8.RuneSelf:
		return r, true
	case r >= 0xFF01 && r <= 0xFF5E: // fullwidth ASCII: Ｇ → G, ０ → 0
		return r - 0xFEE0, true
	case r == 0x3000: // ideographic space
		return ' ', true
	case r >= 0x4E00 && r <= 0x9FFF, kana(r):
		return r, true // kanji, kana and their punctuation first: most of the text
	case r >= 0x2460 && r <= 0x2468: // ① … ⑨ → 1 … 9
		return '1' + r - 0x2460, true
	case r >= 0xFF61 && r <= 0xFF9D: // halfwidth katakana: ｶ → カ, ･ → ・
		return halfwidth[r-0xFF61], true
	}
	// the first range that does not end before r (the punctuation of
	// Japanese text, 、。・ー, is at the end of a walk from the start)
	i, j := 0, len(stable)
	for i < j {
		if h := int(uint(i+j) >> 1); stable[h].hi < r {
			i = h + 1
		} else {
			j = h
		}
	}
	return r, i < len(stable) && stable[i].lo <= r
}

// halfwidth holds the NFKC forms of U+FF61–U+FF9D, the halfwidth katakana
// and their punctuation, one full-width rune each, read from norm once.
// (The voicing marks after them, U+FF9E and U+FF9F, are combining once
// mapped: norm's, with the kana before them.)
var halfwidth = func() (t [0xFF9D - 0xFF61 + 1]rune) {
	for i := range t {
		t[i], _ = utf8.DecodeRuneInString(norm.NFKC.String(string(rune(0xFF61 + i))))
	}
	return t
}()

// stable lists, in order and apart, ranges of runes that are their own NFKC form and
// take part in no composition, so a string of them is already normal.
var stable = []struct{ lo, hi rune }{
	{0x00B0, 0x00B1}, // ° ±
	{0x00D7, 0x00D7}, // ×
	{0x00F7, 0x00F7}, // ÷
	{0x2010, 0x2010}, // ‐
	{0x2013, 0x2016}, // – — ― ‖
	{0x2018, 0x2019}, // ‘ ’
	{0x201C, 0x201D}, // “ ”
	{0x2020, 0x2022}, // † ‡ •
	{0x2030, 0x2030}, // ‰
	{0x203B, 0x203B}, // ※
	{0x2190, 0x2199}, // arrows
	{0x21D2, 0x21D2}, // ⇒
	{0x21D4, 0x21D4}, // ⇔
	{0x2200, 0x2203}, // ∀ ∁ ∂ ∃
	{0x2212, 0x2212}, // −
	{0x221E, 0x221E}, // ∞
	{0x2234, 0x2235}, // ∴ ∵
	{0x2252, 0x2252}, // ≒
	{0x2266, 0x2267}, // ≦ ≧
	{0x2500, 0x257F}, // box drawing
	{0x25A0, 0x25FF}, // geometric shapes: ■ □ ● ○ ◆ ◇ ▲ △
	{0x2600, 0x2613}, // ★ ☆ …
	{0x2660, 0x266F}, // card suits, notes
	{0x26AA, 0x26AB}, // ⚪ ⚫
	{0x2702, 0x27BF}, // dingbats: ➢ ✓
	{0x2B05, 0x2B07}, // ⬅ ⬆ ⬇
	{0x3001, 0x3003}, // 、 。 〃
	{0x3005, 0x3007}, // 々 〆 〇
	{0x3008, 0x3011}, // 〈 〉 《 》 「 」 『 』 【 】
	{0x3012, 0x3013}, // 〒 〓
	{0x3014, 0x301F}, // 〔 〕 〖 〗 〘 〙 〚 〛 〜 〝 〞 〟
	{0x3041, 0x3094}, // hiragana ぁ … ゔ
	{0x30A1, 0x30F4}, // katakana ァ … ヴ
	{0x30FB, 0x30FC}, // ・ ー
	{0x3400, 0x4DBF}, // CJK extension A
	{0x4E00, 0x9FFF}, // CJK unified ideographs
	{0xE000, 0xF8FF}, // private use: U+F070, a bullet of the 2023 key messages
}

// String returns the NFKC form of s.
func String(s string) string {
	if i := StablePrefix(s); i < len(s) {
		b := appendFrom(make([]byte, 0, len(s)+8), s, i)
		// b is ours alone and never written again: the string can
		// share it (as strings.Builder does) instead of copying it.
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return s
}

// StablePrefix returns the length of the longest start of s made of runes
// that Rune claims and maps to themselves: len(s) when that shows s to be
// its own NFKC form (String returns it as is).
func StablePrefix(s string) int { return StableSpan(s, &ASCIISet{}) }

// ASCIISet is a set of ASCII bytes, a bit each: c is in it when
// set[c>>6]>>(c&63)&1 is 1.
type ASCIISet [2]uint64

// StableSpan is StablePrefix that also ends at the first byte of stop:
// the length of the longest start of s made of runes that Rune maps to
// themselves, none of them in stop. A caller that maps text rune by rune
// (and drops some ASCII, as the loader drops spaces) copies such a run
// whole: kanji and kana are told from their bytes here, where a walk of
// DecodeRune and Rune made two calls a rune.
func StableSpan(s string, stop *ASCIISet) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if stop[c>>6]>>(c&63)&1 != 0 {
				return i
			}
			i++
			continue
		}
		// kana and kanji, one table look-up whichever they are: a test of
		// their ranges in turn mispredicted at every change between them
		// (most runes of Japanese text)
		if c-0xE3 <= 0xE9-0xE3 && i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				r := (uint(c&0x0F)<<12 | uint(c1&0x3F)<<6 | uint(c2&0x3F)) - 0x3000
				if stableCJK[r>>6]>>(r&63)&1 != 0 {
					i += 3
					continue
				}
			}
		}
		r, n := DecodeRune(s, i)
		if m, ok := Rune(r); !ok || m != r {
			return i
		}
		i += n
	}
	return len(s)
}

// stableCJK has a bit for each rune of U+3000–U+9FFF (CJK punctuation,
// kana, CJK extension A, kanji) that Rune maps to itself: the runes of
// the lead bytes E3–E9.
var stableCJK = func() (t [(0xA000 - 0x3000) / 64]uint64) {
	for r := rune(0x3000); r < 0xA000; r++ {
		if m, ok := Rune(r); ok && m == r {
			t[(r-0x3000)>>6] |= 1 << ((r - 0x3000) & 63)
		}
	}
	return t
}()

// kana reports whether r is a kana or a CJK punctuation mark that is its
// own NFKC form (ぁ…ゔ ァ…ヴ ・ ー 、。「」【】…), as Rune tells, without
// the search.
func kana(r rune) bool {
	return r >= 0x3041 && r <= 0x3094 || r >= 0x30A1 && r <= 0x30F4 || r == 0x30FB || r == 0x30FC ||
		r >= 0x3001 && r <= 0x301F && r != 0x3004
}

// AppendString appends the NFKC form of s to b.
func AppendString(b []byte, s string) []byte { return appendFrom(b, s, 0) }

// AppendStringFrom is AppendString for s whose first i bytes are known to
// be runes Rune maps to themselves (i ≤ StablePrefix(s)): they are copied
// as they are.
func AppendStringFrom(b []byte, s string, i int) []byte { return appendFrom(b, s, i) }

// DecodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte runes
// of Japanese text (kana, kanji, fullwidth forms) read in place, cheaper
// than utf8's general decoding (Decode3). ASCII is read first, here
// rather than by each caller, so a caller's walk over a text makes one
// call a rune. At i = len(s) it is utf8's (RuneError, 0).
func DecodeRune(s string, i int) (rune, int) {
	if i < len(s) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	if r, ok := Decode3(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Decode3 reads the three-byte rune at s[i], as DecodeRune does, and
// reports false for anything else: a lead byte E1–EC or EE–EF and two
// continuation bytes are always a valid rune (E0 may be overlong, ED a
// surrogate: DecodeRune leaves those to utf8). Unlike DecodeRune it
// inlines, so the walks over every text (the similarity bigrams, the
// headlines) read most runes without a call: r, ok := Decode3(s, i), and
// DecodeRune when !ok.
func Decode3(s string, i int) (r rune, ok bool) {
	if i+2 < len(s) {
		if c := s[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
		}
	}
	return 0, false
}

// appendFrom appends s[:i] (already normal) and the NFKC form of s[i:].
// Claimed runes are mapped one by one; a run of unclaimed ones goes to norm
// together with the claimed rune just before it (か + ゙ compose). That is
// exact because every claimed rune starts a normalisation segment: nothing
// before it changes what follows.
func appendFrom(b []byte, s string, i int) []byte {
	b = append(b, s[:i]...)
	lastIn, lastOut := -1, 0 // the preceding claimed rune: its byte offset in s, and in b
	if i > 0 {               // s[:i] is claimed runes, copied unchanged
		_, n := utf8.DecodeLastRuneInString(s[:i])
		lastIn, lastOut = i-n, len(b)-n
	}
	for i < len(s) {
		if k := StablePrefix(s[i:]); k > 0 { // runes that stay, copied whole
			_, n := utf8.DecodeLastRuneInString(s[i : i+k])
			lastIn, lastOut = i+k-n, len(b)+k-n
			b = append(b, s[i:i+k]...)
			i += k
			continue
		}
		r, n := DecodeRune(s, i)
		if m, ok := Rune(r); ok {
			lastIn, lastOut = i, len(b)
			b = utf8.AppendRune(b, m)
			i += n
			continue
		}
		if dots, ok := ellipsis(r); ok {
			lastIn, lastOut = i, len(b)
			b = append(b, dots...)
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := DecodeRune(s, j)
			if _, ok := Rune(r); ok {
				break
			}
			if _, ok := ellipsis(r); ok {
				break
			}
			j += n
		}
		from := i
		if lastIn >= 0 {
			from, b = lastIn, b[:lastOut]
		}
		b = norm.NFKC.AppendString(b, s[from:j])
		lastIn, i = -1, j
	}
	return b
}

// ellipsis returns the NFKC form of … and ‥, the one mark of the seed
// text that maps to several runes: dots, which compose with nothing, so
// no neighbour changes them. (norm, for a line holding one, allocated
// about 1 KB a call.)
func ellipsis(r rune) (string, bool) {
	switch r {
	case '…':
		return "...", true
	case '‥':
		return "..", true
	}
	return "", false
}
