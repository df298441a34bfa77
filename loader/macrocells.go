package loader

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// The 2023 macro framework (マクロ（結果としての経済全体）のフレームワーク,
// lines 267–360) is a table of cross-cutting policies, the 2023 form of
// what the 2025 edition calls 政策の方向性: rows 国内投資, イノベーション,
// 所得向上 (vertical labels), columns 足下３年程度, ３～５年後, 長期的目標.
// Its goals are targets (macrogoals.go); each policy cell is a measure of
// one PolicyDirection titled by the table's title, status FUTURE (what the
// table sets out to do). The extraction lists the row labels before all
// the cells, so the row a cell is in is not told: the report says so
// (noteUngrouped23).
// Not cells: the four ● bullets of where things stand today (●設備投資意欲
// の上昇, ●人手不足・新陳代謝の兆し, ●30年ぶりの賃上げ水準, ●既存の政府支援
// （R4補正:7兆円）: the table's context, the last one a support already
// given rather than a policy it sets out), the heading of a goal list
// (社会課題解決に向けた進展 over ・GX：…), the ★ legend, and the connectors
// 両立 and ＋. Two cells read as aims more than instruments (293 企業活動を
// 高付加価値化し、経済産業構造を転換, 332 将来の成長期待に基づく民間投資の促進):
// nothing marks them as goals (no 目標, no 実現 or 定着 ending, as the
// goals 330 and 341 have), so they stay cells.

// macroState is what the macro framework's reading keeps, embedded in the
// grammar's parser: the framework's direction, its cells and its row
// labels.
type macroState struct {
	macroDir   *policygraph.PolicyDirection
	macroCells map[*policygraph.Measure]bool
	macroRows  []macroRow
}

// macroRow is a row label of the macro framework: a vertical label.
type macroRow struct {
	label    string
	from, to int
}

// macroCellMinRunes: shorter texts of the table are its connectors (両立, ＋).
const macroCellMinRunes = 4

// macroCell reads a policy cell at item i of the macro section and returns
// the index of its last item, or -1 when the item is no cell.
func (p *parser2023) macroCell(i int) int {
	its := p.items
	it, line := its[i], i+1
	if it.kind != k23Text || utf8.RuneCountInString(it.flat) < macroCellMinRunes ||
		strings.HasPrefix(it.flat, "★") || strings.HasSuffix(it.flat, "のフレームワーク") {
		return -1
	}
	if i+1 < len(its) && its[i+1].kind == k23Text && strings.HasPrefix(its[i+1].flat, "・") {
		return -1 // the heading of a goal list
	}
	var j lineJoiner
	j.add(p.t.raw(i))
	last := i
	// The cell's wrapped lines follow without a blank line, until one
	// ends a cell as cellEnds reads the overview tables' (a closing
	// parenthesis, …の実施, …の強化): 戦略分野の…支援（GX、…健康） is not
	// glued to the goal list under it.
	for k := i + 1; k < len(its) && its[k].kind == k23Text && !cellEnds(p.t.raw(last), interim2023.cellEndWords); k++ {
		if strings.HasPrefix(its[k].flat, "・") {
			break
		}
		j.add(p.t.raw(k))
		last = k
	}
	// A parenthesised paragraph next, after blank lines or none, details
	// the cell (スタートアップ：育成5カ年計画の着実な推進と強化 /
	// （JIC運用期限延長、…）).
	k := last + 1
	for k < len(its) && its[k].kind == k23Blank {
		k++
	}
	if k < len(its) && its[k].kind == k23Sub {
		j.add(p.t.raw(k))
		last = k
	}
	dir := p.macroDirection(i)
	text := j.String()
	m := p.newMeasure(p.ids.unique(p.t.itemID("measure", fmt.Sprintf("DIR-%d", dir.Ordinal), text)), text,
		policygraph.StatusFuture, line, last+1)
	p.addMeasure(dir.ID, m)
	if p.macroCells == nil {
		p.macroCells = map[*policygraph.Measure]bool{}
	}
	p.macroCells[m] = true
	p.placeRange(line, last+1, m.ID)
	return last
}

// macroDirection is the PolicyDirection of the macro framework whose
// cells start at item i: made once, titled by the table's title, which the
// extraction puts after most cells (line 347).
func (p *parser2023) macroDirection(i int) *policygraph.PolicyDirection {
	if p.macroDir != nil {
		return p.macroDir
	}
	title, line := "", i+1
	for k := i; k < len(p.items); k++ {
		it := p.items[k]
		if it.kind == k23TableHeader || it.kind == k23PillarCol || it.kind == k23KeyMsg {
			break // the next table or section
		}
		if it.kind == k23Text && strings.HasSuffix(it.flat, "のフレームワーク") {
			title, line = trimSpaces(p.t.raw(k)), k+1
			break
		}
	}
	if title == "" {
		title = "マクロのフレームワーク" // the table without its title line
	}
	p.macroDir = p.addDirection(1, title, line, line)
	return p.macroDir
}

// macroRowsText names the macro framework's row labels with their lines,
// for the report.
func (p *parser2023) macroRowsText() string {
	if len(p.macroRows) == 0 {
		return "(no row labels found)"
	}
	var rows []string
	for _, r := range p.macroRows {
		rows = append(rows, fmt.Sprintf("%s (lines %d–%d)", r.label, r.from, r.to))
	}
	return strings.Join(rows, ", ")
}
