package loader

import "strings"

// indexText is strings.Index(s, sub), faster on Japanese text.
// strings.Index looks for sub's first byte, and for a kana or kanji sub
// that is a lead byte (E3 for kana and CJK punctuation, E4–E9 for kanji)
// found in most runes of the text: a call of IndexByte every few bytes.
// indexText looks for sub's last byte, a continuation byte that ends a
// rune or two in a hundred, and compares sub where it ends there. Past
// as many misses as strings.Index allows itself before its own fallback,
// the rest goes to strings.Index, so no text costs much more than it.
// On the corpus lines, searching "再掲", "参照" or "・・・" took a third of
// the time of strings.Index; a sub ending in a common rune ("ため、",
// whose 、 and め share their last byte) gains nothing.
func indexText(s, sub string) int {
	n := len(sub)
	if n < 2 {
		return strings.Index(s, sub)
	}
	last := sub[n-1]
	misses := 0
	for i := n - 1; i < len(s); {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-n+1:i+1] == sub {
			return i - n + 1
		}
		i++
		if misses++; misses > 4+i>>4 {
			from := i - n + 1 // no match ends before i
			if k := strings.Index(s[from:], sub); k >= 0 {
				return from + k
			}
			return -1
		}
	}
	return -1
}

// containsText is strings.Contains(s, sub) by indexText.
func containsText(s, sub string) bool { return indexText(s, sub) >= 0 }
