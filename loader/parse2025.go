package loader

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// The interim-2025 grammar. This file holds what is this layout's own:
// the parts of the deck and their order (parse2025), what an item means in
// each part (the lexer below), and how a table slide's pieces become a
// pillar, its groups and measures (parseTables, buildPillars); parts 1 and
// 2 are read in macro25.go and directions25.go, the table cells that copy
// a direction bullet in dircopies25.go. The layout's words and widths are
// data, interim2025Tables (interim2025.go).
//
// A new layout that prints the council's pillar tables supplies the same:
// a tableLayout value, a lexer giving its kinds to the shared lexer's
// shapes (lex.go; lex25 is told interim2025Tables), and a parser for its
// parts, including its own table-slide loop (parseTables reads this
// layout's line kinds). It reuses the readers:
// lineItem and itemsIn (lineitem.go), slide furniture (furniture.go),
// display widths (dispwidth.go), cells from paragraphs (tablecells.go),
// their columns and statuses (columns.go), a slide's pieces and which
// cells a row heading holds (tableslide.go), the pillar's identity from the
// edition's pillar table (pillarspec.go), 長期的目標 cells and row names
// (overview.go), and the nodes through docBuilder (build.go).

// parse2025 reads the 2025 edition (第4次中間整理). The text is a flattened
// slide deck in three parts, in this order:
//
//  1. macro/scenario pages (現状認識, the 2040 projections and their charts):
//     skipped, except the quantified 国内投資 goals (➢ …目標を設定), which
//     become KEY_MESSAGE targets (macro25.go);
//  2. 政策の方向性①②③, each with （１）… headings over ⚫ bullets:
//     PolicyDirections, a MeasureGroup per heading, a Measure per bullet
//     (directions25.go);
//  3. （参考）長期目標に向けた施策の進捗…: one table per pillar with the
//     columns 長期的目標 | 第３次以降の進捗 | 今後検討が必要となる施策.
//
// The work is split as in text/template/parse: lex25 turns lines into typed
// items (one item per line, with its line number), and the parser below
// builds nodes from the items.
func parse2025(t *docText) (*parsedDoc, error) {
	if t == nil || t.lineCount() == 0 {
		file := ""
		if t != nil {
			file = t.File
		}
		return nil, fmt.Errorf("%s:1: empty document", file)
	}
	t.fillNorm() // a no-op on a docText made by newDocText or handText
	pillars, err := t.pillarTable()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.File, err)
	}
	b := newDocBuilder(t)
	lx := lex25(t, b.lines)
	if lx.dirStart < 0 && lx.tableStart < 0 {
		return nil, fmt.Errorf("%s:%d: no 政策の方向性 heading and no 長期的目標/第３次以降の進捗 table: not a text of the interim-2025 layout (第4次中間整理)", t.File, 1)
	}
	b.pd.Doc = &policygraph.Document{ID: t.DocID, Year: t.Year, File: t.File, Lines: t.lineCount()}
	p := &parser25{docBuilder: b, lx: lx, lay: lx.lay, pillars: pillars}
	p.parseDirections()
	p.parseTables()
	p.linkDirectionCopies()
	p.parseMacro() // last: it links the ①②③ summary lines to the directions
	return p.pd, nil
}

// ---- lexer ----

// kind2025 is this grammar's kind of a line (lineItem.kind).
type kind2025 = itemKind

const (
	it25Blank       kind2025 = iota
	it25Text                 // any other text line
	it25PageNum              // a lone page number
	it25ChartNum             // chart axis/value line (macro pages)
	it25Vertical             // one character of a vertical label
	it25DirHead              // 政策の方向性① ～…～
	it25DirSub               // （１）…
	it25Section              // （参考） / 長期目標に向けた施策の進捗…
	it25ColHeader            // 新機軸 / 施策の柱 / 長期的目標 第３次以降の進捗 …
	it25MicroHeader          // 各分野（ミクロ）の主要施策
	it25Group                // 〇… / ○… row heading
	it25Label                // a lone character opening a page (" 康"): the rest of a vertical label
)

type lexer25 struct {
	t     *docText
	lay   *tableLayout
	lines []slideLine // the shared lexer's shapes (lex.go)
	// items are written by the lexer only: the grammar reads runs of them
	// in place (itemsIn), so an item must not change after lexing.
	items      []lineItem
	dirStart   int // 0-based first line of the directions part, -1 if none
	tableStart int // 0-based first line of the pillar tables part, -1 if none
}

var (
	reDirHead25 = regexp.MustCompile(`^政策の方向性\s*([1-9①-⑨])`) // NFKC turns ① into 1
	reDirSub25  = regexp.MustCompile(`^\(([0-9]{1,2})\)\s*(.*)$`)
)

// lex25 classifies every line from the shapes of the shared lexer
// (lex.go). The part a line is in decides what a shape means there, so the
// lexer runs one state per part.
func lex25(t *docText, lines []slideLine) *lexer25 {
	lx := &lexer25{t: t, lay: &interim2025Tables, lines: lines, items: make([]lineItem, 0, len(lines)), dirStart: -1, tableStart: -1}
	for i, n := range t.normLines() {
		if lx.dirStart < 0 && reDirHead25.MatchString(n) {
			lx.dirStart = i
		}
		if lx.tableStart < 0 && lx.lay.opensTables(n) {
			lx.tableStart = i
			// （参考） or the 新機軸/施策の柱 header cell just above belong
			// to the table part
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if lx.lay.headsTables(t.norm(j)) {
					lx.tableStart = j
				}
			}
		}
	}
	if lx.tableStart >= 0 && lx.dirStart > lx.tableStart {
		lx.dirStart = -1 // directions after the tables: not the 2025 layout, read as tables only
	}
	for state := stateFn25(lexMacro25); state != nil; {
		state = state(lx)
	}
	return lx
}

type stateFn25 func(*lexer25) stateFn25

func (lx *lexer25) newItem(i int) lineItem {
	it := newLineItem(lx.t, &lx.lines[i], i)
	if it.text != "" {
		it.kind = it25Text
	}
	return it
}

func (lx *lexer25) sectionEnd(from int) int {
	end := lx.t.lineCount()
	for _, s := range []int{lx.dirStart, lx.tableStart} {
		if s > from && s < end {
			end = s
		}
	}
	return end
}

// lexMacro25 reads the macro/scenario pages: prose, chart numbers, page
// numbers, vertical chart labels.
func lexMacro25(lx *lexer25) stateFn25 {
	start := 0
	end := lx.sectionEnd(0)
	if lx.dirStart == 0 || lx.tableStart == 0 {
		end = 0
	}
	for i := start; i < end; i++ {
		it := lx.newItem(i)
		if it.kind != it25Blank {
			switch {
			case verticalPiece(lx.lines, i):
				it.kind = it25Vertical
			case pageNumberAt(lx.t, lx.lines, i):
				it.kind = it25PageNum
			case numericLine(lx.lines, i):
				it.kind = it25ChartNum
			}
		}
		lx.items = append(lx.items, it)
	}
	if lx.dirStart >= 0 && lx.dirStart >= end {
		return lexDirections25
	}
	return lexTables25
}

func lexDirections25(lx *lexer25) stateFn25 {
	end := lx.sectionEnd(lx.dirStart)
	for i := lx.dirStart; i < end; i++ {
		it := lx.newItem(i)
		if it.kind != it25Blank {
			lx.classifyBody(&it)
			switch {
			case reDirHead25.MatchString(it.norm):
				it.kind = it25DirHead
			case reDirSub25.MatchString(it.norm):
				it.kind = it25DirSub
			}
		}
		lx.items = append(lx.items, it)
	}
	if lx.tableStart >= 0 {
		return lexTables25
	}
	return nil
}

// classifyBody sets the type of a non-blank line of the directions or table
// part: page numbers (alone or at the end of a line), else text.
func (lx *lexer25) classifyBody(it *lineItem) {
	it.kind = it25Text
	l := &lx.lines[it.line-1]
	if l.shape == shapeNumber {
		it.kind = it25PageNum
		return
	}
	// "…全国展開等） 17": the page number was glued to the last line (the
	// slides of this edition number up to 99)
	it.cutPageNumber(l, lx.lay.pageDigits)
}

func lexTables25(lx *lexer25) stateFn25 {
	if lx.tableStart < 0 {
		return nil
	}
	for i := lx.tableStart; i < lx.t.lineCount(); i++ {
		it := lx.newItem(i)
		if it.kind == it25Blank {
			lx.items = append(lx.items, it)
			continue
		}
		n := it.norm
		switch {
		case lx.lay.isSection(n):
			it.kind = it25Section
		case lx.lay.isColumnHeader(n):
			it.kind = it25ColHeader
		case lx.lay.isMicroHeader(n):
			it.kind = it25MicroHeader
		case lx.lay.isGroupHead(n):
			it.kind = it25Group
		case verticalPiece(lx.lines, i):
			it.kind = it25Vertical
		case singleAt(lx.lines, i) && it.pageStart:
			it.kind = it25Label
		default:
			lx.classifyBody(&it)
		}
		lx.items = append(lx.items, it)
	}
	return nil
}

// ---- parser ----

type parser25 struct {
	docBuilder
	lx  *lexer25
	lay *tableLayout // the tables' words and measurements

	pillars []pillarSpec // the curated pillar table (aliases.json "editions")

	// dirs is what directionTwins matches cells against, the directions'
	// measures in matching form, made from the first dirsN of them.
	dirs  string
	dirsN int
}

var circled25 = map[rune]int{'①': 1, '②': 2, '③': 3, '④': 4, '⑤': 5, '⑥': 6, '⑦': 7, '⑧': 8, '⑨': 9}

// ---- part 3: the pillar tables ----

func (p *parser25) parseTables() {
	if p.lx.tableStart < 0 {
		return
	}
	items := itemsIn(p.lx.items, p.lx.tableStart+1, p.t.lineCount()+1)
	var segs []*tableSlide
	var seg *tableSlide
	newSeg := func(line int) {
		if seg != nil && seg.end < seg.start {
			seg.end = seg.start
		}
		seg = &tableSlide{start: line, end: line}
		segs = append(segs, seg)
	}
	// The open paragraph of text lines, which the cells are read from.
	texts := 0
	for _, it := range items {
		if it.kind == it25Text {
			texts++
		}
	}
	paras := newParagraphs(texts)
	flushPara := func() {
		if para := paras.take(); len(para) > 0 && seg != nil {
			seg.cells = p.lay.cells.appendCells(seg.cells, para)
		}
	}
	for k := 0; k < len(items); k++ {
		it := items[k]
		if seg != nil && it.kind != it25Blank {
			seg.end = it.line
		}
		switch it.kind {
		case it25Blank:
			flushPara()
		case it25Section:
			flushPara()
			p.place(it.line, "furniture:section-title")
		case it25PageNum:
			p.place(it.line, "furniture:page-number")
		case it25ColHeader:
			flushPara()
			if seg == nil || seg.hasContent() {
				newSeg(it.line)
			}
			seg.headerLines = append(seg.headerLines, it.line)
			p.place(it.line, "furniture:table-header")
		case it25MicroHeader:
			flushPara()
			if seg == nil || it.pageStart && seg.hasBody() {
				newSeg(it.line)
			}
			if seg.microLine == 0 {
				seg.microLine = it.line
			}
			p.place(it.line, "furniture:table-header")
		case it25Vertical, it25Label:
			flushPara()
			// the run of one-character lines: vertical pieces, or a lone label
			from := k
			for it.kind == it25Vertical && k+1 < len(items) && items[k+1].kind == it25Vertical {
				k++
			}
			run := items[from : k+1]
			var b strings.Builder
			for _, r := range run {
				b.WriteString(r.norm)
			}
			word := b.String()
			if kind := p.lay.kindOfLabel(word); kind != "" {
				if seg == nil {
					newSeg(run[0].line)
				}
				seg.kindHint = kind
				for _, r := range run {
					p.place(r.line, "furniture:vertical-label")
				}
				continue
			}
			if seg == nil || seg.hasBody() || seg.label != "" || len(seg.goal) > 0 {
				newSeg(run[0].line)
			}
			seg.label = word
			for _, r := range run {
				seg.labelLines = append(seg.labelLines, r.line)
			}
			seg.end = run[len(run)-1].line
		case it25Group:
			flushPara()
			if seg == nil {
				newSeg(it.line)
			}
			g := &rowHeading{lines: []lineItem{it}, after: len(seg.cells)}
			// "〇豊かな生活環境の創出" + "（若者・女性の…取組）": the heading wraps
			for k+1 < len(items) && items[k+1].kind == it25Text && strings.HasPrefix(items[k+1].norm, p.lay.groupWrap) {
				k++
				g.lines = append(g.lines, items[k])
				seg.end = items[k].line
			}
			seg.groups = append(seg.groups, g)
		default: // it25Text
			if seg == nil {
				newSeg(it.line)
			}
			if it.pageStart {
				flushPara() // a new page or text box never continues a cell
			}
			// A pillar label: a very short line alone in the header zone
			// ("ＧＸ", "ＤＸ", " EBPM").
			if paras.empty() && utf8.RuneCountInString(it.norm) <= p.lay.labelMaxRunes && (it.pageStart ||
				!seg.hasBody() && len(seg.goal) == 0 && seg.label == "" && (len(seg.headerLines) > 0 || seg.kindHint != "")) {
				if it.pageStart && seg.hasContent() {
					newSeg(it.line)
				}
				if seg.label == "" {
					seg.label = it.norm
					seg.labelLines = append(seg.labelLines, it.line)
					continue
				}
			}
			// The 長期的目標 column: a run of narrow lines in the header zone,
			// or opening a page.
			if paras.empty() && it.width <= p.lay.goalMaxWidth && p.narrowRun(items, k) &&
				(it.pageStart || !seg.hasBody() && len(seg.goal) == 0) {
				if seg.hasBody() || len(seg.goal) > 0 {
					newSeg(it.line)
				}
				// the goal is the run of narrow lines, as the lexer holds it
				from := k
				for ; k < len(items) && items[k].kind == it25Text && items[k].width <= p.lay.goalMaxWidth; k++ {
					seg.end = items[k].line
				}
				seg.goal = items[from:k:k]
				k--
				continue
			}
			paras.add(it)
		}
	}
	flushPara()
	p.buildPillars(segs)
}

// narrowRun reports whether items[k] and the next line are both short text
// lines: the shape of the 長期的目標 column.
func (p *parser25) narrowRun(items []lineItem, k int) bool {
	if k+1 >= len(items) {
		return false
	}
	n := items[k+1]
	return n.kind == it25Text && n.width <= p.lay.goalMaxWidth
}

func (p *parser25) buildPillars(segs []*tableSlide) {
	used := map[int]bool{}
	ordinals := map[string]int{}
	lastKind := policygraph.KindMission
	for _, seg := range segs {
		if !seg.hasContent() {
			continue
		}
		// a pillar's table fills a slide of its own
		p.pd.slides = append(p.pd.slides, oneSlide{seg.start, seg.end})
		for _, g := range seg.groups {
			g.name = groupName(joinTexts(g.lines))
		}
		kind, name := seg.kindHint, seg.label
		var aliases []string
		if i := identifyPillar(p.pillars, seg.label, seg.heads(), used); i >= 0 {
			used[i] = true
			s := &p.pillars[i]
			kind, name = s.Kind, s.Name
			aliases = s.aliasesWith(seg.label)
		}
		if kind == "" {
			kind = lastKind
		}
		lastKind = kind
		if name == "" {
			name = "（名称不明）"
		}
		ordinals[kind]++
		ord := ordinals[kind]
		key := fmt.Sprintf("%s-%d", map[string]string{policygraph.KindMission: "MISSION", policygraph.KindOS: "OS"}[kind], ord)
		id := pillarID(p.t.Year, key)
		goal := make([]cellLine, len(seg.goal))
		for k, g := range seg.goal {
			goal[k] = cellLine{g.line, g.text}
		}
		whole, goals, bare := splitGoalCell(goal, p.lay.goalSeparators)
		// Source: the slide's heading zone (header, labels, goal); a slide
		// that lost all of it is located by its first row headings.
		from, to := seg.start, seg.start
		for _, l := range seg.labelLines {
			to = max(to, l)
		}
		for _, g := range seg.goal {
			to = max(to, g.line)
		}
		if to == from && len(seg.headerLines) == 0 && seg.label == "" {
			if seg.microLine > 0 {
				from, to = seg.microLine, seg.microLine
			}
			for _, g := range seg.groups {
				if g.after > 0 {
					break
				}
				to = max(to, g.lines[len(g.lines)-1].line)
			}
		}
		pl := &policygraph.Pillar{ID: id, DocumentID: p.t.DocID, Key: key, Kind: kind, Ordinal: ord,
			Name: name, Aliases: aliases, LongTermGoal: whole, Source: p.source(from, to)}
		if pl.Aliases == nil {
			pl.Aliases = []string{}
		}
		seg.pillar = pl
		p.pd.Pillars = append(p.pd.Pillars, pl)
		p.rel(policygraph.RelHasPillar, p.t.DocID, id)
		for _, l := range seg.labelLines {
			p.place(l, id)
		}
		for _, g := range goals {
			p.addTarget(pl, "LONG_TERM", g.text, g.from, g.to)
		}
		for _, l := range bare {
			p.place(l, id) // a lone ／
		}
		p.buildBody(seg)
	}
}

// buildBody makes the table slide's groups and measures.
func (p *parser25) buildBody(seg *tableSlide) {
	pl := seg.pillar
	for _, g := range seg.groups {
		g.id = p.addGroup(pl.ID, pl.ID, pl.Key, g.name, g.lines[0].line, g.lines[len(g.lines)-1].line).ID
		for _, l := range g.lines {
			p.place(l.line, g.id)
		}
	}
	st := p.lay.columns.statuses(seg.cells)
	p.directionTwins(seg.cells, st)
	groupOf := seg.cellHeadings()
	p.noteUngrouped(seg, groupOf)
	for i, c := range seg.cells {
		text := c.text()
		if text == "" {
			continue
		}
		id := p.ids.uniqueAs(p.t.itemID("measure", pl.Key, text), st[i])
		first, last := c.lines[0].line, c.lines[len(c.lines)-1].line
		m := p.newMeasure(id, text, st[i], first, last)
		m.PillarID = pl.ID
		if g := groupOf[i]; g != nil {
			m.GroupID = g.id
		}
		p.addMeasure(pl.ID, m)
		for _, l := range c.lines {
			p.place(l.line, id)
		}
	}
}
