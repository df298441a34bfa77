package loader

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// The rare rule: a cell the three wording rules leave without a bullet is
// often a paraphrase that keeps only the item's rare words ("SX経営との連動"
// for 2032's "SXの取組と連動しつつ", "PHRを活用した新たな体験の提供" for
// 1923's "万博会場でのPHR体験を提供"). It weighs each bigram of the cell by
// its rarity among the document's detail bullets (idf) and takes the bullet
// holding ≥ rareMin of that weight, when it shares ≥ 2 separate phrases
// with the cell: one shared name is a mention, not a digest (840
// 地域未来牽引企業の更新 and 2376, which only names those firms). Further
// bullets join while each adds ≥ rareMin of the weight not yet covered
// (1113 職員のリテラシー向上: 3423 on データ・EBPM, 3425 on AI).
// rareMin is measured on testdata/summarizes_reading.tsv: the bullets the
// rule links score 0.20 (959 → 2976) to 0.46 (586 → 1923); at 0.15 it would
// also link 492 → 1566 and 979 → 2981, both wrong.
const rareMin = 0.2

// rareClauseMin and rareMargin: on the reading the clause links score 0.36
// (507 → 1544) to 0.69 (861 → 2370); the closest runner-up is 2631 at 0.34
// under 885 → 2606 at 0.42.
const (
	rareClauseMin = 0.35
	rareMargin    = 1.2
)

// idf23 is the rarity of a bigram among the document's detail bullets,
// log((N+1)/(df+1)), computed once per document.
func (p *parser2023) idf23(b bigram.Bigram) float64 {
	if p.idf == nil {
		df := map[bigram.Bigram]int{}
		n := 0
		for _, ms := range p.detail {
			for _, m := range ms {
				n++
				for g := range p.bigramsOfMeasure(m) {
					df[g]++
				}
			}
		}
		p.idf = make(map[bigram.Bigram]float64, len(df))
		for g, c := range df {
			p.idf[g] = math.Log(float64(n+1) / float64(c+1))
		}
		p.idfNone = math.Log(float64(n + 1))
	}
	if w, ok := p.idf[b]; ok {
		return w
	}
	return p.idfNone
}

// rare returns the bullets among detail the cell digests by the rare rule,
// best first.
func (p *parser2023) rare(detail []*policygraph.Measure, text string, line int) []digest {
	grams := textGrams(normalize(text))
	uniq, weight, total := p.weighted(grams)
	if total == 0 {
		return nil
	}
	byGram := sortedGrams(uniq)
	holds := make([]bool, len(uniq))
	taken := make([]bool, len(uniq)) // the grams a bullet linked already holds
	var out []digest
	for {
		var best *policygraph.Measure
		bestGain := 0.0
		for _, m := range detail {
			ms := p.distinctOfMeasure(m)
			if !p.spend(len(uniq)+len(grams), len(ms), line) { // grams: phrases walks them
				return out
			}
			markHeld(byGram, ms, holds)
			if gain := heldWeight(weight, holds, taken) / total; gain > bestGain && phrases(grams, p.bigramsOfMeasure(m)) >= 2 {
				best, bestGain = m, gain
			}
		}
		if best == nil || bestGain < rareMin {
			return out
		}
		out = append(out, digest{m: best, rule: "rare", mark: bestGain})
		markHeld(byGram, p.distinctOfMeasure(best), holds)
		for i, h := range holds {
			taken[i] = taken[i] || h
		}
	}
}

// textGrams are the bigrams of s in text order.
func textGrams(s string) []bigram.Bigram {
	seq := []rune(s)
	if len(seq) < 2 {
		return nil
	}
	return bigram.Append(make([]bigram.Bigram, 0, len(seq)-1), seq)
}

// weighted returns the distinct grams in text order, their idf23 weights
// and the weights' sum (summed in that order, so the scores do not depend
// on map order).
func (p *parser2023) weighted(grams []bigram.Bigram) (uniq []bigram.Bigram, weight []float64, total float64) {
	seen := make(bgSet, len(grams))
	for _, g := range grams {
		if !seen[g] {
			seen[g] = true
			w := p.idf23(g)
			uniq, weight, total = append(uniq, g), append(weight, w), total+w
		}
	}
	return uniq, weight, total
}

// gramAt is a distinct gram of a text and its index in text order.
type gramAt struct {
	g bigram.Bigram
	i int
}

// sortedGrams returns the grams with their indices, sorted by gram, for
// markHeld.
func sortedGrams(uniq []bigram.Bigram) []gramAt {
	out := make([]gramAt, len(uniq))
	for i, g := range uniq {
		out[i] = gramAt{g, i}
	}
	slices.SortFunc(out, func(a, b gramAt) int { return cmp.Compare(a.g, b.g) })
	return out
}

// markHeld sets held[i] to whether the text's i-th distinct gram is in the
// sorted set mb: one merge instead of a map probe per gram.
func markHeld(byGram []gramAt, mb []bigram.Bigram, held []bool) {
	clear(held)
	j := 0
	for _, x := range byGram {
		for j < len(mb) && mb[j] < x.g {
			j++
		}
		if j == len(mb) {
			return
		}
		if mb[j] == x.g {
			held[x.i] = true
		}
	}
}

// heldWeight sums, in text order as weighted does, the weights of the grams
// held and not already taken (taken may be nil).
func heldWeight(weight []float64, held, taken []bool) float64 {
	sum := 0.0
	for i, h := range held {
		if h && (taken == nil || !taken[i]) {
			sum += weight[i]
		}
	}
	return sum
}

// phrases counts the separate runs of the cell's bigrams (in text order)
// that the bullet holds.
func phrases(grams []bigram.Bigram, mb bgSet) int {
	n := 0
	in := false
	for _, g := range grams {
		if mb[g] {
			if !in {
				n++
			}
			in = true
		} else {
			in = false
		}
	}
	return n
}

// rareClauses applies the rare rule clause by clause (clauses as in the
// clause rule) to a list cell: a clause that the bullets found so far hold
// < half of, by weight, digests the bullet holding ≥ rareClauseMin of it
// in ≥ 2 separate phrases, when that bullet holds it ≥ rareMargin times
// better than any other not yet linked (1109 EBPMの拡充 is held as well by
// 3400 as by 3423: neither). 488 基盤モデル…計算資源 → 1497, 507
// 能力向上拠点 → 1544, 885 副業・兼業 → 2611.
func (p *parser2023) rareClauses(detail []*policygraph.Measure, text string, have []digest, line int) []digest {
	covered := bgSet{}
	linked := map[*policygraph.Measure]bool{}
	for _, d := range have {
		linked[d.m] = true
		for g := range p.bigramsOfMeasure(d.m) {
			covered[g] = true
		}
	}
	var out []digest
	for _, cl := range reCellClause.Split(normalize(text), maxCellClauses) {
		if utf8.RuneCountInString(reCellDate.ReplaceAllString(cl, "")) < clauseRunes {
			continue
		}
		grams := textGrams(cl)
		uniq, weight, total := p.weighted(grams)
		held := 0.0
		for i, g := range uniq {
			if covered[g] {
				held += weight[i]
			}
		}
		if total == 0 || held/total >= 0.5 {
			continue
		}
		var best *policygraph.Measure
		bestScore, second := 0.0, 0.0
		byGram := sortedGrams(uniq)
		holds := make([]bool, len(uniq))
		for _, m := range detail {
			if linked[m] {
				continue
			}
			mb := p.bigramsOfMeasure(m)
			if !p.spend(len(uniq)+len(grams), len(mb), line) { // grams: phrases walks them
				return out
			}
			markHeld(byGram, p.distinctOfMeasure(m), holds)
			s := heldWeight(weight, holds, nil) / total
			switch {
			case s > bestScore && phrases(grams, mb) >= 2:
				best, bestScore, second = m, s, max(second, bestScore)
			case s > second:
				second = s
			}
		}
		if best == nil || bestScore < rareClauseMin || bestScore < rareMargin*second {
			continue
		}
		out = append(out, digest{m: best, rule: "rare", mark: bestScore})
		linked[best] = true
		for g := range p.bigramsOfMeasure(best) {
			covered[g] = true
		}
	}
	return out
}
