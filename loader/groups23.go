package loader

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// The interim-2023 grammar's groups, a delegate of it (parse2023.go): the
// 【】 themes and （…） sub-headings of the detail pages, the package
// titles, and the 〇 rows of the overview tables, which are the same group
// as a theme they name (groupFor); and what the report is told of the
// measures that stay in no group and the rows that hold none.

// groupState is what the grammar's groups keep, embedded in its parser.
type groupState struct {
	groups map[string]*policygraph.MeasureGroup // by pillar key and name in matching form
	// rowGroups are the groups an overview table's 〇 row made (no 【】
	// theme of the pillar has its name)
	rowGroups map[*policygraph.MeasureGroup]bool
	groupRead map[*policygraph.MeasureGroup]readGroupName // groupGrams'
	// group is the group the detail bullets read now are in (openGroup);
	// groupFromSub: a （…） sub-heading named it (a page without 【】
	// headings), so the next （…） opens a new group.
	group        *policygraph.MeasureGroup
	groupFromSub bool
}

// noteUngrouped23 tells the report which 2023 measures stay in no group,
// one entry per measure with its line. An overview cell takes its group
// from the bullets it digests (digestGroup), because the table lists its 〇
// rows apart from their cells; a cell that digests none has no row the
// layout tells. A detail bullet is in no group when it sits under a status
// label such as 【これまでの施策例】 (1291, 1293) rather than a theme. A
// cell of the macro framework is in none of its rows, which the table
// lists apart from its cells.
func (p *parser2023) noteUngrouped23() {
	macroReason := "" // the same for every macro cell: written once
	for _, m := range p.pd.Measures {
		if m.GroupID != "" {
			continue
		}
		reason := "detail bullet under no 【】 theme heading (a status label such as 【これまでの施策例】 is not a theme)"
		switch {
		case m.Overview:
			reason = "overview cell digests no detail bullet, and the table lists its 〇 rows apart from their cells, so the layout does not tell its row"
		case p.macroCells[m]:
			if macroReason == "" {
				macroReason = "macro-framework cell: the table lists its rows " + p.macroRowsText() + " and its columns apart from their cells, so the layout does not tell its row or column"
			}
			reason = macroReason
		}
		p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "group", File: p.t.File, Line: m.LineStart,
			NodeID: m.ID, Text: m.Title, Reason: reason})
	}
}

// noteEmptyRows23 tells the report which 〇 rows of a pillar's overview
// table hold no measure, one entry per pillar with their lines: a cell
// takes the 【】 theme of the bullets it digests (digestGroup), which is
// its row where the row names the theme; the table lists its rows apart
// from its cells, so a row that names no theme is told no cell.
func (p *parser2023) noteEmptyRows23() {
	held := make(map[string]bool, len(p.pd.Groups))
	for _, m := range p.pd.Measures {
		held[m.GroupID] = true
	}
	var empty []string // lines of the pillar's empty rows
	flush := func(pl string, first int) {
		if len(empty) == 0 {
			return
		}
		name := pl
		for _, x := range p.pd.Pillars {
			if x.ID == pl {
				name = x.Name
			}
		}
		rows := fmt.Sprintf("%d 〇 rows of the overview table hold no measure (lines %s)", len(empty), strings.Join(empty, ", "))
		if len(empty) == 1 {
			rows = "a 〇 row of the overview table holds no measure (line " + empty[0] + ")"
		}
		p.pd.Unresolved = append(p.pd.Unresolved, Unresolved{Kind: "group", File: p.t.File, Line: first, NodeID: pl, Text: name,
			Reason: rows + ": the table lists its rows apart from its cells, and a cell takes the 【】 theme of the bullets it digests, which no row there names"})
		empty = empty[:0]
	}
	pillar, first := "", 0
	for _, g := range p.pd.Groups {
		if held[g.ID] || !p.rowGroups[g] {
			continue
		}
		if g.PillarID != pillar {
			flush(pillar, first)
			pillar, first = g.PillarID, g.LineStart
		}
		empty = append(empty, strconv.Itoa(g.LineStart))
	}
	flush(pillar, first)
}

// openGroup makes the group named name, headed at line, the current
// pillar's current group, which the bullets after it are measures of;
// fromSub: a （…） sub-heading names it, on a page without 【】 themes.
func (p *parser2023) openGroup(name string, line int, fromSub bool) {
	p.group = p.groupFor(p.pillar, name, line, false)
	p.groupFromSub = fromSub
	p.place(line, p.group.ID)
}

// groupFor returns the group of pillar key named name, creating it at line
// if there is none yet; a summary 〇 heading that names a detail 【】 group
// is the same group.
func (p *parser2023) groupFor(key, name string, line int, fromSummary bool) *policygraph.MeasureGroup {
	name = groupName(name)
	k := key + "\x00" + p.t.normalize(name)
	if g := p.groups[k]; g != nil {
		return g
	}
	if fromSummary {
		// a looser match, best first and in creation order so that it is
		// deterministic: the 〇 heading is a shortened 【】 name
		// ("Web3.0" for "Web3.0の事業環境整備") or a near spelling of it.
		n := p.t.normalize(name)
		nb := bigram.Distinct(n)
		pid := pillarID(p.t.Year, key)
		var best *policygraph.MeasureGroup
		bestScore := 0.0
		for _, g := range p.pd.Groups {
			// every group is charged, those of other pillars too: the
			// loop is over all of them
			if !p.spend(1, 0, line) {
				break
			}
			if g.PillarID != pid {
				continue
			}
			gn, gb := p.groupGrams(g)
			if !p.spend(len(gn), len(n), line) {
				break
			}
			s := bigram.Dice(gb, nb)
			if len(n) >= 6 && strings.Contains(gn, n) {
				s = 1
			}
			if s >= 0.75 && s > bestScore {
				best, bestScore = g, s
			}
		}
		if best != nil {
			return best
		}
	}
	pid := pillarID(p.t.Year, key)
	g := p.addGroup(pid, pid, key, name, line, line)
	p.groups[k] = g
	if fromSummary {
		if p.rowGroups == nil {
			p.rowGroups = map[*policygraph.MeasureGroup]bool{}
		}
		p.rowGroups[g] = true
	}
	return g
}

// groupGrams is a group's name in matching form and its bigrams (sorted),
// read once per group for the summary headings groupFor matches.
func (p *parser2023) groupGrams(g *policygraph.MeasureGroup) (string, []bigram.Bigram) {
	if r, ok := p.groupRead[g]; ok {
		return r.name, r.grams
	}
	if p.groupRead == nil {
		p.groupRead = map[*policygraph.MeasureGroup]readGroupName{}
	}
	n := p.t.normalize(g.Name)
	r := readGroupName{n, bigram.Distinct(n)}
	p.groupRead[g] = r
	return r.name, r.grams
}

// readGroupName is a group's name as groupGrams reads it.
type readGroupName struct {
	name  string
	grams []bigram.Bigram
}
