package loader

import (
	"strings"

	"github.com/policygraph/policygraph"
)

// The 2023 macro framework (マクロ（結果としての経済全体）のフレームワーク,
// lines 268–345) states its long-term goals in the 長期的目標 column: ・
// bullets naming a pillar's goal (・GX：2050年カーボンニュートラル, lines
// 316–324, a bullet wrapping onto the lines after it) and the row goals
// that end in 実現 or 定着 (330 物価上昇と賃金上昇の好循環の定着, 341
// 長期持続的な経済成長の実現). Each is a LONG_TERM target, of the pillar the
// bullet names where it names one, else of the framework's
// PolicyDirection.

// macroGoal reads a goal statement at item i of the macro section and
// returns the index of its last line, or -1 when the item states none.
func (p *parser2023) macroGoal(i int) int {
	it := p.items[i]
	if it.kind != k23Text {
		return -1
	}
	text := trimSpaces(p.t.raw(i))
	j := i
	switch {
	case strings.HasPrefix(text, "・"):
		// a Builder: appending each wrapped line to a string copied the
		// bullet once per line
		var b strings.Builder
		b.WriteString(trimSpaces(strings.TrimPrefix(text, "・")))
		for j+1 < len(p.items) && p.items[j+1].kind == k23Text && !strings.HasPrefix(p.items[j+1].flat, "・") {
			j++
			b.WriteString(trimSpaces(p.t.raw(j)))
		}
		text = b.String()
	case strings.HasSuffix(it.flat, "実現") || strings.HasSuffix(it.flat, "定着"):
	default:
		return -1
	}
	p.addMacroTarget(i, p.pillars[p.macroPillar(text)], "LONG_TERM", text, i+1, j+1)
	return j
}

// addMacroTarget adds a goal of the macro framework at item i: of pillar
// pl where it names one, else of the framework's PolicyDirection.
func (p *parser2023) addMacroTarget(i int, pl *policygraph.Pillar, kind, text string, from, to int) {
	if pl != nil {
		p.addTarget(pl, kind, text, from, to)
		return
	}
	p.addTargetOf(p.macroDirection(i).ID, nil, kind, text, from, to)
}

// macroPillar is the pillar a macro goal names: one whose name or alias is
// in the goal's head (the text before ：), or starts like it (資源自律 →
// 資源自律経済, 少子化傾向 → 少子化対策…); "" for none.
func (p *parser2023) macroPillar(text string) string {
	head := p.t.normalize(text)
	if k := strings.Index(head, ":"); k > 0 {
		head = head[:k]
	}
	rs := []rune(head)
	for _, k := range p.pillarKeys() {
		for _, a := range append([]string{p.pillars[k].Name}, p.aliases[k]...) {
			an := p.t.normalize(a)
			if an != "" && strings.Contains(head, an) || len(rs) >= 3 && strings.Contains(an, string(rs[:3])) {
				return k
			}
		}
	}
	return ""
}

// keyMessageGoal makes a KEY_MESSAGE target, with no pillar, of item i, a
// key message line that states a goal (line 74: 経団連も2027年度に設備投資額
// 115兆円目標).
func (p *parser2023) keyMessageGoal(i int) bool {
	line := i + 1
	if id := p.pd.Placed.at(line); id != "" && !strings.HasPrefix(id, "skipped:") {
		return false // the wrapped end of a goal already read (line 236)
	}
	text := trimSpaces(p.t.raw(i))
	if len(statedGoals(text, p.t.Year)) == 0 {
		return false
	}
	p.addTarget(nil, "KEY_MESSAGE", text, line, line)
	return true
}
