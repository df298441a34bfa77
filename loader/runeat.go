package loader

import (
	"unicode/utf8"

	"github.com/policygraph/policygraph/internal/nfkc"
)

// runeAt is utf8.DecodeRuneInString(s[i:]): ASCII here, the rest through
// nfkc.DecodeRune, which reads the three-byte runes of Japanese text in
// place (nearly all the text that is not ASCII).
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return nfkc.DecodeRune(s, i)
}
