package loader

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policygraph/policygraph/internal/nfkc"
	"golang.org/x/text/unicode/norm"
)

// headline is a measure's title, the same rule for every edition: the item's
// first sentence (up to 。, or to a また、 that opens the next one), with the label it may open with
// ("半導体・電子部品：「AI・半導体産業基盤強化フレーム」を活用し…": the label
// alone is a topic several items share), without 再掲 markers, and without
// bracketed asides at its end ("…明示（２２の重点分野について）",
// "…の改訂【本年３月】"). Brackets are never cut inside, and a bracket in
// the middle stays: "戦略分野（GX、DX等）における国内投資拡大…",
// "アジア・ゼロエミッション共同体（AZEC）構想を実現し、…". A conjunction
// that ties the item to the one before it (さらに、東証が…) is not part of
// its headline.
func headline(text string) string {
	s := strings.TrimSpace(stripRelistMarkers(text))
	for _, c := range sentenceOpeners {
		if rest, ok := strings.CutPrefix(s, c); ok && strings.TrimSpace(rest) != "" {
			s = strings.TrimSpace(rest)
			break
		}
	}
	cut := len(s)
	depth := 0
	prev := rune(0)
	n := 0 // runes before s[i]
scan:
	for i, w := 0, 0; i < len(s); i += w {
		r, ok := nfkc.Decode3(s, i) // inlined: most runes are read so
		w = 3
		if !ok {
			r, w = nfkc.DecodeRune(s, i)
		}
		switch {
		case r >= 0x3040 && r < 0xFF00 && !opensWith(r):
			// kana and kanji, most of the text: no bracket (those are
			// below or fullwidth), no 。, no sentence opening
		case isOpenBracket(r):
			depth++
		case isCloseBracket(r):
			depth = max(0, depth-1)
		case depth > 0:
		case r == '。':
			cut = i
			break scan
		case opensWith(r) && n >= minSentenceRunes && endsSentence(prev) && opensSentence(s[i:]):
			cut = i
			break scan
		}
		prev = r
		n++
	}
	t := trimTrailingAsides(strings.TrimSpace(s[:cut]))
	if t == "" {
		return strings.TrimSpace(text) // a bare "（再掲）" item: keep it rather than an empty title
	}
	return t
}

// opensSentence: s starts with a conjunction that opens a sentence
// (また、さらに、加えて、). After a word, not a particle or a comma, it is
// where a sentence ended without its 。, as a table cell's lines do
// ("…枠組みで取組を実施" / "また、事業単位での…", 2025 lines 2091–2092).
func opensSentence(s string) bool {
	for _, c := range sentenceOpeners {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

var sentenceOpeners = []string{"また、", "さらに、", "加えて、"}

// openerFirsts are the first runes of sentenceOpeners: headline looks for
// an opener only at one of them.
var openerFirsts = func() []rune {
	var rs []rune
	for _, c := range sentenceOpeners {
		r, _ := utf8.DecodeRuneInString(c)
		rs = append(rs, r)
	}
	return rs
}()

// opensWith: r is the first rune of a sentence opener.
func opensWith(r rune) bool { return slices.Contains(openerFirsts, r) }

// endsSentence: a sentence can end in r (a noun or verb stem, a closing
// bracket, a Latin word or number of either width: …の推進ＧＸ), where a
// particle or a comma cannot.
func endsSentence(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r) || isCloseBracket(r) ||
		(r < 0x80 || r >= 0xFF10 && r <= 0xFF5A) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// minSentenceRunes is how long a title cut before また、 must be at least:
// a word or two before it (今後また、…) is an adverb's place, not a sentence.
const minSentenceRunes = 6

const (
	openBrackets  = "（(「『【［[〔〈《"
	closeBrackets = "）)」』】］]〕〉》"
)

// isOpenBracket is strings.ContainsRune(openBrackets, r), as a switch.
func isOpenBracket(r rune) bool {
	switch r {
	case '（', '(', '「', '『', '【', '［', '[', '〔', '〈', '《':
		return true
	}
	return false
}

// isCloseBracket is strings.ContainsRune(closeBrackets, r), as a switch.
func isCloseBracket(r rune) bool {
	switch r {
	case '）', ')', '」', '』', '】', '］', ']', '〕', '〉', '》':
		return true
	}
	return false
}

// trimTrailingAsides drops balanced （…）, (…) and 【…】 groups at the end of
// s, as long as something is left before them. One backward walk over the
// bytes: each group is scanned once and the result is a prefix of s, so a
// long chain of asides stays linear and allocates nothing.
func trimTrailingAsides(s string) string {
	end := len(s) // s[:end] is what is left
	for end > 0 {
		closer, _ := utf8.DecodeLastRuneInString(s[:end])
		kind := asideCloser(closer)
		if kind == 0 {
			break
		}
		depth, start := 0, -1
		for i := end; i > 0 && start < 0; {
			if c := s[i-1]; c != '(' && c != ')' && (c < 0x88 || c > 0x91) {
				i-- // no bracket ends with this byte
				continue
			}
			r, n := lastBracket(s[:i])
			i -= n
			if asideCloser(r) == kind {
				depth++
			} else if asideOpener(r) == kind {
				if depth--; depth == 0 {
					start = i
				}
			}
		}
		if start <= 0 {
			break // unbalanced, or the whole text is the aside
		}
		rest := start
		for rest > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:rest])
			if !strings.ContainsRune(" 　、", r) {
				break
			}
			rest -= n
		}
		if rest == 0 {
			break
		}
		end = rest
	}
	return s[:end]
}

// lastBracket is the aside bracket s ends with and its width, or 0 and a
// step of one byte: a walk back that reads only the brackets meets them
// where a walk rune by rune (utf8.DecodeLastRuneInString) does, as their
// first bytes (( ) and the lead bytes EF and E3) are never inside another
// rune, valid or not (TestLastBracket).
func lastBracket(s string) (rune, int) {
	switch c := s[len(s)-1]; c {
	case '(', ')':
		return rune(c), 1
	case 0x88, 0x89, 0x90, 0x91:
		if len(s) >= 3 {
			switch t := s[len(s)-3:]; t {
			case "（", "）", "【", "】":
				r, _ := utf8.DecodeRuneInString(t)
				return r, 3
			}
		}
	}
	return 0, 1
}

// asideCloser and asideOpener give the brackets of a trailing aside their
// kind: full- and half-width parentheses are one kind, as the extraction
// mixes them ("バイオ分野（日本医療研究開発機構（AMED）の…基金活用…)", 2023
// line 2832); 0 for any other rune. Switches, not maps: a walk over an
// aside asks them of every rune.
func asideCloser(r rune) int {
	switch r {
	case '）', ')':
		return 1
	case '】':
		return 2
	}
	return 0
}

func asideOpener(r rune) int {
	switch r {
	case '（', '(':
		return 1
	case '【':
		return 2
	}
	return 0
}

// stripRelistMarkers drops from the raw text exactly the 再掲 markers that
// relistMarker finds in its normalised form (［再掲］, [ 再掲 ], （再掲】, …),
// so a title never keeps a marker that makes the item a relist. The text is
// normalised one NFKC segment at a time (the segments' forms join up to
// normalize's, ASCII whitespace dropped the same way), remembering where in
// text each normalised byte came from; a match that starts or ends
// inside a segment's output is left alone, since cutting it would cut a
// character.
func stripRelistMarkers(text string) string {
	// 掲 has no other form that NFKC maps to it.
	if !containsText(text, "掲") || !containsText(normalize(text), "再掲") {
		return text
	}
	// For each byte of n, where it came from; both sized once for
	// NFKC output no longer than the text (they grow past that).
	type origin struct {
		from, to    int32 // its segment's span in text (below maxDocBytes)
		first, last bool  // the byte starts, ends its segment's kept output
	}
	n := make([]byte, 0, len(text))
	at := make([]origin, 0, len(text))
	var it norm.Iter
	it.InitString(norm.NFKC, text)
	for !it.Done() {
		p0 := int32(it.Pos())
		seg := it.Next()
		p1 := int32(it.Pos())
		k := len(n)
		for _, c := range seg {
			if isSpace(c) {
				continue // normalize drops ASCII whitespace
			}
			n = append(n, c)
			at = append(at, origin{from: p0, to: p1, first: len(n)-1 == k})
		}
		if len(n) > k {
			at[len(n)-1].last = true
		}
	}
	var b strings.Builder
	prev := 0
	for _, loc := range relistMarker.FindAllIndex(n, -1) {
		a, z := loc[0], loc[1]-1
		if !at[a].first || !at[z].last {
			continue
		}
		b.WriteString(text[prev:at[a].from])
		prev = int(at[z].to)
	}
	if prev == 0 {
		return text
	}
	b.WriteString(text[prev:])
	return b.String()
}
