package loader

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/policygraph/policygraph/internal/bigram"
	"github.com/policygraph/policygraph/seed"
)

// TestSimClass: simClass answers isPunctSymbolSpace and wordCut for every
// rune, and for the bad byte's U+FFFD.
func TestSimClass(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		drop, cut := simClass(r)
		if drop != isPunctSymbolSpace(r) || cut != wordCut(r) {
			t.Fatalf("simClass(%U) = %v, %v; want %v, %v", r, drop, cut, isPunctSymbolSpace(r), wordCut(r))
		}
	}
}

// TestDocSimItemsForms: the items' texts and bigrams are stripPunct's and
// bigram's, for the corpus and for texts with bad bytes, one-rune words
// and nothing kept.
func TestDocSimItemsForms(t *testing.T) {
	check := func(s string) {
		t.Helper()
		st, nk, nw := stripCounting(s)
		if want := stripPunct(s); st != want {
			t.Fatalf("stripCounting(%q) = %q; want %q", s, st, want)
		}
		if nk != utf8.RuneCountInString(st) || nw != bigram.WordsLen(s, wordCut) {
			t.Fatalf("stripCounting(%q) counts %d, %d", s, nk, nw)
		}
		bg := make([]bigram.Bigram, bigram.Len(st))
		words := simWords(bg, nil, s)
		slices.Sort(bg)
		slices.Sort(words)
		if want := bigram.Sorted(st); !slices.Equal(bg, want) {
			t.Fatalf("bigrams of %q = %v; want %v", s, bg, want)
		}
		if want := bigram.AppendWords(nil, s, wordCut); !slices.Equal(words, want) {
			t.Fatalf("words of %q = %v; want %v", s, words, want)
		}
	}
	for _, s := range []string{"", "・", "a", "あ", "ア・イ", "GX推進のための「投資」支援\xff等", "\xff\xfe", "A B", "産業、の、政策"} {
		check(s)
	}
	fsys := seed.FS()
	man, err := seed.ReadManifest(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range man.Documents {
		d, err := loadDocument(fsys, e)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range docSimItems(d.t, d.pd, 0) {
			check(unmarkedOf(d.t.normalize(it.m.Text)))
			if !slices.Equal(it.bg, bigram.Sorted(it.text)) || !slices.Equal(it.words, evolveBigrams(it.m.Text)) {
				t.Fatalf("%s: bigrams differ from simBigrams, evolveBigrams", it.m.ID)
			}
			if it.words == nil || cap(it.bg) != len(it.bg) || cap(it.words) != len(it.words) {
				t.Fatalf("%s: words nil or slices not capped", it.m.ID)
			}
		}
	}
}
