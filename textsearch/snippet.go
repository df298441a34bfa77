package textsearch

import (
	"sort"
	"strings"
)

// DefaultWidth is the snippet width, in runes, used for width <= 0.
const DefaultWidth = 60

// Snippet returns a window of at most width runes of text around the best
// match of query, and the [start, end) rune offsets in the snippet of every
// match it shows. The window never cuts a match: it is narrowed to leave
// out a match it would cut, and when the best match (with the matches it
// touches) is longer than width, the snippet is exactly that match. The window is cut from the original text (not the
// normalised form) with line breaks and tabs turned into spaces, so offsets
// index the snippet exactly; a match spans the original runes it came from,
// including spaces inside it ("GX推進 法").
//
// The best match is the first occurrence of the whole query or, when the
// query only matches by bigrams, the longest run of adjacent bigram hits
// (the first of equals). Matches are every occurrence of the query, or else
// of each query bigram, merged where they touch. A text that does not match
// gives its beginning and no highlights.
func Snippet(text, query string, width int) (string, [][2]int) {
	if width <= 0 {
		width = DefaultWidth
	}
	m := newMapped(text)
	spans, bestSpan := matches(m.runes, []rune(Normalize(query)))
	b := -1 // the original rune where the best match starts
	if bestSpan >= 0 {
		b = m.from[spans[bestSpan][0]]
	}

	// Spans in original runes.
	var src [][2]int
	for _, s := range spans {
		src = append(src, [2]int{m.from[s[0]], m.to[s[1]-1]})
	}
	src = merge(src)
	best := -1
	if b >= 0 {
		for i, s := range src {
			if s[0] <= b && b < s[1] {
				best = i
			}
		}
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

// window returns the [start, end) runes of a text of n runes to show: all
// of it when it fits in width; else width runes centred on the best of the
// (sorted, merged) match spans, or the beginning when best < 0; or the best
// span alone when it is wider than width. The window is then narrowed so
// that it cuts no other span: a span it would cut is left out.
func window(spans [][2]int, best, width, n int) (start, end int) {
	if n <= width {
		return 0, n
	}
	if best >= 0 {
		b := spans[best]
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

// matches returns the match spans of q in t (normalised runes), sorted and
// merged, and the index of the best one (-1 if none).
func matches(t, q []rune) (spans [][2]int, best int) {
	if len(q) == 0 || len(t) == 0 {
		return nil, -1
	}
	if occ := occurrences(t, q); len(occ) > 0 {
		return occ, 0
	}
	if len(q) < 2 {
		return nil, -1
	}
	for _, term := range terms(q) {
		for _, o := range occurrences(t, []rune(term)) {
			spans = append(spans, o)
		}
	}
	spans = merge(spans)
	best = -1
	for i, s := range spans {
		if best < 0 || s[1]-s[0] > spans[best][1]-spans[best][0] {
			best = i
		}
	}
	return spans, best
}

// occurrences returns the non-overlapping occurrences of q in t, left to
// right.
func occurrences(t, q []rune) [][2]int {
	var out [][2]int
	for i := 0; i+len(q) <= len(t); {
		if equal(t[i:i+len(q)], q) {
			out = append(out, [2]int{i, i + len(q)})
			i += len(q)
			continue
		}
		i++
	}
	return out
}

func equal(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
