package loader

import (
	"slices"
	"strings"
	"unicode/utf8"

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
	// A bullet's bigrams are those of its simText, read without making
	// the text (appendSimBigrams).
	type bullet struct {
		m  *policygraph.Measure
		bg []bigram.Bigram
	}
	var bullets []bullet
	for _, m := range p.pd.Measures {
		if m.PillarID == "" {
			u := unmarkedOf(p.t.normalize(m.Text))
			bg := make([]bigram.Bigram, 0, max(utf8.RuneCountInString(u)-1, 1))
			bullets = append(bullets, bullet{m, appendSimBigrams(bg, u)})
		}
	}
	if len(bullets) == 0 || len(bullets) >= 1<<postingBits {
		// none, or more than a packed posting holds (4M: only a hostile
		// text near the size limit, a bullet a line, comes close): no
		// copies are linked
		return
	}
	// The bullets holding each bigram: a cell is scored exactly only
	// against the bullets whose shared bigrams could reach the cut and beat
	// the best so far (the sum of the cell's counts of the bigrams a bullet
	// holds bounds their common multiset), so a cell costs one pass over its
	// bigrams instead of a merge with every bullet.
	// One sorted list of (bigram, bullet) pairs, each packed in an integer
	// (two 21-bit runes, the bullet in the low bits): the bullets of a
	// bigram are a run of it, found through postingRuns (a map of the
	// runs' starts was 68 KB a load, two fifths of what this pass
	// allocated; pairs of a bigram and an int, twice the bytes).
	n := 0
	for _, b := range bullets {
		n += len(b.bg)
	}
	post := make([]uint64, 0, n)
	for j, b := range bullets {
		for i, g := range b.bg {
			if i == 0 || b.bg[i-1] != g {
				post = append(post, packPosting(g, j))
			}
		}
	}
	slices.Sort(post)
	runs := newPostingRuns(post, postingBits)
	bound := make([]int, len(bullets))
	var bg []bigram.Bigram // the cell's bigrams, sorted, in one buffer for all cells
	for _, m := range p.pd.Measures {
		if m.PillarID == "" || m.Relist {
			continue
		}
		// simBigrams, through the memo: newMeasure's id normalised the
		// same text. Each occurrence of a bigram adds to the bound of the
		// bullets holding it, in text order: the same sums as a bigram's
		// count added once, and the cell's bigrams are sorted only when
		// some bullet is scored exactly (few cells).
		u := unmarkedOf(p.t.normalize(m.Text))
		clear(bound)
		la := 0
		for g := range simBigramsOf(u) {
			la++
			key := packPosting(g, 0) >> postingBits
			x, ok := runs.first(key)
			for ; ok && x < len(post) && post[x]>>postingBits == key; x++ {
				bound[post[x]&(1<<postingBits-1)]++
			}
		}
		bg = bg[:0]
		var best *policygraph.Measure
		bestScore := 0.0
		for j, b := range bullets {
			if most := directionCopyBound(bound[j], la, len(b.bg)); most < directionCopyMin || most <= bestScore {
				continue
			}
			if len(bg) == 0 {
				bg = appendSimBigrams(bg, u)
			}
			s := directionCopyScore(bg, b.bg)
			if s > bestScore {
				best, bestScore = b.m, s
			}
		}
		if best == nil || bestScore < directionCopyMin {
			continue
		}
		p.pd.Rels = append(p.pd.Rels, &policygraph.Relationship{
			ID: relID(policygraph.RelRelists, m.ID, best.ID), Type: policygraph.RelRelists,
			Start: m.ID, End: best.ID, Properties: map[string]any{"score": round3(bestScore), "marked": false},
		})
	}
}

// postingBits holds a bullet in a packed posting: a bigram's two runes,
// read from a string, take 21 bits each.
const postingBits = 64 - 2*21

// packPosting packs bigram g with bullet j, below 1<<postingBits (4M),
// so that the packed postings order as the pairs (g, j).
func packPosting(g bigram.Bigram, j int) uint64 {
	a, b := g.Runes()
	return (uint64(a)<<21|uint64(b))<<postingBits | uint64(j)
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

// directionTwins decides the one-line cells whose width does not tell the
// column by their wording when it repeats a bullet of 政策の方向性: the
// directions list what is to be done next, so a cell copying one is in the
// 今後検討が必要となる施策 column even where the extraction put it among
// progress cells (line 1599 下請法改正と執行強化による…更なる徹底, a copy
// of line 1038).
func (p *parser25) directionTwins(cells []*tableCell, st []string) {
	all := p.directionsText()
	if all == "" {
		return
	}
	for i, c := range cells {
		if len(c.lines) != 1 || p.lay.columns.columnOf(c) != columnUnknown {
			continue
		}
		text := p.t.normalize(c.text())
		if utf8.RuneCountInString(text) >= 15 && containsText(all, text) {
			st[i] = policygraph.StatusTodo
		}
	}
}

// directionsText is the text of the directions' measures (those without a
// pillar) in matching form, one a line. It is made again only when there
// are more of them than when it was made: measures are only appended, and
// their text and pillar never change.
func (p *parser25) directionsText() string {
	count, size := 0, 0
	for _, m := range p.pd.Measures {
		if m.PillarID == "" {
			count++
			if count > p.dirsN {
				size += len(p.t.normalize(m.Text)) + 1 // the memo remembers it for the loop below
			}
		}
	}
	if count == p.dirsN {
		return p.dirs
	}
	var dirs strings.Builder
	dirs.Grow(size + len(p.dirs))
	dirs.WriteString(p.dirs)
	seen := 0
	for _, m := range p.pd.Measures {
		if m.PillarID == "" {
			if seen++; seen > p.dirsN {
				dirs.WriteString(p.t.normalize(m.Text))
				dirs.WriteByte('\n') // no match across two bullets
			}
		}
	}
	p.dirs, p.dirsN = dirs.String(), count
	return p.dirs
}
