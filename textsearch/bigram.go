package textsearch

import "github.com/policygraph/policygraph/internal/bigram"

// Bigrams returns the distinct overlapping two-rune terms of Normalize(s) in
// order of first occurrence. A one-rune text gives itself as its only term
// and an empty text none: the terms are what a query must find in a text.
func Bigrams(s string) []string {
	return terms([]rune(Normalize(s)))
}

func terms(rs []rune) []string {
	switch len(rs) {
	case 0:
		return nil
	case 1:
		return []string{string(rs)}
	}
	seen := make(map[bigram.Bigram]bool, len(rs)-1)
	var out []string
	for _, g := range bigram.Append(make([]bigram.Bigram, 0, len(rs)-1), rs) {
		if !seen[g] {
			seen[g] = true
			a, b := g.Runes()
			out = append(out, string([]rune{a, b}))
		}
	}
	return out
}
