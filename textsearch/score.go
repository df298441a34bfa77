package textsearch

import (
	"strings"
	"unicode/utf8"
)

// Query is a prepared query: callers that test one query against many texts
// normalise it once and pass already normalised texts to its methods.
type Query struct {
	norm  string
	runes int
	terms []string
}

// NewQuery prepares s for matching.
func NewQuery(s string) Query {
	n := Normalize(s)
	rs := []rune(n)
	return Query{norm: n, runes: len(rs), terms: terms(rs)}
}

// Empty reports whether the query normalises to nothing (it matches nothing).
func (q Query) Empty() bool { return q.runes == 0 }

// String returns the normalised query.
func (q Query) String() string { return q.norm }

// Match reports whether a text matches: every term of the query occurs in
// it. For a one-rune query that is a substring test; for longer queries it
// holds whenever the query is a substring, and also when all its bigrams
// occur apart ("ab bc" matches "bcabbb"; 推進法 does not match 推進する法,
// which lacks 進法). This is what a cjk-analyzer index can find, see
// FulltextQuery. norm must be Normalize'd.
func (q Query) Match(norm string) bool {
	if q.runes == 0 || norm == "" {
		return false
	}
	for _, t := range q.terms {
		if !strings.Contains(norm, t) {
			return false
		}
	}
	return true
}

// Score ranks a text for the query; higher is better, 0 for no overlap.
//
//	coverage   share of the query's terms found in the text (0…1)
//	+1 + q/t   the whole query is a substring; q/t (query runes / text runes)
//	           prefers short fields (a law's name over a long measure text)
//	+1         the field is exactly the query
//
// It is a pure function of the two normalised strings, so every store that
// calls it ranks identically. norm must be Normalize'd.
func (q Query) Score(norm string) float64 {
	if q.runes == 0 || norm == "" {
		return 0
	}
	found := 0
	for _, t := range q.terms {
		if strings.Contains(norm, t) {
			found++
		}
	}
	s := float64(found) / float64(len(q.terms))
	if strings.Contains(norm, q.norm) {
		s += 1 + float64(q.runes)/float64(utf8.RuneCountInString(norm))
	}
	if norm == q.norm {
		s++
	}
	return s
}

// Match reports whether text matches query; see Query.Match.
func Match(query, text string) bool { return NewQuery(query).Match(Normalize(text)) }

// Score scores text for query; see Query.Score.
func Score(query, text string) float64 { return NewQuery(query).Score(Normalize(text)) }
