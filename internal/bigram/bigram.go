// Package bigram is the one character-bigram similarity of the module: the
// loader's relist, summary-cell and EVOLVES_FROM matching and textsearch's
// query terms all cut texts into the same two-rune terms here.
//
// A Bigram packs its two runes in one integer, so a text's bigrams are a
// []Bigram that sorts and compares without allocating strings. A one-rune
// text or word stands for itself: its Bigram has a zero second rune.
package bigram

import (
	"slices"
	"unicode/utf8"
)

// Bigram is two runes, the first in the high 32 bits.
type Bigram uint64

// Of returns the two runes as one Bigram (b = 0 for a one-rune term).
func Of(a, b rune) Bigram { return Bigram(uint64(a)<<32 | uint64(uint32(b))) }

// Runes returns the two runes of g.
func (g Bigram) Runes() (rune, rune) { return rune(g >> 32), rune(uint32(g)) }

// String is the two-rune text of g (one rune when the second is zero).
func (g Bigram) String() string {
	a, b := g.Runes()
	if b == 0 {
		return string(a)
	}
	return string([]rune{a, b})
}

// Append appends the overlapping bigrams of rs in text order: len(rs)-1 of
// them, or rs[0] alone for a one-rune text.
func Append(dst []Bigram, rs []rune) []Bigram {
	if len(rs) == 1 {
		return append(dst, Of(rs[0], 0))
	}
	for i := 0; i+1 < len(rs); i++ {
		dst = append(dst, Of(rs[i], rs[i+1]))
	}
	return dst
}

// appendString is Append over the runes of s, without making them a slice.
func appendString(dst []Bigram, s string) []Bigram {
	prev, n := rune(0), 0
	for _, r := range s {
		if n > 0 {
			dst = append(dst, Of(prev, r))
		}
		prev, n = r, n+1
	}
	if n == 1 {
		dst = append(dst, Of(prev, 0))
	}
	return dst
}

// Sorted returns the bigrams of s as a sorted multiset.
func Sorted(s string) []Bigram {
	return AppendSorted(make([]Bigram, 0, max(utf8.RuneCountInString(s)-1, 1)), s)
}

// AppendSorted appends the bigrams of s, sorted, to dst: Sorted with the
// caller's backing array, for texts that share one. At most one more than
// the runes of s are appended.
func AppendSorted(dst []Bigram, s string) []Bigram {
	n := len(dst)
	dst = appendString(dst, s)
	slices.Sort(dst[n:])
	return dst
}

// Words returns the sorted multiset of the bigrams inside the words of s: s
// is cut at every rune for which cut is true, and no bigram spans a cut.
func Words(s string, cut func(rune) bool) []Bigram {
	out := AppendWords(nil, s, cut)
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendWords appends Words(s, cut) to dst; at most as many bigrams as s has
// runes (a word of n runes gives n-1, or itself when n is 1).
func AppendWords(dst []Bigram, s string, cut func(rune) bool) []Bigram {
	dst = slices.Grow(dst, utf8.RuneCountInString(s))
	n := len(dst)
	var word [64]rune
	w := word[:0]
	for _, r := range s {
		if cut(r) {
			if len(w) > 0 {
				dst = Append(dst, w)
				w = w[:0]
			}
			continue
		}
		w = append(w, r)
	}
	if len(w) > 0 {
		dst = Append(dst, w)
	}
	slices.Sort(dst[n:])
	return dst
}

// Count is how many bigrams a text of n runes gives: one fewer than its
// runes, or one for a one-rune text (the rune alone), none for none.
func Count(n int) int { return max(n-1, min(n, 1)) }

// Len is how many bigrams AppendSorted appends for s (Count of its runes).
func Len(s string) int { return Count(utf8.RuneCountInString(s)) }

// WordsLen is how many bigrams AppendWords appends for s and cut, for a
// caller that sizes one backing array for many texts.
func WordsLen(s string, cut func(rune) bool) int {
	total, word := 0, 0 // word: the runes of the word being read
	for _, r := range s {
		if !cut(r) {
			word++
			continue
		}
		total += Count(word)
		word = 0
	}
	return total + Count(word)
}

// Common is the size of the intersection of two sorted multisets.
func Common(a, b []Bigram) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// Dice is the Sørensen–Dice coefficient of two sorted multisets,
// 2|A∩B| / (|A|+|B|): 1 for identical texts, 0 for nothing in common.
func Dice(a, b []Bigram) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(Common(a, b)) / float64(len(a)+len(b))
}

// Cover is the share of a's bigrams (multiset) that occur in b.
func Cover(a, b []Bigram) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(Common(a, b)) / float64(len(a))
}

// Distinct returns the distinct bigrams of s, sorted: a set as a slice
// that Common, Dice and Cover read without hashing. A one-rune text gives
// none.
func Distinct(s string) []Bigram {
	n := utf8.RuneCountInString(s)
	if n < 2 {
		return nil
	}
	out := appendString(make([]Bigram, 0, n-1), s)
	slices.Sort(out)
	return slices.Compact(out)
}

// SetDice is Dice over sets: 2|A∩B| / (|A|+|B|).
func SetDice[K comparable](a, b map[K]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(setCommon(a, b)) / float64(len(a)+len(b))
}

// SetCover is the share of a's elements found in b.
func SetCover[K comparable](a, b map[K]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(setCommon(a, b)) / float64(len(a))
}

func setCommon[K comparable](a, b map[K]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}
