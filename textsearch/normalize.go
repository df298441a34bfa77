package textsearch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
}

// Prepare returns the prepared form of s.
func Prepare(s string) Text {
	var b strings.Builder
	b.Grow(len(s))
	var t Text
	var prev rune
	eachNormalized(s, func(r rune, _, _ int, gap bool) {
		if gap && isASCIIWord(prev) && isASCIIWord(r) {
			t.breaks = append(t.breaks, b.Len())
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
	m := &mapped{src: []rune(s), text: Prepare(s)}
	off := 0
	eachNormalized(s, func(r rune, from, to int, _ bool) {
		m.runes = append(m.runes, r)
		m.off = append(m.off, off)
		off += utf8.RuneLen(r)
		m.from = append(m.from, from)
		m.to = append(m.to, to)
	})
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
	for len(s) > 0 {
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
			if unicode.IsSpace(r) {
				gap = true
				continue
			}
			f(unicode.ToLower(r), ri, ri+segRunes, gap)
			gap = false
		}
		ri += segRunes
		s = s[n:]
	}
}
