package loader

import "github.com/policygraph/policygraph/internal/nfkc"

// runeAt is utf8.DecodeRuneInString(s[i:]) through nfkc.DecodeRune, which
// reads ASCII and the three-byte runes of Japanese text (nearly all the
// text that is not ASCII) in place. It is one call, inlined: it was two
// for every rune that is not ASCII (runeAt, then nfkc.DecodeRune).
func runeAt(s string, i int) (rune, int) {
	return nfkc.DecodeRune(s, i)
}
