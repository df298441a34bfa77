package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/nfkc"
)

// ---- part 1: macro pages ----

var reGoalPair25 = regexp.MustCompile(`([0-9]{4})年度?([0-9]+(?:\.[0-9]+)?)兆円`)

func (p *parser25) parseMacro() {
	end := p.t.lineCount()
	for _, s := range []int{p.lx.dirStart, p.lx.tableStart} {
		if s >= 0 && s < end {
			end = s
		}
	}
	// the ①②③ summary of the directions on the page before them
	summary := map[int]string{}
	for i := 0; i < end; i++ {
		n := strings.TrimSpace(p.t.raw(i)) // circled25 digits: NFKC would turn them into digits
		r, _ := utf8.DecodeRuneInString(n)
		ord, ok := circled25[r]
		if !ok {
			continue
		}
		var dir *policygraph.PolicyDirection
		for _, d := range p.pd.Directions {
			if d.Ordinal == ord {
				dir = d
			}
		}
		if dir == nil {
			continue
		}
		head := p.t.normalize(strings.TrimLeft(n, "①②③④⑤⑥⑦⑧⑨"))
		title := p.t.normalize(dir.Title)
		if len([]rune(head)) < 4 || !strings.HasPrefix(title, string([]rune(head)[:4])) {
			continue
		}
		summary[i+1] = dir.ID
		// its wrapped tail: the next line, if the title ends like it
		if i+1 < end {
			next := p.t.normalize(p.t.norm(i + 1))
			rs := []rune(next)
			if len(rs) >= 2 && strings.HasSuffix(title, string(rs[max(0, len(rs)-3):])) {
				summary[i+2] = dir.ID
			}
		}
	}
	for _, it := range p.lx.items {
		if it.line > end || it.kind == it25Blank {
			continue
		}
		if id, ok := summary[it.line]; ok {
			p.place(it.line, id)
			continue
		}
		switch it.kind {
		case it25PageNum:
			p.place(it.line, "furniture:page-number")
			continue
		case it25ChartNum:
			p.place(it.line, "furniture:chart-number")
			continue
		case it25Vertical:
			p.place(it.line, "furniture:vertical-label")
			continue
		}
		// KEY_MESSAGE: the 国内投資 goals the forum set (➢ 2027年度115兆円目標を設定)
		if strings.HasPrefix(it.norm, "➢") && strings.HasSuffix(it.norm, "設定") {
			body := strings.TrimSpace(strings.TrimPrefix(it.text, "➢"))
			clauses := strings.Split(body, "、")
			made := false
			for _, cl := range clauses {
				if reGoalPair25.MatchString(nfkc.String(cl)) {
					text := cl
					if len(clauses) == 1 {
						text = body
					}
					p.addTarget(nil, "KEY_MESSAGE", text, it.line, it.line)
					made = true
				}
			}
			if made {
				continue
			}
		}
		// The pages before 政策の方向性 — 現状認識, the 2040 scenario and
		// its 政策的示唆 — are analysis, not measures or targets.
		p.place(it.line, "skipped:macro-pages")
	}
}
