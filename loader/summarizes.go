package loader

// A 2023 overview-table cell (各分野（ミクロ）の主要施策) digests one or more
// detail bullets of its pillar's （これまでの施策、今後の施策） pages. This
// file finds them (SUMMARIZES cell → bullet) and derives from them what the
// table itself cannot tell: the cell's status.
//
// Four rules, the first three scored on bigrams of the matching form
// (normalize):
//
//	restates  the bullet holding most of the cell's wording, if it holds
//	          ≥ digestMin of it ("リスキリング支援" in "リスキリング支援等（…）")
//	headline  a bullet whose headline (text before its first （ or ：) is
//	          ≥ headlineMin inside the cell: the cell lists it among others
//	          ("中堅・中小企業のGX推進、GXスタートアップ支援、…")
//	clause    a clause of the cell (between 、：／（） and without its dates)
//	          of ≥ 6 runes that is > clauseMin inside one bullet
//	subheading every bullet under a （…） sub-heading of ≥ 6 runes the
//	          cell ends with (695 …市場創出・拡大を図るための取組: its four
//	          bullets; 1113 …職員のリテラシー向上: 3423 and 3425)
//
// A bullet found by the second or third rule must add ≥ newMin of the
// cell's bigrams (or ≥ newGrams of them) not already covered by the bullets
// found before it, so a bullet that only repeats words another one gave is
// not linked. A clause held nearly as well by a ○ bullet as by a ● one goes
// to the ○ one. A cell these rules leave without a bullet, and each clause
// of a cell they leave uncovered, is tried by the rare rule
// (summarizes_rare.go).
// The thresholds are measured against a hand reading of 85 cells
// (testdata/summarizes_reading.tsv, TestSummarizesReading).

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/nfkc"
)

const (
	digestMin   = 0.6
	headlineMin = 0.8
	clauseMin   = 0.8 // strictly more: 0.80 links 840 (地域未来牽引企業の更新) to 2376, which only names those firms
	newMin      = 0.1
	clauseTie   = 0.1 // a ○ bullet this close to a ● one wins a clause
	// newGrams: in a long cell listing many bullets (861, six of them) a
	// bullet adding this many new bigrams brings a phrase of its own
	// although it is < newMin of the cell.
	newGrams = 10
	// headlineRunes and clauseRunes: shorter ones ("支援の強化") are in
	// every other bullet.
	headlineRunes = 5
	clauseRunes   = 6
	// maxCellClauses bounds the clauses of one cell the clause rules try
	// (the rest stays one last clause): the real cells have at most 10, a
	// hostile one could have thousands.
	maxCellClauses = 64
)

// isClauseCut tells the runes that end a clause of a cell.
func isClauseCut(r rune) bool {
	switch r {
	case '、', ',', '，', ':', '：', '/', '／', '。', '(', ')', '（', '）':
		return true
	}
	return false
}

// reCellTailDate is a cell's closing date ("(2024年度~)").
var reCellTailDate = regexp.MustCompile(`\([^()]*[0-9]{4}[^()]*\)$`)

// cutCellTailDate is reCellTailDate.ReplaceAllString(n, ""), without the
// backtracker trying every start: a match ends n with ')' and holds no
// other bracket, so it can only start at the last bracket before that,
// if that is '(' and a four-digit run is between them (TestCellTailDate).
func cutCellTailDate(n string) string {
	if !strings.HasSuffix(n, ")") {
		return n
	}
	i := strings.LastIndexAny(n[:len(n)-1], "()")
	if i < 0 || n[i] != '(' || !hasDigitRun(n[i+1:len(n)-1], 4) {
		return n
	}
	return n[:i]
}

// hasDigitRun reports whether s holds k ASCII digits in a row.
func hasDigitRun(s string, k int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == k {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// digest is one detail bullet a cell digests and the rule that found it.
type digest struct {
	m    *policygraph.Measure
	rule string  // restates, headline, clause, subheading, rare
	mark float64 // the rule's score
}

// digests returns the detail bullets of pillar key that the cell digests
// (n: its text in matching form, cell: n read), the best restatement
// first.
func (p *parser2023) digests(key, n string, cell *gramText, line int) []digest {
	if _, w := utf8.DecodeRuneInString(n); w == len(n) { // under two runes: no bigram
		return nil
	}
	x := p.grams
	detail, whole := p.detail[key], true
	if own, rest := p.actorBullets(key, n, line); own != nil {
		// the actor is matched: the bullets name it only in their heading
		detail, n, whole = own, p.t.normalize(rest), false
		cell = x.text(n)
	}
	if len(detail) == 0 || p.budget <= 0 {
		return nil
	}
	bgs, held := x.listOf(key, detail, whole)
	var out []digest
	covered := x.bools(len(cell.known)) // by index in cell.known
	add := func(m *policygraph.Measure, rule string, mark float64, force bool) {
		for _, d := range out {
			if d.m == m {
				return
			}
		}
		mb := x.bullets[m].ids
		fresh := 0
		cell.eachHeld(mb, func(k int) {
			if !covered[k] {
				fresh++
			}
		})
		if !force && float64(fresh)/float64(len(cell.uniq)) < newMin && fresh < newGrams {
			return
		}
		cell.eachHeld(mb, func(k int) { covered[k] = true })
		out = append(out, digest{m: m, rule: rule, mark: mark})
	}
	// restates and headline (add reads the cell by merge, not by x.pos)
	x.open(cell)
	held.count(cell)
	var best *policygraph.Measure
	bestScore := 0.0
	for i, m := range detail {
		mb := bgs[i].ids
		if !p.spend(len(cell.uniq), len(mb), line) {
			x.close(cell)
			return out
		}
		if s := cover(held.of(i, mb), len(cell.uniq)); s > bestScore {
			best, bestScore = m, s
		}
	}
	if bestScore >= digestMin {
		add(best, summarizeRestates, bestScore, true)
	}
	for i, m := range detail {
		hb := bgs[i].head
		if !p.spend(len(hb), len(cell.uniq), line) {
			x.close(cell)
			return out
		}
		// the headline's grams are the bullet's: it holds no more of
		// the cell than the bullet does
		if hb != nil && !held.below(i, len(hb), headlineMin) {
			if s := cover(x.common(hb), len(hb)); s >= headlineMin {
				add(m, "headline", s, false)
			}
		}
	}
	x.close(cell)
	// clause
	clauses := x.clauses(cell, n)
	for _, cl := range clauses {
		var best, plan *policygraph.Measure
		bestScore, planScore := 0.0, 0.0
		x.open(cl)
		held.count(cl)
		for i, m := range detail {
			mb := bgs[i].ids
			if !p.spend(len(cl.uniq), len(mb), line) {
				x.close(cl)
				return out
			}
			s := cover(held.of(i, mb), len(cl.uniq))
			if s > bestScore {
				best, bestScore = m, s
			}
			if m.Status == policygraph.StatusFuture && s > planScore {
				plan, planScore = m, s
			}
		}
		x.close(cl)
		// the table's columns are plans: a ○ bullet that holds the
		// clause nearly as well as a ● one is what the cell digests
		// (507 お助け隊の更改・普及: 1541's 改定とさらなる普及, not
		// 1538, which introduced the service)
		if plan != nil && best.Status == policygraph.StatusPast && planScore > clauseMin && planScore >= bestScore-clauseTie {
			best, bestScore = plan, planScore
		}
		if bestScore > clauseMin {
			add(best, "clause", bestScore, false)
		}
	}
	// subheading
	body := cutCellTailDate(n)
	if !p.spend(len(detail), 0, line) {
		return out
	}
	for i, m := range detail {
		if sub := bgs[i].sub; sub != "" && strings.HasSuffix(body, sub) {
			add(m, "subheading", 1, true)
		}
	}
	if len(out) == 0 {
		out = p.rare(detail, bgs, held, cell, line)
	}
	return append(out, p.rareClauses(detail, bgs, held, clauses, out, line)...)
}

// clauses reads the clauses of n, a cell in matching form read as cell,
// that the clause rules try: those of ≥ clauseRunes runes besides dates.
// A clause's grams are a run of the cell's, so it is read from the cell.
// The clauses are cut at each isClauseCut rune, at most maxCellClauses of
// them, the last holding the rest, as regexp.Split(n, maxCellClauses) cuts
// (TestCellClauses); one walk finds them, their runes and those besides
// dates.
func (x *gramIndex) clauses(cell *gramText, n string) []*gramText {
	var out []*gramText
	local := x.si.take(len(cell.uniq)) // sub's
	clear(local)
	r := 0                        // the runes of n walked
	beg, dateless, cut := 0, 0, 0 // the clause's first rune, its runes besides dates; the cuts made
	clause := func() {
		if dateless >= clauseRunes {
			out = append(out, x.sub(cell, beg, r-1, local))
		}
	}
	for i := 0; i < len(n); r++ {
		c, ok := nfkc.Decode3(n, i) // inlined: most runes are read so
		w := 3
		if !ok {
			c, w = nfkc.DecodeRune(n, i)
		}
		i += w
		switch {
		case cut < maxCellClauses-1 && isClauseCut(c):
			clause()
			beg, dateless, cut = r+1, 0, cut+1
		case !isDateRune(c):
			dateless++
		}
	}
	clause()
	return out
}

// isDateRune tells the runes of a date: digits and the words around them
// ("2022年度以降順次", "～2030年度頃"), which a clause's length leaves out.
func isDateRune(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'年', '度', '月', '以', '降', '順', '次', '~', '～', 'か', 'ら', 'ま', 'で', '頃', '目', '標', '再', '掲':
		return true
	}
	return false
}

// actorBullets: a sub-heading （Xの取組） lists what X does (3101 東証の取組,
// 3117 金融庁の取組), so a cell that X does ("東証による…の開示強化", 1032)
// digests among those bullets only, not the pillar's own measures that cite
// X's work (3137 quotes 東証's request). It returns those bullets and the
// cell's text (n, in matching form) after "Xによる"; nil when the cell
// names no such X.
func (p *parser2023) actorBullets(key, n string, line int) ([]*policygraph.Measure, string) {
	actors := p.actorsOf(key)
	if len(actors) == 0 || !p.spend(len(actors), 0, line) {
		return nil, ""
	}
	matched := map[string]string{} // actor → the cell's text after it
	for _, a := range actors {
		for _, lead := range []string{a + "による", a + "が"} {
			if r, ok := strings.CutPrefix(n, lead); ok {
				matched[a] = r
				break
			}
		}
	}
	if len(matched) == 0 || !p.spend(len(p.detail[key]), 0, line) {
		return nil, ""
	}
	var out []*policygraph.Measure
	rest := ""
	for _, m := range p.detail[key] { // in bullet order, as the rules read them
		if r, ok := matched[p.actorOf[m]]; ok {
			out, rest = append(out, m), r
		}
	}
	return out, rest
}

// actorsOf returns the actors of pillar key's （Xの取組） sub-headings, each
// once, in order; computed once per pillar, with each bullet's actor.
func (p *parser2023) actorsOf(key string) []string {
	if a, ok := p.actors[key]; ok {
		return a
	}
	if p.actors == nil {
		p.actors, p.actorOf = map[string][]string{}, map[*policygraph.Measure]string{}
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range p.detail[key] {
		actor, ok := strings.CutSuffix(p.subOf[m], "の取組")
		if !ok || utf8.RuneCountInString(actor) < 2 {
			continue
		}
		p.actorOf[m] = actor
		if !seen[actor] {
			seen[actor] = true
			out = append(out, actor)
		}
	}
	p.actors[key] = out
	return out
}

// cellStatus is PAST when every bullet the cell digests is ● (PAST): the
// table lists done items too; FUTURE otherwise, as the table's columns are
// plans.
func cellStatus(ds []digest) string {
	if len(ds) == 0 {
		return policygraph.StatusFuture
	}
	for _, d := range ds {
		if d.m.Status != policygraph.StatusPast {
			return policygraph.StatusFuture
		}
	}
	return policygraph.StatusPast
}

// digestGroup is the group most of the cell's bullets are in (the first
// bullet's on a tie): the detail pages group by the table's 〇 rows, and
// the table lists its rows apart from their cells.
func digestGroup(ds []digest) string {
	n := map[string]int{}
	for _, d := range ds {
		if g := d.m.GroupID; g != "" {
			n[g]++
		}
	}
	best := ""
	for _, d := range ds { // in bullet order: the first of the most frequent
		if g := d.m.GroupID; g != "" && n[g] > n[best] {
			best = g
		}
	}
	return best
}

// cellHorizon is the table column a cell's date places it in (its own,
// or the one its twin bullet states: shareTwinPeriods): the extraction
// loses the columns (a row's follow-on cell, such as 501 関連する他の
// ユースケースに展開, reads like any other), so a cell without a start
// year has no horizon.
func cellHorizon(start, year int) string {
	switch {
	case start == 0:
		return ""
	case start < year+3:
		return interim2023.horizonNearRaw
	case start <= year+5:
		return interim2023.horizonMidRaw
	}
	return ""
}

// cellID is the id of a cell: its text's id when no detail item of the
// pillar has the same text, else that id marked -overview, so that the
// detail bullet keeps the plain id whatever order the two are read in.
func (p *parser2023) cellID(key, text string) string {
	id := p.t.itemID("measure", key, text)
	if p.ids[id] > 0 {
		id += "-overview"
	}
	id = p.cellIDs.unique(id)
	p.ids[id]++
	return id
}

// unsummarized reports the overview cells that digest no detail bullet.
func unsummarized(d *loadedDoc, rels []*policygraph.Relationship, rep *Report) {
	if len(d.pd.Summary) == 0 {
		return
	}
	// The cells with a SUMMARIZES, sorted (a map of them was 13 kB a load).
	n := 0
	for _, r := range rels {
		if r.Type == policygraph.RelSummarizes {
			n++
		}
	}
	linked := make([]string, 0, n)
	for _, r := range rels {
		if r.Type == policygraph.RelSummarizes {
			linked = append(linked, r.Start)
		}
	}
	slices.Sort(linked)
	for _, m := range d.pd.Measures {
		if _, ok := slices.BinarySearch(linked, m.ID); d.pd.Summary[m.ID] && !ok {
			rep.addUnresolved(Unresolved{Kind: "summarizes", File: d.t.File, Line: m.LineStart, NodeID: m.ID,
				Text: m.Title, Reason: "overview cell digests no detail bullet of its pillar"})
		}
	}
}

// roundScore keeps two decimals of a rule's score, enough to read and stable
// across platforms.
func roundScore(f float64) float64 { return math.Round(f*100) / 100 }
