package loader

// The interim-2023 layout's lexer: it gives every line a kind of this
// grammar (kind2023) from the shapes the shared slide lexer read (lex.go)
// and the words the layout prints (interim2023, layout2023.go), without
// looking at its neighbours. What a kind means is the grammar's to say
// (parse2023.go).

import (
	"strconv"
	"strings"

	"github.com/policygraph/policygraph"
)

// kind2023 is the 2023 grammar's kind of a line (slideLine.kind).
type kind2023 = itemKind

const (
	k23Blank       kind2023 = iota
	k23PageNum              // "21": a lone page or chart number
	k23Single               // one character: part of a vertical label (or a lone ／ of a goal cell)
	k23KeyMsg               // 「新機軸」のキーメッセージ①
	k23Pillar               // ミッション①：炭素中立型社会の実現（考え方）, ＯＳ③：価値創造経営
	k23HeadSuffix           // （これまでの施策、今後の施策） on a line of its own
	k23ListTitle            // ミッション志向の産業政策（8分野）： / 社会基盤（ＯＳ）の組替え（5分野）：
	k23TOCEntry             // ① 炭素中立型社会の実現 ･･･p.20
	k23TableHeader          // 長期的目標 足下３年程度 ３～５年後
	k23PillarCol            // 新機軸の / 施策の柱 (column header of the summary tables)
	k23Micro                // 各分野（ミクロ）の主要施策
	k23Legend               // ●…これまでに実施した施策、○…今後実施する施策
	k23Bracket              // 【…】 on a line of its own
	k23Angle                // ＜…＞ on a line of its own
	k23OHead                // 〇… (U+3007): a group heading of the summary tables
	k23Past                 // ⚫ or ● bullet
	k23Future               // ○ bullet
	k23Arrow                // ➢ (sub-bullet of prose), – or • or ✓
	k23PUA                  // U+F070 bullet of the key-message lists
	k23Sub                  // （…） or 〔…〕 wholly on a line: a sub-heading if after a blank
	k23Note                 // ⇒… or ※…: a remark, never part of a measure
	k23Text                 // anything else
)

// item2023 is a lexed line as this grammar reads it: the shared lexer's
// slideLine, its kind set by lex2023. Item i of the parser's items is
// line i+1.
type item2023 = slideLine

// head2023 is what a pillar heading or a contents line says.
type head2023 struct {
	// k23Pillar
	pkind, psuffix, pname string
	pord                  int
	// k23TOCEntry
	tocOrd int
	tocNam string
}

// lex2023 reads the 2023 grammar's kinds off the shared slide lexer
// (lex.go): the shapes every edition has, then the headings only this
// edition prints (key messages, pillar headings, the contents, the summary
// table headers).
// It sets the lines' kinds and returns what the pillar headings and
// contents lines say, by line.
func lex2023(lines []slideLine, t *docText) map[int]*head2023 {
	heads := map[int]*head2023{}
	for i := range lines {
		if h := lexLine23(&lines[i], t.raw(i)); h != nil {
			heads[i+1] = h
		}
	}
	return heads
}

// lexLine23 sets the kind of the lexed line l, whose raw text is raw, and
// returns what it says if it is a pillar heading or a contents line.
func lexLine23(l *slideLine, raw string) *head2023 {
	w := &interim2023
	it := l
	f := it.flat
	switch l.shape {
	case shapeBlank:
		it.kind = k23Blank
		return nil
	case shapeNumber:
		it.kind = k23PageNum
		return nil
	case shapeSingle:
		it.kind = k23Single
		return nil
	}
	switch {
	case hasKeyMsg23(f):
		it.kind = k23KeyMsg
	case f == w.detailHeadLine:
		it.kind = k23HeadSuffix
	case hasAnyPrefix(f, w.listTitlePrefixes) && w.listTitle.MatchString(f):
		it.kind = k23ListTitle
	case strings.IndexByte(f, w.tableHeaderRare) >= 0 && containsText(f, w.tableHeader[0]) && containsText(f, w.tableHeader[1]):
		it.kind = k23TableHeader
	case f == w.pillarColumn[0] || f == w.pillarColumn[1]:
		it.kind = k23PillarCol
	case f == w.microTitle:
		it.kind = k23Micro
	case l.bullet() == w.legendBullet && containsText(f, w.legend[0]) && containsText(f, w.legend[1]):
		it.kind = k23Legend
	case l.shape == shapeBracket:
		it.kind = k23Bracket
	case l.shape == shapeAngle:
		it.kind = k23Angle
	case l.shape == shapeBullet:
		switch b := l.bullet(); {
		case b == w.rowBullet:
			it.kind = k23OHead
		case strings.ContainsRune(w.pastBullets, b):
			it.kind = k23Past
		case b == w.futureBullet:
			it.kind = k23Future
		case b == w.keyBullet:
			it.kind = k23PUA
		default: // ➢ – • ✓
			it.kind = k23Arrow
		}
	case l.shape == shapeNote:
		it.kind = k23Note
	case l.shape == shapeEnclosed:
		it.kind = k23Sub
	default:
		it.kind = k23Text
	}
	if it.kind != k23Text {
		return nil
	}
	if m := pillarHeading23(f); m != nil {
		it.kind = k23Pillar
		h := &head2023{pkind: w.pillarKind(m[1]).kind, pname: m[3], psuffix: m[4]}
		h.pord, _ = strconv.Atoi(m[2])
		return h
	}
	if ord := tocOrdinal23(f); ord > 0 {
		it.kind = k23TOCEntry
		return &head2023{tocOrd: ord, tocNam: strings.TrimSpace(strings.Split(trimSpaces(cutCircLead(trimSpaces(raw))), w.tocLeaderRaw)[0])}
	}
	return nil
}

// pillarHeading23 is interim2023.pillarHeading.FindStringSubmatch(f) read without the
// backtracker, which took thousands of steps a heading: the lazy name
// ends before a (考え方) or (これまでの施策、今後の施策) that ends f and
// leaves it a rune, else at the end; '.' takes any rune but a newline.
// TestPillarHeading23 compares the two.
func pillarHeading23(f string) []string {
	kind := ""
	for _, k := range interim2023.pillarKinds {
		if strings.HasPrefix(f, k.prefix) {
			kind = k.prefix
			break
		}
	}
	if kind == "" {
		return nil
	}
	rest := f[len(kind):]
	if len(rest) < 3 || rest[0] < '1' || rest[0] > '9' || rest[1] != ':' {
		return nil
	}
	ord, name, suffix := rest[:1], rest[2:], ""
	for _, s := range []string{interim2023.conceptSuffix, interim2023.detailSuffix} {
		if n, ok := strings.CutSuffix(name, "("+s+")"); ok && n != "" {
			name, suffix = n, s
			break
		}
	}
	if strings.Contains(name, "\n") {
		return nil
	}
	return []string{f, kind, ord, name, suffix}
}

// tocOrdinal23 is the ordinal interim2023.toc reads off a contents line f (its
// first group), 0 when f is none, read without the backtracker: a digit,
// then a name of a rune or more without a newline, ・・・p. and the
// digits that end f. TestPillarHeading23 compares the two.
func tocOrdinal23(f string) int {
	if f == "" || f[0] < '1' || f[0] > '9' {
		return 0
	}
	end := len(f)
	for end > 1 && f[end-1] >= '0' && f[end-1] <= '9' {
		end--
	}
	name, ok := strings.CutSuffix(f[1:end], interim2023.tocLeader)
	if end == len(f) || !ok || name == "" || strings.Contains(name, "\n") {
		return 0
	}
	return int(f[0] - '0')
}

// hasKeyMsg23 is strings.Contains(f, interim2023.keyMessage), looked for
// first by keyMessageRareByte (9F, the last byte of 機: few runes end with
// it), then as keyMessageRare (機軸): every line is asked, and a search for
// the whole, whose first byte (E3, as all kana) is in most lines, is slow.
func hasKeyMsg23(f string) bool {
	w := &interim2023
	return strings.IndexByte(f, w.keyMessageRareByte) >= 0 && containsText(f, w.keyMessageRare) && containsText(f, w.keyMessage)
}

// headingName23 is the pillar name of a heading line, raw spelling, without
// the ミッション①： prefix and the （考え方）-style suffix.
func headingName23(raw string) string {
	s := trimSpaces(raw)
	if _, name, ok := cutLabel(s); ok {
		s = name
	}
	for _, suf := range interim2023.headingSuffixesRaw {
		s = trimSpaces(strings.TrimSuffix(trimSpaces(s), suf))
	}
	return s
}

// listTitleKind23 is the kind of pillar a contents list titled flat lists.
func listTitleKind23(flat string) string {
	if strings.HasPrefix(flat, interim2023.missionWord) {
		return policygraph.KindMission
	}
	return policygraph.KindOS
}
