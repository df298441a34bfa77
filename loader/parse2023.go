package loader

// parse2023 reads the 2023 edition (第2次中間整理) of the 新機軸部会 report:
// the interim-2023 layout's grammar.
//
// The text is flattened slides, so the parser works in two layers, in the
// spirit of text/template/parse: a lexer (lex2023.go) that gives every line
// a kind (bullet, heading, page number, vertical-label character, …)
// without looking at its neighbours, and a parser (parser2023) that walks
// those items with a small state machine of document sections:
//
//	key messages  「新機軸」のキーメッセージ①…⑦ (prose; numeric goals → KEY_MESSAGE targets)
//	macro table   足下３年程度 ３～５年後 長期的目標 (the macro framework, no pillar)
//	summary       新機軸の施策の柱 tables: pillar name, 長期的目標, 主要施策 cells
//	contents      ① 炭素中立型社会の実現 ･･･p.20 (spellings of the pillar names)
//	concept       ミッション①：…（考え方） (prose; 当面見据える長期/中期目標 → targets)
//	detail        …（これまでの施策、今後の施策）: 【group】, ⚫/● past and ○ future measures
//	package       女性起業家支援パッケージ etc.: ○ measures of OS②
//
// This file holds the grammar only: the sections, what a kind of line
// means in each, and the calls into readers. The layout's words are data
// (interim2023, layout2023.go). The readers it calls are shared by any
// layout that prints the same kinds of things, and are what a new
// layout's grammar would reuse:
//
//	lex.go            the slide lexer: line shapes, bullets, bodies
//	wrapped.go        a bullet and its wrapped lines (readWrapped, wrapKinds): detail measures
//	bulletlist.go     a list of sub-bullets under a heading (readList, listKinds)
//	targetlist.go     a list of targets under a heading (targetWords.readTargets): concept targets
//	verticallabel.go  a side label one character a line (placeVerticalLabel, verticalText)
//	labelled.go       a label and its text (cutLabel, readLabelled): key goals, heading names
//	pillarlist.go     a list whose items are a kind's pillars in order (pillarList)
//	keymessages.go    a key-message block: its lists of the pillars' names and goals (keyMessages)
//	headedpillars.go  the pillars from their headings and contents (readHeadedPillars)
//	pillarnames.go    the pillars' spellings, and the pillar a name spells (matchPillar)
//	tablehead.go      a table's head: a first column's header cell over the column header (tableHead)
//	tablerows.go      a table's body: paragraphs of cell lines and its other lines (readTableRows)
//	cellbreaks.go     where a flattened table's cells break (cellEnds, splitTwoCells, …)
//	overview.go       a 長期的目標 cell's goals (splitGoalCell), group names
//	join.go           wrapped lines joined (lineJoiner)
//	kindahead.go      what a heading is over (kindAhead), a run of lines of a kind (kindRun)
//	build.go          the nodes (addPillarMeasure, …) in line order, ids, provenance, placements, prose owners
//
// Its delegates read what only this layout prints: overview_cells.go (the
// overview tables, whose cells are interleaved across columns and pillars
// and so are resolved after the detail pages, with summarizes*.go),
// groups23.go, macrocells.go and macrogoals.go.

import (
	"fmt"
	"strings"

	"github.com/policygraph/policygraph"
)

// bodyOf is item i's raw text after its bullet, trimmed: the slideLine's
// body, or the whole line for the legend and numbered lines. It is worked
// out when asked: the grammar reads it of a few lines only.
func (p *parser2023) bodyOf(i int) string {
	it, raw := p.items[i], p.t.raw(i)
	if it.kind == k23Legend || it.shape == shapeNumbered || it.shape == shapeNumbers {
		return trimSpaces(raw) // text to this grammar: keep the number
	}
	return it.body(raw)
}

// ---------------------------------------------------------------- parser

type sect2023 int

const (
	sec23None sect2023 = iota
	sec23Key
	sec23Macro
	sec23Summary
	sec23Concept
	sec23Detail
	sec23Package
)

type parser2023 struct {
	docBuilder
	items []item2023 // the docBuilder's lines, their kinds set by lex2023
	// heads: what the pillar headings and contents lines say, by line
	heads map[int]*head2023
	// pillarNames: the pillars, by key, and their spellings
	pillarNames
	// groupState: the groups by name, and the current one (groups23.go)
	groupState
	// sub is the （…） sub-heading the detail bullets read now are under
	// (in pillar subPillar), kept with them for the overview cells
	sub, subPillar string
	// overviewState: the overview cells, the detail bullets they are
	// resolved against, and their resolution's state (overview_cells.go)
	overviewState

	sec    sect2023
	pillar string // current pillar key: the prose skipped on its pages is its (ownProse)

	// keys: the key messages' lists being read; keys.names is the
	// contents' list too
	keys keyMessages
	// macroState: the macro framework's direction, cells and row labels
	// (macrocells.go)
	macroState
}

func parse2023(t *docText) (pd *parsedDoc, err error) {
	defer func() {
		// The parser indexes heavily into line slices; a bug on odd input
		// must surface as an error, never as a panic of the whole loader.
		if r := recover(); r != nil {
			pd, err = nil, fmt.Errorf("%s:1: parse2023: internal error: %v", t.fileName(), r)
		}
	}()
	if t == nil {
		return nil, fmt.Errorf("parse2023: nil document")
	}
	p, err := read2023(t)
	if err != nil {
		return nil, err
	}
	p.resolveSummary()
	shareTwinPeriods(p.pd, t.Year)
	p.finish()
	p.noteUngrouped23()
	p.noteEmptyRows23()
	return p.pd, nil
}

// read2023 reads the document up to the overview cells, which
// resolveSummary resolves against what it read.
func read2023(t *docText) (*parser2023, error) {
	b := newDocBuilder(t)
	p := &parser2023{
		docBuilder:    b,
		items:         b.lines,
		heads:         lex2023(b.lines, t),
		pillarNames:   newPillarNames(),
		groupState:    groupState{groups: map[string]*policygraph.MeasureGroup{}},
		overviewState: overviewState{detail: map[string][]*policygraph.Measure{}, cellIDs: idSet{}, budget: maxWork2023},
	}
	if err := p.findPillars(); err != nil {
		return nil, err
	}
	p.run()
	return p, nil
}

// findPillars creates one node per pillar its headings name
// (readHeadedPillars, told what a line says by pillarSighting): the
// heading of the pillar's detail pages is its provenance, the contents
// spell its name.
func (p *parser2023) findPillars() error {
	for k, h := range readHeadedPillars(len(p.items), p.pillarSighting) {
		p.pillars[k] = &policygraph.Pillar{ID: pillarID(p.t.Year, k), DocumentID: p.t.DocID, Key: k, Kind: h.kind, Ordinal: h.ord,
			Name: h.name, Source: p.source(h.from, h.to)}
	}
	if len(p.pillars) == 0 {
		return fmt.Errorf("%s:%d: no pillar heading of the interim-2023 layout (ミッション①：… / ＯＳ①：…) found", p.t.File, firstNonBlank(p.items))
	}
	for _, k := range p.pillarKeys() {
		pl := p.pillars[k]
		p.pd.Pillars = append(p.pd.Pillars, pl)
		p.rel(policygraph.RelHasPillar, p.t.DocID, pl.ID)
	}
	return nil
}

// pillarSighting is what item i says of a pillar: a contents title or
// line, or the heading of a pillar of an ordinal the layout has, its
// detail pages' if its suffix or the line under it says so.
func (p *parser2023) pillarSighting(i int) pillarSighting {
	switch it, line := p.items[i], i+1; it.kind {
	case k23ListTitle:
		return pillarSighting{what: sightContentsTitle, kind: listTitleKind23(it.flat)}
	case k23TOCEntry:
		h := p.heads[line]
		return pillarSighting{what: sightContentsLine, ord: h.tocOrd, name: h.tocNam}
	case k23Pillar:
		h := p.heads[line]
		if h.pord < 1 || h.pord > interim2023.most(h.pkind) {
			break
		}
		s := pillarSighting{what: sightHeading, kind: h.pkind, ord: h.pord, name: headingName23(p.t.raw(i)), to: line,
			preferred: h.psuffix == interim2023.detailSuffix}
		if line < len(p.items) && p.items[line].kind == k23HeadSuffix {
			s.to, s.preferred = line+1, true
		}
		return s
	}
	return pillarSighting{}
}

// run is the main pass over the lexed lines.
func (p *parser2023) run() {
	its := p.items
	// head: an overview table's 新機軸の/施策の柱 header cell, above its
	// column header (長期的目標 足下３年程度 ３～５年後)
	var head tableHead
	for i := 0; i < len(its); i++ {
		it, line := its[i], i+1
		if it.kind != k23Blank && it.kind != k23PillarCol && it.kind != k23TableHeader {
			head.other() // a header cell far above opens no table
		}
		switch it.kind {
		case k23Blank:
			continue
		case k23KeyMsg:
			p.sec = sec23Key
			p.keys.goals.close()
			p.place(line, "furniture:page-header")
			continue
		case k23PillarCol:
			head.cell(line)
			p.place(line, "furniture:column-header")
			continue
		case k23TableHeader:
			p.place(line, "furniture:column-header")
			if top, ok := head.header(); ok {
				i = p.summaryTable(i + 1)
				p.tableSlide(top, i)
			} else {
				p.sec = sec23Macro
			}
			continue
		case k23ListTitle:
			p.keys.names.open(listTitleKind23(it.flat))
			p.place(line, "furniture:section-title")
			if p.sec != sec23Key {
				p.sec = sec23None // the contents page
			}
			continue
		case k23TOCEntry:
			if h := p.heads[line]; p.keys.names.kind != "" {
				k := pillarKey(p.keys.names.kind, h.tocOrd)
				p.addAlias(k, h.tocNam)
				if pl := p.pillars[k]; pl != nil {
					p.place(line, pl.ID)
					continue
				}
			}
		case k23Pillar:
			i = p.pillarHeading(i)
			continue
		case k23PageNum:
			p.place(line, "furniture:page-number")
			continue
		case k23Legend:
			p.place(line, "furniture:legend")
			continue
		}
		switch p.sec {
		case sec23Key:
			p.keyMessage(i)
		case sec23Macro:
			i = p.macro(i)
		case sec23Concept:
			i = p.concept(i)
		case sec23Detail:
			i = p.detailLine(i)
		case sec23Package:
			i = p.packageLine(i)
		default:
			p.place(line, "skipped:outside-sections")
		}
	}
}

// pillarHeading handles ミッション①：…（考え方）/（これまでの施策、今後の施策）
// and sets the section.
func (p *parser2023) pillarHeading(i int) int {
	line := i + 1
	h := p.heads[line]
	k := pillarKey(h.pkind, h.pord)
	pl := p.pillars[k]
	if pl == nil {
		p.place(line, "skipped:unknown-pillar-heading")
		return i
	}
	p.place(line, pl.ID)
	p.addAlias(k, headingName23(p.t.raw(i)))
	suffix := h.psuffix
	if suffix == "" && i+1 < len(p.items) && p.items[i+1].kind == k23HeadSuffix {
		i++
		p.place(i+1, pl.ID)
		suffix = interim2023.detailSuffix
	}
	if k != p.pillar {
		p.group, p.groupFromSub = nil, false
	}
	p.pillar = k
	p.keys.names.close()
	if suffix == interim2023.detailSuffix {
		p.sec = sec23Detail
	} else {
		p.sec = sec23Concept
	}
	return i
}

// ---------------------------------------------------------------- key messages

// keyMessage reads item i, a line of the key-message pages (keyMessages):
// the name lists give aliases, the ＜…目標の例＞ lists give KEY_MESSAGE
// targets, and so does a prose line that states a goal (keyMessageGoal);
// the rest is prose.
func (p *parser2023) keyMessage(i int) {
	if !p.keys.read(&p.docBuilder, &p.pillarNames, i, &keyLines23) && !p.keyMessageGoal(i) {
		p.place(i+1, "skipped:key-message")
	}
}

// keyLines23 are what the kinds of line are to the key messages.
var keyLines23 = keyMessageKinds{title: k23Angle, item: k23PUA, wrap: k23Text, end: k23Past, goalsKind: interim2023.keyGoalsKind}

// macro reads the macro-framework table after the key messages: its two
// quantified goals become KEY_MESSAGE targets of its PolicyDirection, its goal statements
// LONG_TERM targets (macrogoals.go), its policy cells measures of a
// PolicyDirection (macrocells.go).
func (p *parser2023) macro(i int) int {
	it, line := p.items[i], i+1
	if it.kind == k23Single {
		return p.verticalLabel(i)
	}
	if it.kind == k23Text && strings.Contains(it.flat, interim2023.macroGoalLabel) || strings.HasPrefix(it.flat, interim2023.macroGoalHead) {
		if body := p.bodyOf(i); statesQuantity(body) {
			p.addMacroTarget(i, nil, "KEY_MESSAGE", body, line, line)
			return i
		}
	}
	if j := p.macroGoal(i); j >= 0 {
		return j
	}
	if j := p.macroCell(i); j >= 0 {
		return j
	}
	p.place(line, "skipped:macro-framework")
	return i
}

// verticalLabel reads the run of one-character lines from item i, a
// vertical label or a chart mark (placeVerticalLabel): the macro table's
// labels are its row labels.
func (p *parser2023) verticalLabel(i int) int {
	label, last, ok := p.placeVerticalLabel(i)
	if ok && p.sec == sec23Macro {
		p.macroRows = append(p.macroRows, macroRow{label, i + 1, last + 1})
	}
	return last
}

// ---------------------------------------------------------------- summary tables

// summaryTable reads one 新機軸の施策の柱 table starting after its column
// header: its heads (overviewHeads: vertical label, then pairs of
// pillar-name and 長期的目標 blocks), then its body (readTableRows): the
// cells, a paragraph of them at a time (summaryParagraph), resolved once
// the detail pages are read (resolveSummary), its 〇 rows and side labels.
// It returns the index of the last line it consumed.
func (p *parser2023) summaryTable(i int) int {
	p.sec = sec23Summary
	i, cands := p.overviewHeads(i)
	return p.readTableRows(i, &overviewRows23, func(j int) int {
		if p.items[j].kind == k23Single {
			return p.verticalLabel(j)
		}
		p.summary = append(p.summary, &cell2023{group: true, lines: []int{j + 1}, text: p.bodyOf(j), cands: cands}) // a 〇 row
		return j
	}, func(para []int) { p.summaryParagraph(para, cands) })
}

// overviewRows23 are what the kinds of line are to an overview table's
// body.
var overviewRows23 = tableRowKinds{
	blank: k23Blank,
	ends:  []itemKind{k23PillarCol, k23TableHeader, k23ListTitle, k23Pillar, k23KeyMsg, k23TOCEntry},
	own:   []itemKind{k23Single, k23OHead},
	placed: []kindPlacement{{k23PageNum, "furniture:page-number"}, {k23Micro, "furniture:section-title"},
		{k23Angle, "skipped:subheading"}},
	emptyCell: interim2023.sameAsLeft, emptyAs: "skipped:same-as-left-cell",
}

// ---------------------------------------------------------------- concept pages

// concept reads a line of a （考え方） page: prose is skipped, except the
// 当面見据える長期目標/中期目標 and （関連指標） lists, which are targets.
func (p *parser2023) concept(i int) int {
	it, line := p.items[i], i+1
	// a 【】 heading whose next bullet (past sub-headings) is ⚫/●/○ starts
	// measures even before the page header says so (headers can come
	// after their page's content)
	if it.kind == k23Bracket {
		if k, ok := kindAhead(p.items, i, 7, k23Blank, k23Sub); ok && (k == k23Past || k == k23Future) {
			p.sec = sec23Detail
			return p.detailLine(i)
		}
	}
	w := &interim2023.targets
	if kind := w.goalsHeaded(it.flat); it.kind == k23Past && kind != "" {
		p.place(line, "skipped:target-heading")
		return p.targetList(i+1, kind)
	}
	if (it.kind == k23Sub || it.kind == k23Text) && w.headsIndicators(it.flat) {
		return p.targetList(i, "INDICATOR")
	}
	if it.kind == k23Single {
		return p.verticalLabel(i)
	}
	p.place(line, "skipped:concept-prose")
	p.ownProse(p.pillars[p.pillar], line, line)
	return i
}

// targetList reads the list of targets of kind from item i, the bullets
// after 当面見据える…目標 or the （関連指標） list (readTargets), up to the
// next heading; an item that explains the indicator chosen is no goal.
func (p *parser2023) targetList(i int, kind string) int {
	goals, explained, next := interim2023.targets.readTargets(p.t, p.items, i, kind == "INDICATOR", &targetLines23)
	for _, t := range explained {
		p.placeRange(t.from, t.to, "skipped:target-explanation")
	}
	for _, t := range goals {
		p.addTarget(p.pillars[p.pillar], kind, t.text, t.from, t.to)
	}
	return next - 1
}

// targetLines23 are what the kinds of line are to a list of targets.
var targetLines23 = listKinds{blank: k23Blank, item: k23Arrow, text: [2]itemKind{k23Text, k23Sub}, note: k23Note}

// ---------------------------------------------------------------- detail pages

// detailLine reads one line of a （これまでの施策、今後の施策） page and, for a
// bullet, the lines that continue it.
func (p *parser2023) detailLine(i int) int {
	it, line := p.items[i], i+1
	switch it.kind {
	case k23Bracket:
		p.sub = ""
		name := p.bodyOf(i)
		if strings.Contains(p.t.normalize(name), interim2023.statusLabel) {
			// a status label over ⚫ examples, not a theme
			p.group, p.groupFromSub = nil, false
			p.place(line, "skipped:status-label")
			return i
		}
		p.openGroup(name, line, false)
		return i
	case k23Sub, k23Angle:
		if it.kind == k23Sub {
			p.sub, p.subPillar = strings.TrimSuffix(strings.TrimPrefix(trimSpaces(p.t.raw(i)), "（"), "）"), p.pillar
			if p.group == nil || p.groupFromSub {
				// pages without 【】 headings group by （…）
				p.openGroup(p.sub, line, true)
				return i
			}
		}
		p.place(line, "skipped:subheading")
		p.ownProse(p.pillars[p.pillar], line, line) // （東証の取組）: the pillar's too
		return i
	case k23Past, k23Future, k23OHead:
		return p.detailMeasure(i, true)
	case k23Single:
		return p.verticalLabel(i)
	case k23Text:
		if p.isPackageTitle(it) {
			p.sec = sec23Package
			return p.packageLine(i)
		}
	case k23Note:
		p.place(line, "skipped:note")
		return i
	}
	p.place(line, "skipped:detail-prose")
	p.ownProse(p.pillars[p.pillar], line, line)
	return i
}

// detailMeasure reads a bullet and its continuation lines into a measure
// (readWrapped), its status from the bullet. acrossBlank lets a line
// broken mid-word continue after a blank line.
func (p *parser2023) detailMeasure(i int, acrossBlank bool) int {
	status := policygraph.StatusFuture
	if p.items[i].kind == k23Past {
		status = policygraph.StatusPast
	}
	bl := readWrapped(p.t, len(p.items), i, p.bodyOf(i), acrossBlank, func(j int) wrapRole {
		if p.isPackageTitle(p.items[j]) {
			return wrapStop // the next package's title: no continuation
		}
		return detailWraps23.role(p.items[j].kind)
	})
	pl := p.pillars[p.pillar]
	if pl == nil {
		p.placeRange(bl.from, bl.to, "skipped:measure-without-pillar")
		return bl.last
	}
	m := p.addPillarMeasure(pl, p.group, bl.text, status, bl.from, bl.to)
	sub := "" // the （…） sub-heading it is under
	if p.sub != "" && p.subPillar == p.pillar {
		sub = p.t.normalize(p.sub)
	}
	p.keepDetail(p.pillar, m, sub)
	return bl.last
}

// detailWraps23 are what the kinds of line are to a detail bullet above.
var detailWraps23 = wrapKinds{blank: k23Blank, text: k23Text, enclosed: k23Sub}

// ---------------------------------------------------------------- packages

// isPackageTitle: the appendix pages of OS② are titled …パッケージ, a
// text line on a pillar's pages (the bare "支援パッケージ" is their side
// label).
func (p *parser2023) isPackageTitle(it item2023) bool {
	return it.kind == k23Text && p.pillar != "" && interim2023.isPackageTitle(it.flat)
}

// packageLine reads a line of OS②'s package pages: a title opens a group,
// ○ bullets are its measures, the rest is the package's prose.
func (p *parser2023) packageLine(i int) int {
	its := p.items
	it, line := its[i], i+1
	switch {
	case p.isPackageTitle(it):
		p.sub = ""
		p.openGroup(trimSpaces(p.t.raw(i)), line, false)
		return i
	case it.flat == interim2023.packageSideLabel:
		p.place(line, "furniture:side-label")
		return i
	case it.kind == k23Future || it.kind == k23OHead:
		return p.detailMeasure(i, false)
	case it.kind == k23Past:
		// the package's purpose statement and its wrapped lines
		j := kindRun(its, i+1, k23Text)
		p.placeRange(line, j, "skipped:package-intro")
		p.ownProse(p.pillars[p.pillar], line, j)
		return j - 1
	case it.kind == k23Text && hasCircLead(trimSpaces(p.t.raw(i))):
		p.place(line, "skipped:subheading")
		p.ownProse(p.pillars[p.pillar], line, line)
		return i
	case it.kind == k23Single:
		return p.verticalLabel(i)
	}
	p.place(line, "skipped:package-chart")
	p.ownProse(p.pillars[p.pillar], line, line)
	return i
}

// ---------------------------------------------------------------- finish

// finish makes the key messages' goals stated without a number targets
// (addWordGoals), fills the aliases (every spelling once, by matching
// form) and sorts the nodes by line (sortByLine).
func (p *parser2023) finish() {
	p.keys.addWordGoals(&p.docBuilder)
	p.fillAliases(p.t, p.pd.Pillars)
	p.sortByLine() // the notes of groups23.go read them in this order
}
