package textsearch

import (
	"strings"
	"unicode"
)

// FulltextQuery returns a Lucene query for a full-text index with the `cjk`
// analyzer whose hits are a superset of the texts Match accepts, or "" when
// the query has no term Lucene can look for (the caller must then scan).
// The index must be built over Normalize'd text (for example a
// searchText property): the analyzer then sees the same runes Match sees,
// with no stray spaces splitting words.
//
// Why it is a superset: a text that matches contains every bigram of the
// query. The cjk analyzer indexes two adjacent CJK runes (Han, Hiragana,
// Katakana, Hangul) as exactly that bigram term, so such bigrams become
// required exact terms; runs of letters and digits are indexed as whole
// words, so a bigram of two such runes becomes a required *ab* wildcard,
// which finds it inside any word. Other bigrams (mixed scripts,
// punctuation) are left out, which only widens the candidate set. One
// known gap: the analyzer drops English stop words, so a Latin query found
// only inside a stop word ("an" in "an") is missed.
func FulltextQuery(query string) string {
	rs := []rune(Normalize(query))
	var clauses []string
	add := func(c string) {
		for _, x := range clauses {
			if x == c {
				return
			}
		}
		clauses = append(clauses, c)
	}
	if len(rs) == 1 {
		if isCJK(rs[0]) || isWord(rs[0]) {
			add("*" + escapeLucene(string(rs)) + "*")
		}
	}
	for i := 0; i+1 < len(rs); i++ {
		a, b := rs[i], rs[i+1]
		switch {
		case isCJK(a) && isCJK(b):
			add(escapeLucene(string(rs[i : i+2])))
		case isWord(a) && isWord(b):
			add("*" + escapeLucene(string(rs[i:i+2])) + "*")
		}
	}
	return strings.Join(clauses, " AND ")
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isWord is a rune the standard tokenizer keeps inside a non-CJK word.
func isWord(r rune) bool {
	return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
