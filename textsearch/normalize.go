package textsearch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the matching form of s: NFKC, lower case, whitespace
// removed.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	eachNormalized(s, func(r rune, _, _ int) { b.WriteRune(r) })
	return b.String()
}

// mapped is a normalised text that remembers where each rune came from, so
// matches found in normal form can be shown in the original text.
type mapped struct {
	src   []rune // the original text
	runes []rune // Normalize(src) as runes
	from  []int  // runes[i] comes from src[from[i]:to[i]]
	to    []int
}

func newMapped(s string) *mapped {
	m := &mapped{src: []rune(s)}
	eachNormalized(s, func(r rune, from, to int) {
		m.runes = append(m.runes, r)
		m.from = append(m.from, from)
		m.to = append(m.to, to)
	})
	return m
}

// eachNormalized calls f for every rune of Normalize(s) with the [from, to)
// rune range of s it comes from. It normalises one segment at a time (a
// segment ends at an NFKC boundary), which gives the same result as
// normalising the whole string and keeps the mapping exact even when a
// segment composes (ｶﾞ → ガ) or expands (㍻ → 平成).
func eachNormalized(s string, f func(r rune, from, to int)) {
	ri := 0 // rune index in s of the current segment
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
				continue
			}
			f(unicode.ToLower(r), ri, ri+segRunes)
		}
		ri += segRunes
		s = s[n:]
	}
}
