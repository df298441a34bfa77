package loader

import (
	"strings"
	"unicode/utf8"
)

// The slide-text lexer shared by every edition. A seed file is a PDF text
// extraction of a slide report: one item per line, and the shapes a line can
// take are the same in every edition of the council — bullets (⚫ ● ○ 〇 ➢ …),
// 【…】 and ＜…＞ headings, （n） numbered headings, lone page or chart
// numbers, a page number glued to a slide's last line, one-character pieces
// of vertical labels. lexSlides classifies those shapes once; an edition's
// grammar (parse2023.go, parse2025.go) reads its structure from them and
// decides what a shape means there (a ○ is a future measure in 2023 and a
// row group in 2025; a lone number is a page or a chart value by context).

// shape is what a line looks like, before any edition reads meaning into it.
type shape uint8

const (
	shapeBlank    shape = iota
	shapeText           // anything else
	shapeNumber         // a lone number of one to three digits: a page or a chart value
	shapeNumbers        // numbers only, several or with %, ▲, commas: chart values
	shapeSingle         // one character: a piece of a vertical label
	shapeBullet         // a bullet rune, then the body
	shapeBracket        // 【…】 alone on the line
	shapeAngle          // ＜…＞ alone on the line
	shapeEnclosed       // （…） or 〔…〕 alone on the line
	shapeNumbered       // （n） then a heading: (1) 高付加価値な成長投資の促進
	shapeNote           // ⇒… or ※…: a remark
)

// slideLine is one lexed line. Its raw text and its NFKC form are the
// docText's raw and norm of the line, not kept again here, nor its number:
// lexSlides returns a line at each index, line i+1 at i. A document has
// thousands of lines (the number was 0.04 MB a load).
type slideLine struct {
	flat string // normalize(raw): no spaces at all, for matching
	// The small fields are sized to their values (one to three digits) and
	// packed into one word.
	num int16 // shapeNumber, shapeNumbered: the number
	// tailNum is a page number glued to the end of the line after a space
	// ("…全国展開等） 17"), 0 if none; body and the NFKC form still hold it.
	tailNum int16
	shape   shape
	// pageStart: the raw line begins with a space, which the extraction
	// does where a new slide or text box opens.
	pageStart bool
	// kind is what an edition's grammar reads the line as, in its own
	// terms (kind2023), set by its lexer: 0 until then. It fits in the
	// word the small fields share.
	kind itemKind
}

// itemKind is a grammar's kind of line; each grammar names its own.
type itemKind uint8

// bulletRunes are the bullets of both editions. ⚫ (U+26AB) and ● are the
// same mark in different fonts.
const bulletRunes = "⚫●○〇➢–•✓\uf070"

// lexSlides lexes every line of t.
func lexSlides(t *docText) []slideLine {
	norm := t.norm
	// The lines' flat forms that differ from their NFKC form (dropSpaces
	// of it) share one allocation: written in turn into a buffer sized for
	// all of them, which never moves, each a slice of it.
	size := 0 // at least what the lines take
	for i := range t.lineCount() {
		if n := norm(i); hasSpaceByte(n) {
			size += len(n)
		}
	}
	var b strings.Builder
	b.Grow(size)
	out := make([]slideLine, t.lineCount())
	kept := hasKeptSpace(t.text) // else no line holds one: not searched line by line
	for i, raw := range t.rawLines() {
		n := norm(i)
		flat := n
		switch {
		case kept && hasKeptSpace(raw):
			flat = flatten(raw, n)
		case hasSpaceByte(n):
			start := b.Len()
			appendDropSpaces(&b, n)
			flat = b.String()[start:]
		}
		out[i] = lexSlideLineFlat(raw, n, flat)
	}
	return out
}

// hasSpaceByte is strings.ContainsAny(s, " \t\r\n") by byte searches,
// which skip a line's bytes many at a time where ContainsAny reads them
// one by one.
func hasSpaceByte(s string) bool {
	return strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, '\n') >= 0
}

// appendDropSpaces writes dropSpaces(s) to b.
func appendDropSpaces(b *strings.Builder, s string) {
	run := 0
	for j := 0; j < len(s); j++ {
		if isSpace(s[j]) {
			b.WriteString(s[run:j])
			run = j + 1
		}
	}
	b.WriteString(s[run:])
}

// lexSlideLine lexes one line; n is its NFKC form, trimmed.
func lexSlideLine(raw, n string) slideLine {
	return lexSlideLineFlat(raw, n, flatten(raw, n))
}

// body is the line's raw text trimmed, without its bullet (shapeBullet),
// its brackets (shapeBracket) or its number (shapeNumbered). It is worked
// out when asked, not kept: only the 2023 grammar reads it, once a line.
func (l *slideLine) body(raw string) string {
	body := trimSpaces(raw)
	switch l.shape {
	case shapeBullet:
		body = cutFirstRune(body)
	case shapeBracket:
		body = strings.TrimSuffix(strings.TrimPrefix(body, "【"), "】")
	case shapeNumbered:
		_, body, _ = numberedHeading(l.flat)
	}
	return body
}

// bullet is the bullet of a shapeBullet line as printed (⚫ ● ○ 〇 ➢ – • ✓
// U+F070), 0 for other shapes: the first rune of flat, read again rather
// than kept.
func (l *slideLine) bullet() rune {
	if l.shape != shapeBullet {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(l.flat)
	return r
}

// lexSlideLineFlat is lexSlideLine given flat = flatten(raw, n).
func lexSlideLineFlat(raw, n, flat string) slideLine {
	l := slideLine{flat: flat}
	l.pageStart = strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\u3000")
	f := l.flat
	first, firstLen := utf8.DecodeRuneInString(f)
	switch {
	case f == "":
		l.shape = shapeBlank
		return l
	case isDigits(f, 1, 3):
		l.shape, l.num = shapeNumber, int16(atoi(f))
		return l
	case isChartNumbers(n):
		l.shape = shapeNumbers
		return l
	case firstLen == len(f): // one rune
		l.shape = shapeSingle
		return l
	case strings.ContainsRune(bulletRunes, first):
		l.shape = shapeBullet
	case first == '【' && strings.HasSuffix(f, "】") && strings.Count(f, "【") == 1:
		l.shape = shapeBracket
	case first == '<' && strings.HasSuffix(f, ">"):
		l.shape = shapeAngle
	case first == '⇒' || first == '※':
		l.shape = shapeNote
	case enclosedAlone(f):
		l.shape = shapeEnclosed
	default:
		l.shape = shapeText
		if k, _, ok := numberedHeading(f); ok {
			l.shape, l.num = shapeNumbered, int16(k)
		}
	}
	l.tailNum = int16(trailingPageNumber(trimSpaces(raw)))
	return l
}

// flatten is normalize(raw), computed from n = TrimSpace(NFKC(raw)) when it
// can be: TrimSpace dropped only spaces normalize drops too, unless raw
// holds one of the few spaces NFKC keeps and normalize does not strip
// (\v \f U+0085 U+1680 U+2028 U+2029), which then take the long way.
func flatten(raw, n string) string {
	if hasKeptSpace(raw) {
		return normalize(raw)
	}
	return dropSpaces(n)
}

// hasKeptSpace is strings.ContainsAny(s, "\v\f\u0085\u1680\u2028\u2029")
// by byte searches, which a lead byte allows: none of these runes' bytes
// can sit inside another rune, valid or not. The multi-byte ones are
// looked for only in a line holding their lead byte (C2 and E1 are rare in
// Japanese text; E2 leads the bullets): a byte search is much cheaper than
// a string search.
func hasKeptSpace(s string) bool {
	return strings.IndexByte(s, '\v') >= 0 || strings.IndexByte(s, '\f') >= 0 ||
		strings.IndexByte(s, 0xC2) >= 0 && strings.Contains(s, "\u0085") ||
		strings.IndexByte(s, 0xE1) >= 0 && strings.Contains(s, "\u1680") ||
		strings.IndexByte(s, 0xE2) >= 0 && (strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029"))
}

// isDigits reports whether s is between min and max ASCII digits.
func isDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 1e8; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isChartNumbers reports whether the NFKC line n is only numbers of a chart:
// one or more space-separated values, each digits with , and . inside, one
// optional sign (- + ▲) and an optional %. A lone plain number is a
// shapeNumber, checked before.
func isChartNumbers(n string) bool {
	if n == "" {
		return false
	}
	// The first field starts with n's first rune unless that is a space:
	// a sign or a digit, or no chart numbers (most lines).
	if r, _ := utf8.DecodeRuneInString(n); !isSpaceRune(r) && r != '▲' && r != '+' && r != '-' && (r < '0' || r > '9') {
		return false
	}
	for f := range strings.FieldsSeq(n) {
		for _, sign := range []string{"▲", "+", "-"} {
			if g, ok := strings.CutPrefix(f, sign); ok {
				f = g
				break
			}
		}
		f = strings.TrimSuffix(f, "%")
		if f == "" || f[0] < '0' || f[0] > '9' {
			return false
		}
		for i := 0; i < len(f); i++ {
			if c := f[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
				return false
			}
		}
	}
	return true
}

// trailingPageNumber returns the page number glued to the end of the raw
// line n — a non-ASCII character, spaces, one to three ASCII digits — or 0.
// "…全国展開等） 17" has one; "2030年度 40" too, so the grammar decides
// whether a page number is plausible there. (Raw, not NFKC: NFKC turns the
// fullwidth bracket before the space into ASCII.)
func trailingPageNumber(n string) int {
	if n == "" || n[len(n)-1] < '0' || n[len(n)-1] > '9' {
		return 0 // most lines: no digit at the end
	}
	i := strings.LastIndexFunc(n, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 || !isDigits(n[i+1:], 1, 3) || (n[i] != ' ' && n[i] != '\t') {
		return 0
	}
	head := strings.TrimRight(n[:i+1], " \t")
	r, _ := utf8.DecodeLastRuneInString(head)
	if r < utf8.RuneSelf {
		return 0
	}
	return atoi(n[i+1:])
}

// numberedHeading splits "(1)高付加価値な成長投資の促進" (flat, NFKC) into 1
// and the heading; a heading needs text after the number.
func numberedHeading(f string) (int, string, bool) {
	if !strings.HasPrefix(f, "(") {
		return 0, "", false
	}
	j := strings.IndexByte(f, ')')
	if j < 2 || !isDigits(f[1:j], 1, 2) || j == len(f)-1 {
		return 0, "", false
	}
	return atoi(f[1:j]), f[j+1:], true
}

// enclosedAlone reports whether f is one (…) or 〔…〕 group and nothing else.
func enclosedAlone(f string) bool {
	var open, close rune
	switch {
	case strings.HasPrefix(f, "("):
		open, close = '(', ')'
	case strings.HasPrefix(f, "〔"):
		open, close = '〔', '〕'
	default:
		return false
	}
	depth := 0
	for i, r := range f {
		switch r {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 && i+utf8.RuneLen(r) != len(f) {
				return false
			}
		}
	}
	return depth == 0 && strings.HasSuffix(f, string(close))
}

// trimSpaces trims ASCII, Unicode and ideographic spaces: strings.TrimFunc
// with isSpaceRune, each end read by its bytes first (most texts neither
// start nor end with a space, which those mostly tell).
func trimSpaces(s string) string {
	for s != "" && spaceFirst(s) {
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
	}
	for s != "" && spaceLast(s) {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	return s
}

// isSpaceRune is what trimSpaces trims: unicode.IsSpace (which holds the
// ideographic space) as a switch rather than a table search
// (TestTrimSpacesEnds compares them on every rune).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// spaceFirst reports whether s (not empty) starts with an isSpaceRune
// (TestTrimSpacesEnds).
// The lead bytes of the non-ASCII ones are C2 (U+0085, U+00A0), E1
// (U+1680), E2 (U+2000–U+205F) and E3 (U+3000); E2 and E3 lead most
// bullets and kana too, so those are read whole.
func spaceFirst(s string) bool {
	switch c := s[0]; {
	case c < utf8.RuneSelf:
		return isSpaceRune(rune(c))
	case c == 0xE3:
		return strings.HasPrefix(s, "\u3000")
	case c == 0xC2 || c == 0xE1 || c == 0xE2:
		r, _ := utf8.DecodeRuneInString(s)
		return isSpaceRune(r)
	default:
		return false
	}
}

// spaceLast reports whether s (not empty) ends with an isSpaceRune: read
// whole only when its last byte is one a space's UTF-8 ends with (80–8A,
// 9F, A0, A8, A9, AF, and 85).
func spaceLast(s string) bool {
	c := s[len(s)-1]
	if c < utf8.RuneSelf {
		return isSpaceRune(rune(c))
	}
	if c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF {
		r, _ := utf8.DecodeLastRuneInString(s)
		return isSpaceRune(r)
	}
	return false
}

// cutFirstRune drops the first rune (a bullet) and the spaces after it.
func cutFirstRune(s string) string {
	s = trimSpaces(s)
	_, n := utf8.DecodeRuneInString(s)
	return trimSpaces(s[n:])
}

// firstNonBlank is the number (1-based) of the first non-blank line, 1
// when all are blank: where an error about the whole document points.
func firstNonBlank(lines []slideLine) int {
	for i := range lines {
		if lines[i].shape != shapeBlank {
			return i + 1
		}
	}
	return 1
}
