package bigram

import (
	"slices"
	"testing"
)

func TestSortedAndWords(t *testing.T) {
	hira := func(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' || r == '、' }
	for _, c := range []struct {
		in          string
		sorted      []string
		words       []string // Words with hiragana and 、 as cuts
		set         int
		description string
	}{
		{"", nil, nil, 0, "empty"},
		{"税", []string{"税"}, []string{"税"}, 0, "one rune stands for itself"},
		{"賃上げ税制", []string{"げ税", "上げ", "税制", "賃上"}, []string{"税制", "賃上"}, 4, "げ cuts the words"},
		{"支援の支援", []string{"の支", "援の", "支援", "支援"}, []string{"支援", "支援"}, 3, "a multiset keeps repeats"},
		{"と、X", []string{"、X", "と、"}, []string{"X"}, 2, "a one-letter word"},
		{"、の税、", []string{"、の", "の税", "税、"}, []string{"税"}, 3, "cuts at both ends"},
	} {
		var got, gotW []string
		for _, g := range Sorted(c.in) {
			got = append(got, g.String())
		}
		for _, g := range Words(c.in, hira) {
			gotW = append(gotW, g.String())
		}
		slices.Sort(got)
		slices.Sort(gotW)
		if Len(c.in) != len(got) || WordsLen(c.in, hira) != len(gotW) {
			t.Errorf("%s: %q: Len %d, WordsLen %d; want %d, %d", c.description, c.in, Len(c.in), WordsLen(c.in, hira), len(got), len(gotW))
		}
		if !slices.Equal(got, c.sorted) || !slices.Equal(gotW, c.words) || len(set(c.in)) != c.set {
			t.Errorf("%s: %q: Sorted %q, Words %q, |Set| %d; want %q, %q, %d", c.description, c.in, got, gotW, len(set(c.in)), c.sorted, c.words, c.set)
		}
	}
}

func TestDiceAndCover(t *testing.T) {
	for _, c := range []struct {
		a, b        string
		dice, cover float64
	}{
		{"", "", 0, 0},
		{"価格転嫁", "価格転嫁", 1, 1},
		{"価格転嫁", "価格", 0.5, 1.0 / 3},       // 1 of 3 and 1
		{"賃上げ税制", "賃上げ", 2 * 2 / 6.0, 0.5}, // 賃上 上げ of 4 and 2
		{"ＧＸ", "DX", 0, 0},
	} {
		a, b := Sorted(c.a), Sorted(c.b)
		if d := Dice(a, b); d != c.dice {
			t.Errorf("Dice(%q, %q) = %v, want %v", c.a, c.b, d, c.dice)
		}
		if v := Cover(a, b); v != c.cover {
			t.Errorf("Cover(%q, %q) = %v, want %v", c.a, c.b, v, c.cover)
		}
	}
}

func TestSetDice(t *testing.T) {
	// Sets drop the repeat: {支援 援の の支} against {支援}.
	a, b := set("支援の支援"), set("支援")
	if d, c := SetDice(a, b), SetCover(b, a); d != 0.5 || c != 1 {
		t.Errorf("SetDice = %v, SetCover = %v; want 0.5, 1", d, c)
	}
}

// set returns the distinct bigrams of s as text (none for one rune).
func set(s string) map[string]bool {
	rs := []rune(s)
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])] = true
	}
	return out
}

// TestDistinctMatchesSet: Dice and Cover over Distinct are SetDice and
// SetCover over the sets of bigrams.
func TestDistinctMatchesSet(t *testing.T) {
	texts := []string{"", "a", "ab", "aaaa", "GX推進法の改正", "GX推進法", "中堅・中小企業のGX推進", "推進推進推進"}
	for _, a := range texts {
		for _, b := range texts {
			da, db := Distinct(a), Distinct(b)
			if got, want := Dice(da, db), SetDice(set(a), set(b)); got != want {
				t.Errorf("Dice(%q, %q) = %v, SetDice %v", a, b, got, want)
			}
			if got, want := Cover(da, db), SetCover(set(a), set(b)); got != want {
				t.Errorf("Cover(%q, %q) = %v, SetCover %v", a, b, got, want)
			}
			if !slices.IsSorted(da) || len(da) != len(set(a)) {
				t.Errorf("Distinct(%q) = %v: want the %d distinct bigrams, sorted", a, da, len(set(a)))
			}
		}
	}
}

// TestAppendForms: the forms that append to a shared backing array give
// what the allocating ones give, after whatever dst holds, and the bigrams
// of a string are those of its runes (invalid bytes included).
func TestAppendForms(t *testing.T) {
	cut := func(r rune) bool { return r >= 'ぁ' && r <= 'ゖ' || r == '、' || r == ' ' }
	texts := []string{"", "a", "ab", "税", "賃上げ税制", "支援の支援", "と、X", "GX推進法の改正 ＧＸ", "\xff\xfeab", "あいう",
		"とても長い単語が続くテキストでありその語の長さが六十四文字を超えるとき配列の外に出るがそれでも結果は同じでなければならないのでここまで書く"}
	prefix := []Bigram{Of('z', 'y'), Of('a', 0)}
	for _, s := range texts {
		if got, want := appendString(nil, s), Append(nil, []rune(s)); !slices.Equal(got, want) {
			t.Errorf("appendString(%q) = %v, want %v", s, got, want)
		}
		sorted := slices.Clone(Append(nil, []rune(s)))
		slices.Sort(sorted)
		if got := Sorted(s); !slices.Equal(got, sorted) {
			t.Errorf("Sorted(%q) = %v, want %v", s, got, sorted)
		}
		dst := append(slices.Clone(prefix), 0)[:len(prefix)]
		if got := AppendSorted(dst, s); !slices.Equal(got[:2], prefix) || !slices.Equal(got[2:], sorted) {
			t.Errorf("AppendSorted(%q) = %v", s, got)
		}
		w := Words(s, cut)
		if got := AppendWords(slices.Clone(prefix), s, cut); !slices.Equal(got[:2], prefix) || !slices.Equal(got[2:], w) {
			t.Errorf("AppendWords(%q) = %v, Words %v", s, got, w)
		}
		if got := len(AppendWords(nil, s, cut)); got > len([]rune(s)) {
			t.Errorf("AppendWords(%q): %d bigrams for %d runes", s, got, len([]rune(s)))
		}
		compact := slices.Compact(slices.Clone(sorted))
		if len([]rune(s)) < 2 {
			compact = nil
		}
		if got := Distinct(s); !slices.Equal(got, compact) {
			t.Errorf("Distinct(%q) = %v, want %v", s, got, compact)
		}
	}
}
