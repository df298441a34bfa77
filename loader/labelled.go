package loader

import (
	"strings"
	"unicode/utf8"
)

// cutLabel reads a labelled text, a label and a colon before it (full- or
// half-width): "ＧＸ：今後10年で150兆円超の官民投資" is the label ＧＸ and
// the text after the colon, both trimmed; a pillar heading's name follows
// its ミッション①： label alike. found is false when s holds no colon.
func cutLabel(s string) (label, text string, found bool) {
	i := strings.IndexAny(s, "：:")
	if i < 0 {
		return s, "", false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return trimSpaces(s[:i]), trimSpaces(s[i+n:]), true
}

// labelledItem is a labelled bullet (cutLabel) read with the line its
// text wraps onto: its label, its text and its first and last lines.
type labelledItem struct {
	label, text string
	from, to    int
}

// readLabelled reads the labelled text body of item i of t: the label
// before the colon and the text after it, or all of body as the label
// when it has no colon; when wraps(i+1) the next item's raw text, trimmed,
// ends the text (ＤＸ：…国内で半導体を生産す / る企業の…). It reads no
// further than item n-1.
func readLabelled(t *docText, n, i int, body string, wraps func(j int) bool) labelledItem {
	l := labelledItem{label: body, from: i + 1, to: i + 1}
	if label, text, ok := cutLabel(body); ok {
		l.label, l.text = label, text
	}
	if i+1 < n && wraps(i+1) {
		l.to++
		l.text += trimSpaces(t.raw(i + 1))
	}
	return l
}
