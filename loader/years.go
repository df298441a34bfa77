package loader

// Years, for every edition: one scanner finds the dates a text states
// (2023年度, 2022-27年度, 2024年6月, 令和6年度, R7年, 本年, 来年度, 年央,
// 夏まで, 今後10年間) and what each does in its sentence (opens a period,
// closes it, dates an event, only names a thing); measurePeriod and the
// target goals read their years from those mentions. Relative dates are
// resolved against the edition's year. A hand-written scanner: in a CPU
// profile of BenchmarkLoadCorpus the regexps it replaces (yearsOf and the
// per-edition rules) took 13 % of the load, the scanners now under 1 %.

// dateRole is what a date does in its sentence.
type dateRole int

const (
	roleNone   dateRole = iota // names a thing: 2023年度のアクションプラン, 2050年カーボンニュートラル
	roleFrom                   // opens a period: 2023年度～, 2022年度から, 2024年以降
	roleUntil                  // closes it: ～2030年度, 2030年まで, 2025年中に, 2024年度を目標
	roleAt                     // dates an event that starts the item: 2024年6月に導入, 2025年度作成した
	roleLone                   // alone in brackets: （2024年度）, （2023年5月）
	roleModify                 // modifies a noun: 2024・2025年度のSBIR, 2030年頃に実用化が見込まれる技術
)

// dateMention is one date of a text, at rune offsets [pos, end) of the
// folded text (foldRunes).
type dateMention struct {
	pos, end int
	year     int  // the (first) year
	year2    int  // last year of a range (2022-27年度, 今後10年間), else 0
	weak     bool // relative (本年, 今後10年) or 令和: a year in digits outranks it
	role     dateRole
	decade   bool // 2030年代: no year of its own
	month    bool // a month follows the year (2023年7月)
}

// Relative words: the edition's year, or the next.
var relWords = []struct {
	w    []rune
	plus int
}{
	{[]rune("本年度"), 0}, {[]rune("今年度"), 0}, {[]rune("来年度"), 1},
	{[]rune("本年"), 0}, {[]rune("今年"), 0}, {[]rune("来年"), 1}, {[]rune("年央"), 0},
}

// eventVerbs, right after a date, make it the date of an event
// (2023年度試行開始, 2025年度作成した), unless the event is only planned
// (2023年度策定予定のロードマップ).
var eventVerbs = [][]rune{[]rune("試行開始"), []rune("開始"), []rune("作成"), []rune("策定"), []rune("公表"),
	[]rune("設立"), []rune("設置"), []rune("導入"), []rune("参加"), []rune("立ち上げ")}

// dateRunes appends to out the dates of rs (folded text) in order;
// edition resolves the relative ones. Callers pass a slice of an array on
// their stack (a text states a few dates at most).
func dateRunes(out []dateMention, x *runeIndex, edition int) []dateMention {
	rs := x.rs
	for i := 0; i < len(rs); {
		if !mayStartDate(rs[i]) {
			i++
			continue
		}
		m, ok := mentionAt(rs, i, edition)
		if !ok {
			i++
			continue
		}
		m.role = roleOf(x, m)
		out = append(out, m)
		i = m.end
	}
	return out
}

// mentionAt reads a date starting at rune i, if one does.
func mentionAt(rs []rune, i, edition int) (dateMention, bool) {
	m := dateMention{pos: i}
	switch {
	case isDigit(rs[i]) && (i == 0 || !isDigit(rs[i-1]) && !isASCIILetter(rs[i-1])):
		v, j := digits(rs, i)
		if j-i != 4 || v < 1900 || v > 2199 {
			return m, false
		}
		m.year = v
		// 2022-27年度, 2022～2027年度, 2024・2025年度
		if j < len(rs) && (rs[j] == '-' || rs[j] == '~' || rs[j] == '〜' || rs[j] == '・') {
			if w, k := digits(rs, j+1); k-j-1 >= 2 && k-j-1 <= 4 && hasAt(rs, k, "年") {
				if w < 100 {
					w += v / 100 * 100
				}
				if w >= v {
					m.year2 = w
					m.end, m.month = afterYear(rs, k+1)
					return m, true
				}
			}
		}
		if !hasAt(rs, j, "年") {
			return m, false
		}
		if hasAt(rs, j+1, "代") {
			m.decade = true
			m.end = j + 2
			return m, true
		}
		if hasAt(rs, j+1, "間") {
			return m, false // 2000年間: not a date
		}
		m.end, m.month = afterYear(rs, j+1)
		return m, true
	case hasAt(rs, i, "令和") || rs[i] == 'R' && (i == 0 || !isASCIILetter(rs[i-1])):
		k := i + 1
		if rs[i] == '令' {
			k = i + 2
		}
		v, j := digits(rs, k)
		if j == k || j-k > 2 || !hasAt(rs, j, "年") {
			return m, false
		}
		m.year, m.weak = 2018+v, true
		m.end, m.month = afterYear(rs, j+1)
		return m, true
	case hasAt(rs, i, "今後") || hasAt(rs, i, "当面"):
		// 今後10年間 / 今後5年: from the edition's year, N years
		v, j := digits(rs, i+2)
		if j == i+2 || !hasAt(rs, j, "年") || hasAt(rs, j+1, "度") {
			return m, false
		}
		m.year, m.year2, m.weak = edition, edition+v-1, true
		m.end = j + 1
		if hasAt(rs, m.end, "間") {
			m.end++
		}
		return m, edition > 0 && v > 0
	case rs[i] == '夏' && hasAt(rs, i+1, "まで") && (i == 0 || rs[i-1] != '年'):
		// 夏までに with no year: this summer
		m.year, m.weak, m.end = edition, true, i+1
		return m, edition > 0
	}
	if edition > 0 {
		for _, w := range relWords {
			// 本年 inside 日本年金 is no date
			if hasRunes(rs, i, w.w) && (i == 0 || rs[i-1] != '日') {
				m.year, m.weak = edition+w.plus, true
				m.end, m.month = afterYear(rs, i+len(w.w))
				return m, true
			}
		}
	}
	return m, false
}

// afterYear skips what may follow 年: 度, a month or month range (6月,
// 5~6月), a season or 末/中/頃/初/前半/後半 — the parts of one date.
func afterYear(rs []rune, j int) (int, bool) {
	month := false
	if hasAt(rs, j, "度") {
		j++
	}
	if _, k := digits(rs, j); k > j {
		k2 := k
		if k2 < len(rs) && (rs[k2] == '~' || rs[k2] == '-' || rs[k2] == '〜') {
			if _, k3 := digits(rs, k2+1); k3 > k2+1 {
				k2 = k3
			}
		}
		if hasAt(rs, k2, "月") {
			j, month = k2+1, true
		}
	}
	// (中 stays: 2025年中に closes a period)
	for _, s := range []string{"前半", "後半", "末", "頃", "初", "春", "夏", "秋", "冬"} {
		if hasAt(rs, j, s) {
			j += len([]rune(s))
		}
	}
	return j, month
}

// roleOf reads what the words around a date make of it.
func roleOf(x *runeIndex, m dateMention) dateRole {
	rs := x.rs
	if m.decade {
		return roleModify
	}
	if m.pos > 0 && (rs[m.pos-1] == '~' || rs[m.pos-1] == '〜') {
		return roleUntil
	}
	j := m.end
	switch {
	case j < len(rs) && (rs[j] == '~' || rs[j] == '〜'):
		return roleFrom
	case hasAt(rs, j, "の") && !hasAt(rs, j, "のうち"):
		// 2017年の…交渉（JSI）の立ち上げに参加: the date of an event the
		// item took part in; else it names a thing (2023年度のアクションプラン)
		e := min(x.nextAt(j, "、"), x.nextAt(j, "。"))
		if x.spanHas(j, e, "立ち上げ") || x.spanHas(j, e, "設立") || x.spanHas(j, e, "創設") {
			return roleAt
		}
		return roleModify
	case hasAt(rs, j, "に向け"):
		return roleModify
	}
	// 以降 / から / まで / を目標 within a few runes of the same clause
	// (本年夏以降, 2023年頃まで, 2022年度から当面10年間).
	for k := j; k < len(rs) && k <= j+4; k++ {
		if isClauseBreak(rs[k]) {
			break
		}
		switch {
		case hasAt(rs, k, "以降") || hasAt(rs, k, "から"):
			return roleFrom
		case hasAt(rs, k, "まで") || hasAt(rs, k, "を目標") || hasAt(rs, k, "を目途"):
			return roleUntil
		}
	}
	if hasAt(rs, j, "中に") {
		return roleUntil
	}
	if m.pos > 0 && rs[m.pos-1] == '(' && hasAt(rs, j, ")") && !m.weak {
		return roleLone
	}
	if x.clauseHas(j, "見込まれる") || x.clauseHas(j, "見込み") {
		return roleModify
	}
	k := j
	if hasAt(rs, k, "に") && !hasAt(rs, k, "には") {
		k++
	}
	for _, v := range eventVerbs {
		if hasRunes(rs, k, v) {
			if hasAt(rs, k+len(v), "予定") {
				return roleModify
			}
			return roleAt
		}
	}
	// 2024年6月に導入 / 2021年に…策定: an event with its date; a year
	// alone before に is one only in the past (2030年に is a goal).
	if k > j && !m.weak {
		return roleAt
	}
	return roleNone
}

// measurePeriod is the period a measure states (startYear, endYear; 0 when
// the text does not say): a range gives both; else the earliest date that
// opens the period or dates an event starting it, and the first date that
// closes it; else a lone bracketed date gives both; else the relative
// dates (本年, 来年度, 令和N年度, 今後N年間), which the absolute ones outrank
// ("2023年度試行開始、来年度本格化" starts in 2023).
func measurePeriod(text string, edition int) (start, end int) {
	if !mayDate(text) {
		return 0, 0
	}
	var buf foldBuf
	var dates [8]dateMention
	rs := foldRunes(buf[:0], text)
	ms := dateRunes(dates[:0], newRuneIndex(rs), edition)
	for _, m := range ms {
		if m.year2 != 0 && !m.weak && m.role != roleModify {
			return m.year, m.year2
		}
	}
	lone, termStart := 0, 0
	for _, m := range ms {
		if m.weak {
			continue
		}
		switch m.role {
		case roleFrom:
			if start == 0 || m.year < start {
				start = m.year
			}
			if e := termAfter(rs, m); e != 0 && end == 0 {
				end = e
			}
		case roleAt:
			if m.year <= edition || m.month {
				if start == 0 || m.year < start {
					start = m.year
				}
			}
		case roleUntil:
			if end == 0 {
				end = m.year
				termStart = termBefore(rs, m)
			}
		case roleLone:
			if lone == 0 {
				lone = m.year
			}
		}
	}
	if start == 0 && end == 0 && lone != 0 {
		return lone, lone
	}
	if start == 0 {
		start = termStart
	}
	if start == 0 && end == 0 {
		for _, m := range ms {
			if !m.weak {
				continue
			}
			if m.year2 != 0 {
				return m.year, m.year2
			}
			switch m.role {
			case roleFrom:
				return m.year, 0
			case roleUntil:
				return 0, m.year
			case roleModify:
				continue
			}
			return m.year, m.year
		}
	}
	if start != 0 && end != 0 && end < start {
		end = 0
	}
	return start, end
}

// mayDate: every date the scanner reads has 年 (2023年, 令和6年, 本年,
// 年央, 今後10年) or is 夏まで; most texts have neither and skip the NFKC
// pass.
func mayDate(text string) bool {
	return containsText(text, "年") || containsText(text, "夏")
}

// termAfter reads "から当面10年間" after a date that opens a period: the
// last year of the term, else 0.
func termAfter(rs []rune, m dateMention) int {
	for k := m.end; k < len(rs) && k <= m.end+3; k++ {
		if hasAt(rs, k, "当面") {
			if v, j := digits(rs, k+2); j > k+2 && hasAt(rs, j, "年") {
				return m.year + v - 1
			}
		}
	}
	return 0
}

// termBefore reads "までの７年間" after a date that closes a period: the
// first year of the term, counted back from the date (2030年度までの７年間
// is 2024–2030), else 0.
func termBefore(rs []rune, m dateMention) int {
	if k := m.end; hasAt(rs, k, "までの") {
		if v, j := digits(rs, k+3); j > k+3 && v > 0 && v <= m.year && hasAt(rs, j, "年間") {
			return m.year - v + 1
		}
	}
	return 0
}

// mayStartDate: the first runes of the dates mentionAt reads.
func mayStartDate(r rune) bool {
	switch r {
	case '令', 'R', '今', '当', '夏', '本', '来', '年':
		return true
	}
	return isDigit(r)
}

// ---- small rune helpers shared by the extractors ----

// foldRunes appends to out the matching form the extractors read, in one
// pass: what normalize gives for digits, Latin letters and ASCII
// punctuation (the full-width forms U+FF01–FF5E become ASCII) and no
// whitespace; other runes are kept as written (NFKC would also turn ① into
// 1). The extractors pass a foldBuf, so that a text of up to foldBufRunes
// runes is folded on the stack.
func foldRunes(out []rune, s string) []rune {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000':
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		out = append(out, r)
	}
	return out
}

// foldBuf holds a folded text (foldRunes) of up to foldBufRunes runes on
// the stack of the extractor that reads it: the texts are read once and
// dropped, and their slices were 0.06 MB a load. Most measure and target
// texts of the seed are shorter; a longer one grows onto the heap.
type foldBuf [foldBufRunes]rune

const foldBufRunes = 256

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isClauseBreak ends the clause a word is looked for in.
func isClauseBreak(r rune) bool {
	switch r {
	case '、', '。', ',', '(', ')', '【', '】', '「', '」', '⇒':
		return true
	}
	return false
}

// digits reads the decimal number at rs[i:], returning it and the index
// after it (i when there is none).
func digits(rs []rune, i int) (int, int) {
	v, j := 0, i
	for j < len(rs) && isDigit(rs[j]) && j-i < 9 {
		v = v*10 + int(rs[j]-'0')
		j++
	}
	return v, j
}

// hasAt reports whether s is at rs[i:].
func hasAt(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

func hasRunes(rs []rune, i int, w []rune) bool {
	if i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// hasRunesOf is hasRunes(rs, i, []rune(s)).
func hasRunesOf(rs []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// runeIndex answers "where does s next occur" on a folded text in O(1),
// after one pass per pattern asked: the extractors look ahead to the end
// of a clause or sentence from every date and quantity, which scanned the
// rest of the clause each time (quadratic on a long clause of dates).
//
// A text of at most runeIndexScanMax runes (nearly every measure) is
// scanned instead: a scan is bounded by that length, and costs less than
// building a table.
type runeIndex struct {
	rs   []rune
	next map[string][]int // pattern → first k ≥ i with it at rs[k:], len(rs) for none
	brk  []int            // first clause break at or after i
	open []int            // last '(' before i, -1 for none
}

const runeIndexScanMax = 256

func newRuneIndex(rs []rune) *runeIndex {
	return &runeIndex{rs: rs}
}

// nextAt is the first k ≥ i with s at rs[k:], or len(rs).
func (x *runeIndex) nextAt(i int, s string) int {
	n := len(x.rs)
	if i >= n {
		return n
	}
	if n <= runeIndexScanMax {
		for k := i; k < n; k++ {
			if hasRunesOf(x.rs, k, s) {
				return k
			}
		}
		return n
	}
	if x.next == nil {
		x.next = map[string][]int{}
	}
	t, ok := x.next[s]
	if !ok {
		w := []rune(s)
		t = make([]int, n+1)
		t[n] = n
		for k := n - 1; k >= 0; k-- {
			if hasRunes(x.rs, k, w) {
				t[k] = k
			} else {
				t[k] = t[k+1]
			}
		}
		x.next[s] = t
	}
	return t[i]
}

// breakAt is the index of the first clause break at or after i, or len(rs).
func (x *runeIndex) breakAt(i int) int {
	n := len(x.rs)
	if i >= n {
		return n
	}
	if n <= runeIndexScanMax {
		for k := i; k < n; k++ {
			if isClauseBreak(x.rs[k]) {
				return k
			}
		}
		return n
	}
	if x.brk == nil {
		x.brk = make([]int, n+1)
		x.brk[n] = n
		for k := n - 1; k >= 0; k-- {
			if isClauseBreak(x.rs[k]) {
				x.brk[k] = k
			} else {
				x.brk[k] = x.brk[k+1]
			}
		}
	}
	return x.brk[i]
}

// openBefore is the index of the last '(' before i, or -1.
func (x *runeIndex) openBefore(i int) int {
	if len(x.rs) <= runeIndexScanMax {
		for k := min(i, len(x.rs)) - 1; k >= 0; k-- {
			if x.rs[k] == '(' {
				return k
			}
		}
		return -1
	}
	if x.open == nil {
		x.open = make([]int, len(x.rs)+1)
		last := -1
		for k, r := range x.rs {
			x.open[k] = last
			if r == '(' {
				last = k
			}
		}
		x.open[len(x.rs)] = last
	}
	return x.open[min(i, len(x.rs))]
}

// clauseHas reports whether s starts in the clause starting at rs[i:].
func (x *runeIndex) clauseHas(i int, s string) bool {
	return x.nextAt(i, s) < x.breakAt(i)
}

// spanHas reports whether s starts in rs[a:b].
func (x *runeIndex) spanHas(a, b int, s string) bool {
	return a < b && x.nextAt(a, s) < b
}
