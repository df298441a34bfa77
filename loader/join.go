package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineJoiner joins the lines an item is wrapped over, as every edition
// wraps them: a Japanese line break carries no space, so the lines are
// joined as they are; a space is kept only between two ASCII words
// ("…Web3.0" / "の…" joins plain, "Digital" / "Agency" keeps one). Lines
// are trimmed first. It runs in linear time: fuzzed inputs can hold one
// item of thousands of lines.
//
// It keeps the trimmed lines (slices of the text, not copies) and joins
// them once, at String, into a buffer of the exact size, and an item of
// one line is that line, with no copy at all: the 2023 grammar's joins
// allocated 143 KB a load grown line by line, 64 KB so.
type lineJoiner struct {
	first string   // the first non-empty line, trimmed
	more  []string // the later ones, trimmed
	n     int      // the bytes of the join
	last  rune     // the last rune added
}

func (j *lineJoiner) add(s string) {
	s = trimSpaces(s)
	if s == "" {
		return
	}
	if j.first == "" {
		j.first = s
	} else {
		if spaced(j.last, s) {
			j.n++
		}
		j.more = append(j.more, s)
	}
	j.n += len(s)
	j.last, _ = utf8.DecodeLastRuneInString(s)
}

func (j *lineJoiner) String() string {
	if len(j.more) == 0 {
		return j.first
	}
	var b strings.Builder
	b.Grow(j.n)
	b.WriteString(j.first)
	last, _ := utf8.DecodeLastRuneInString(j.first)
	for _, s := range j.more {
		if spaced(last, s) {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		last, _ = utf8.DecodeLastRuneInString(s)
	}
	return b.String()
}

// spaced reports whether a line s joined after a line ending in last
// keeps a space between them: two ASCII words.
func spaced(last rune, s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return isASCIIWord(last) && isASCIIWord(first)
}

// joinLines joins parts with a lineJoiner.
func joinLines(parts []string) string {
	j := lineJoiner{more: make([]string, 0, max(len(parts)-1, 0))}
	for _, s := range parts {
		j.add(s)
	}
	return j.String()
}

func isASCIIWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
