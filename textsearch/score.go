package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Query is a prepared query: callers that test one query against many texts
// parse it once and pass already normalised texts to its methods.
//
// A query is a list of words separated by white space (ASCII or the
// ideographic space U+3000). A text matches when it contains every word, in
// any order: 「半導体 人材」 matches 「半導体の設計・製造を担う…人材の育成」.
// Double quotes ("…", “…” or ＂…＂) make a phrase of what they enclose: its
// white space is dropped as in the text, so "半導体 人材" matches only
// 「半導体人材」. A word is matched in Normalize'd form (NFKC, lower case),
// as a substring of the Normalize'd text.
type Query struct {
	words []word
	// phrase is the words joined in order: a text holding them in a row
	// scores as if that were the query.
	phrase spelling
}

// word is one word of a query.
type word struct {
	spelling
}

// spelling is a string a text must contain.
type spelling struct {
	norm  string // Normalize'd
	runes int    // runes in norm
}

func newSpelling(norm string) spelling {
	return spelling{norm: norm, runes: utf8.RuneCountInString(norm)}
}

// NewQuery parses s into words (see Query).
func NewQuery(s string) Query {
	var q Query
	seen := map[string]bool{}
	for _, w := range splitWords(s) {
		n := Normalize(w)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		q.words = append(q.words, word{newSpelling(n)})
	}
	var joined strings.Builder
	for _, w := range q.words {
		joined.WriteString(w.norm)
	}
	q.phrase = newSpelling(joined.String())
	return q
}

// splitWords splits s at white space outside double quotes; a quote also
// ends a word. Quotes are recognised after NFKC (＂ is ").
func splitWords(s string) []string {
	var out []string
	var cur strings.Builder
	quoted := false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r == '"' || r == '“' || r == '”':
			flush()
			quoted = !quoted
		case unicode.IsSpace(r) && !quoted:
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}

// Empty reports whether the query has no word (it matches nothing).
func (q Query) Empty() bool { return len(q.words) == 0 }

// String returns the normalised words, separated by spaces.
func (q Query) String() string {
	ws := make([]string, len(q.words))
	for i, w := range q.words {
		ws[i] = w.norm
	}
	return strings.Join(ws, " ")
}

// Match reports whether a text matches: it contains every word of the
// query. norm must be Normalize'd.
func (q Query) Match(norm string) bool {
	if q.Empty() || norm == "" {
		return false
	}
	for _, w := range q.words {
		if !strings.Contains(norm, w.norm) {
			return false
		}
	}
	return true
}

// Score ranks a text for the query; higher is better, 0 for a text that
// does not match. A word found in a text scores
//
//	2 + w/t    w/t (word runes / text runes) prefers short fields (a law's
//	           name over a long measure text)
//	+1         the text is exactly the word
//
// and the text scores the mean of its words' scores, or, when it holds
// all the words in a row (in query order), the score of that run as a
// single word if that is higher: 「半導体人材」 ranks above 「半導体の…人材」.
//
// It is a pure function of the query and the normalised text, so every
// store that calls it ranks identically. norm must be Normalize'd.
func (q Query) Score(norm string) float64 {
	if !q.Match(norm) {
		return 0
	}
	t := utf8.RuneCountInString(norm)
	sum := 0.0
	for _, w := range q.words {
		sum += spellingScore(w.spelling, norm, t)
	}
	s := sum / float64(len(q.words))
	if len(q.words) > 1 && strings.Contains(norm, q.phrase.norm) {
		s = max(s, spellingScore(q.phrase, norm, t))
	}
	return s
}

// spellingScore scores a spelling found in a text of t runes.
func spellingScore(sp spelling, norm string, t int) float64 {
	s := 2 + float64(sp.runes)/float64(t)
	if norm == sp.norm {
		s++
	}
	return s
}

// Match reports whether text matches query; see Query.Match.
func Match(query, text string) bool { return NewQuery(query).Match(Normalize(text)) }

// Score scores text for query; see Query.Score.
func Score(query, text string) float64 { return NewQuery(query).Score(Normalize(text)) }
