package loader

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// wholeRelist reports whether a 再掲 marker re-lists the whole item: one
// with nothing after it ("…の恒久化の検討（再掲）"). A marker inside the item
// marks only the clause before it ("…GX産業立地の推進【再掲】等）", 2025 line
// 1078): the item itself is new, and linkRelists links that clause alone.
func wholeRelist(text string) bool {
	if !containsText(text, "掲") { // 掲 has no other form that NFKC maps to it
		return false
	}
	n := normalize(text)
	if !containsText(n, "再掲") {
		return false // every marker holds it
	}
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
	if m.Relist || !containsText(m.Text, "再掲") || !relistMarker.MatchString(t.normalize(m.Text)) {
		return nil
	}
	// the line of each marker, in order: found in the item's lines joined
	// as they are matched, so a marker the extraction broke across two
	// lines is found too, on the line where it starts
	var joined strings.Builder
	var starts []int // starts[k] is the offset in joined of line m.LineStart+k
	for l := m.LineStart; l <= m.LineEnd && l <= t.lineCount(); l++ {
		starts = append(starts, joined.Len())
		joined.WriteString(t.normalize(t.norm(l - 1)))
	}
	var markerLines []int
	for _, loc := range relistMarker.FindAllStringIndex(joined.String(), -1) {
		k := sort.SearchInts(starts, loc[0]+1) - 1
		markerLines = append(markerLines, m.LineStart+k)
	}
	n := t.normalize(m.Text)
	var out []markedClause
	for i, loc := range relistMarker.FindAllStringIndex(n, -1) {
		before := n[:loc[0]]
		if j := strings.LastIndexAny(before, "、，,(（「【。"); j >= 0 {
			_, size := utf8.DecodeRuneInString(before[j:])
			before = before[j+size:]
		}
		line := m.LineStart
		if i < len(markerLines) {
			line = markerLines[i]
		}
		if key := simText(before); key != "" {
			out = append(out, markedClause{key: key, quote: before, line: line})
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
