package loader

import "strings"

// Identifying a layout's pillar tables by the pillar table it is told
// (pillarSpec, aliases.json "editions"): the extraction of a slide keeps
// its pillar's label, part of it, or only its goal and row headings.

// identifyPillar picks, of the specs not used yet, the one a table slide
// matches best, or -1 if none matches at all. A label printed on the slide
// decides (10 points): a spec label equal to it or ending with it, as a
// vertical label loses its head in the extraction. Else the spec's cue
// words found in heads score (2 each): the slide's 長期的目標 and row
// headings, normalised and joined. The first spec of the best score wins.
func identifyPillar(specs []pillarSpec, label, heads string, used map[int]bool) int {
	label = normalize(label)
	best, bestScore := -1, 0
	for i, s := range specs {
		if used[i] {
			continue
		}
		score := 0
		if label != "" {
			for _, l := range s.Labels {
				if l == label || strings.HasSuffix(l, label) {
					score += 10
					break
				}
			}
		}
		for _, c := range s.Cues {
			if containsText(heads, normalize(c)) {
				score += 2
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// aliasesWith is the aliases a pillar of spec s carries when its slide
// prints label: the spec's, less its name, and the label unless it is one
// of them (normalised) or a fragment of the name or of an alias (a
// vertical label whose head the extraction lost: 健康 printed as 康). Nil
// when there are none.
func (s *pillarSpec) aliasesWith(label string) []string {
	var aliases []string
	for _, a := range s.Aliases {
		if a != s.Name {
			aliases = append(aliases, a)
		}
	}
	if label != "" && label != s.Name && !containsNorm(aliases, label) && !fragmentOf(label, s.Name, aliases) {
		aliases = append(aliases, label)
	}
	return aliases
}

// containsNorm reports whether list holds s, normalised.
func containsNorm(list []string, s string) bool {
	for _, x := range list {
		if normalize(x) == normalize(s) {
			return true
		}
	}
	return false
}

// fragmentOf reports whether label occurs inside the name or an alias
// (normalised), and is not all of it.
func fragmentOf(label, name string, aliases []string) bool {
	l := normalize(label)
	for _, s := range append([]string{name}, aliases...) {
		if n := normalize(s); n != l && strings.Contains(n, l) {
			return true
		}
	}
	return false
}
