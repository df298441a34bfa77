package loader

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
)

// The alias table is data, not code: aliases.json lists every law and fund
// the two editions mention (built from a full read of each 法 and 基金 in
// both texts, with a note saying where), the pillar concepts that tie the
// editions together, and per edition what its parser cannot read from the
// layout (editions.go). Adding a spelling is a one-line change there.
//
//go:embed aliases.json
var aliasJSON []byte

type aliasEntry struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Foreign bool     `json:"foreign"`
	Note    string   `json:"note"`
}

// orgEntry is one named body. ID is the readable key of the node id
// (org:NEDO); Not lists longer words that hold an alias without naming the
// body (有志国連携 holds 国連).
type orgEntry struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind"`
	Not     []string `json:"not"`
	Note    string   `json:"note"`
}

type pillarConcept struct {
	Concept  string   `json:"concept"`
	Keywords []string `json:"keywords"`
	Note     string   `json:"note"`
}

type aliasTable struct {
	Laws     []aliasEntry       `json:"laws"`
	Funds    []aliasEntry       `json:"funds"`
	Orgs     []orgEntry         `json:"organisations"`
	Pillars  []pillarConcept    `json:"pillars"`
	Editions []editionKnowledge `json:"editions"`
}

// entityKind tells laws from funds in the matcher.
type entityKind int

const (
	kindLaw entityKind = iota
	kindFund
	kindOrg
)

// aliasPattern is one normalised spelling of a law or fund.
type aliasPattern struct {
	text  string // normalize(alias)
	kind  entityKind
	entry int // index into Laws, Funds or Orgs
}

// matcher finds law and fund names in normalised text: at each position the
// longest aliasPattern wins, so 改正産競法 is taken whole and 経済安全保障推進法 is
// never read as 経済安保… plus something.
//
// Organisations have a table of their own (orgFirst) so that adding a body
// can never change which law or fund a text is read as.
type matcher struct {
	table    *aliasTable
	byFirst  map[rune][]aliasPattern // law and fund patterns by first rune, longest first
	orgFirst map[rune][]aliasPattern // organisation patterns, the same way
	orgNot   map[int][]string        // normalised Not words per organisation
	// lawRunes and orgRunes hold the keys of byFirst and orgFirst: most
	// runes of a text start no name, and a bit says so faster than the map.
	lawRunes, orgRunes *runeSet
}

// runeSet is a set of runes below U+10000 as bits; a rune above is always in.
type runeSet [0x10000 / 64]uint64

func newRuneSet[V any](keys map[rune]V) *runeSet {
	var set runeSet
	for r := range keys {
		if r >= 0 && r < 0x10000 {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
}

// has reports whether r may be in the set.
func (set *runeSet) has(r rune) bool {
	return r < 0 || r >= 0x10000 || set[r>>6]&(1<<(r&63)) != 0
}

var loadMatcher = sync.OnceValues(func() (*matcher, error) { return newMatcher(aliasJSON) })

func newMatcher(data []byte) (*matcher, error) {
	var t aliasTable
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("alias table: %w", err)
	}
	m := &matcher{table: &t, byFirst: map[rune][]aliasPattern{}, orgFirst: map[rune][]aliasPattern{}, orgNot: map[int][]string{}}
	seen := map[string]string{}
	add := func(kind entityKind, i int, e aliasEntry) error {
		if e.Name == "" {
			return fmt.Errorf("alias table: entry %d has no name", i)
		}
		if e.Name != normalize(e.Name) {
			return fmt.Errorf("alias table: name %q is not in normalised form (it becomes an id)", e.Name)
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			p := normalize(a)
			if utf8.RuneCountInString(p) < 2 {
				return fmt.Errorf("alias table: alias %q of %s is too short to match safely", a, e.Name)
			}
			if owner, ok := seen[p]; ok {
				if owner == e.Name {
					continue // a display spelling that normalises to one already listed
				}
				return fmt.Errorf("alias table: %q is an alias of both %s and %s", a, owner, e.Name)
			}
			seen[p] = e.Name
			r, _ := utf8.DecodeRuneInString(p)
			m.byFirst[r] = append(m.byFirst[r], aliasPattern{text: p, kind: kind, entry: i})
		}
		return nil
	}
	for i, e := range t.Laws {
		if err := add(kindLaw, i, e); err != nil {
			return nil, err
		}
	}
	for i, e := range t.Funds {
		if err := add(kindFund, i, e); err != nil {
			return nil, err
		}
	}
	if err := m.addOrgs(); err != nil {
		return nil, err
	}
	for _, byFirst := range []map[rune][]aliasPattern{m.byFirst, m.orgFirst} {
		for _, ps := range byFirst {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
		}
	}
	m.lawRunes, m.orgRunes = newRuneSet(m.byFirst), newRuneSet(m.orgFirst)
	for i, c := range t.Pillars {
		if c.Concept == "" || len(c.Keywords) == 0 {
			return nil, fmt.Errorf("alias table: pillar concept %d needs a concept and keywords", i)
		}
	}
	return m, nil
}

// addOrgs indexes the organisations: ids and aliases unique, kinds known.
func (m *matcher) addOrgs() error {
	seen := map[string]string{}
	ids := map[string]bool{}
	for i, o := range m.table.Orgs {
		if o.ID == "" || o.Name == "" || ids[o.ID] {
			return fmt.Errorf("alias table: organisation %d needs a unique id and a name", i)
		}
		ids[o.ID] = true
		if !slices.Contains(policygraph.OrgKinds, o.Kind) {
			return fmt.Errorf("alias table: organisation %s has unknown kind %q", o.ID, o.Kind)
		}
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			p := normalize(a)
			if utf8.RuneCountInString(p) < 2 {
				return fmt.Errorf("alias table: alias %q of %s is too short to match safely", a, o.ID)
			}
			if owner, ok := seen[p]; ok {
				if owner == o.ID {
					continue
				}
				return fmt.Errorf("alias table: %q is an alias of both %s and %s", a, owner, o.ID)
			}
			seen[p] = o.ID
			r, _ := utf8.DecodeRuneInString(p)
			m.orgFirst[r] = append(m.orgFirst[r], aliasPattern{text: p, kind: kindOrg, entry: i})
		}
		for _, w := range o.Not {
			m.orgNot[i] = append(m.orgNot[i], normalize(w))
		}
	}
	return nil
}

// org returns the organisation node of a pattern.
func (m *matcher) org(p aliasPattern) *policygraph.Organisation {
	o := m.table.Orgs[p.entry]
	aliases := []string{}
	for _, a := range o.Aliases {
		if a != o.Name {
			aliases = append(aliases, a)
		}
	}
	return &policygraph.Organisation{ID: "org:" + o.ID, Name: o.Name, Aliases: aliases, Kind: o.Kind}
}

func (m *matcher) entry(p aliasPattern) aliasEntry {
	if p.kind == kindLaw {
		return m.table.Laws[p.entry]
	}
	return m.table.Funds[p.entry]
}

// nodeID is "law:"+name or "fund:"+name.
func (m *matcher) nodeID(p aliasPattern) string {
	if p.kind == kindLaw {
		return "law:" + m.table.Laws[p.entry].Name
	}
	return "fund:" + m.table.Funds[p.entry].Name
}

// match is one mention found in normalised text: s[Start:End] == p.text.
type aliasMatch struct {
	Start, End int
	p          aliasPattern
}

// lawSuffixBlock are characters that, right after a name ending in 法, show
// the 法 belongs to another word: 法人, 法令, 法的, 法務, 法制.
const lawSuffixBlock = "人令的務制"

// find returns the mentions in s (normalised text), left to right, longest
// aliasPattern first at each position, without overlaps.
func (m *matcher) find(s string) []aliasMatch {
	return scanAliases(s, m.byFirst, m.lawRunes, m.boundaryOK)
}

// findOrgs returns the organisations named in s (normalised text), the same
// way as find.
func (m *matcher) findOrgs(s string) []aliasMatch {
	return scanAliases(s, m.orgFirst, m.orgRunes, m.orgBoundaryOK)
}

// scanAliases finds the patterns of byFirst in s; first holds byFirst's keys.
func scanAliases(s string, byFirst map[rune][]aliasPattern, first *runeSet, ok func(s string, start, end int, p aliasPattern) bool) []aliasMatch {
	var out []aliasMatch
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !first.has(r) {
			i += size
			continue
		}
		matched := false
		for _, p := range byFirst[r] {
			if !strings.HasPrefix(s[i:], p.text) {
				continue
			}
			end := i + len(p.text)
			if !ok(s, i, end, p) {
				continue
			}
			out = append(out, aliasMatch{Start: i, End: end, p: p})
			i = end
			matched = true
			break
		}
		if !matched {
			i += size
		}
	}
	return out
}

// boundaryOK rejects matches glued to the word around them: an ASCII name
// (IRA, TLO法, GI基金) inside a longer ASCII word, and a law name whose 法 is
// the start of 法人/法令/….
func (m *matcher) boundaryOK(s string, start, end int, p aliasPattern) bool {
	first, _ := utf8.DecodeRuneInString(p.text)
	last, _ := utf8.DecodeLastRuneInString(p.text)
	if start > 0 && isASCIIAlnum(first) {
		if prev, _ := utf8.DecodeLastRuneInString(s[:start]); isASCIIAlnum(prev) {
			return false
		}
	}
	if end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if isASCIIAlnum(last) && isASCIIAlnum(next) {
			return false
		}
		if p.kind == kindLaw && last == '法' && strings.ContainsRune(lawSuffixBlock, next) {
			return false
		}
	}
	return true
}

// orgBoundaryOK rejects an organisation name glued to the word around it:
// a latin name next to a latin letter (JIC in JICA, NITE in UNITE), a name
// ending in a digit before another digit (G2 in G20), and a match inside one
// of the entry's Not words (国連 in 有志国連携). A digit before a name is fine:
// list markers ① become 1 under NFKC (1WTO改革).
func (m *matcher) orgBoundaryOK(s string, start, end int, p aliasPattern) bool {
	first, _ := utf8.DecodeRuneInString(p.text)
	last, _ := utf8.DecodeLastRuneInString(p.text)
	if start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:start])
		if isASCIILetter(first) && isASCIILetter(prev) {
			return false
		}
	}
	if end < len(s) {
		next, _ := utf8.DecodeRuneInString(s[end:])
		if isASCIILetter(last) && isASCIILetter(next) || isASCIIDigit(last) && isASCIIDigit(next) {
			return false
		}
	}
	for _, w := range m.orgNot[p.entry] {
		// w holds the alias at some offset k: the match is inside w when w
		// starts at start-k.
		for k := strings.Index(w, p.text); k >= 0 && k <= start; {
			if strings.HasPrefix(s[start-k:], w) {
				return false
			}
			n := strings.Index(w[k+1:], p.text)
			if n < 0 {
				break
			}
			k += 1 + n
		}
	}
	return true
}

func isASCIILetter(r rune) bool { return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIIAlnum(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// nameHasConcept reports whether a pillar name contains a keyword of the
// concept.
func (m *matcher) nameHasConcept(name, concept string) bool {
	nt := normalize(name)
	for _, c := range m.table.Pillars {
		if c.Concept != concept {
			continue
		}
		for _, k := range c.Keywords {
			if nt != "" && strings.Contains(nt, normalize(k)) {
				return true
			}
		}
	}
	return false
}

// pillarConceptOf returns the concept of a pillar: the first concept whose
// keyword occurs in the pillar's name, else in one of its aliases; "" if none.
func (m *matcher) pillarConceptOf(name string, aliases []string) string {
	for _, texts := range [][]string{{name}, aliases} {
		for _, c := range m.table.Pillars {
			for _, t := range texts {
				nt := normalize(t)
				for _, k := range c.Keywords {
					if nt != "" && strings.Contains(nt, normalize(k)) {
						return c.Concept
					}
				}
			}
		}
	}
	return ""
}
