package loader

import (
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
			it := &simItem{m: m, text: simText(m.Text)}
			it.bg = simBigrams(it.text)
			bullets = append(bullets, it)
		}
	}
	if len(bullets) == 0 {
		return
	}
	for _, m := range p.pd.Measures {
		if m.PillarID == "" || m.Relist {
			continue
		}
		bg := simBigrams(simText(m.Text))
		var best *simItem
		bestScore := 0.0
		for _, b := range bullets {
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

func directionCopyScore(cell, bullet []bigram.Bigram) float64 {
	s := bigram.Dice(cell, bullet)
	if len(cell) >= minCoverBigrams {
		s = max(s, bigram.Cover(cell, bullet))
	}
	return s
}
