package loader

// The overview tables of the interim-2023 layout (新機軸の施策の柱 …
// 各分野（ミクロ）の主要施策), a delegate of its grammar (parse2023.go): this
// reading is the layout's own, not shared. A table's heads name a page's
// pillars and their 長期的目標; its cells follow, interleaved across its
// columns and, on pages with two pillars, across the pillars too, so the
// grammar only cuts them (summaryParagraph, at the breaks cellbreaks.go
// reads) and they are resolved after the detail pages are read
// (resolveSummary): each cell goes to the page pillar whose detail
// measures cover most of its wording, SUMMARIZES the detail bullets it
// digests (summarizes.go), and takes its status and its group from them.

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// overviewState is what the overview cells' reading keeps, embedded in
// the grammar's parser: the cells until they are resolved, and the state
// of their resolution and of the rules it runs (summarizes*.go).
type overviewState struct {
	summary []*cell2023 // summary-table cells, resolved at the end
	// detail: the measures of the detail pages, by pillar key, which the
	// cells are resolved against; subOf: the （…） sub-heading a bullet is
	// under, in matching form, for the cells' rules (summarizes.go)
	detail map[string][]*policygraph.Measure
	subOf  map[*policygraph.Measure]string
	// cellIDs makes overview-cell ids unique among cells (summarizes.go).
	cellIDs   idSet
	corpus    map[string]*pillarGrams // pillar key → bigrams of its detail text (cellPillar)
	grams     *gramIndex              // the detail bullets as the cell rules read them (summarizes_index.go)
	budget    int                     // work left, see maxWork2023
	budgetOut bool                    // the budget ran out (reported once)
	// covered and linked are rareClauses' flags, by bigram id and by
	// bullet, kept from cell to cell
	covered, linked []bool
	// actors are each pillar's （Xの取組） actors, actorOf each bullet's
	// (summarizes.go actorsOf).
	actors  map[string][]string
	actorOf map[*policygraph.Measure]string
}

// cell2023 is one cell (item or 〇 group) of a summary table.
type cell2023 struct {
	group bool
	lines []int  // line numbers
	text  string // joined text (raw), set when the cell is complete
	j     lineJoiner
	cands []string
	split bool // cut out of a line holding two cells
}

// keepDetail keeps m, a detail bullet of pillar key under the （…）
// sub-heading sub (in matching form; "" for none), for the cells'
// resolution.
func (s *overviewState) keepDetail(key string, m *policygraph.Measure, sub string) {
	s.detail[key] = append(s.detail[key], m)
	if sub != "" {
		if s.subOf == nil {
			s.subOf = map[*policygraph.Measure]string{}
		}
		s.subOf[m] = sub
	}
}

// overviewHeads reads the heads of an overview table from items[i], after
// its column header: a vertical label telling the kind of its pillars,
// then, for each pillar of the page, a block of short lines naming it and
// one holding its 長期的目標 (longTermGoal). It returns the index of the
// first line of the cells and the pillars the page names, in order: the
// candidates of its cells.
func (p *parser2023) overviewHeads(i int) (int, []string) {
	its := p.items
	var cands []string
	kind := ""
	expectName := true
	lastKey := ""
	for i < len(its) {
		it := its[i]
		if it.kind == k23Blank {
			i++
			continue
		}
		if j := verticalRun(its, i); j-i >= minVerticalRun {
			p.placeRange(i+1, j, "furniture:vertical-label")
			s := verticalText(its, i, j)
			for _, k := range interim2023.pillarKinds {
				if strings.HasPrefix(s, k.tableLabel) {
					kind = k.kind
					break
				}
			}
			i = j
			expectName = true
			continue
		}
		// a block of short lines up to the next blank
		j := i
		short := true
		for j < len(its) && its[j].kind != k23Blank && its[j].kind != k23Micro && its[j].kind != k23PageNum {
			if utf8.RuneCountInString(its[j].flat) > interim2023.nameCellRunes {
				short = false
			}
			j++
		}
		if !short || j == i {
			break
		}
		if expectName {
			name := ""
			for k := i; k < j; k++ {
				name += trimSpaces(p.t.raw(k))
			}
			key := p.matchPillar(p.t, name, kind)
			if key == "" {
				break
			}
			p.addAlias(key, name)
			for k := i; k < j; k++ {
				p.place(k+1, p.pillars[key].ID)
			}
			cands = append(cands, key)
			lastKey = key
			expectName = false
		} else {
			p.longTermGoal(lastKey, i, j)
			expectName = true
		}
		i = j
	}
	return i, cands
}

// longTermGoal reads the 長期的目標 cell of a pillar (lines i..j-1):
// the whole cell is Pillar.LongTermGoal, each goal of it a LONG_TERM
// target (splitGoalCell).
func (p *parser2023) longTermGoal(key string, i, j int) {
	pl := p.pillars[key]
	if pl == nil {
		return
	}
	cell := make([]cellLine, 0, j-i)
	for k := i; k < j; k++ {
		cell = append(cell, cellLine{k + 1, trimSpaces(p.t.raw(k))})
	}
	whole, goals, bare := splitGoalCell(cell, goalSeparators23)
	for _, g := range goals {
		p.addTarget(pl, "LONG_TERM", g.text, g.from, g.to)
	}
	for _, l := range bare {
		p.place(l, pl.ID) // a lone ／
	}
	if pl.LongTermGoal == "" {
		pl.LongTermGoal = whole
	}
}

// summaryParagraph cuts a blank-separated paragraph of a summary table into
// cells (cellbreaks.go): a line that ends a cell (closing parenthesis, or
// one of the layout's final words) is not continued by the next line, one
// line can hold two cells side by side ("…（2022年度～） 両基金の…"), and a
// short dated label over the cells is none.
func (p *parser2023) summaryParagraph(lines []int, cands []string) {
	var cur *cell2023
	push := func() {
		if cur != nil {
			cur.text = cur.j.String()
			if trimSpaces(cur.text) != "" {
				p.summary = append(p.summary, cur)
			}
		}
		cur = nil
	}
	for li, l := range lines {
		raw := trimSpaces(p.t.raw(l - 1))
		if cur == nil && li+1 < len(lines) && isDatedLabel(p.t.normalize(raw)) && !cellEnds(raw, interim2023.cellEndWords) && !endsKana(raw) {
			// "2025年大阪・関西万博" over the cells it dates: a label, not
			// the head of the next cell
			p.place(l, "skipped:summary-label")
			continue
		}
		var two [2]string // the line, or the two cells it holds
		segs := append(two[:0], raw)
		if left, right, ok := splitTwoCells(raw); ok {
			segs = append(two[:0], left, right)
		}
		for si, s := range segs {
			if cur == nil {
				cur = &cell2023{cands: cands}
			}
			if si > 0 {
				push()
				cur = &cell2023{cands: cands, split: true}
			}
			cur.lines = append(cur.lines, l)
			cur.j.add(s)
			if cellEnds(s, interim2023.cellEndWords) {
				push()
			}
		}
	}
	push()
}

// resolveSummary assigns every summary cell to a pillar and creates its node.
func (p *parser2023) resolveSummary() {
	if len(p.summary) == 0 {
		return // no overview table: nothing to match
	}
	p.grams = newGramIndex(p.t, p.detail)
	p.grams.subheadings(p.subOf)
	p.corpus = p.pillarCorpus()
	for _, c := range p.summary {
		// the cell in matching form, read once for the rules that need it
		n := p.t.normalize(c.text)
		p.grams.reset() // the texts read for the cell before are dead
		var t *gramText
		if len(c.cands) > 1 || !c.group {
			t = p.grams.text(n)
		}
		key := p.cellPillar(c, t)
		if key == "" {
			for _, l := range c.lines {
				p.place(l, "skipped:summary-cell-without-pillar")
			}
			continue
		}
		if c.group {
			g := p.groupFor(key, c.text, c.lines[0], true)
			p.place(c.lines[0], g.ID)
			continue
		}
		p.summaryMeasure(key, c, n, t)
	}
}

func (p *parser2023) cellPillar(c *cell2023, t *gramText) string {
	if len(c.cands) == 1 {
		return c.cands[0]
	}
	best, bestScore := "", -1.0
	for _, k := range c.cands {
		s := p.corpus[k].cover(t)
		if s > bestScore {
			best, bestScore = k, s
		}
	}
	return best
}

// summaryMeasure creates the measure of a summary cell (n: its text in
// matching form, t: n read), linked by SUMMARIZES to the detail bullets it digests (summarizes.go): status from them, horizon
// from the cell's own date, group from them (digestGroup).
func (p *parser2023) summaryMeasure(key string, c *cell2023, n string, t *gramText) {
	pl := p.pillars[key]
	ds := p.digests(key, n, t, c.lines[0])
	m := p.newMeasure(p.cellID(key, c.text), c.text, cellStatus(ds), c.lines[0], c.lines[len(c.lines)-1])
	m.PillarID, m.Overview = pl.ID, true
	m.Horizon = cellHorizon(m.StartYear, p.t.Year)
	m.GroupID = digestGroup(ds)
	p.addMeasure(pl.ID, m)
	for _, d := range ds {
		r := &policygraph.Relationship{ID: relID(policygraph.RelSummarizes, m.ID, d.m.ID), Type: policygraph.RelSummarizes,
			Start: m.ID, End: d.m.ID, Properties: map[string]any{"rule": d.rule, "score": roundScore(d.mark)}}
		p.pd.Rels = append(p.pd.Rels, r)
	}
	if p.pd.Summary == nil {
		p.pd.Summary = map[string]bool{}
	}
	p.pd.Summary[m.ID] = true
	for _, l := range c.lines {
		p.place(l, m.ID)
	}
}

// maxWork2023 bounds the work the overview-cell rules may do in one
// document, counted in bigrams: a comparison of two texts is charged both
// their counts, before it runs, whatever way it reads them. The cells are compared with the bullets
// of their pillar, which grows with the square of the document; the real
// report spends 1,406,323 of it. When it runs out the remaining cells link to
// nothing and the report says where it stopped.
const maxWork2023 = 50_000_000

// spend charges work of a and b units (bigrams, bytes or items walked) for
// one comparison or scan, before it runs; false once the budget is gone,
// reported once at line.
func (p *parser2023) spend(a, b, line int) bool {
	p.budget -= a + b + 1
	if p.budget > 0 {
		return true
	}
	if !p.budgetOut {
		p.budgetOut = true
		p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "summarizes", File: p.t.File, Line: line,
			Reason: fmt.Sprintf("the overview-cell rules stopped here: the document needs more than %d bigram comparisons (see maxWork2023)", maxWork2023)})
	}
	return false
}

// tableSlide records that an overview table, from its header cell at
// line top to items[end], fills one slide: the extraction starts some of
// its text boxes with a space (' 各分野（ミクロ）の主要施策', a cell), which
// would otherwise count as slide breaks. The slide ends at the table's
// last line of text; a page number or blank lines after it may open the
// next.
func (p *parser2023) tableSlide(top, end int) {
	end = min(end, len(p.items)-1) // the table may end the text
	for ; end >= 0 && (p.items[end].kind == k23Blank || p.items[end].kind == k23PageNum); end-- {
	}
	if end >= 0 && end+1 >= top {
		p.pd.slides = append(p.pd.slides, oneSlide{top, end + 1})
	}
}
