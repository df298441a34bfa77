package nfkc

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRuneAt: DecodeRune (and Decode3, where it answers) decodes, at every offset, as utf8.DecodeRuneInString every one-, two-
// and three-byte sequence, cut short or followed by more, and a four-byte
// one.
func TestDecodeRuneAt(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for i := range len(s) {
			r, n := DecodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("DecodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
			// Decode3 reads the three-byte runes and only those
			if r3, ok := Decode3(s, i); ok != (wn == 3 && s[i] != 0xE0 && s[i] != 0xED) || ok && r3 != wr {
				t.Fatalf("Decode3(%q, %d) = %U, %v; utf8 reads %U, %d", s, i, r3, ok, wr, wn)
			}
		}
	}
	for a := range 256 {
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
			for _, c := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				check(string([]byte{byte(a), byte(b), c}))
				check(string([]byte{byte(a), byte(b), c, 'x'}))
			}
		}
	}
	check("産業政策の新機軸😀GX\uFFFD")
}
