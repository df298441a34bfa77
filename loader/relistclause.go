package loader

import (
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// wholeRelist reports whether a 再掲 marker re-lists the whole item: one
// with nothing after it ("…の恒久化の検討（再掲）"). A marker inside the item
// marks only the clause before it ("…GX産業立地の推進【再掲】等）", 2025 line
// 1078): the item itself is new, and linkRelists links that clause alone.
func wholeRelist(text string) bool {
	n := normalize(text)
	for _, loc := range relistMarker.FindAllStringIndex(n, -1) {
		if simText(n[loc[1]:]) == "" {
			return true
		}
	}
	return false
}

// markedClause is a 再掲 marker inside an item: the clause it marks, as
// relistKeys cuts it, and the line the marker is on.
type markedClause struct {
	key   string // simText of the clause: what the original is matched by
	quote string // the clause, normalised ("GX産業立地の推進")
	line  int
}

// markedClauses returns the inline markers of a measure that is not a whole
// relist, in order.
func markedClauses(t *docText, m *policygraph.Measure) []markedClause {
	if m.Relist || !relistMarker.MatchString(normalize(m.Text)) {
		return nil
	}
	var out []markedClause
	for l := m.LineStart; l <= m.LineEnd && l <= len(t.Norm); l++ {
		line := normalize(t.Norm[l-1])
		for _, loc := range relistMarker.FindAllStringIndex(line, -1) {
			// the clause may start on an earlier line: cut it from the
			// item's text up to this marker
			n := normalize(m.Text)
			k := strings.Index(n, line[:loc[1]])
			if k < 0 {
				continue
			}
			before := n[:k+loc[0]]
			if i := strings.LastIndexAny(before, "、，,(（「【。"); i >= 0 {
				_, size := utf8.DecodeRuneInString(before[i:])
				before = before[i+size:]
			}
			if key := simText(before); key != "" {
				out = append(out, markedClause{key: key, quote: before, line: l})
			}
		}
	}
	return out
}

// relistProps are a marked RELISTS edge's properties: marked (the text says
// 再掲; unmarked copies get false), and for a marker inside an item the
// clause it binds (quote) and its line.
func relistProps(score float64, clause *markedClause) map[string]any {
	props := map[string]any{"score": round3(score), "marked": true}
	if clause != nil {
		props["quote"] = clause.quote
		props["line"] = clause.line
	}
	return props
}
