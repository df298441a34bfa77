package loader

import (
	"errors"
	"fmt"
	"github.com/policygraph/policygraph/internal/nfkc"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// Amounts are found in a document's matching form (docIndex.s: NFKC, no
// whitespace, lines joined), so "官民投資、20" / "兆円規模の政" on two lines is
// one amount. Only sums written with 円 count: chart axes "(兆円)" carry no
// number, 100億企業 and ドル sums no 円, percentages neither.
//
// The number: digits with thousands commas and a decimal part, each 兆/億/万
// part optional (1兆2000億円, 0.4兆円, 3,500億円), and an optional lower bound
// of a range before ～ (25～30兆円; NFKC makes ～ "~").
var amountRe = regexp.MustCompile(`(?:(\d+(?:,\d{3})*(?:\.\d+)?)[~〜])?((?:\d+(?:,\d{3})*(?:\.\d+)?兆)?(?:\d+(?:,\d{3})*(?:\.\d+)?億)?(?:\d+(?:,\d{3})*(?:\.\d+)?万)?(?:\d+(?:,\d{3})*)?)円`)

// amountWindow bounds the bytes before a 円 that a match may start at: longer
// than any amount written with digits, separators and 兆/億/万.
const amountWindow = 96

// amountUnits are the multipliers of the parts of a number, largest first.
var amountUnits = []struct {
	r string
	v int64
}{{"兆", 1_000_000_000_000}, {"億", 100_000_000}, {"万", 10_000}}

// maxYen bounds a parsed amount well inside int64 (and far above any sum a
// policy report states: 10京円).
const maxYen = 100_000_000_000_000_000

var errNoAmount = errors.New("no amount")

// parseYen returns the value in yen of a normalised number with 兆/億/万 parts
// and no 円: "20兆" → 20e12, "1兆2000億" → 1.2e12, "0.4兆" → 4e11, "3,500億".
// Parts must come in falling order, once each; a decimal is allowed only
// where it comes out in whole yen.
func parseYen(s string) (int64, error) {
	if s == "" {
		return 0, errNoAmount
	}
	var total int64
	rest := s
	for _, u := range amountUnits {
		i := strings.Index(rest, u.r)
		if i < 0 {
			continue
		}
		v, err := decimalTimes(rest[:i], u.v)
		if err != nil {
			return 0, fmt.Errorf("amount %q: %w", s, err)
		}
		total += v
		rest = rest[i+len(u.r):]
	}
	if rest != "" {
		v, err := decimalTimes(rest, 1)
		if err != nil {
			return 0, fmt.Errorf("amount %q: %w", s, err)
		}
		total += v
	}
	if total <= 0 || total > maxYen {
		return 0, fmt.Errorf("amount %q: %d yen is out of range", s, total)
	}
	return total, nil
}

// decimalTimes returns the decimal number s (thousands commas allowed) times
// unit, exactly.
func decimalTimes(s string, unit int64) (int64, error) {
	s = strings.ReplaceAll(s, ",", "")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || strings.ContainsAny(whole+frac, "兆億万") {
		return 0, fmt.Errorf("bad number %q", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > maxYen/unit {
		return 0, fmt.Errorf("bad number %q", s)
	}
	v := w * unit
	if frac != "" {
		f, err := strconv.ParseInt(frac, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("bad number %q", s)
		}
		div := int64(1)
		for range frac {
			div *= 10
		}
		if unit%div != 0 {
			return 0, fmt.Errorf("%q is not a whole number of yen", s)
		}
		v += f * (unit / div)
	}
	return v, nil
}

// Qualifiers written next to the number, longest first so 超規模 is not read
// as 超: a goal's (quantity.go), and before an amount what only a sum has
// (累計, 総額; 年間 makes a goal's unit yearly instead). A range gets ～.
var (
	amountPrefixes = append(goalPrefixes[:len(goalPrefixes):len(goalPrefixes)], "累計", "合計", "総額", "年間")
	amountSuffixes = qualifierSuffixes
)

const rangeQualifier = "～"

// clauseBreaks end the clause an amount's year is looked for in, and its
// phrase (clause without parentheses breaking it) where a fund is named.
const (
	clauseBreaks = "、。,;:⇒→()「」【】/➢●○⚫✓"
	phraseBreaks = "、。;⇒→/➢●○⚫✓"
)

var (
	yearRe      = regexp.MustCompile(`((?:19|20)\d\d)年度?`)
	yearRangeRe = regexp.MustCompile(`\(((?:19|20)\d\d)[-~〜–](\d{2,4})年度?\)`)
)

// foundAmount is an amount located in a docIndex.
type foundAmount struct {
	start, end int // byte range in x.s of the range/number and 円
	a          *policygraph.Amount
}

// amountStart is where a match of amountRe ending at the 円 at s[yen:]
// can begin, from from on: every rune of a match before its 円 is a digit,
// separator, 兆, 億, 万 or a range's tilde, so none begins before the run
// of those that ends at the 円. The regexp, run from there, finds the same
// leftmost match on fewer bytes; yen itself means the 円 stands alone.
func amountStart(s string, from, yen int) int {
	i := yen
	for i > from {
		r, n := utf8.DecodeLastRuneInString(s[from:i])
		if !(r >= '0' && r <= '9' || r == ',' || r == '.' || r == '~' || r == '〜' || r == '兆' || r == '億' || r == '万') {
			break
		}
		i -= n
	}
	return i
}

// findAmounts returns the amounts of one document in text order.
func findAmounts(x *docIndex, pd *parsedDoc) []foundAmount {
	var out []foundAmount
	perLine := map[int]int{}
	prevEnd := 0
	var carried [2]int // the relative span of the amount before, 0s if none
	var cur runeCursor // the amounts' surfaces are read in text order
	for pos := 0; pos < len(x.s); {
		// Every match ends at a 円, and the first 円 from pos ends the
		// leftmost match (a number holds no 円): run the regexp on a window
		// ending there instead of on the rest of the document (a scan per
		// match made this the loader's slowest step).
		j := indexText(x.s[pos:], "円")
		if j < 0 {
			break
		}
		j += pos + len("円")
		ws := amountStart(x.s, max(pos, j-amountWindow), j-len("円"))
		if ws == j-len("円") {
			pos = j // 円 alone: a unit label, 円滑, 円安 …
			continue
		}
		loc := amountRe.FindStringSubmatchIndex(x.s[ws:j])
		if loc == nil {
			pos = j
			continue
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += ws
			}
		}
		start, end := loc[0], loc[1]
		pos = end
		num := x.s[loc[4]:loc[5]]
		if num == "" {
			continue // 兆円 or 円 alone: a unit label, 円滑, 円安 …
		}
		// Digits glued across a line break are a page or chart number run
		// into the amount's line: search again from the line the run ends on.
		if l, crossed := x.digitsCross(start, loc[5]); crossed {
			pos = x.lineStart(l - 1)
			continue
		}
		if loc[2] >= 0 && x.lineOf(start) != x.lineOf(loc[4]) {
			start, loc[2] = loc[4], -1 // a range bound on an earlier line: not a range
		}
		yen, err := parseYen(num)
		if err != nil {
			continue
		}
		line := x.lineOf(start)
		// A number alone on its line is a chart data label (総額 / 233 / 兆円
		// in 2025): the chart, not a sentence, states it.
		if strings.HasPrefix(pd.Placed.at(line), "furniture:") || digitsOnlyRe.MatchString(x.t.norm(line-1)) {
			continue
		}
		a := policygraph.Amount{Yen: yen}
		var quals []string
		if loc[2] >= 0 {
			lo, err := parseYen(x.s[loc[2]:loc[3]] + unitOf(num))
			if err != nil {
				continue
			}
			a.Yen = lo
		}
		pre := x.s[prevEnd:start]
		for _, p := range amountPrefixes {
			// 年間 after a number is a span (10年間20兆円), not a yearly rate.
			if strings.HasSuffix(pre, p) && !(p == "年間" && endsInDigit(strings.TrimSuffix(pre, p))) {
				quals = append(quals, p)
				pre = strings.TrimSuffix(pre, p)
				break
			}
		}
		post := x.s[end:]
		quoteEnd := end // the quote runs to the qualifier's line (150兆円 / 超の官民投資)
		for _, s := range amountSuffixes {
			if strings.HasPrefix(post, s) {
				quoteEnd = end + len(s)
				if s == "~" || s == "〜" {
					s = rangeQualifier
				}
				quals = append(quals, s)
				break
			}
		}
		if loc[2] >= 0 {
			quals = append(quals, rangeQualifier)
		}
		a.Qualifier = strings.Join(quals, "…")
		// the amount's part of its paragraph: from the amount before it, if
		// that is in the paragraph (each byte is read for one amount only)
		para := x.s[max(prevEnd, x.paragraphStart(line, x.lineOf(prevEnd))):start]
		a.Year = amountYear(pre, para)
		spanned := false // a relative span its own clause states
		if m := yearRangeRe.FindStringSubmatch(clauseAfter(x.s[end:], 80)); m != nil {
			a.StartYear, _ = strconv.Atoi(m[1])
			e := m[2]
			if len(e) == 2 {
				e = m[1][:2] + e
			}
			a.EndYear, _ = strconv.Atoi(e)
		} else if a.Year == 0 {
			// the clause is looked for in the amount's part of its paragraph:
			// a span before the amount before it dated that one, and is
			// carried from it (reading the paragraph from its start for each
			// amount was quadratic)
			a.StartYear, a.EndYear = relativeSpan(para, x.t.Year)
			spanned = a.StartYear != 0
			// the next sum of a sentence whose span dated the one before
			// shares it (今後10年で150兆円超の官民投資、そのために20兆円規模の
			// 政府支援), unless a sentence or paragraph ends between them:
			// the paragraph of the amount before's last byte (its 円 may end
			// its line, and prevEnd then starts the next)
			if a.StartYear == 0 && carried[0] != 0 && !strings.ContainsAny(x.s[prevEnd:start], sentenceBreaks) &&
				x.paragraphStart(line, x.lineOf(prevEnd-1)) <= prevEnd-1 && !x.listItemBetween(prevEnd-1, start) {
				a.StartYear, a.EndYear = carried[0], carried[1]
			}
		}
		carried = [2]int{}
		if spanned {
			carried = [2]int{a.StartYear, a.EndYear}
		}
		last := x.lineOf(quoteEnd - 1)
		a.Surface = x.surfaceFrom(&cur, start, end)
		a.Source = policygraph.Source{File: x.t.File, LineStart: line, LineEnd: last,
			Quote: x.t.joined(line, last)}
		perLine[line]++
		a.ID = fmt.Sprintf("amount:%d:%d:%d", pd.Doc.Year, line, perLine[line])
		a.DocumentID = pd.Doc.ID
		found := a // the graph's Amount: out holds pointers, not copies to copy again
		out = append(out, foundAmount{start: start, end: end, a: &found})
		prevEnd = end
	}
	return out
}

func endsInDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

var digitsOnlyRe = regexp.MustCompile(`^[\d,.]+$`)

// digitsCross reports whether a run of digits in s[start:end] starts on one
// line and ends on another, and the 1-based line it ends on.
func (x *docIndex) digitsCross(start, end int) (int, bool) {
	runStart := -1
	for i := start; i <= end; i++ {
		digit := i < end && (x.s[i] >= '0' && x.s[i] <= '9' || x.s[i] == ',' || x.s[i] == '.')
		switch {
		case digit && runStart < 0:
			runStart = i
		case !digit && runStart >= 0:
			if a, b := x.lineOf(runStart), x.lineOf(i-1); a != b {
				return b, true
			}
			runStart = -1
		}
	}
	return 0, false
}

// unitOf returns the smallest unit a number ends in (30兆 → 兆), which the
// lower bound of a range shares (25～30兆円).
func unitOf(num string) string {
	for i := len(amountUnits) - 1; i >= 0; i-- {
		if strings.HasSuffix(num, amountUnits[i].r) {
			return amountUnits[i].r
		}
	}
	return ""
}

// amountYear is the year that dates an amount, read in the text before it
// (pre; para, its part in the amount's paragraph): the last year of its
// clause (2050年77兆円); else of its phrase in the paragraph, which a
// parenthesis does not end, and outside parentheses (2030年までに…合計
// 売上高（半導体関連）15兆円超; not GX経済移行債（2023年度から10年間）20兆円);
// else of the clause before that phrase when it is a time adverbial set
// off by 、 (2030年までに、10兆円超規模の官民による追加投資). 0 for none.
func amountYear(pre, para string) int {
	if y := lastYear(clauseBefore(pre)); y > 0 {
		return y
	}
	i := strings.LastIndexAny(para, phraseBreaks)
	if i < 0 {
		return lastYear(outsideParens(para))
	}
	brk, n := nfkc.DecodeRune(para, i)
	if y := lastYear(outsideParens(para[i+n:])); y > 0 || brk != '、' {
		return y
	}
	if m := reYearAdverbial.FindStringSubmatch(clauseBefore(para[:i])); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// relativeSpan is the period an amount is spread over when its clause
// (before: the text before the amount) states one relative to the
// edition's year — 今後10年間で150兆円超, 官民合わせて今後10年間で2兆円～
// (the edition's year and the nine after) — or a clause that is only that
// adverbial does, set off by 、 just before it (今後10年間で、150兆円超).
// 今後10年以内 is a deadline, not a span, and a span in parentheses is said
// of what it follows (GX経済移行債（今後10年間）20兆円), as amountYear reads
// years. 0, 0 when none.
func relativeSpan(before string, edition int) (int, int) {
	if !strings.Contains(before, "今後") || edition <= 0 {
		return 0, 0 // most amounts: no regexp run
	}
	if c := clauseBefore(before); c != "" || !strings.HasSuffix(before, "、") {
		return spanIn(c, edition)
	}
	if n, ok := spanAdverbial(clauseBefore(strings.TrimSuffix(before, "、"))); ok && n >= 1 {
		return edition, edition + n - 1
	}
	return 0, 0
}

// spanIn is the last span 今後N年(間) of clause c from edition.
func spanIn(c string, edition int) (int, int) {
	for end := len(c); ; {
		i := strings.LastIndex(c[:end], "今後")
		if i < 0 {
			return 0, 0
		}
		end = i
		n, rest, ok := spanYears(c[i+len("今後"):])
		if !ok || strings.HasPrefix(rest, "度") || strings.HasPrefix(rest, "以内") {
			continue // 今後3年度: a count of fiscal years, as the years scanner reads it; 以内: a deadline
		}
		if n < 1 {
			return 0, 0
		}
		return edition, edition + n - 1
	}
}

// spanAdverbial reads a clause that is only a span: 今後N年(間)(で|に|には).
func spanAdverbial(c string) (int, bool) {
	rest, ok := strings.CutPrefix(c, "今後")
	if !ok {
		return 0, false
	}
	n, rest, ok := spanYears(rest)
	if !ok {
		return 0, false
	}
	switch strings.TrimPrefix(rest, "間") {
	case "", "で", "に", "には":
		return n, true
	}
	return 0, false
}

// spanYears reads the N年 that opens s (N one or two ASCII digits, as
// NFKC writes them): N and the text after 年. Read by hand: the regexp
// allocated on every amount whose paragraph says 今後.
func spanYears(s string) (int, string, bool) {
	k := 0
	for k < len(s) && k < 2 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	rest, ok := strings.CutPrefix(s[k:], "年")
	if k == 0 || !ok {
		return 0, "", false
	}
	n, _ := strconv.Atoi(s[:k])
	return n, rest, true
}

// listItemBetween reports whether a line after the one holding byte a, up
// to the one holding byte b, opens a ・ list item: the items of a list are
// sentences of their own (・今後10年で150兆円… / ・半導体に3.9兆円).
func (x *docIndex) listItemBetween(a, b int) bool {
	for l := x.lineOf(a) + 1; l <= x.lineOf(b); l++ {
		if strings.HasPrefix(x.s[x.lineStart(l-1):x.lineStart(l)], "・") {
			return true
		}
	}
	return false
}

// sentenceBreaks end a sentence, or an item of a list, in docIndex form.
const sentenceBreaks = "。;⇒→/➢●○⚫✓"

// outsideParens is s without its parenthesised parts (normalised: ( and
// )): a year in one dates what it is said of (GX経済移行債（2023年度から
// 10年間）20兆円: the bonds' span), not the amount after it. An unclosed
// one runs to the end.
func outsideParens(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// reYearAdverbial is a clause that is only a date a sentence is meant by:
// 2030年までに, 2030年度には, 2050年時点で.
var reYearAdverbial = regexp.MustCompile(`^((?:19|20)\d\d)年度?(?:まで|までに|に|には|頃|頃に|頃まで|頃までに|時点で)$`)

// lastYear is the last year named in s, 0 for none (2030年代 is a decade,
// not a year).
func lastYear(s string) int {
	y := 0
	for _, ym := range yearRe.FindAllStringSubmatchIndex(s, -1) {
		if !strings.HasPrefix(s[ym[1]:], "代") {
			y, _ = strconv.Atoi(s[ym[2]:ym[3]])
		}
	}
	return y
}

// clauseBefore is the tail of s after its last clause break.
func clauseBefore(s string) string {
	if i := strings.LastIndexAny(s, clauseBreaks); i >= 0 {
		_, n := nfkc.DecodeRune(s, i)
		return s[i+n:]
	}
	return s
}

// clauseAfter is the head of s up to its first phrase break, at most n bytes.
func clauseAfter(s string, n int) string {
	// only the head is looked at: the rest of the document after every
	// amount made a text of many amounts quadratic (a break rune that
	// starts before n may end after it)
	if len(s) > n+utf8.UTFMax {
		s = s[:n+utf8.UTFMax]
	}
	if i := strings.IndexAny(s, phraseBreaks); i >= 0 {
		s = s[:i]
	}
	if len(s) > n {
		s = s[:n]
	}
	return s
}

// phraseAround returns the phrase of x.s holding [start, end): from the
// previous phrase break to the next one.
func phraseAround(s string, start, end int) string {
	a := strings.LastIndexAny(s[:start], phraseBreaks)
	if a < 0 {
		a = 0
	} else {
		_, n := nfkc.DecodeRune(s, a)
		a += n
	}
	b := strings.IndexAny(s[end:], phraseBreaks)
	if b < 0 {
		b = len(s)
	} else {
		b += end
	}
	if b-a > 600 { // a run without breaks (a table flattened): stay near
		a, b = max(a, start-300), min(b, end+300)
		for a < start && !utf8.RuneStart(s[a]) {
			a++
		}
		for b > end && b < len(s) && !utf8.RuneStart(s[b]) {
			b--
		}
	}
	return s[a:b]
}

// amountResult is what the amount pass adds to the graph.
type amountResult struct {
	amounts []*policygraph.Amount
	rels    []*policygraph.Relationship
	// loose are the amounts held by the Document alone: no measure, target
	// or pillar speaks for them (the report lists them).
	loose []*policygraph.Amount
}

// attachAmounts finds the amounts of one document and links each from what
// it is about (HAS_AMOUNT with the line): the measure or target whose text
// holds it, else the pillar whose prose (key messages, concept pages) holds
// it, else the document; a fund named in the same phrase links it too.
func attachAmounts(m *matcher, x *docIndex, pd *parsedDoc, fres *mentionResult, res *amountResult) {
	nodes := newAmountNodes(pd)
	tx := targetIndex{targets: pd.Targets}
	for _, fa := range findAmounts(x, pd) {
		a := fa.a
		res.amounts = append(res.amounts, a)
		owner := pd.Placed.at(a.LineStart)
		if nd, ok := nodes.find(owner); !ok || !strings.Contains(x.normalize(nd.text), x.s[fa.start:fa.end]) {
			owner = tx.holding(x, a.LineStart, x.s[fa.start:fa.end])
			if owner == "" {
				owner = enclosingPillar(pd, nodes, a.LineStart)
			}
		}
		if strings.HasPrefix(owner, "target:") {
			owner = goalOfAmount(tx.goalsOf(owner), a, owner)
			if a.Year == 0 && a.StartYear == 0 {
				datedByGoal(tx.byID(owner), a)
			}
		}
		if owner == "" {
			owner = pd.Doc.ID
			res.loose = append(res.loose, a)
		}
		link := func(from string) {
			res.rels = append(res.rels, &policygraph.Relationship{
				ID: relID(policygraph.RelHasAmount, from, a.ID), Type: policygraph.RelHasAmount,
				Start: from, End: a.ID, Properties: map[string]any{"line": a.LineStart},
			})
		}
		link(owner)
		if goal := measureGoalOf(x, &tx, nodes, owner, a, x.s[fa.start:fa.end]); goal != "" {
			link(goal)
		}
		// The phrase, kept to the amount's own lines: a table flattened
		// into prose runs cells together without a break.
		lines := x.s[x.lineStart(a.LineStart-1):x.lineStart(a.LineEnd)]
		for _, mt := range m.find(phraseAround(lines, fa.start-x.lineStart(a.LineStart-1), fa.end-x.lineStart(a.LineStart-1))) {
			if mt.p.kind != kindFund {
				continue
			}
			id := m.nodeID(mt.p)
			if fres.funds[id] == nil {
				e := m.entry(mt.p)
				fres.funds[id] = &policygraph.Fund{ID: id, Name: e.Name, Aliases: aliasList(e)}
			}
			link(id)
		}
	}
}

// measureGoalOf is the MEASURE_GOAL target whose value amount a is, when
// a's holder is the measure stating that goal ("" otherwise): the sum is
// both what the measure's text states and the goal's value (今後10年間で
// 約２兆円以上の投資という目標の実現に向け…), so the target holds it too, as
// every goal stated on its own holds its value. The goal is one the holder
// states (its text is the measure's), and the sum the goal's in value and
// qualifier: a measure that cites a past 2兆円 before its goal of 2兆円以上
// gives the goal the second only.
func measureGoalOf(x *docIndex, tx *targetIndex, nodes amountNodes, holder string, a *policygraph.Amount, surface string) string {
	if !strings.HasPrefix(holder, "measure:") {
		return ""
	}
	nd, ok := nodes.find(holder)
	if !ok {
		return ""
	}
	stated := func(t *policygraph.Target) bool { return t.Kind == KindMeasureGoal && t.Text == nd.text }
	id := tx.holdingWhere(x, a.LineStart, surface, stated)
	if id == "" {
		return ""
	}
	goal := goalOfAmount(tx.goalsOf(id), a, id)
	if g := tx.byID(goal); g == nil || !stated(g) || !isGoalValue(g, a) || g.Qualifier != a.Qualifier {
		return ""
	}
	return goal
}

// statementGoals maps each target of a statement of several goals to all
// of them: goalTargets gives a target to each goal a statement holds
// (2030年に120兆円、…早期に150兆円), with the statement's text, lines and
// pillar; the first places the lines, and an amount found there is its.
func statementGoals(ts []*policygraph.Target) map[string][]*policygraph.Target {
	type statement struct {
		line         int
		text, pillar string
	}
	by := map[statement][]*policygraph.Target{}
	for _, t := range ts {
		k := statement{t.LineStart, t.Text, t.PillarID}
		by[k] = append(by[k], t)
	}
	out := map[string][]*policygraph.Target{}
	for _, goals := range by {
		if len(goals) > 1 {
			for _, t := range goals {
				out[t.ID] = goals
			}
		}
	}
	return out
}

// goalOfAmount is the goal of a statement (goals; none: owner, the target
// placing its lines) that an amount is the value of: a statement of
// several goals holds each goal's amount in the same text, and the amount
// goes to its own goal (150兆円 to 早期に150兆円, not to 2030年に120兆円).
// An amount no goal states (a base year's 24兆円 before ⇒ 77兆円) stays
// with the first.
//
// A yearly goal's amount is its value a year (2030年度頃には10兆円規模の、
// 2050年度頃には100兆円規模の…年間取引総額: 100兆円 is the 100 兆円/年
// goal's).
func goalOfAmount(goals []*policygraph.Target, a *policygraph.Amount, owner string) string {
	for _, g := range goals {
		if isGoalValue(g, a) {
			return g.ID
		}
	}
	return owner
}

// isGoalValue reports whether a is the value of goal g: the same sum of
// yen, or of yen a year for a yearly goal.
func isGoalValue(g *policygraph.Target, a *policygraph.Amount) bool {
	yen, ok := yenOf(g.Value, strings.TrimSuffix(g.Unit, "/年"))
	return ok && int64(math.Round(yen)) == a.Yen
}

// targetIndex finds a document's targets for its amounts: by id, by the
// lines they are stated on, and each goal of a statement of several
// (statementGoals). The maps are made when first asked (most documents
// need one or two); the lines are read off the targets in line order, as
// the passes get them (sortNodes), binary searched.
type targetIndex struct {
	targets []*policygraph.Target
	ids     map[string]*policygraph.Target
	goals   map[string][]*policygraph.Target
	sorted  bool // targets is in line order (a copy made so if it was not)
}

func (tx *targetIndex) byID(id string) *policygraph.Target {
	if tx.ids == nil {
		tx.ids = make(map[string]*policygraph.Target, len(tx.targets))
		for _, t := range tx.targets {
			tx.ids[t.ID] = t
		}
	}
	return tx.ids[id]
}

// holding is the first target, in line order, stated on line (among the
// first maxTargetLines lines of each: the grammars' span a few) whose
// text holds the amount (surface, in docIndex form), "" for none: a line
// of several goals made one target a clause (2030年度135兆円、2040年度
// 200兆円を設定) and is placed in the first.
const maxTargetLines = 64

func (tx *targetIndex) holding(x *docIndex, line int, surface string) string {
	return tx.holdingWhere(x, line, surface, nil)
}

// holdingWhere is holding among the targets that keep holds (all for nil).
func (tx *targetIndex) holdingWhere(x *docIndex, line int, surface string, keep func(*policygraph.Target) bool) string {
	if !tx.sorted {
		byLine := func(a, b *policygraph.Target) int { return a.LineStart - b.LineStart }
		if !slices.IsSortedFunc(tx.targets, byLine) {
			tx.targets = slices.Clone(tx.targets)
			slices.SortStableFunc(tx.targets, byLine)
			tx.ids = nil
		}
		tx.sorted = true
	}
	ts := tx.targets
	i, _ := slices.BinarySearchFunc(ts, line-maxTargetLines+1, func(t *policygraph.Target, l int) int { return t.LineStart - l })
	for ; i < len(ts) && ts[i].LineStart <= line; i++ {
		if t := ts[i]; line <= t.LineEnd && (keep == nil || keep(t)) && strings.Contains(x.normalize(t.Text), surface) {
			return t.ID
		}
	}
	return ""
}

func (tx *targetIndex) goalsOf(id string) []*policygraph.Target {
	if tx.goals == nil {
		tx.goals = statementGoals(tx.targets)
	}
	return tx.goals[id]
}

// datedByGoal gives an amount that its own words do not date the year of
// the goal it is the value of (g, its holder): the goal was read from the
// same sentence, across a page's line break the amount's phrase does not
// see (2030年までに、…合計売上 / 高（半導体関連）を15兆円超とする).
func datedByGoal(g *policygraph.Target, a *policygraph.Amount) {
	if g != nil && a.Year == 0 && a.StartYear == 0 && g.Year != 0 && isGoalValue(g, a) {
		a.Year = g.Year
	}
}

// yenOf is a target's value in yen, for the units that are sums of yen
// (not 兆円/年, a rate).
func yenOf(v float64, unit string) (float64, bool) {
	u, ok := strings.CutSuffix(unit, "円")
	if !ok {
		return 0, false
	}
	if u == "" {
		return v, true
	}
	for _, a := range amountUnits {
		if a.r == u {
			return v * float64(a.v), true
		}
	}
	return 0, false
}

// amountNode is a node that can speak for an amount: a pillar, measure,
// target or group, its pillar, and the text that may state the amount
// (a pillar's long-term goal, a measure's or target's text; none for a
// group).
type amountNode struct {
	id, pillar, text string
}

// amountNodes are a document's amountNodes sorted by id: a sorted slice is
// less than half the bytes of the two maps (id → text, id → pillar) it
// replaced (44 KB against 110 KB a load).
type amountNodes []amountNode

func newAmountNodes(pd *parsedDoc) amountNodes {
	nodes := make(amountNodes, 0, len(pd.Pillars)+len(pd.Measures)+len(pd.Targets)+len(pd.Groups))
	for _, p := range pd.Pillars {
		nodes = append(nodes, amountNode{p.ID, p.ID, p.LongTermGoal})
	}
	for _, ms := range pd.Measures {
		nodes = append(nodes, amountNode{ms.ID, ms.PillarID, ms.Text})
	}
	for _, t := range pd.Targets {
		nodes = append(nodes, amountNode{t.ID, t.PillarID, t.Text})
	}
	for _, g := range pd.Groups {
		nodes = append(nodes, amountNode{g.ID, g.PillarID, ""})
	}
	slices.SortFunc(nodes, func(a, b amountNode) int { return strings.Compare(a.id, b.id) })
	return nodes
}

// find returns the node of id, if id is one.
func (ns amountNodes) find(id string) (amountNode, bool) {
	i, ok := slices.BinarySearchFunc(ns, id, func(n amountNode, id string) int { return strings.Compare(n.id, id) })
	if !ok {
		return amountNode{}, false
	}
	return ns[i], true
}

// enclosingPillar returns the pillar a prose line sits in: the pillar of the
// nearest node placed before the line and of the nearest one after it, when
// they agree; "" when they do not (a page between two pillars, the
// document's own summary).
func enclosingPillar(pd *parsedDoc, nodes amountNodes, line int) string {
	near := func(step int) string {
		// 400 lines: a few slides; further away a node says nothing of the line.
		for k, l := 0, line+step; k < 400 && l >= 1; k, l = k+1, l+step {
			if id := pd.Placed.at(l); id != "" {
				if nd, ok := nodes.find(id); ok {
					return nd.pillar
				}
			}
		}
		return ""
	}
	before, after := near(-1), near(1)
	if before != "" && before == after {
		return before
	}
	return ""
}
