package textsearch

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
	seen := make(map[string]bool, len(rs)-1)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		t := string(rs[i : i+2])
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
