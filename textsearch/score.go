package textsearch

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/policygraph/policygraph"
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

// word is one word of a query: its spellings, the query's own first, then
// the other spellings of the law, fund or organisation it names (if any).
type word struct {
	spellings []spelling
}

// own is the word as the query writes it.
func (w word) own() spelling { return w.spellings[0] }

// spelling is a string a text must contain.
type spelling struct {
	text  string // as written (the query's word, or a name or alias)
	norm  string // Normalize'd
	runes int    // runes in norm
	grams grams  // the two-rune sequences of norm
}

func newSpelling(text string) spelling {
	n := Normalize(text)
	return spelling{text: text, norm: n, runes: utf8.RuneCountInString(n), grams: gramsOf(n)}
}

// otherSpelling weighs a match by another spelling than the query's own:
// a text that writes the name as the query does ranks a little higher.
const otherSpelling = 0.9

// NewQuery parses s into words (see Query), with no other spellings.
func NewQuery(s string) Query { return (*Names)(nil).Query(s) }

// Names is the table of the spellings (name and aliases) of the laws,
// funds and organisations, so that a query that names one of them by any
// spelling finds the texts that use another.
type Names struct {
	others map[string][]spelling // Normalize'd spelling → every spelling of its nodes
	spaced map[string]bool       // spacedKey of the spellings with spaces
}

// spacedKey is the words of a spelling with spaces, lower case, joined by
// one space: the form a query must have to name it (see Names.Query).
func spacedKey(words []string) string { return strings.ToLower(strings.Join(words, " ")) }

// NewNames builds the table from the laws, funds and organisations among
// es (other entities are ignored).
func NewNames(es ...policygraph.Entity) *Names {
	n := &Names{others: map[string][]spelling{}, spaced: map[string]bool{}}
	for _, e := range es {
		var names []string
		switch x := e.(type) {
		case *policygraph.Law:
			names = append([]string{x.Name}, x.Aliases...)
		case *policygraph.Fund:
			names = append([]string{x.Name}, x.Aliases...)
		case *policygraph.Organisation:
			names = append([]string{x.Name}, x.Aliases...)
		default:
			continue
		}
		var sps []spelling
		for _, name := range names {
			if sp := newSpelling(name); sp.norm != "" && !slices.ContainsFunc(sps, sp.same) {
				sps = append(sps, sp)
			}
			if ws := splitWords(name); len(ws) > 1 {
				n.spaced[spacedKey(ws)] = true
			}
		}
		for _, sp := range sps {
			for _, o := range sps {
				if !slices.ContainsFunc(n.others[sp.norm], o.same) {
					n.others[sp.norm] = append(n.others[sp.norm], o)
				}
			}
		}
	}
	return n
}

func (sp spelling) same(o spelling) bool { return sp.norm == o.norm }

// Query parses s into words (see Query). A word that is, normalised, the
// name or an alias of a law, fund or organisation (or a whole query that
// writes a name with spaces as the name does) also matches its other
// spellings (GI基金 finds グリーンイノベーション基金, and the reverse),
// scored otherSpelling times what the query's own spelling would score. A
// nil table gives no other spellings.
func (n *Names) Query(s string) Query {
	var q Query
	seen := map[string]bool{}
	words := splitWords(s)
	// A name with spaces (Inflation Reduction Act), written with them, is
	// one word.
	if n != nil && len(words) > 1 {
		if all := strings.Join(words, " "); n.spaced[spacedKey(words)] {
			words = []string{all}
		}
	}
	for _, w := range words {
		own := newSpelling(w)
		if own.norm == "" || seen[own.norm] {
			continue
		}
		seen[own.norm] = true
		wd := word{spellings: []spelling{own}}
		if n != nil {
			for _, o := range n.others[own.norm] {
				if !o.same(own) {
					wd.spellings = append(wd.spellings, o)
				}
			}
		}
		q.words = append(q.words, wd)
	}
	var joined strings.Builder
	for _, w := range q.words {
		joined.WriteString(w.own().text)
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
		ws[i] = w.own().norm
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
	n := 0 // runes in t, counted at the first match
	sum := 0.0
	for _, w := range q.words {
		s, _ := w.score(t, &n)
		if s == 0 {
			return 0
		}
		sum += s
	}
	s := sum / float64(len(q.words))
	if len(q.words) > 1 {
		s = max(s, q.phrase.score(t, &n))
	}
	return s
}

// score scores the word in t: the best score of its spellings (others
// weighed by otherSpelling), and that spelling's index; 0 when none
// occurs. *n is the number of runes in t, or 0 for not counted yet.
func (w word) score(t Text, n *int) (best float64, at int) {
	for i, sp := range w.spellings {
		s := sp.score(t, n)
		if i > 0 {
			s *= otherSpelling
		}
		if s > best {
			best, at = s, i
		}
	}
	return best, at
}

// Matched returns, for each word of the query in order, the spelling of it
// that scores best in t (as the query or the table of names writes it);
// nil when t does not match.
func (q Query) Matched(t Text) []string {
	if q.Score(t) == 0 {
		return nil
	}
	n := 0
	out := make([]string, len(q.words))
	for i, w := range q.words {
		_, at := w.score(t, &n)
		out[i] = w.spellings[at].text
	}
	return out
}

// score scores sp in t; 0 when it does not occur. *n is the number of
// runes in t, or 0 for not counted yet.
func (sp spelling) score(t Text, n *int) float64 {
	found, whole := sp.occurs(t)
	if !found {
		return 0
	}
	if *n == 0 {
		*n = utf8.RuneCountInString(t.Norm)
	}
	s := 2 + float64(sp.runes)/float64(*n)
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
	if !t.grams.mayHold(sp.grams) {
		return false, false
	}
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
