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
type lineJoiner struct {
	b    strings.Builder
	last rune // the last rune written
}

func (j *lineJoiner) add(s string) {
	s = trimSpaces(s)
	if s == "" {
		return
	}
	if j.b.Len() > 0 {
		if first, _ := utf8.DecodeRuneInString(s); isASCIIWord(j.last) && isASCIIWord(first) {
			j.b.WriteByte(' ')
		}
	}
	j.b.WriteString(s)
	j.last, _ = utf8.DecodeLastRuneInString(s)
}

func (j *lineJoiner) String() string { return j.b.String() }

// joinLines joins parts with a lineJoiner.
func joinLines(parts []string) string {
	var j lineJoiner
	n := 0
	for _, s := range parts {
		n += len(s) + 1
	}
	j.b.Grow(n) // at most every part and a space each
	for _, s := range parts {
		j.add(s)
	}
	return j.String()
}

func isASCIIWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
