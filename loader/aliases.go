package loader

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/policygraph/policygraph/internal/nfkc"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/jsonpos"
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

// termEntry is a term the council renamed between editions: its
// spellings in earlier editions (variants), read as the term when measures
// of two editions are compared (EVOLVES_FROM), and only there.
type termEntry struct {
	Term     string   `json:"term"`
	Variants []string `json:"variants"`
	Note     string   `json:"note"`
}

type aliasTable struct {
	Laws     []aliasEntry       `json:"laws"`
	Funds    []aliasEntry       `json:"funds"`
	Orgs     []orgEntry         `json:"organisations"`
	Pillars  []pillarConcept    `json:"pillars"`
	Terms    []termEntry        `json:"terms"`
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
	table *aliasTable
	// conceptKeys[i]: the keywords of table.Pillars[i], normalised once
	conceptKeys [][]string
	byFirst     map[rune][]aliasPattern // law and fund patterns by first rune, longest first
	orgFirst    map[rune][]aliasPattern // organisation patterns, the same way
	orgNot      map[int][]string        // normalised Not words per organisation
	// lawRunes and orgRunes hold the keys of byFirst and orgFirst: most
	// runes of a text start no name, and a bit says so faster than the map.
	// nameRunes holds both, for a walk that finds both kinds (findNames).
	lawRunes, orgRunes, nameRunes *runeSet
	// terms replaces every variant of a renamed term by the term (on
	// normalised text); nil if the table has none.
	terms *strings.Replacer
	// lawIDs, fundIDs and orgIDs are the node ids of the table's entries,
	// made with the matcher rather than again at every mention.
	lawIDs, fundIDs, orgIDs []string
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

// next returns the place of the first rune of s from byte i on that may
// be in the set (has), len(s) for none. ASCII and the three-byte runes of
// Japanese text (nfkc.Decode3) are read without a call a rune: the name
// scans pass over most runes of every text.
func (set *runeSet) next(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if set[c>>6]>>(c&63)&1 != 0 {
				return i
			}
			i++
			continue
		}
		if r, ok := nfkc.Decode3(s, i); ok {
			if set[r>>6]&(1<<(r&63)) != 0 {
				return i
			}
			i += 3
			continue
		}
		r, n := nfkc.DecodeRune(s, i)
		if set.has(r) {
			return i
		}
		i += n
	}
	return len(s)
}

var loadMatcher = sync.OnceValues(func() (*matcher, error) { return newMatcher(aliasJSON) })

// The keys each part of the alias table may have: a misspelt key would
// otherwise be dropped without a word (a "alias" list never matched).
var (
	aliasTableKeys = []string{"_comment", "laws", "funds", "organisations", "pillars", "terms", "editions"}
	aliasEntryKeys = []string{"name", "aliases", "foreign", "note"}
	orgEntryKeys   = []string{"id", "name", "aliases", "kind", "not", "note"}
	conceptKeys    = []string{"concept", "keywords", "note"}
	termKeys       = []string{"term", "variants", "note"}
)

// newMatcher reads the laws, funds, organisations and pillar concepts of
// the alias table. Every problem is reported, each at its line of
// aliases.json, as an ErrorList (the editions are checked by
// parseEditions).
func newMatcher(data []byte) (*matcher, error) {
	var t aliasTable
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, ErrorList{{File: aliasFile, Line: jsonpos.ErrorLine(data, err), Err: fmt.Errorf("alias table: %w", err)}}
	}
	x, err := jsonpos.Build(data)
	if err != nil { // json.Unmarshal accepted it: cannot happen
		return nil, ErrorList{{File: aliasFile, Err: fmt.Errorf("alias table: %w", err)}}
	}
	c := &tableCheck{x: x}
	c.unknown("", aliasTableKeys)
	m := &matcher{table: &t, byFirst: map[rune][]aliasPattern{}, orgFirst: map[rune][]aliasPattern{}, orgNot: map[int][]string{}}
	seen := map[string]string{}
	add := func(kind entityKind, path string, i int, e aliasEntry) {
		c.unknown(path, aliasEntryKeys)
		if e.Name == "" {
			c.add(path, "entry %d has no name", i)
			return
		}
		if e.Name != normalize(e.Name) {
			c.add(jsonpos.Join(path, "name"), "name %q is not in normalised form (it becomes an id)", e.Name)
		}
		c.patterns(path, e.Name, append([]string{e.Name}, e.Aliases...), aliasPattern{kind: kind, entry: i}, seen, m.byFirst)
	}
	for i, e := range t.Laws {
		add(kindLaw, fmt.Sprintf("laws[%d]", i), i, e)
	}
	for i, e := range t.Funds {
		add(kindFund, fmt.Sprintf("funds[%d]", i), i, e)
	}
	m.addOrgs(c)
	for _, byFirst := range []map[rune][]aliasPattern{m.byFirst, m.orgFirst} {
		for _, ps := range byFirst {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
		}
	}
	m.lawRunes, m.orgRunes = newRuneSet(m.byFirst), newRuneSet(m.orgFirst)
	m.nameRunes = new(runeSet)
	for i := range m.nameRunes {
		m.nameRunes[i] = m.lawRunes[i] | m.orgRunes[i]
	}
	for _, e := range t.Laws {
		m.lawIDs = append(m.lawIDs, "law:"+e.Name)
	}
	for _, e := range t.Funds {
		m.fundIDs = append(m.fundIDs, "fund:"+e.Name)
	}
	for _, o := range t.Orgs {
		m.orgIDs = append(m.orgIDs, "org:"+o.ID)
	}
	for i, pc := range t.Pillars {
		path := fmt.Sprintf("pillars[%d]", i)
		c.unknown(path, conceptKeys)
		if pc.Concept == "" || len(pc.Keywords) == 0 {
			c.add(path, "pillar concept %d needs a concept and keywords", i)
		}
		keys := make([]string, len(pc.Keywords))
		for k, w := range pc.Keywords {
			keys[k] = normalize(w)
		}
		m.conceptKeys = append(m.conceptKeys, keys)
	}
	m.terms = readTerms(c, t.Terms)
	c.errs.Sort() // found table by table; reported in line order
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// readTerms checks the renamed terms and returns their replacer, nil for
// none: each term and variant normalised, two runes or more, and a
// spelling never both a term and a variant, nor the variant of two terms.
func readTerms(c *tableCheck, terms []termEntry) *strings.Replacer {
	var pairs []string
	role := map[string]string{} // spelling → "term" or the term it is a variant of
	for i, e := range terms {
		path := fmt.Sprintf("terms[%d]", i)
		c.unknown(path, termKeys)
		if e.Term == "" || len(e.Variants) == 0 {
			c.add(path, "term %d needs a term and variants", i)
			continue
		}
		spell := func(at, s, owner string) bool {
			switch {
			case s != normalize(s):
				c.add(at, "%q is not in normalised form", s)
			case utf8.RuneCountInString(s) < 2:
				c.add(at, "%q is too short to replace safely", s)
			case role[s] != "":
				c.add(at, "%q is already %s", s, role[s])
			default:
				role[s] = owner
				return true
			}
			return false
		}
		if !spell(jsonpos.Join(path, "term"), e.Term, "a term") {
			continue
		}
		for j, v := range e.Variants {
			if spell(fmt.Sprintf("%s.variants[%d]", path, j), v, "a variant of "+e.Term) {
				pairs = append(pairs, v, e.Term)
			}
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	return strings.NewReplacer(pairs...)
}

// patterns indexes under its first rune, in byFirst, each spelling of the
// entry at path (names: its name, then its aliases), normalised, as a
// pattern like p; a spelling too short to match safely, or that another
// owner already has (seen: normalised spelling → owner), is reported
// instead. A display spelling that normalises to one the same owner has
// is skipped.
func (c *tableCheck) patterns(path, owner string, names []string, p aliasPattern, seen map[string]string, byFirst map[rune][]aliasPattern) {
	for j, a := range names {
		at := jsonpos.Join(path, "name")
		if j > 0 {
			at = fmt.Sprintf("%s.aliases[%d]", path, j-1)
		}
		n := normalize(a)
		if utf8.RuneCountInString(n) < 2 {
			c.add(at, "alias %q of %s is too short to match safely", a, owner)
			continue
		}
		if prev, ok := seen[n]; ok {
			if prev != owner {
				c.add(at, "%q is an alias of both %s and %s", a, prev, owner)
			}
			continue
		}
		seen[n] = owner
		r, _ := utf8.DecodeRuneInString(n)
		p.text = n
		byFirst[r] = append(byFirst[r], p)
	}
}

// tableCheck collects the problems of the alias table, each at the line of
// the value it is about.
type tableCheck struct {
	x    jsonpos.Index
	errs ErrorList
}

func (c *tableCheck) add(path, format string, args ...any) {
	c.errs.Add(&DocError{File: aliasFile, Line: c.x.Line(path), Err: fmt.Errorf("alias table: "+format, args...)})
}

func (c *tableCheck) unknown(path string, known []string) {
	for _, k := range c.x.Unknown(path, known) {
		c.add(jsonpos.Join(path, k), "unknown key %q (known: %s)", k, strings.Join(known, ", "))
	}
}

// addOrgs indexes the organisations: ids and aliases unique, kinds known.
func (m *matcher) addOrgs(c *tableCheck) {
	seen := map[string]string{}
	ids := map[string]bool{}
	for i, o := range m.table.Orgs {
		path := fmt.Sprintf("organisations[%d]", i)
		c.unknown(path, orgEntryKeys)
		if o.ID == "" || o.Name == "" || ids[o.ID] {
			c.add(path, "organisation %d needs a unique id and a name", i)
			continue
		}
		ids[o.ID] = true
		if !slices.Contains(policygraph.OrgKinds, o.Kind) {
			c.add(jsonpos.Join(path, "kind"), "organisation %s has unknown kind %q", o.ID, o.Kind)
		}
		c.patterns(path, o.ID, append([]string{o.Name}, o.Aliases...), aliasPattern{kind: kindOrg, entry: i}, seen, m.orgFirst)
		for _, w := range o.Not {
			m.orgNot[i] = append(m.orgNot[i], normalize(w))
		}
	}
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
	return &policygraph.Organisation{ID: m.orgID(p), Name: o.Name, Aliases: aliases, Kind: o.Kind}
}

// orgID is the node id of an organisation pattern: "org:"+its id.
func (m *matcher) orgID(p aliasPattern) string { return m.orgIDs[p.entry] }

func (m *matcher) entry(p aliasPattern) aliasEntry {
	if p.kind == kindLaw {
		return m.table.Laws[p.entry]
	}
	return m.table.Funds[p.entry]
}

// nodeID is "law:"+name or "fund:"+name.
func (m *matcher) nodeID(p aliasPattern) string {
	if p.kind == kindLaw {
		return m.lawIDs[p.entry]
	}
	return m.fundIDs[p.entry]
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
// aliasPattern first at each position, without overlaps; and the funds a
// list names with one 基金 (listedFunds), each before the fund whose 基金
// it shares, spanning the list from its word to that 基金.
func (m *matcher) find(s string) []aliasMatch {
	return m.listedFunds(s, scanAliases(s, m, m.byFirst, m.lawRunes, (*matcher).boundaryOK))
}

// listedFunds adds to ms the funds listed before a fund mention that share
// its 基金: 大規模予算事業（半導体・GI基金） names 半導体基金 (a spelling of
// 特定半導体基金) as well as GI基金. A word of the list counts when its
// end and 基金 are a whole spelling of a fund, so 製造基盤・GI基金 adds
// nothing.
func (m *matcher) listedFunds(s string, ms []aliasMatch) []aliasMatch {
	var out []aliasMatch // nil until a fund is added
	prevEnd := 0         // where the mention before mt ends: a list word starts at or after it
	for k, mt := range ms {
		var listed []aliasMatch // right to left
		if mt.p.kind == kindFund && strings.HasSuffix(mt.p.text, fundSuffix) {
			// at most maxListWords words back, each fund once: a hostile
			// list of a million 半導体・ is read as the first few
			end := mt.Start
			for range maxListWords {
				if !strings.HasSuffix(s[prevEnd:end], listSep) {
					break
				}
				word := listWord(s[prevEnd : end-len(listSep)])
				if word == "" {
					break
				}
				p, at, ok := m.wholeFund(word + fundSuffix)
				if !ok {
					break
				}
				start := end - len(listSep) - len(word) + at
				if p.entry != mt.p.entry && !slices.ContainsFunc(listed, func(l aliasMatch) bool { return l.p.entry == p.entry }) {
					listed = append(listed, aliasMatch{Start: start, End: mt.End, p: p})
				}
				end = start
			}
		}
		if len(listed) > 0 && out == nil {
			out = append(make([]aliasMatch, 0, len(ms)+len(listed)), ms[:k]...)
		}
		if out != nil {
			slices.Reverse(listed)
			out = append(append(out, listed...), mt)
		}
		prevEnd = mt.End
	}
	if out == nil {
		return ms
	}
	return out
}

const (
	fundSuffix = "基金"
	listSep    = "・"
	// maxListWords is how many words of a list before a fund are read: the
	// documents list two or three, and a mention's surface is its list.
	maxListWords = 8
)

// listWord is the word s ends with, as a list of names writes it: the
// letters and digits at its end, without a separator, bracket or space,
// and at most maxListWord runes (no fund's name is near that long), so a
// hostile text's long run of letters costs no more than that.
func listWord(s string) string {
	i := len(s)
	for n := 0; i > 0 && n < maxListWord; n++ {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if r == '・' || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i -= w
	}
	return s[i:]
}

const maxListWord = 64

// wholeFund returns the fund that name spells, whole, or its longest ending
// that spells one (事業の半導体基金: 半導体基金), with where that starts.
func (m *matcher) wholeFund(name string) (p aliasPattern, at int, ok bool) {
	for i := 0; i < len(name); {
		r, w := utf8.DecodeRuneInString(name[i:])
		for _, p := range m.byFirst[r] {
			if p.kind == kindFund && p.text == name[i:] {
				return p, i, true
			}
		}
		i += w
	}
	return aliasPattern{}, 0, false
}

// findOrgs returns the organisations named in s (normalised text), the same
// way as find.
func (m *matcher) findOrgs(s string) []aliasMatch {
	return scanAliases(s, m, m.orgFirst, m.orgRunes, (*matcher).orgBoundaryOK)
}

// findBoth is find(s) and, when orgs is set, findOrgs(s), from one walk of
// s: the runes that start no name of either kind are passed over once.
func (m *matcher) findBoth(s string, orgs bool) (names, orgNames []aliasMatch) {
	if !orgs {
		return m.find(s), nil
	}
	a := aliasScan{m: m, byFirst: m.byFirst, first: m.lawRunes, ok: (*matcher).boundaryOK}
	b := aliasScan{m: m, byFirst: m.orgFirst, first: m.orgRunes, ok: (*matcher).orgBoundaryOK}
	for i := m.nameRunes.next(s, 0); i < len(s); i = m.nameRunes.next(s, i) {
		r, size := nfkc.DecodeRune(s, i)
		if a.wants(i, r) {
			a.at(s, i, r)
		}
		if b.wants(i, r) {
			b.at(s, i, r)
		}
		i += size
	}
	return m.listedFunds(s, a.out), b.out
}

// scanAliases finds the patterns of byFirst in s; first holds byFirst's
// keys, and ok (a method of m) accepts or rejects each match.
func scanAliases(s string, m *matcher, byFirst map[rune][]aliasPattern, first *runeSet, ok aliasCheck) []aliasMatch {
	a := aliasScan{m: m, byFirst: byFirst, first: first, ok: ok}
	for i := first.next(s, 0); i < len(s); i = first.next(s, i) {
		r, size := nfkc.DecodeRune(s, i)
		a.at(s, i, r)           // next found r in first
		i = max(i+size, a.from) // past a match: a name starts with its first rune
	}
	return a.out
}

// aliasCheck accepts or rejects a match of p at s[start:end]: a method of
// the matcher (a method expression, not a value bound to it, which would
// be made on the heap for every text scanned).
type aliasCheck func(m *matcher, s string, start, end int, p aliasPattern) bool

// aliasScan is what a walk of a text finds of the patterns of byFirst
// (first holds its keys): out, a match after another, none inside one.
type aliasScan struct {
	m       *matcher
	byFirst map[rune][]aliasPattern
	first   *runeSet
	ok      aliasCheck
	from    int // where the last match ends: the next starts there or after
	out     []aliasMatch
}

// wants reports whether a name of the scan may start at i with rune r:
// not inside the last match, and r the first rune of some name.
func (a *aliasScan) wants(i int, r rune) bool { return i >= a.from && a.first.has(r) }

// at tries the patterns that start with r, the rune at s[i] (longest
// first): the first that s holds there and ok accepts is a match. The
// scan wants a name there.
func (a *aliasScan) at(s string, i int, r rune) {
	for _, p := range a.byFirst[r] {
		if !strings.HasPrefix(s[i:], p.text) {
			continue
		}
		end := i + len(p.text)
		if !a.ok(a.m, s, i, end, p) {
			continue
		}
		a.out = append(a.out, aliasMatch{Start: i, End: end, p: p})
		a.from = end
		return
	}
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
	for i, c := range m.table.Pillars {
		if c.Concept != concept {
			continue
		}
		for _, k := range m.conceptKeys[i] {
			if nt != "" && strings.Contains(nt, k) {
				return true
			}
		}
	}
	return false
}

// pillarConceptOf returns the concept of a pillar: the first concept whose
// keyword occurs in the pillar's name, else in one of its aliases; "" if none.
func (m *matcher) pillarConceptOf(name string, aliases []string) string {
	// the texts normalised once, not again for every concept and keyword
	nts := make([]string, 1+len(aliases))
	nts[0] = normalize(name)
	for i, a := range aliases {
		nts[1+i] = normalize(a)
	}
	for _, texts := range [][]string{nts[:1], nts[1:]} {
		for i, c := range m.table.Pillars {
			for _, nt := range texts {
				for _, k := range m.conceptKeys[i] {
					if nt != "" && strings.Contains(nt, k) {
						return c.Concept
					}
				}
			}
		}
	}
	return ""
}
