package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// directionCopyMin is the similarity a table cell needs with a ⚫ bullet of
// 政策の方向性 to be taken for an unmarked copy of it: the bigram Dice, or,
// for a cell of at least minCoverBigrams bigrams, the share of the cell's
// bigrams the bullet holds (a cell may copy one sentence of a bullet: 1599
// of 1038). On the seed the seven copies score 0.64 (1638←1048) to 1
// (1568←1042, 1599←1038, 1631←1059); the best cell that is not a copy
// reaches 0.53 (2058, a progress report that reuses a clause of 1004's
// aside). TestDirectionCopies pins both sides.
const directionCopyMin = 0.6

// linkDirectionCopies adds RELISTS, marked false, from each table cell that
// repeats a direction bullet without saying 再掲 to that bullet: the cell
// repeats the original, as a 再掲 item does.
func (p *parser25) linkDirectionCopies() {
	var bullets []*simItem
	for _, m := range p.pd.Measures {
		if m.PillarID == "" {
			it := &simItem{m: m, text: p.t.simText(m.Text)}
			it.bg = simBigrams(it.text)
			bullets = append(bullets, it)
		}
	}
	if len(bullets) == 0 {
		return
	}
	// The bullets holding each bigram: a cell is scored exactly only
	// against the bullets whose shared bigrams could reach the cut and beat
	// the best so far (the sum of the cell's counts of the bigrams a bullet
	// holds bounds their common multiset), so a cell costs one pass over its
	// bigrams instead of a merge with every bullet.
	// One sorted list of (bigram, bullet) pairs: the bullets of a bigram
	// are a run of it, found by search (a map of the runs' starts was
	// 68 KB a load, two fifths of what this pass allocated).
	type posting struct {
		g bigram.Bigram
		j int
	}
	n := 0
	for _, b := range bullets {
		n += len(b.bg)
	}
	post := make([]posting, 0, n)
	for j, b := range bullets {
		for i, g := range b.bg {
			if i == 0 || b.bg[i-1] != g {
				post = append(post, posting{g, j})
			}
		}
	}
	slices.SortFunc(post, func(a, b posting) int { return cmp.Compare(a.g, b.g) })
	bound := make([]int, len(bullets))
	var bg []bigram.Bigram // the cell's bigrams, in one buffer for all cells
	for _, m := range p.pd.Measures {
		if m.PillarID == "" || m.Relist {
			continue
		}
		// simBigrams, through the memo: newMeasure's id normalised the
		// same text
		bg = bigram.AppendSorted(bg[:0], p.t.simText(m.Text))
		clear(bound)
		lo := 0 // bg is sorted: each bigram's run starts at or after the last one's
		for i := 0; i < len(bg); {
			k := i
			for k < len(bg) && bg[k] == bg[i] {
				k++
			}
			// The first posting at or after lo not below the bigram: a
			// galloping search, as the next bigram's run is often near.
			g, hi, step := bg[i], lo, 1
			for hi < len(post) && post[hi].g < g {
				lo, hi, step = hi+1, hi+step, step*2
			}
			hi = min(hi, len(post))
			for lo < hi {
				if m := int(uint(lo+hi) >> 1); post[m].g < g {
					lo = m + 1
				} else {
					hi = m
				}
			}
			if x := lo; x < len(post) && post[x].g == g {
				for ; x < len(post) && post[x].g == g; x++ {
					bound[post[x].j] += k - i
				}
			}
			i = k
		}
		var best *simItem
		bestScore := 0.0
		for j, b := range bullets {
			if most := directionCopyBound(bound[j], len(bg), len(b.bg)); most < directionCopyMin || most <= bestScore {
				continue
			}
			s := directionCopyScore(bg, b.bg)
			if s > bestScore {
				best, bestScore = b, s
			}
		}
		if best == nil || bestScore < directionCopyMin {
			continue
		}
		p.pd.Rels = append(p.pd.Rels, &policygraph.Relationship{
			ID: relID(policygraph.RelRelists, m.ID, best.m.ID), Type: policygraph.RelRelists,
			Start: m.ID, End: best.m.ID, Properties: map[string]any{"score": round3(bestScore), "marked": false},
		})
	}
}

// directionCopyBound is the most directionCopyScore can be when the cell
// (la bigrams) and the bullet (lb) have at most common bigrams in common.
func directionCopyBound(common, la, lb int) float64 {
	if la+lb == 0 {
		return 0
	}
	s := 2 * float64(common) / float64(la+lb)
	if la >= minCoverBigrams {
		s = max(s, float64(common)/float64(la))
	}
	return s
}

func directionCopyScore(cell, bullet []bigram.Bigram) float64 {
	s := bigram.Dice(cell, bullet)
	if len(cell) >= minCoverBigrams {
		s = max(s, bigram.Cover(cell, bullet))
	}
	return s
}
