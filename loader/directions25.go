package loader

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// ---- part 2: 政策の方向性 ----

// parseDirections reads 政策の方向性①②③. Each direction lists （１）…
// headings, each with a ⇒ subtitle and ⚫ bullets: a heading (with its
// subtitle) is a MeasureGroup, each bullet a Measure in it, HAS_MEASURE from
// the direction. A bullet runs until the next ⚫, heading or direction; its
// wrapped lines may follow a blank line (lines 1048–1050).
func (p *parser25) parseDirections() {
	if p.lx.dirStart < 0 {
		return
	}
	from := p.lx.dirStart + 1
	to := p.t.lineCount() + 1
	if p.lx.tableStart >= 0 {
		to = p.lx.tableStart + 1
	}
	var dir *policygraph.PolicyDirection
	var group *policygraph.MeasureGroup
	var bullet []lineItem // the open bullet's lines
	flush := func() {
		if len(bullet) > 0 && dir != nil {
			p.addDirectionMeasure(dir, group, bullet)
		}
		bullet = nil
	}
	for _, it := range itemsIn(p.lx.items, from, to) {
		switch it.kind {
		case it25Blank:
		case it25PageNum:
			p.place(it.line, "furniture:page-number")
		case it25DirHead:
			flush()
			group = nil
			dir = p.addDirection(it)
		case it25DirSub:
			flush()
			group = nil
			if dir == nil {
				continue // a (n) item before any direction: left unplaced for the report
			}
			m := reDirSub25.FindStringSubmatch(it.norm)
			title := strings.TrimSpace(m[2])
			if raw := strings.TrimSpace(it.text); strings.HasPrefix(raw, "（") {
				if i := strings.Index(raw, "）"); i > 0 {
					title = strings.TrimSpace(raw[i+len("）"):])
				}
			}
			group = p.addGroup(dir.ID, "", fmt.Sprintf("DIR-%d", dir.Ordinal), title, it.line, it.line)
			p.place(it.line, group.ID)
		default:
			switch {
			case strings.HasPrefix(it.norm, "⚫") || strings.HasPrefix(it.norm, "●"):
				flush()
				bullet = []lineItem{it}
			case len(bullet) > 0:
				bullet = append(bullet, it)
			case strings.HasPrefix(it.norm, "⇒") && group != nil:
				// the heading's subtitle: part of the group's provenance
				group.LineEnd = it.line
				group.Quote = p.quote(group.LineStart, it.line)
				p.place(it.line, group.ID)
			case strings.HasPrefix(it.norm, "⇒") && dir != nil:
				// the direction's subtitle: part of its provenance
				dir.LineEnd = it.line
				dir.Quote = p.quote(dir.LineStart, it.line)
				p.place(it.line, dir.ID)
			case dir != nil && group != nil:
				bullet = []lineItem{it} // an item without its bullet mark
			}
		}
	}
	flush()
}

func (p *parser25) addDirection(it lineItem) *policygraph.PolicyDirection {
	m := reDirHead25.FindStringSubmatch(it.norm)
	r, _ := utf8.DecodeRuneInString(m[1])
	ord := circled25[r]
	if ord == 0 {
		ord = int(r - '0')
	}
	src := it.text
	if strings.Index(src, "方向性") < 0 {
		src = it.norm
	}
	title := strings.TrimSpace(src[strings.Index(src, "方向性")+len("方向性"):])
	title = strings.TrimSpace(strings.TrimLeft(title, "①②③④⑤⑥⑦⑧⑨ "))
	title = strings.Trim(title, "～〜~ 　")
	return p.docBuilder.addDirection(ord, title, it.line, it.line)
}

// addDirectionMeasure makes one ⚫ bullet a measure. The directions are
// what the council sets out to do next ("以下①～③に取り組んでいく", line
// 978): TODO.
func (p *parser25) addDirectionMeasure(dir *policygraph.PolicyDirection, group *policygraph.MeasureGroup, lines []lineItem) {
	parts := make([]string, len(lines))
	for i, it := range lines {
		parts[i] = it.text
	}
	parts[0] = strings.TrimLeft(parts[0], "⚫● 　")
	text := joinLines(parts)
	if text == "" {
		return
	}
	id := p.ids.unique(p.t.itemID("measure", fmt.Sprintf("DIR-%d", dir.Ordinal), text))
	first, last := lines[0].line, lines[len(lines)-1].line
	m := p.newMeasure(id, text, policygraph.StatusTodo, first, last)
	if group != nil {
		m.GroupID = group.ID
	}
	p.addMeasure(dir.ID, m)
	for _, it := range lines {
		p.place(it.line, id)
	}
}
