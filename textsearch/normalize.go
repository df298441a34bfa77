package textsearch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/policygraph/policygraph/internal/nfkc"
)

// Normalize returns the matching form of s: NFKC, lower case, whitespace
// removed.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	eachNormalized(s, func(r rune, _, _ int, _ bool) { b.WriteRune(r) })
	return b.String()
}

// Text is a text prepared for matching: its Normalize'd form, and where
// Normalize removed white space between two ASCII letters or digits (so
// that "Startup Hour" still has a word boundary inside "startuphour").
type Text struct {
	Norm   string
	breaks []int // byte offsets in Norm, ascending
	grams  grams // the two-rune sequences of Norm
}

// grams is a 256-bit Bloom filter of two-rune sequences: a text whose set
// lacks a bit of a word's cannot contain the word, which spares most texts
// a substring search.
type grams [4]uint64

func (g *grams) add(a, b rune) {
	h := (uint32(a)*0x9e3779b1 ^ uint32(b)*0x85ebca77) >> 24
	g[h>>6] |= 1 << (h & 63)
}

// gramsOf returns the two-rune sequences of a normalised string.
func gramsOf(norm string) grams {
	var g grams
	prev := rune(-1)
	for _, r := range norm {
		if prev >= 0 {
			g.add(prev, r)
		}
		prev = r
	}
	return g
}

// mayHold reports whether a text with grams g may contain a string with
// grams w.
func (g grams) mayHold(w grams) bool {
	return w[0]&^g[0]|w[1]&^g[1]|w[2]&^g[2]|w[3]&^g[3] == 0
}

// Prepare returns the prepared form of s.
func Prepare(s string) Text {
	var b strings.Builder
	b.Grow(len(s))
	var t Text
	prev := rune(-1)
	eachNormalized(s, func(r rune, _, _ int, gap bool) {
		if gap && isASCIIWord(prev) && isASCIIWord(r) {
			t.breaks = append(t.breaks, b.Len())
		}
		if prev >= 0 {
			t.grams.add(prev, r)
		}
		b.WriteRune(r)
		prev = r
	})
	t.Norm = b.String()
	return t
}

// isASCIIWord is an ASCII letter or digit (Normalize'd: lower case).
func isASCIIWord(r rune) bool {
	return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
}

// wordBoundary reports whether byte offset i of t.Norm is not inside an
// ASCII word: the runes on either side are not both ASCII letters or
// digits, or white space stood between them.
func (t Text) wordBoundary(i int) bool {
	if i <= 0 || i >= len(t.Norm) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(t.Norm[:i])
	after, _ := utf8.DecodeRuneInString(t.Norm[i:])
	if !isASCIIWord(before) || !isASCIIWord(after) {
		return true
	}
	_, found := slices.BinarySearch(t.breaks, i)
	return found
}

// mapped is a normalised text that remembers where each rune came from, so
// matches found in normal form can be shown in the original text.
type mapped struct {
	src   []rune // the original text
	text  Text   // Prepare(src)
	runes []rune // Normalize(src) as runes
	off   []int  // runes[i] starts at byte off[i] of text.Norm
	from  []int  // runes[i] comes from src[from[i]:to[i]]
	to    []int
}

func newMapped(s string) *mapped {
	m := &mapped{src: []rune(s)}
	var b strings.Builder
	b.Grow(len(s))
	eachNormalized(s, func(r rune, from, to int, gap bool) {
		if gap && len(m.runes) > 0 && isASCIIWord(m.runes[len(m.runes)-1]) && isASCIIWord(r) {
			m.text.breaks = append(m.text.breaks, b.Len())
		}
		m.runes = append(m.runes, r)
		m.off = append(m.off, b.Len())
		b.WriteRune(r)
		m.from = append(m.from, from)
		m.to = append(m.to, to)
	})
	m.text.Norm = b.String()
	m.text.grams = gramsOf(m.text.Norm)
	return m
}

// runeAt returns the index of the rune at byte offset b of m.text.Norm
// (len(m.runes) for the end).
func (m *mapped) runeAt(b int) int {
	i, _ := slices.BinarySearch(m.off, b)
	return i
}

// eachNormalized calls f for every rune of Normalize(s) with the [from, to)
// rune range of s it comes from, and whether white space was removed just
// before it. It normalises one segment at a time (a
// segment ends at an NFKC boundary), which gives the same result as
// normalising the whole string and keeps the mapping exact even when a
// segment composes (ｶﾞ → ガ) or expands (㍻ → 平成).
func eachNormalized(s string, f func(r rune, from, to int, gap bool)) {
	ri := 0 // rune index in s of the current segment
	gap := false
	emit := func(r rune, from, to int) {
		if unicode.IsSpace(r) {
			gap = true
			return
		}
		f(unicode.ToLower(r), from, to, gap)
		gap = false
	}
	for len(s) > 0 {
		// Fast path: a rune nfkc maps alone is a segment of its own when
		// the next rune is one too (nothing after it composes with it).
		if r, n := nfkc.DecodeRune(s, 0); r != utf8.RuneError {
			if m, ok := nfkc.Rune(r); ok {
				next, _ := nfkc.DecodeRune(s, n)
				if _, ok := nfkc.Rune(next); n == len(s) || ok && next != utf8.RuneError {
					emit(m, ri, ri+1)
					ri++
					s = s[n:]
					continue
				}
			}
		}
		n := norm.NFKC.NextBoundaryInString(s, true)
		if n <= 0 {
			n = len(s)
		}
		seg := s[:n]
		segRunes := 0
		for range seg {
			segRunes++
		}
		for _, r := range norm.NFKC.String(seg) {
			emit(r, ri, ri+segRunes)
		}
		ri += segRunes
		s = s[n:]
	}
}
