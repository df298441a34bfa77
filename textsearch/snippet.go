package textsearch

import (
	"sort"
	"strings"
)

// DefaultWidth is the snippet width, in runes, used for width <= 0.
const DefaultWidth = 60

// Snippet returns a window of at most width runes of text around the best
// match of query, and the [start, end) rune offsets in the snippet of every
// match it shows; see Query.Snippet.
func Snippet(text, query string, width int) (string, [][2]int) {
	return NewQuery(query).Snippet(text, width)
}

// Snippet returns a window of at most width runes of text around the best
// match of the query, and the [start, end) rune offsets in the snippet of
// every match it shows. The window is cut from the original text (not the
// normalised form) with line breaks and tabs turned into spaces, so offsets
// index the snippet exactly; a match spans the original runes it came from,
// including spaces inside it ("GX推進 法").
//
// Matches are the occurrences of every word, merged where they overlap or
// touch. The window is centred on the stretch of at most width runes that
// holds the most distinct words (the first of equals: for a one-word query,
// its first occurrence). It never cuts a match: it is narrowed to leave
// out a match it would cut, and when the best match (with the matches it
// touches) is longer than width, the snippet is exactly that match. A text
// with no match gives its beginning and no highlights.
func (q Query) Snippet(text string, width int) (string, [][2]int) {
	if width <= 0 {
		width = DefaultWidth
	}
	m := newMapped(text)
	occ := q.occurrences(m)
	// In original runes.
	src := make([][2]int, len(occ))
	for i, o := range occ {
		occ[i].span = [2]int{m.from[o.span[0]], m.to[o.span[1]-1]}
		src[i] = occ[i].span
	}
	src = merge(src)
	best, ok := bestStretch(occ, width)
	if ok {
		for _, s := range src {
			if s[0] < best[1] && best[0] < s[1] {
				best = [2]int{min(best[0], s[0]), max(best[1], s[1])}
			}
		}
	} else {
		best = [2]int{-1, -1}
	}

	start, end := window(src, best, width, len(m.src))
	var hl [][2]int
	for _, s := range src {
		a, b := max(s[0], start), min(s[1], end)
		if a < b {
			hl = append(hl, [2]int{a - start, b - start})
		}
	}
	snip := strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t':
			return ' '
		}
		return r
	}, string(m.src[start:end]))
	return snip, hl
}

// occurrence is where a word of the query occurs in a text.
type occurrence struct {
	span [2]int // [start, end) runes
	word int    // index in Query.words
}

// occurrences returns the occurrences of every spelling of every word of q
// in m (non-overlapping for one spelling), sorted by start: those that
// stand on their own, or, for a word with none, those inside longer ASCII
// words (see Score).
func (q Query) occurrences(m *mapped) []occurrence {
	var out []occurrence
	t := m.text
	for i, w := range q.words {
		var whole, inside []occurrence
		for _, sp := range w.spellings {
			for at := 0; at < len(t.Norm); {
				j := strings.Index(t.Norm[at:], sp.norm)
				if j < 0 {
					break
				}
				j += at
				end := j + len(sp.norm)
				o := occurrence{[2]int{m.runeAt(j), m.runeAt(end)}, i}
				if t.wordBoundary(j) && t.wordBoundary(end) {
					whole = append(whole, o)
				} else {
					inside = append(inside, o)
				}
				at = end
			}
		}
		if len(whole) > 0 {
			out = append(out, whole...)
		} else {
			out = append(out, inside...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].span[0] < out[j].span[0] })
	return out
}

// bestStretch returns the stretch, from the start of an occurrence to the
// end of the last one that fits in width runes after it, that holds the
// most distinct words (the first of equals); ok is false with no
// occurrence.
func bestStretch(occ []occurrence, width int) (best [2]int, ok bool) {
	bestN := 0
	for i, o := range occ {
		words := map[int]bool{o.word: true}
		stretch := o.span
		for _, p := range occ[i+1:] {
			if p.span[1]-o.span[0] > width {
				break
			}
			words[p.word] = true
			stretch[1] = max(stretch[1], p.span[1])
		}
		if len(words) > bestN {
			best, bestN = stretch, len(words)
		}
	}
	return best, bestN > 0
}

// window returns the [start, end) runes of a text of n runes to show: all
// of it when it fits in width; else width runes centred on best, or the
// beginning when best[0] < 0; or best alone when it is wider than width.
// The window is then narrowed so that it cuts none of the (sorted, merged)
// spans: a span it would cut is left out. best must cut no span.
func window(spans [][2]int, best [2]int, width, n int) (start, end int) {
	if n <= width {
		return 0, n
	}
	if best[0] >= 0 {
		b := best
		if b[1]-b[0] >= width {
			return b[0], b[1]
		}
		start = b[0] - (width-(b[1]-b[0]))/2
	}
	start = max(0, min(start, n-width))
	end = start + width
	for _, s := range spans {
		if s[0] < start && start < s[1] {
			start = s[1]
		}
		if s[0] < end && end < s[1] {
			end = s[0]
		}
	}
	return start, end
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans [][2]int) [][2]int {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i][0] != spans[j][0] {
			return spans[i][0] < spans[j][0]
		}
		return spans[i][1] < spans[j][1]
	})
	out := [][2]int{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s[0] <= last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}
