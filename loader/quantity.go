package loader

import (
	"slices"
	"strconv"
	"strings"

	"github.com/policygraph/policygraph"
)

// Quantities and goals, for every edition: one scanner finds the numbers a
// target states with their units (兆円, ％ — ％ and % fold to one —,
// 万人, GWh …), per year where the text says so (年間3兆円, 150GWh/年,
// 77兆円/年間, 10兆円規模の…年間取引総額 → 兆円/年), and goals picks the ones that are goals: not a
// starting point (2018年60兆円⇒, 約６割から, 現在8.8％), not the whole a goal
// is part of (11.49億トンのうち), not PBR1倍, and a bracketed share
// ((シェア20%以上), (36％)) only when nothing outside brackets is a goal.

// quantityUnits are the units a goal is stated in, longest first where one
// is the prefix of another.
var quantityUnits = []string{"兆ドル", "兆円", "億円", "万円", "億トンCO2", "万トンCO2", "億トン", "万トン", "GWh", "万人", "万者", "万件",
	"%", "割", "倍", "歳", "名", "社", "件", "者", "人"}

// quantity is a number of a text, at rune offsets [pos, end) of the
// folded text (foldRunes).
type quantity struct {
	pos, end int
	value    float64
	unit     string // "" for a bare decimal (希望出生率1.8)
	inParens bool
	// qualifier is what is written next to the number, as Amount's (約,
	// 超, 以上, 規模 …; ～ for a range, whose lower bound is the value),
	// "" for none.
	qualifier string
	notGoal   bool // a starting point, a whole, PBR
	means     bool // 10兆円超規模の…投資を行い、: the means of the goal that follows
}

// quantities appends to out the numbers of rs with a unit (or a decimal
// point). Callers pass a slice of an array on their stack (a text states
// a few quantities at most).
func quantities(out []quantity, x *runeIndex) []quantity {
	rs := x.rs
	depth := 0
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '(':
			depth++
			continue
		case ')':
			if depth > 0 {
				depth--
			}
			continue
		}
		if !isDigit(rs[i]) || i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' || rs[i-1] == ',' || isASCIILetter(rs[i-1])) {
			continue
		}
		v, j, dec := number(rs, i)
		// 25～30兆円: the lower bound, what the goal at least promises
		ranged := j < len(rs) && (rs[j] == '~' || rs[j] == '〜') && j+1 < len(rs) && isDigit(rs[j+1])
		if ranged {
			_, j, _ = number(rs, j+1)
		}
		unit := ""
		for _, u := range quantityUnits {
			if hasAt(rs, j, u) {
				unit = u
				break
			}
		}
		if unit == "" && (!dec || hasAt(rs, j, "年") || hasAt(rs, j, "月")) {
			i = j - 1
			continue
		}
		end := j + len([]rune(unit))
		if unit == "%" {
			unit = "％"
		}
		if unit != "" {
			switch {
			case hasAt(rs, end, "/年間"):
				unit, end = unit+"/年", end+3
			case hasAt(rs, end, "/年"):
				unit, end = unit+"/年", end+2
			case perYearBefore(rs, i):
				unit += "/年"
			}
		}
		q := quantity{pos: i, end: end, value: v, unit: unit, inParens: depth > 0, qualifier: qualifierAround(rs, i, end, ranged)}
		q.notGoal = i >= 3 && string(rs[i-3:i]) == "PBR" || followedBy(rs, end, "⇒") || followedBy(rs, end, "から") ||
			followedBy(rs, end, "のうち") || depth > 0 && x.nowBefore(i)
		q.means = x.clauseHas(end, "を行い") || x.clauseHas(end, "を促し")
		out = append(out, q)
		i = end - 1
	}
	perYearAfter(x, out)
	return out
}

// Qualifiers a number is written with, before and after it, longest first
// (超規模 before 規模 and 超): a goal's, and an amount's (amounts.go adds
// what only a sum has before it). ~ after the unit leaves the end open
// (10兆円～): ～.
var (
	goalPrefixes      = []string{"最大約", "約"}
	qualifierSuffixes = []string{"超規模", "を超える", "規模", "以上", "程度", "前後", "未満", "以下", "超", "強", "弱", "~", "〜"}
)

// qualifierAround returns the qualifier of the quantity at rs[i:end] (its
// number and unit), as Amount.Qualifier joins them: prefix…suffix, then ～
// for a range.
func qualifierAround(rs []rune, i, end int, ranged bool) string {
	var qs []string
	for _, p := range goalPrefixes {
		if n := len([]rune(p)); i >= n && string(rs[i-n:i]) == p {
			qs = append(qs, p)
			break
		}
	}
	for _, s := range qualifierSuffixes {
		if hasAt(rs, end, s) {
			if s == "~" || s == "〜" {
				s = rangeQualifier
			}
			qs = append(qs, s)
			break
		}
	}
	if ranged && !strings.HasSuffix(strings.Join(qs, ""), rangeQualifier) {
		qs = append(qs, rangeQualifier)
	}
	return strings.Join(qs, "…")
}

// perYearAfter makes a yearly rate of each quantity that sizes a yearly
// total named after it in its sentence ("10兆円規模の、2050年度頃には100兆円
// 規模の製品・サービスの年間取引総額を実現する", 2023 line 1461: both are
// 兆円/年): …の年間… follows in the same noun phrase, that is with no verb
// between (…の投資を行い、企業の年間売上を… sizes the investment, not the
// sales) and only quantities of the same unit (a parallel list). A
// quantity right after N年間 is a span (10年間20兆円規模の…), not a rate.
func perYearAfter(x *runeIndex, qs []quantity) {
	for a := range qs {
		q := &qs[a]
		if q.unit == "" || strings.HasSuffix(q.unit, "/年") || q.pos >= 2 && string(x.rs[q.pos-2:q.pos]) == "年間" {
			continue
		}
		k := x.nextAt(q.end, "の年間")
		if k >= x.nextAt(q.end, "。") || x.spanHas(q.end, k, "を") || x.spanHas(q.end, k, "し、") || x.spanHas(q.end, k, "い、") {
			continue
		}
		parallel := true
		for _, r := range qs[a+1:] {
			if r.pos >= k {
				break
			}
			parallel = parallel && r.unit == q.unit
		}
		if parallel {
			q.unit += "/年"
		}
	}
}

// number reads 3,500 / 4.13 / 120 at rs[i:]: the value, the index after it,
// and whether it has a decimal point.
func number(rs []rune, i int) (float64, int, bool) {
	j, dec := i, false
	buf := make([]byte, 0, 12)
	for j < len(rs) {
		switch r := rs[j]; {
		case isDigit(r):
			buf = append(buf, byte(r))
		case r == ',' && j+3 < len(rs) && isDigit(rs[j+1]) && isDigit(rs[j+2]) && isDigit(rs[j+3]) && len(buf) > 0:
		case r == '.' && !dec && j+1 < len(rs) && isDigit(rs[j+1]) && len(buf) > 0:
			dec = true
			buf = append(buf, '.')
		default:
			v, _ := strconv.ParseFloat(string(buf), 64)
			return v, j, dec
		}
		j++
	}
	v, _ := strconv.ParseFloat(string(buf), 64)
	return v, j, dec
}

// perYearBefore: 年間 right before the number (年間3兆円, 年間約3兆円) makes
// a yearly rate; after a number (10年間20兆円) it is a span.
func perYearBefore(rs []rune, i int) bool {
	k := i
	for _, w := range []string{"約", "最大"} {
		if n := len([]rune(w)); k >= n && string(rs[k-n:k]) == w {
			k -= n
		}
	}
	return k >= 2 && rs[k-2] == '年' && rs[k-1] == '間' && (k == 2 || !isDigit(rs[k-3]))
}

// followedBy reports whether s follows a quantity, past what may qualify
// its number (超, 程度, 以上, CO2).
func followedBy(rs []rune, j int, s string) bool {
	for k := j; k < len(rs) && k <= j+4; k++ {
		if hasAt(rs, k, s) {
			return true
		}
		switch r := rs[k]; {
		case isDigit(r) || isASCIILetter(r) || r == '超' || r == '程' || r == '度' || r == '以' || r == '上' || r == '強' || r == '弱':
		default:
			return false
		}
	}
	return false
}

// nowBefore: 現在 opens the bracket the number is in ((現在8.8％)).
// (The bracket is the last '(' before i, open or not.)
func (x *runeIndex) nowBefore(i int) bool {
	return x.spanHas(x.openBefore(i)+1, i, "現在")
}

// goal is one quantified goal of a target text; a goal with no value is a
// year alone (2050年カーボンニュートラル).
type goal struct {
	value     float64
	unit      string
	year      int
	surface   string // the number and unit as folded, or the year: tells goals of one text apart
	qualifier string // quantity.qualifier
	means     bool   // the means of another goal (…投資を行い、)
}

// goals returns the quantified goals of a target text in order and the
// index of its main one: the first that is not the means of another (a
// text with none has one goal, maybe with a year only). Each goal's year
// is the last date before it since the previous goal; without one it
// keeps the previous goal's year unless it says 早期/将来 (2030年に80兆円、
// 早期に100兆円). A year in a later clause after the last goal is a goal
// of its own (46％削減、さらには2050年カーボンニュートラル). A year of
// something else (2030年頃に実用化が見込まれる技術) and a decade (2030年代)
// date no goal.
func goals(text string, edition int) ([]goal, int) { return goalsIn(nil, text, edition) }

// goalsIn is goals in buf's array when it is large enough: the checks that
// only read the goals pass an array on their stack.
func goalsIn(buf []goal, text string, edition int) ([]goal, int) {
	var runes foldBuf
	var qs [8]quantity
	x := newRuneIndex(foldRunes(runes[:0], text))
	return goalRunes(buf, x, quantities(qs[:0], x), edition)
}

// goalRunes is goalsIn on the runes of the folded text and its quantities.
func goalRunes(buf []goal, x *runeIndex, all []quantity, edition int) ([]goal, int) {
	rs := x.rs
	// qs, ds and the dates read are a few each: on the stack
	var qbuf [8]quantity
	var dbuf, dates [8]dateMention
	qs := qbuf[:0]
	outside := false
	for _, q := range all {
		if !q.notGoal {
			qs = append(qs, q)
			outside = outside || !q.inParens
		}
	}
	if outside {
		kept := qs[:0]
		for _, q := range qs {
			if !q.inParens {
				kept = append(kept, q)
			}
		}
		qs = kept
	}
	ds := dbuf[:0]
	for _, m := range dateRunes(dates[:0], x, edition) {
		if !m.decade && !x.clauseHas(m.end, "見込") {
			ds = append(ds, m)
		}
	}
	yearOf := func(m dateMention) int {
		if m.year2 != 0 {
			return m.year2
		}
		return m.year
	}
	if len(qs) == 0 {
		g := goal{}
		if len(ds) > 0 {
			g.year = yearOf(ds[0])
		}
		return append(buf[:0], g), 0
	}
	out := slices.Grow(buf[:0], len(qs)+1)
	from := 0
	main := -1
	next := 0 // ds and qs are in text order: one pointer walks the dates once
	for k, q := range qs {
		g := goal{value: q.value, unit: q.unit, surface: string(rs[q.pos:q.end]), qualifier: q.qualifier, means: q.means}
		found := false
		for ; next < len(ds) && ds[next].pos < q.pos; next++ {
			if ds[next].pos >= from {
				g.year, found = yearOf(ds[next]), true
			}
		}
		switch {
		case found:
		case k == 0 && len(ds) > 0:
			g.year = yearOf(ds[0])
		case k > 0 && !x.spanHas(from, q.pos, "早期") && !x.spanHas(from, q.pos, "将来"):
			g.year = out[k-1].year
		}
		if main < 0 && !q.means {
			main = k
		}
		out = append(out, g)
		from = q.end
	}
	if main < 0 {
		main = 0
	}
	// a year alone in a later clause: a goal of its own
	for _, m := range ds {
		if m.pos >= from && !m.weak && m.year2 == 0 && x.spanHas(from, m.pos, "、") {
			out = append(out, goal{year: m.year, surface: string(rs[m.pos:m.end])})
			break
		}
	}
	return out, main
}

// statesQuantity reports whether text states a goal with a number.
func statesQuantity(text string) bool {
	var buf [4]goal
	gs, main := goalsIn(buf[:0], text, 0)
	return gs[main].value != 0 || gs[main].unit != ""
}

// isMeans reports whether t's value is the means of another goal of its
// text (10兆円超規模の官民による追加投資を行い、…売上高を15兆円超とする).
func isMeans(t *policygraph.Target) bool {
	var buf [4]goal
	gs, _ := goalsIn(buf[:0], t.Text, 0)
	for _, g := range gs {
		if g.value == t.Value && g.unit == t.Unit {
			return g.means
		}
	}
	return false
}

// holdsAim reports whether text holds 目標 or 目指: one search for 目,
// where a search for each read the text twice (most texts hold neither).
func holdsAim(text string) bool {
	for i := 0; ; {
		k := indexText(text[i:], "目")
		if k < 0 {
			return false
		}
		i += k + len("目")
		if strings.HasPrefix(text[i:], "標") || strings.HasPrefix(text[i:], "指") {
			return true
		}
	}
}

// statedGoals returns the goals a prose text states as goals: a quantity
// whose clause goes on to 目標 or 目指す (女性起業家の割合を今後10年で20%を
// 目指す, デジタル推進人材230万人育成目標の実現に向け, 約２兆円以上の投資という
// 目標), unless its sentence goes on to name whom the measure supports: the
// goal is theirs (2025 line 1577, 売上高100億円という高い目標に向け、挑戦を
// 行う中小企業に対し).
func statedGoals(text string, edition int) []goal {
	if !holdsAim(text) {
		return nil
	}
	var buf foldBuf
	var qbuf [8]quantity
	x := newRuneIndex(foldRunes(buf[:0], text))
	qs := quantities(qbuf[:0], x)
	var aims []bool
	for _, q := range qs {
		if !q.notGoal {
			// the sentence ends at the next 。
			theirs := x.spanHas(q.end, x.nextAt(q.end, "。"), "に対し")
			aims = append(aims, !theirs && (x.clauseHas(q.end, "目標") || x.clauseHas(q.end, "目指")))
		}
	}
	var gbuf [8]goal
	gs, _ := goalRunes(gbuf[:0], x, qs, edition)
	var out []goal
	for k, g := range gs {
		if k < len(aims) && aims[k] && g.value != 0 {
			out = append(out, g)
		}
	}
	return out
}
