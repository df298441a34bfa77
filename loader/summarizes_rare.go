package loader

import "github.com/policygraph/policygraph"

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

// rare returns the bullets among detail (their grams bgs, counted by held)
// the cell t digests by the rare rule, best first.
func (p *parser2023) rare(detail []*policygraph.Measure, bgs []*bulletGrams, held heldCounts, t *gramText, line int) []digest {
	if t.total == 0 {
		return nil
	}
	x := p.grams
	holds := x.bools(len(t.uniq))
	taken := x.bools(len(t.uniq)) // the grams a bullet linked already holds
	var out []digest
	x.open(t)
	defer x.close(t)
	held.count(t)
	for {
		var best *policygraph.Measure
		bestGain := 0.0
		for i, m := range detail {
			ms := bgs[i].ids
			if !p.spend(len(t.uniq)+len(t.grams), len(ms), line) { // grams: phrases walks them
				return out
			}
			if held.none(i) {
				continue // a gain of 0 is no better
			}
			x.markHeld(ms, holds)
			if gain := heldWeight(t.weight, holds, taken) / t.total; gain > bestGain && t.phrases(holds) >= 2 {
				best, bestGain = m, gain
			}
		}
		if best == nil || bestGain < rareMin {
			return out
		}
		out = append(out, digest{m: best, rule: "rare", mark: bestGain})
		x.markHeld(x.bullets[best].ids, holds)
		for i, h := range holds {
			taken[i] = taken[i] || h
		}
	}
}

// heldWeight sums, in text order as gramText.total does, the weights of the grams
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

// rareClauses applies the rare rule clause by clause (clauses as in the
// clause rule) to a list cell: a clause that the bullets found so far hold
// < half of, by weight, digests the bullet holding ≥ rareClauseMin of it
// in ≥ 2 separate phrases, when that bullet holds it ≥ rareMargin times
// better than any other not yet linked (1109 EBPMの拡充 is held as well by
// 3400 as by 3423: neither). 488 基盤モデル…計算資源 → 1497, 507
// 能力向上拠点 → 1544, 885 副業・兼業 → 2611. bgs are the grams of detail,
// hc what counts them against a clause.
func (p *parser2023) rareClauses(detail []*policygraph.Measure, bgs []*bulletGrams, hc heldCounts, clauses []*gramText, have []digest, line int) []digest {
	x := p.grams
	// covered: the bigrams of the bullets linked (by id); linked: those
	// bullets (by index)
	if p.covered == nil {
		p.covered, p.linked = make([]bool, len(x.vocab)), make([]bool, len(x.bullets))
	}
	covered, linked := p.covered, p.linked
	clear(covered)
	clear(linked)
	link := func(m *policygraph.Measure) {
		bg := x.bullets[m]
		linked[bg.i] = true
		for _, id := range bg.ids {
			covered[id] = true
		}
	}
	for _, d := range have {
		link(d.m)
	}
	var out []digest
	for _, cl := range clauses {
		held := 0.0
		for i, id := range cl.id {
			if id != noGram && covered[id] {
				held += cl.weight[i]
			}
		}
		if cl.total == 0 || held/cl.total >= 0.5 {
			continue
		}
		var best *policygraph.Measure
		bestScore, second := 0.0, 0.0
		holds := x.bools(len(cl.uniq))
		x.open(cl)
		hc.count(cl)
		for i, m := range detail {
			bg := bgs[i]
			if linked[bg.i] {
				continue
			}
			if !p.spend(len(cl.uniq)+len(cl.grams), len(bg.ids), line) { // grams: phrases walks them
				x.close(cl)
				return out
			}
			if hc.none(i) {
				continue // a score of 0 beats neither best nor second
			}
			x.markHeld(bg.ids, holds)
			s := heldWeight(cl.weight, holds, nil) / cl.total
			switch {
			case s > bestScore && cl.phrases(holds) >= 2:
				best, bestScore, second = m, s, max(second, bestScore)
			case s > second:
				second = s
			}
		}
		x.close(cl)
		if best == nil || bestScore < rareClauseMin || bestScore < rareMargin*second {
			continue
		}
		out = append(out, digest{m: best, rule: "rare", mark: bestScore})
		link(best)
	}
	return out
}
