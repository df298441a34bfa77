package loader

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// TestPurposeWords: a measure's purpose clause is what comes before its
// first ため、, cut into words as evolveBigrams cuts; no clause, none.
func TestPurposeWords(t *testing.T) {
	tests := []struct {
		name, text, clause string // clause "": nil
	}{
		{"2025:1206", "中堅・中小企業のGXの取組推進のため、排出量の算定・見える化や排出量削減計画等の策定を実施", "中堅・中小企業のGXの取組推進"},
		{"するため", "人手不足が深刻な業種において省力化投資を推進するため、内閣官房と連携し", "人手不足が深刻な業種において省力化投資を推進する"},
		{"the first of two", "AのためBのため、CのためD", "AのためB"},
		{"no comma after ため", "将来のため検討を進める", ""},
		{"none", "スタートアップ政策の推進・強化", ""},
		{"at the start", "ため、推進", ""},
		{"only kana before it", "そのため、推進", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := purposeWords(tt.text)
			var want []bigram.Bigram
			if tt.clause != "" {
				want = bigram.Words(tt.clause, wordCut)
			}
			if !slices.Equal(got, want) {
				t.Errorf("purposeWords(%q) = %v, want the words of %q", tt.text, got, tt.clause)
			}
		})
	}
}

// TestEvolvesPurposeClause: a later measure whose text is mostly new means
// continues an earlier measure its purpose clause names, and the score is
// the clause's; without the clause the same text stays below the cut.
func TestEvolvesPurposeClause(t *testing.T) {
	item := func(id, pillar, text string) *simItem {
		return &simItem{m: &policygraph.Measure{ID: id, PillarID: pillar, Text: text}}
	}
	earlier := func() []*simItem {
		return []*simItem{
			item("e:gx-sme", "p23", "中堅・中小企業のGX推進"),
			item("e:hydrogen", "p23", "水素サプライチェーンの構築支援"),
			item("e:ccs", "p23", "CCS事業法の整備"),
		}
	}
	in := newEvolveInputs(nil, nil)
	in.cont = map[string]map[string]bool{"p25": {"p23": true}}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"中堅・中小企業のGXの取組推進のため、排出量の算定・見える化や排出量削減計画等の策定、設備投資支援等を実施", true},
		{"中堅・中小企業のGXの取組推進として、排出量の算定・見える化や排出量削減計画等の策定、設備投資支援等を実施", false},
	} {
		later := []*simItem{item("l:1", "p25", tt.text), item("l:2", "p25", "水素の価格差支援を開始")}
		var got bool
		for _, r := range linkEvolves(later, earlier(), in) {
			if r.Start == "l:1" && r.End == "e:gx-sme" {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%s: linked to e:gx-sme %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestEvolvesNeedsARareWord: inside a pair of pillars, an earlier measure
// that shares with a later one only the pillars' common word (in more
// than a fifth of their measures) is no candidate, however high it scores
// (バイオ由来製品の安全性評価 for バイオ由来製品の市場創出に向けた検討,
// 2025:1750): the later measure's row has no score for it. Where the word
// is rarer (more measures in the pillars), it is one. The row, not the
// edge, is asserted: the edge also depends on the other candidates.
func TestEvolvesNeedsARareWord(t *testing.T) {
	item := func(id, pillar, text string) *simItem {
		return &simItem{m: &policygraph.Measure{ID: id, PillarID: pillar, Text: text}}
	}
	for _, tt := range []struct {
		name       string
		others     int  // measures of the earlier pillar sharing none of these words
		candidates bool // l:market's row scores e:safety
	}{
		{"the word in 6 of 27 measures", 20, false},
		{"the word in 6 of 37 measures", 30, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			earlier := []*simItem{
				item("e:safety", "p23", "バイオ由来製品の安全性評価"),
				item("e:market", "p23", "市場を創出するための仕組み（脱炭素等に資するバイオ由来製品の公共調達や、製品や技術に関する業界基準への反映 等）"),
				item("e:value", "p23", "バイオ由来製品の付加価値を経済的価値に転嫁する仕組み"),
				item("e:standard", "p23", "技術の標準化"),
			}
			later := []*simItem{
				item("l:market", "p25", "バイオ由来製品の市場創出に向けた検討を実施"),
				item("l:standard", "p25", "バイオ由来製品に関する国際標準化等を戦略的に推進"),
				item("l:value", "p25", "バイオ由来製品の環境価値を経済的価値に転嫁する仕組み作りを推進"),
			}
			for k := range tt.others {
				earlier = append(earlier, item(fmt.Sprintf("e:other%d", k), "p23", fmt.Sprintf("施策%c%c", 'A'+k%26, 'A'+k/26)))
			}
			// Measures elsewhere, so that the idf of the corpus is not
			// the pillars' (the seed has some 700).
			for k := range 300 {
				earlier = append(earlier, item(fmt.Sprintf("e:far%d", k), "p99", fmt.Sprintf("遠%c%c", 'A'+k%26, 'A'+k/26)))
			}
			in := newEvolveInputs(nil, nil)
			in.cont = map[string]map[string]bool{"p25": {"p23": true}}
			ev := newEvolveScorer(later, earlier, in)
			row := ev.row(0) // l:market
			if got := row.at(0) > 0; got != tt.candidates {
				t.Errorf("l:market's row scores e:safety %v (%.3f), want %v", got, row.at(0), tt.candidates)
			}
			if row.at(1) < evolveInPillarMin {
				t.Errorf("l:market scores e:market %.3f, below the in-pillar cut", row.at(1))
			}
		})
	}
}

// TestTermsReadInSimilarity: a renamed term's variant is read as the term
// in the words EVOLVES_FROM compares, and nowhere else: the measure and its
// similarity text keep what the document says.
func TestTermsReadInSimilarity(t *testing.T) {
	m, err := newMatcher([]byte(`{"terms": [{"term": "省力化", "variants": ["省人化"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	ms := &policygraph.Measure{ID: "m:1", Text: "省人化投資の促進のため、補助金を活用"}
	pd := &parsedDoc{Measures: []*policygraph.Measure{ms}}
	items := docSimItems(nil, pd, m.terms)
	words, _, _ := items[0].wordText()
	if want := evolveBigrams("省力化投資の促進のため、補助金を活用"); !slices.Equal(bigram.Words(words, wordCut), want) {
		t.Errorf("words of %q, want those of the term (%v)", words, want)
	}
	if want := purposeWords("省力化投資の促進のため、補助金を活用"); !slices.Equal(purposeWords(words), want) {
		t.Errorf("purpose of %q, want %v", words, want)
	}
	if !strings.Contains(items[0].text, "省人化") || ms.Text != "省人化投資の促進のため、補助金を活用" {
		t.Errorf("text = %q, measure %q: want the document's 省人化", items[0].text, ms.Text)
	}
}

// TestTermsTableErrors: every problem of the renamed terms is reported at
// its line, and the terms that are fine still load nothing on error.
func TestTermsTableErrors(t *testing.T) {
	data := `{
  "terms": [
    {"term": "省力化", "variants": ["省人化"]},
    {"term": "ＡＢ", "variants": ["CD"]},
    {"term": "技術", "variants": ["省人化", "x"]},
    {"term": "新語", "variants": ["省力化"]},
    {"term": "", "variants": []},
    {"term": "語句", "variants": ["旧語"], "notes": ""}
  ]
}`
	_, err := newMatcher([]byte(data))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`aliases.json:4: alias table: "ＡＢ" is not in normalised form`,
		`aliases.json:5: alias table: "省人化" is already a variant of 省力化`,
		`aliases.json:5: alias table: "x" is too short to replace safely`,
		`aliases.json:6: alias table: "省力化" is already a term`,
		`aliases.json:7: alias table: term 4 needs a term and variants`,
		`aliases.json:8: alias table: unknown key "notes"`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}

// TestCosineDense: cosineDense, with one vector spread by id, is cosine to
// the bit, for every pair of the corpus's later vectors (siblingEnd's
// scores go into the edges), and siblingEnd leaves its array all zeros.
func TestCosineDense(t *testing.T) {
	later, earlier, in := benchEvolveInputs(t)
	ev := newEvolveScorer(later, earlier, in)
	dense := make([]float64, len(ev.byID))
	for _, a := range ev.vl {
		for k, id := range a.keys {
			dense[id] = a.w[k]
		}
		for _, b := range ev.vl {
			if got, want := cosineDense(dense, b), cosine(a, b); got != want {
				t.Fatalf("cosineDense = %v; cosine %v", got, want)
			}
		}
		clear(dense)
	}
	ends := make([]*simItem, len(ev.later))
	for i := range ends {
		ends[i] = ev.earlier[0]
	}
	clear(ev.byID)
	for i := range ev.later {
		ev.siblingEnd(i, ends, make([]int, len(ends)), make([]float64, len(ends)))
	}
	if slices.ContainsFunc(ev.byID, func(w float64) bool { return w != 0 }) {
		t.Fatal("siblingEnd left weights in byID")
	}
}
