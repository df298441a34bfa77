package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Query is a prepared query: callers that test one query against many texts
// parse it once and pass Prepare'd texts to its methods.
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
// query (inside a longer ASCII word counts, see Score).
func (q Query) Match(t Text) bool { return q.Score(t) > 0 }

// Score ranks a text for the query; higher is better, 0 for a text that
// does not match. A word found in a text scores
//
//	2 + w/t    w/t (word runes / text runes) prefers short fields (a law's
//	           name over a long measure text)
//	+1         the text is exactly the word
//	× 1/2      the word occurs only inside longer ASCII words (AI in
//	           AIST; white space removed by Normalize still separates
//	           words): such a field ranks below every field where the word
//	           stands on its own
//
// and the text scores the mean of its words' scores, or, when it holds
// all the words in a row (in query order), the score of that run as a
// single word if that is higher: 「半導体人材」 ranks above 「半導体の…人材」.
//
// It is a pure function of the query and the text, so every store that
// calls it ranks identically.
func (q Query) Score(t Text) float64 {
	if q.Empty() || t.Norm == "" {
		return 0
	}
	n := utf8.RuneCountInString(t.Norm)
	sum := 0.0
	for _, w := range q.words {
		s := w.score(t, n)
		if s == 0 {
			return 0
		}
		sum += s
	}
	s := sum / float64(len(q.words))
	if len(q.words) > 1 {
		s = max(s, q.phrase.score(t, n))
	}
	return s
}

// score scores sp in a text of n runes; 0 when it does not occur.
func (sp spelling) score(t Text, n int) float64 {
	found, whole := sp.occurs(t)
	if !found {
		return 0
	}
	s := 2 + float64(sp.runes)/float64(n)
	if t.Norm == sp.norm {
		s++
	}
	if !whole {
		s /= 2
	}
	return s
}

// occurs reports whether sp occurs in t, and whether once at least not
// inside a longer ASCII word.
func (sp spelling) occurs(t Text) (found, whole bool) {
	for i := 0; i <= len(t.Norm); {
		j := strings.Index(t.Norm[i:], sp.norm)
		if j < 0 {
			return found, false
		}
		j += i
		if t.wordBoundary(j) && t.wordBoundary(j+len(sp.norm)) {
			return true, true
		}
		found = true
		_, size := utf8.DecodeRuneInString(t.Norm[j:])
		i = j + size
	}
	return found, false
}

// Match reports whether text matches query; see Query.Match.
func Match(query, text string) bool { return NewQuery(query).Match(Prepare(text)) }

// Score scores text for query; see Query.Score.
func Score(query, text string) float64 { return NewQuery(query).Score(Prepare(text)) }
