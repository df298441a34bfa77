package nfkc

import (
	"bufio"
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/policygraph/policygraph/seed"
	"golang.org/x/text/unicode/norm"
)

// TestRuneTable checks every rune Rune claims against norm: the mapped form
// must be NFKC's, and the rune must not combine with what precedes it (a
// combining mark, or a second half of a canonical composite, which norm
// reports as no boundary before it). Then no two claimed runes interact, so
// mapping them one by one is NFKC; a claimed rune followed by an unclaimed
// one sends the whole string to norm.
func TestRuneTable(t *testing.T) {
	claimed := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		m, ok := Rune(r)
		if !ok {
			continue
		}
		claimed++
		s := string(r)
		if got := norm.NFKC.String(s); got != string(m) {
			t.Errorf("Rune(%U) = %q, norm says %q", r, string(m), got)
		}
		p := norm.NFKC.Properties([]byte(s))
		if !p.BoundaryBefore() {
			t.Errorf("Rune(%U): claimed, but it can combine with a neighbour", r)
		}
		if p.CCC() != 0 {
			t.Errorf("Rune(%U): claimed, but it is a combining mark (ccc %d)", r, p.CCC())
		}
	}
	if claimed < 20992+6592 {
		t.Errorf("only %d runes claimed; the two kanji blocks have 27584", claimed)
	}
}

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"GX推進法", "GX推進法"},
		{"ＧＸ推進法", "GX推進法"},
		{"２０３０年度　目標", "2030年度 目標"},
		{"ｶﾞｽ", "ガス"},        // halfwidth kana compose: norm's path
		{"㍻元年", "平成元年"},      // a compatibility ligature: norm's path
		{"①施策", "1施策"},       // enclosed digits: norm's path
		{"か\u3099", "が"},     // a combining mark after a stable rune
		{"ＧＸか\u3099", "GXが"}, // ... after a mapped one
		{"…", "..."},
		{"推進…", "推進..."},
		{"…\u3099", "...\u3099"},        // a combining mark after the dots stays one
		{"ｶ…ﾞ", "カ...\u3099"},           // halfwidth kana around them
		{"等‥、ＧＸ…か\u3099", "等..、GX...が"}, // two marks, mapped and composed runes between
		{"\u3099…", "\u3099..."},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := norm.NFKC.String(tt.in); got != tt.want {
			t.Errorf("norm disagrees with the test: %q → %q", tt.in, got)
		}
	}
}

// TestStringCorpus compares every line of the corpus with norm.
func TestStringCorpus(t *testing.T) {
	for _, data := range corpus(t) {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			l := sc.Text()
			if got, want := String(l), norm.NFKC.String(l); got != want {
				t.Fatalf("line %d: String = %q, norm = %q", n, got, want)
			}
		}
	}
}

func corpus(tb testing.TB) [][]byte {
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, d := range man.Documents {
		data, err := seed.FS().(interface{ ReadFile(string) ([]byte, error) }).ReadFile(d.File)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkCorpus normalises every line of the corpus, against norm.
//
//	go test -run '^$' -bench . -benchmem ./internal/nfkc
func BenchmarkCorpus(b *testing.B) {
	var lines []string
	for _, data := range corpus(b) {
		for _, l := range bytes.Split(data, []byte("\n")) {
			lines = append(lines, string(l))
		}
	}
	b.Run("nfkc", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				_ = String(l)
			}
		}
	})
	b.Run("norm", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lines {
				_ = norm.NFKC.String(l)
			}
		}
	})
}

// TestStableOrdered: Rune searches the stable ranges by halves, which needs
// them in order and apart.
func TestStableOrdered(t *testing.T) {
	for i, rg := range stable {
		if rg.lo > rg.hi || i > 0 && stable[i-1].hi >= rg.lo {
			t.Errorf("stable range %d (%U-%U) is empty or not after the one before", i, rg.lo, rg.hi)
		}
	}
}

// TestDecode: DecodeRune reads what utf8 does, on every three-byte sequence
// with a three-byte lead (valid or not) and on shorter tails.
func TestDecode(t *testing.T) {
	for c := 0xE0; c <= 0xEF; c++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				s := string([]byte{byte(c), byte(b1), byte(b2), 'x'})
				for _, s := range []string{s, s[:3], s[:2]} {
					r, n := DecodeRune(s, 0)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("DecodeRune(%q) = %U, %d; utf8 says %U, %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
}

// TestStablePrefix: the prefix is the runes before the first one String
// changes or leaves to norm.
func TestStablePrefix(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"", 0}, {"GX推進法", 11}, {"推進ＧＸ", 6}, {"か\u3099", 3}, {"ab\xff", 2}, {"推\xe3\x81", 3}} {
		if got := StablePrefix(tt.in); got != tt.want {
			t.Errorf("StablePrefix(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestStablePrefixRunes: every rune alone is a stable prefix exactly when
// Rune maps it to itself (the kanji skipped by their lead byte included).
func TestStablePrefixRunes(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		want := 0
		if m, ok := Rune(r); ok && m == r {
			want = len(s)
		}
		if got := StablePrefix(s + "\xff"); got != want {
			t.Fatalf("StablePrefix(%q + invalid) = %d, want %d", s, got, want)
		}
	}
}

// TestKana: what kana claims Rune maps to itself.
func TestKana(t *testing.T) {
	for r := rune(0x3000); r <= 0x30FF; r++ {
		if m, ok := Rune(r); kana(r) && (!ok || m != r) {
			t.Errorf("kana(%U), but Rune says %U, %v", r, m, ok)
		}
	}
}

// FuzzString compares String with norm on valid UTF-8, all the loader
// gives it (a document with an invalid byte is refused: newDocText).
func FuzzString(f *testing.F) {
	for _, s := range []string{"ＧＸ推進法…", "ｶ…ﾞ", "①‥か\u3099", "…\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := String(s), norm.NFKC.String(s); got != want {
			t.Errorf("String(%q) = %q, norm %q", s, got, want)
		}
	})
}

// TestStableSpan: StableSpan ends where a rune-by-rune walk ends, at the
// first rune Rune does not map to itself or the first byte of stop, on
// every rune alone, with and without a stop set, and on the corpus lines.
func TestStableSpan(t *testing.T) {
	spaces := &ASCIISet{1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\r'}
	walk := func(s string, stop *ASCIISet) int {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r < utf8.RuneSelf && stop[r>>6]>>(r&63)&1 != 0 {
				return i
			}
			if m, ok := Rune(r); !ok || m != r || r == utf8.RuneError && n == 1 {
				return i
			}
			i += n
		}
		return len(s)
	}
	for _, tt := range []struct {
		in   string
		stop *ASCIISet
		want int
	}{
		{"", spaces, 0}, {"GX 推進", spaces, 2}, {"GX 推進", &ASCIISet{}, 9}, {"推進\t", spaces, 6},
		{"中事人会", spaces, 12}, {"ＧＸ", spaces, 0}, {"a\u3000b", spaces, 1}, {"\u4dbf\u4e00", spaces, 6},
		{"~", &ASCIISet{0, 1 << ('~' - 64)}, 0},
	} {
		if got := StableSpan(tt.in, tt.stop); got != tt.want || got != walk(tt.in, tt.stop) {
			t.Errorf("StableSpan(%q) = %d, want %d (walk %d)", tt.in, got, tt.want, walk(tt.in, tt.stop))
		}
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r) + "\xff"
		if got, want := StableSpan(s, spaces), walk(s, spaces); got != want {
			t.Fatalf("StableSpan(%q) = %d, want %d", s, got, want)
		}
	}
	for _, data := range corpus(t) {
		for _, l := range bytes.Split(data, []byte("\n")) {
			for s := string(l); s != ""; {
				got, want := StableSpan(s, spaces), walk(s, spaces)
				if got != want {
					t.Fatalf("StableSpan(%q) = %d, want %d", s, got, want)
				}
				if got == len(s) {
					break
				}
				_, n := utf8.DecodeRuneInString(s[got:])
				s = s[got+n:]
			}
		}
	}
}

// BenchmarkStableSpan reads every line of the corpus as the loader's
// normalize does: stable runs up to a space or a rune that changes.
//
//	go test -run '^$' -bench StableSpan ./internal/nfkc
func BenchmarkStableSpan(b *testing.B) {
	var lines []string
	size := 0
	for _, data := range corpus(b) {
		for _, l := range bytes.Split(data, []byte("\n")) {
			lines = append(lines, string(l))
			size += len(l)
		}
	}
	spaces := &ASCIISet{1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\r'}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, l := range lines {
			for i := 0; i < len(l); {
				i += StableSpan(l[i:], spaces)
				if i < len(l) {
					_, n := DecodeRune(l, i)
					i += n
				}
			}
		}
	}
}
