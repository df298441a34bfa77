package loader

import (
	"sort"
	"strings"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// pillarNames are a document's pillars, by key, and every spelling its
// text gives each: a layout that reads its pillars from its own headings
// names them again in its contents, key messages and tables, not always
// alike (炭素中立型社会の実現, ＧＸ; 行政：EBPM・データ駆動型行政, EBPM・
// データ駆動型行政). It
// keeps the spellings as read (addAlias), finds the pillar a name
// spells (matchPillar) and leaves each pillar its distinct ones
// (fillAliases).
type pillarNames struct {
	pillars map[string]*policygraph.Pillar // by key
	aliases map[string][]string            // key → spellings in order seen
	keys    []string                       // pillarKeys'
	// spellGrams: the bigrams of the pillars' spellings (nameGrams)
	spellGrams map[string][]bigram.Bigram
}

func newPillarNames() pillarNames {
	return pillarNames{pillars: map[string]*policygraph.Pillar{}, aliases: map[string][]string{}}
}

// addAlias keeps s, trimmed, as a spelling of the pillar key, if there is
// such a pillar.
func (n *pillarNames) addAlias(key, s string) {
	s = trimSpaces(s)
	if s == "" || n.pillars[key] == nil {
		return
	}
	n.aliases[key] = append(n.aliases[key], s)
}

// pillarKeys lists the pillar keys missions first, then OS, by ordinal:
// sorted once, when all pillars are made (the grammar asks only then).
func (n *pillarNames) pillarKeys() []string {
	if n.keys != nil {
		return n.keys
	}
	var keys []string
	for k := range n.pillars {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := n.pillars[keys[i]], n.pillars[keys[j]]
		if a.Kind != b.Kind {
			return a.Kind == policygraph.KindMission
		}
		return a.Ordinal < b.Ordinal
	})
	n.keys = keys
	return keys
}

// matchPillar finds the pillar a name (a table's name block) spells,
// among the pillars of kind (any kind if empty), read in t's matching
// form: a spelling equal to it scores 2, one holding it or held by it 1
// and the share of the shorter in the longer, another the Dice of their
// bigrams; the best of 0.4 or more wins, the first of equals.
func (n *pillarNames) matchPillar(t *docText, name, kind string) string {
	nn := t.normalize(name)
	nb := bigram.Distinct(nn)
	best, bestScore := "", 0.0
	for _, k := range n.pillarKeys() {
		pl := n.pillars[k]
		if kind != "" && pl.Kind != kind {
			continue
		}
		for i := -1; i < len(n.aliases[k]); i++ {
			a := pl.Name // then its aliases
			if i >= 0 {
				a = n.aliases[k][i]
			}
			an := t.normalize(a)
			s := 0.0
			switch {
			case an == nn:
				s = 2
			case strings.Contains(an, nn) || strings.Contains(nn, an):
				s = 1 + float64(min(len(an), len(nn)))/float64(max(len(an), len(nn)))
			default:
				s = bigram.Dice(n.nameGrams(an), nb)
			}
			if s > bestScore {
				best, bestScore = k, s
			}
		}
	}
	if bestScore < 0.4 {
		return ""
	}
	return best
}

// nameGrams is bigram.Distinct(an) for a pillar name or alias an (in
// matching form), read once per document: each name block of the
// tables is compared with every spelling of every pillar.
func (n *pillarNames) nameGrams(an string) []bigram.Bigram {
	g, ok := n.spellGrams[an]
	if !ok {
		if n.spellGrams == nil {
			n.spellGrams = map[string][]bigram.Bigram{}
		}
		g = bigram.Distinct(an)
		n.spellGrams[an] = g
	}
	return g
}

// fillAliases sets each pillar's Aliases to its spellings, every one once
// by t's matching form and none that is its name.
func (n *pillarNames) fillAliases(t *docText, pls []*policygraph.Pillar) {
	for _, pl := range pls {
		seen := map[string]bool{t.normalize(pl.Name): true}
		pl.Aliases = []string{}
		for _, a := range n.aliases[pl.Key] {
			if an := t.normalize(a); an != "" && !seen[an] {
				seen[an] = true
				pl.Aliases = append(pl.Aliases, a)
			}
		}
	}
}
