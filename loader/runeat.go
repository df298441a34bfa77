package loader

import "unicode/utf8"

// runeAt is utf8.DecodeRuneInString(s[i:]) with the one- and three-byte
// forms that need no range check (ASCII, kana, kanji: nearly all the
// text) decoded here; utf8.DecodeRuneInString decodes only ASCII without
// a call. Lead bytes E0 (overlong forms) and ED (surrogates) and every
// other form go to it.
func runeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) {
		if c1, c2 := s[i+1], s[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
