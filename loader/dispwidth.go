package loader

import "unicode/utf8"

// dispWidth approximates the printed width of a line: the table columns wrap
// at a fixed width, so the width of a wrapped line tells the column.
// ASCII and the halfwidth forms U+FF61–U+FF9F are one column, every
// other rune two. The bytes are read in place for ASCII and the
// three-byte runes of Japanese text (the halfwidth forms are EF BD A1 to
// EF BE 9F), decoded by utf8 otherwise (TestDispWidth).
func dispWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			w, i = w+1, i+1
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			if c == 0xEF && (s[i+1] == 0xBD && s[i+2] >= 0xA1 || s[i+1] == 0xBE && s[i+2] <= 0x9F) {
				w++
			} else {
				w += 2
			}
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			w, i = w+runeWidth(r), i+n
		}
	}
	return w
}

// runeWidth is the columns of r: dispWidth for one rune.
func runeWidth(r rune) int {
	if r < 0x80 || r >= 0xff61 && r <= 0xff9f {
		return 1
	}
	return 2
}
