package loader

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// TestSimClass: simClass answers isPunctSymbolSpace and wordCut for every
// rune, and for the bad byte's U+FFFD, and simDrop the first.
func TestSimClass(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		drop, cut := simClass(r)
		if drop != isPunctSymbolSpace(r) || cut != wordCut(r) || simDrop(r) != drop {
			t.Fatalf("simClass(%U) = %v, %v; want %v, %v", r, drop, cut, isPunctSymbolSpace(r), wordCut(r))
		}
	}
}

// TestDocSimItemsForms: the items' texts, bigram counts and words are
// stripPunct's and bigram's, and appendSimBigrams reads the bigrams of
// stripPunct's text, for the corpus and for texts with bad bytes, one-rune
// words and nothing kept.
func TestDocSimItemsForms(t *testing.T) {
	check := func(s string) {
		t.Helper()
		st := stripPunct(s)
		nk, nw := utf8.RuneCountInString(st), bigram.WordsLen(s, wordCut)
		if runes, bytes, words, _ := simCounts(s); runes != nk || bytes != len(st) || words != nw {
			t.Fatalf("simCounts(%q) = %d, %d, %d; want %d, %d, %d", s, runes, bytes, words, nk, len(st), nw)
		}
		if got, want := appendSimBigrams(nil, s), bigram.Sorted(stripPunct(s)); !slices.Equal(got, want) {
			t.Fatalf("appendSimBigrams(%q) = %v; want %v", s, got, want)
		}
		words := simWords(nil, s)
		slices.Sort(words)
		if want := bigram.AppendWords(nil, s, wordCut); !slices.Equal(words, want) {
			t.Fatalf("words of %q = %v; want %v", s, words, want)
		}
	}
	for _, s := range []string{"", "・", "a", "あ", "ア・イ", "GX推進のための「投資」支援\xff等", "\xff\xfe", "A B", "産業、の、政策"} {
		check(s)
	}
	for _, d := range loadSeedDocs(t) {
		for _, it := range docSimItems(d.t, d.pd, nil) {
			check(unmarkedOf(d.t.normalize(it.m.Text)))
			st := stripPunct(it.text)
			if it.text != unmarkedOf(d.t.normalize(it.m.Text)) || int(it.simRunes) != utf8.RuneCountInString(st) || int(it.simBytes) != len(st) {
				t.Fatalf("%s: text %q (%d runes, %d bytes kept), not the unmarked text", it.m.ID, it.text, it.simRunes, it.simBytes)
			}
			text, nw, np := it.wordText()
			words := bigram.Words(text, wordCut)
			if int(it.nbg) != bigram.Len(st) || !slices.Equal(words, evolveBigrams(it.m.Text)) {
				t.Fatalf("%s: bigrams differ from simBigrams, evolveBigrams", it.m.ID)
			}
			purpose := purposeWords(text)
			if nw != len(words) || np != len(purpose) || !slices.Equal(purpose, purposeWords(unmarked(it.m.Text))) {
				t.Fatalf("%s: counts %d, %d or purpose words differ from evolveBigrams, purposeWords", it.m.ID, nw, np)
			}
			// contrast weighs a clause's bigrams by the text's: it needs
			// them among the text's
			for _, g := range purpose {
				if _, ok := slices.BinarySearch(words, g); !ok {
					t.Fatalf("%s: purpose bigram %v is not among the text's", it.m.ID, g)
				}
			}
		}
	}
}

// TestRelistScoreFromText: relistScore, which counts the shared bigrams
// from the candidate's text and skips candidates whose sizes keep them
// below the cuts, scores as the merge of sorted bigrams did wherever a
// score can count (from relistDiceMin), on the corpus's relist keys
// against every item, and commonBigrams is bigram.Common there and on
// texts with repeated bigrams.
func TestRelistScoreFromText(t *testing.T) {
	oldScore := func(keys []relistKey, c *simItem) float64 {
		best := 0.0
		st := stripPunct(c.text) // the simText, made
		cbg := bigram.Sorted(st)
		for _, key := range keys {
			k, kn, kb := key.text, key.runes, key.bg
			cn := utf8.RuneCountInString(st)
			if kn >= minContainRunes && strings.Contains(st, k) ||
				len(st) <= len(k) && cn >= minContainRunes && 2*cn >= kn && strings.Contains(k, st) {
				return 1
			}
			d := bigram.Dice(kb, cbg)
			best = max(best, d)
			if len(kb) >= minCoverBigrams {
				if cv := d * float64(len(kb)+len(cbg)) / (2 * float64(len(kb))); cv >= relistCoverMin {
					best = max(best, cv)
				}
			}
		}
		return best
	}
	for _, p := range [][2]string{{"ああああ", "あああ"}, {"abab", "babab"}, {"a", "a"}, {"a", "ab"}, {"", "x"}, {"産業政策産業", "産業産業政策の産業"}} {
		kb := bigram.Sorted(p[0])
		if got, want := commonBigrams(kb, p[1]), bigram.Common(kb, bigram.Sorted(p[1])); got != want {
			t.Errorf("commonBigrams(%q, %q) = %d, want %d", p[0], p[1], got, want)
		}
	}
	docs := loadSeedDocs(t)
	var all []*simItem
	for _, d := range docs {
		all = append(all, docSimItems(d.t, d.pd, nil)...)
	}
	queries := 0
	for _, d := range docs {
		for _, r := range d.pd.Measures {
			var keysets [][]string
			if r.Relist {
				keysets = append(keysets, relistKeys(r.Text))
			}
			for _, c := range markedClauses(d.t, r) {
				keysets = append(keysets, []string{c.key})
			}
			for _, keys := range keysets {
				queries++
				rk := newRelistKeys(keys)
				for _, c := range all {
					for _, k := range rk {
						if got, want := commonBigrams(k.bg, c.text), bigram.Common(k.bg, bigram.Sorted(stripPunct(c.text))); got != want {
							t.Fatalf("commonBigrams against %s = %d, want %d", c.m.ID, got, want)
						}
					}
					got, want := relistScore(rk, c), oldScore(rk, c)
					if got != want && (got >= relistDiceMin || want >= relistDiceMin) {
						t.Fatalf("relistScore of %s against %s = %v, want %v", r.ID, c.m.ID, got, want)
					}
				}
			}
		}
	}
	if queries == 0 {
		t.Fatal("no relist keys in the corpus")
	}
}

// TestContainsSim: containsSim reads stripPunct's texts in place, as
// strings.Contains reads them made: punctuation inside and around the
// match, on either side, bad bytes, repeats and texts with nothing kept.
func TestContainsSim(t *testing.T) {
	texts := []string{"", "・", "「」", "産業", "産業政策", "産・業政策", "（産業）政策の推進", "産産業", "産\xff業",
		"\xff", "GX推進・GX投資", "推進", "GX 推進", "ab", "a", "政策、産業", "産業政策産業"}
	for _, h := range texts {
		for _, n := range texts {
			if got, want := containsSim(h, n), strings.Contains(stripPunct(h), stripPunct(n)); got != want {
				t.Errorf("containsSim(%q, %q) = %v, want %v", h, n, got, want)
			}
		}
	}
}

// TestRuneSigBound: the key bigrams whose bits an item's runeSig has are
// never fewer than the bigrams the item shares with the key (the bound
// relistScore passes items over by), on the corpus's items against one
// another's texts and on random texts of a few runes, where bigrams
// repeat and punctuation falls between kept runes.
func TestRuneSigBound(t *testing.T) {
	check := func(key, text string) {
		t.Helper()
		kb := simBigrams(stripPunct(key))
		_, _, _, sig := simCounts(text)
		most := 0
		for _, need := range sigNeeds(kb) {
			if sig&need == need {
				most++
			}
		}
		if common := bigram.Common(kb, bigram.Sorted(stripPunct(text))); most < common {
			t.Fatalf("key %q, text %q: bound %d below the %d bigrams shared", key, text, most, common)
		}
	}
	var texts []string
	for _, d := range loadSeedDocs(t) {
		for _, m := range d.pd.Measures {
			texts = append(texts, unmarked(m.Text))
		}
	}
	for i, k := range texts {
		for _, c := range texts[max(i-20, 0):min(i+20, len(texts))] {
			check(k, c)
		}
	}
	runes := []rune("施策支援、・aあ")
	r := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]rune, r.IntN(12))
		for i := range b {
			b[i] = runes[r.IntN(len(runes))]
		}
		return string(b)
	}
	for range 20000 {
		check(word(), word())
	}
}

// TestRelistScoreContainment: the signatures that spare the containment
// searches never hide a containment, either way, through punctuation the
// simText drops, with the signature known or not (an item made by hand).
func TestRelistScoreContainment(t *testing.T) {
	tests := []struct {
		key, text string
		want      bool // scored 1
	}{
		{"半導体産業基盤強化", "・半導体産業基盤強化（再掲）", true},
		{"半導体産業基盤強化", "ＡＩ・半導体、産業基盤の強化", false},
		{"蓄電池産業戦略の推進と実行", "蓄電池・産業戦略の推進と、実行を図る", true},
		{"官民連携による蓄電池産業戦略の推進と実行", "蓄電池産業戦略の推進と実行", true}, // the item inside the key
		{"官民連携による蓄電池産業戦略の推進と実行", "蓄電池産業戦略", false},      // under half of the key
		{"GX推進法に基づく支援", "GX推進法に基づく支援策", true},
		{"GX推進法に基づく支援", "GX推進法に基く支援", false},
	}
	for _, tc := range tests {
		text := unmarked(tc.text)
		nk, nb, _, sig := simCounts(text)
		key := simText(tc.key)
		for _, known := range []bool{true, false} {
			c := &simItem{m: &policygraph.Measure{Text: tc.text}, text: text, simRunes: int32(nk), simBytes: int32(nb), nbg: int32(bigram.Count(nk))}
			if known {
				c.runeSig = sig
			}
			if got := relistScore(newRelistKeys([]string{key}), c) == 1; got != tc.want {
				t.Errorf("key %q, item %q (signature known %v): contained %v, want %v", tc.key, tc.text, known, got, tc.want)
			}
		}
	}
}
