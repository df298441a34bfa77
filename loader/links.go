package loader

import (
	"cmp"
	"fmt"
	"github.com/policygraph/policygraph/internal/nfkc"
	"iter"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// ---- similarity ----

// simText is the form texts are compared in: normalised, with the 再掲 and
// 参照 markers and all punctuation and symbols (●○⚫➢・、（）「」【】) removed,
// so only the words count.
func simText(s string) string {
	return stripPunct(unmarked(s))
}

// unmarked is s normalised, without its 再掲 and 参照 markers.
func unmarked(s string) string { return unmarkedOf(normalize(s)) }

// unmarkedOf is unmarked of a text already normalised.
func unmarkedOf(s string) string {
	if containsText(s, "再掲") {
		s = relistMarker.ReplaceAllString(s, "")
	}
	if containsText(s, "参照") {
		s = pagePointer.ReplaceAllString(s, "")
	}
	return s
}

// stripPunct drops punctuation, symbols and spaces (as strings.Map
// dropping isPunctSymbolSpace would: s itself when nothing is dropped).
func stripPunct(s string) string {
	var b strings.Builder
	run := 0 // s[run:i] is kept
	for i := 0; i < len(s); {
		r, n := nfkc.DecodeRune(s, i)
		if !simDrop(r) {
			i += n
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s)) // at most what is kept
		}
		b.WriteString(s[run:i])
		i += n
		run = i
	}
	if b.Cap() == 0 {
		return s // nothing dropped
	}
	b.WriteString(s[run:])
	return b.String()
}

// isPunctSymbolSpace is unicode.IsPunct(r) || unicode.IsSymbol(r) ||
// unicode.IsSpace(r), answered without the tables for kanji and kana (most
// of the text: letters all) and ASCII letters and digits.
func isPunctSymbolSpace(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA,
		r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
}

// appendSimBigrams appends the bigrams of stripPunct(s), sorted, to dst,
// as bigram.AppendSorted(dst, stripPunct(s)) does, without making the
// stripped text: they are the bigrams of the runes kept, one after the
// other.
func appendSimBigrams(dst []bigram.Bigram, s string) []bigram.Bigram {
	n := len(dst)
	for g := range simBigramsOf(s) {
		dst = append(dst, g)
	}
	slices.Sort(dst[n:])
	return dst
}

// simBigramsOf yields the bigrams of stripPunct(s) in text order, read
// in place: those of the runes kept, one after the other (a text of one
// kept rune gives that rune alone).
func simBigramsOf(s string) iter.Seq[bigram.Bigram] {
	return func(yield func(bigram.Bigram) bool) {
		var prev rune
		kept := 0
		for i := 0; i < len(s); {
			r, ok := nfkc.Decode3(s, i) // inlined: most runes are read so
			n := 3
			if !ok {
				r, n = nfkc.DecodeRune(s, i)
			}
			i += n
			if simDrop(r) {
				continue
			}
			if kept > 0 && !yield(bigram.Of(prev, r)) {
				return
			}
			prev, kept = r, kept+1
		}
		if kept == 1 {
			yield(bigram.Of(prev, 0))
		}
	}
}

// simBigrams returns the sorted multiset of character bigrams of s.
func simBigrams(s string) []bigram.Bigram { return bigram.Sorted(s) }

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// ---- RELISTS ----

var (
	// relistMarker is （再掲）, 【再掲】, [再掲] and (再掲) in normalised form.
	relistMarker = regexp.MustCompile(`[(（【\[]再掲[)）】\]]`)
	// pagePointer is (P70参照) and the like, which a relist drops or adds.
	pagePointer = regexp.MustCompile(`[(（]?[pPｐＰ]\.?\d+(ページ)?を?参照[)）]?`)
)

// relistDiceMin is the bigram Dice a relist needs with a candidate original
// when neither text contains the other. A relist repeats its original's
// wording, at most shortened or with a year range added. On the seeds the
// five relists score 1 (containment) or 0.92 (coverage, below) against
// their originals, while the best wrong candidate of any of them reaches a
// Dice of 0.48 (量子… against another 量子 item): 0.6 sits in that gap with
// room for a relist that rewords a little more. TestRelists pins both sides.
const relistDiceMin = 0.6

// minContainRunes is the shortest text that counts as contained in another:
// shorter keys (支援強化) occur everywhere.
const minContainRunes = 5

// relistKeys are the texts a relist is matched by: the whole item, and the
// clause right before each inline marker (…GX産業立地の推進【再掲】等) since an
// item may re-list only one of its clauses.
func relistKeys(text string) []string {
	n := normalize(text)
	keys := []string{simText(n)}
	for _, loc := range relistMarker.FindAllStringIndex(n, -1) {
		if simText(n[loc[1]:]) == "" {
			continue // a trailing marker re-lists the whole item
		}
		before := n[:loc[0]]
		if i := strings.LastIndexAny(before, "、，,(（「【。"); i >= 0 {
			_, size := utf8.DecodeRuneInString(before[i:])
			before = before[i+size:]
		}
		if k := simText(before); k != "" && k != keys[0] {
			keys = append(keys, k)
		}
	}
	return keys
}

type simItem struct {
	m *policygraph.Measure
	// text is the measure's text in matching form without its markers
	// (unmarkedOf); RELISTS compare its simText, the runes of it that
	// stripPunct keeps, read from it in place (simRunes runes, simBytes
	// bytes): making the stripped texts was 0.1 MB a load. A simText
	// itself reads as its own.
	text string
	// renamed: the text EVOLVES_FROM reads the measure's words from (its
	// evolveBigrams' text, with the alias table's renamed terms read),
	// when the renamed terms change text (3 items of the corpus; nil
	// for the others, whose words are text: a string a measure was 8 KB
	// a load); nw and np: the bigrams of those words and of its purpose
	// clause's (purposeWords, 0 for none). Set by docSimItems (worded);
	// an item made by hand has them read from its measure's text.
	renamed *string
	// runeSig has a bit for each rune the simText keeps (sigBit): both
	// runes of each of its bigrams have theirs, so relistScore passes over
	// an item whose bits hold too few of a key's bigrams without reading
	// its text (most items, for every key). 0 when not known (an item made
	// by hand).
	runeSig uint64
	// The counts are int32s side by side, so that an item is 64 bytes (a
	// load makes one for every measure).
	simRunes, simBytes int32
	// nbg is how many bigrams the simText has (bigram.Len); RELISTS counts
	// the ones it shares with a relist's key from text (commonBigrams), for
	// the few relists there are.
	nbg    int32
	nw, np int32
	worded bool
	cell   bool // a summary-table cell (parsedDoc.Summary)
}

// wordText returns the text the item's words are read from, the bigrams
// of its words and those of its purpose clause's.
func (it *simItem) wordText() (string, int, int) {
	if it.worded {
		if it.renamed != nil {
			return *it.renamed, int(it.nw), int(it.np)
		}
		return it.text, int(it.nw), int(it.np)
	}
	s, np := unmarked(it.m.Text), 0
	if c := purposeClause(s); c != "" {
		np = bigram.WordsLen(c, wordCut)
	}
	return s, bigram.WordsLen(s, wordCut), np
}

// docSimItems returns the measures of document doc as simItems (t, the
// document's text, for its normalize memo; nil for none). Their words for
// EVOLVES_FROM read every spelling of a renamed term (terms, from the alias
// table; nil for none) as the term.
func docSimItems(t *docText, pd *parsedDoc, terms *strings.Replacer) []*simItem {
	items := make([]simItem, len(pd.Measures))
	out := make([]*simItem, len(items))
	for i, ms := range pd.Measures {
		us := unmarkedOf(t.normalize(ms.Text))
		nk, nb, nw, sig := simCounts(us)
		ws := us // us with the renamed terms read
		if terms != nil {
			if ws = terms.Replace(us); ws != us {
				nw = bigram.WordsLen(ws, wordCut)
			}
		}
		np := 0
		if c := purposeClause(ws); c != "" {
			np = bigram.WordsLen(c, wordCut)
		}
		items[i] = simItem{m: ms, text: us, runeSig: sig, simRunes: int32(nk), simBytes: int32(nb), nbg: int32(bigram.Count(nk)),
			cell: pd.Summary[ms.ID], nw: int32(nw), np: int32(np), worded: true}
		if ws != us {
			items[i].renamed = new(string) // ws itself would be on the heap for every item
			*items[i].renamed = ws
		}
		out[i] = &items[i]
	}
	return out
}

// simCounts returns the runes and bytes stripPunct keeps of s, the
// number of bigrams inside the words of s (bigram.WordsLen(s, wordCut))
// and the sigBits of the runes kept, read in one pass, without making the
// text.
func simCounts(s string) (runes, bytes, words int, sig uint64) {
	word := 0 // the runes of the word being read
	for i := 0; i < len(s); {
		r, ok := nfkc.Decode3(s, i) // inlined: most runes are read so
		n := 3
		if !ok {
			r, n = nfkc.DecodeRune(s, i)
		}
		i += n
		drop, cut := simClass(r)
		if !cut {
			word++
		} else {
			words += bigram.Count(word)
			word = 0
		}
		if !drop {
			runes, bytes = runes+1, bytes+n
			sig |= sigBit(r)
		}
	}
	return runes, bytes, words + bigram.Count(word), sig
}

// sigBit is r's bit in a simItem's runeSig: one of 64, by a hash.
func sigBit(r rune) uint64 { return 1 << (uint64(r) * 0x9E3779B97F4A7C15 >> 58) }

// sigNeeds returns, for each bigram of k, the runeSig bits an item must
// have to hold it: its runes' (its one rune's, for a one-rune text).
func sigNeeds(k []bigram.Bigram) []uint64 {
	out := make([]uint64, len(k))
	for i, g := range k {
		a, b := g.Runes()
		out[i] = sigBit(a)
		if b != 0 {
			out[i] |= sigBit(b)
		}
	}
	return out
}

// containsSim reports whether stripPunct(hay) contains stripPunct(needle),
// read in place: at each place of hay holding the needle's first kept
// rune, the kept runes of both are compared from there.
func containsSim(hay, needle string) bool {
	first := 0 // the needle's first kept rune
	for first < len(needle) {
		r, n := nfkc.DecodeRune(needle, first)
		if !simDrop(r) {
			break
		}
		first += n
	}
	if first == len(needle) {
		return true // nothing kept: the empty text is in every text
	}
	needle = needle[first:]
	r0, n0 := nfkc.DecodeRune(needle, 0)
	for from := 0; ; {
		k := strings.IndexRune(hay[from:], r0)
		if k < 0 {
			return false
		}
		if simPrefix(hay[from+k:], needle) {
			return true
		}
		from += k + n0
	}
}

// simPrefix reports whether stripPunct(needle) is a prefix of
// stripPunct(s).
func simPrefix(s, needle string) bool {
	i, j := 0, 0
	for {
		j = nextKept(needle, j)
		if j == len(needle) {
			return true
		}
		if i = nextKept(s, i); i == len(s) {
			return false
		}
		r, n := nfkc.DecodeRune(s, i)
		q, m := nfkc.DecodeRune(needle, j)
		if r != q {
			return false
		}
		i, j = i+n, j+m
	}
}

// nextKept is the place of the first rune of s from i on that stripPunct
// keeps, len(s) for none.
func nextKept(s string, i int) int {
	for i < len(s) {
		r, n := nfkc.DecodeRune(s, i)
		if !simDrop(r) {
			return i
		}
		i += n
	}
	return i
}

// simWords appends to words the bigrams inside the words of s
// (bigram.AppendWords with wordCut, before its sort).
func simWords(words []bigram.Bigram, s string) []bigram.Bigram {
	var prev rune // the last rune of the word being read
	nw := 0       // the runes of the word being read
	for i := 0; i < len(s); {
		r, ok := nfkc.Decode3(s, i) // inlined: most runes are read so
		n := 3
		if !ok {
			r, n = nfkc.DecodeRune(s, i)
		}
		i += n
		if _, cut := simClass(r); cut {
			if nw == 1 {
				words = append(words, bigram.Of(prev, 0))
			}
			nw = 0
			continue
		}
		if nw > 0 {
			words = append(words, bigram.Of(prev, r))
		}
		prev, nw = r, nw+1
	}
	if nw == 1 {
		words = append(words, bigram.Of(prev, 0))
	}
	return words
}

// simClass is isPunctSymbolSpace(r) (dropped from simText) and wordCut(r)
// (cuts evolveBigrams' words) at once: from the tables below U+A000, kanji
// and kana included (testing their ranges first mispredicted at every
// change between kanji and kana), from unicode's above.
func simClass(r rune) (drop, cut bool) {
	if r < simDropBelow {
		return simDropBits[r>>6]>>(r&63)&1 != 0, simCutBits[r>>6]>>(r&63)&1 != 0
	}
	drop = unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	return drop, drop || unicode.Is(unicode.Hiragana, r)
}

// simDrop is simClass's drop, isPunctSymbolSpace, read from a table below
// U+A000 (ASCII, CJK punctuation, kana and kanji), where the call
// inlines: RELISTS asks it of every rune of every candidate it reads.
func simDrop(r rune) bool {
	if r < simDropBelow {
		return simDropBits[r>>6]>>(r&63)&1 != 0
	}
	return isPunctSymbolSpace(r)
}

// simDropBits holds isPunctSymbolSpace of the runes below simDropBelow,
// a bit each: the ranges of the punctuation, symbol and white space
// tables (IsSpace is White_Space), set once, read only (TestSimClass).
const simDropBelow = 0xA000

var simDropBits = func() (b [simDropBelow / 64]uint64) {
	set := func(lo, hi, stride uint32) {
		for r := lo; r <= hi && r < simDropBelow; r += stride {
			b[r>>6] |= 1 << (r & 63)
		}
	}
	for _, t := range []*unicode.RangeTable{unicode.Punct, unicode.Symbol, unicode.White_Space} {
		for _, g := range t.R16 {
			set(uint32(g.Lo), uint32(g.Hi), uint32(g.Stride))
		}
		for _, g := range t.R32 {
			set(g.Lo, g.Hi, g.Stride)
		}
	}
	return b
}()

// simCutBits holds wordCut of the runes below simDropBelow, a bit each
// (simDropBits and the Hiragana table's ranges), set once, read only
// (TestSimClass): simClass read unicode's tables for every rune of the
// words that is no kanji, kana or ASCII letter or digit (ー, 、, ・, （）).
var simCutBits = func() (b [simDropBelow / 64]uint64) {
	b = simDropBits
	for _, g := range unicode.Hiragana.R16 {
		for r := uint32(g.Lo); r <= uint32(g.Hi) && r < simDropBelow; r += uint32(g.Stride) {
			b[r>>6] |= 1 << (r & 63)
		}
	}
	return b
}()

// relistKey is a relist key as relistScore reads it: its text (a
// simText), runes, sorted bigrams, and the runeSig bits an item needs to
// hold each bigram (sigNeeds) and all its runes (sig).
type relistKey struct {
	text  string
	runes int
	bg    []bigram.Bigram
	need  []uint64
	sig   uint64
}

func newRelistKeys(keys []string) []relistKey {
	out := make([]relistKey, len(keys))
	for i, k := range keys {
		bg := simBigrams(k)
		out[i] = relistKey{text: k, runes: utf8.RuneCountInString(k), bg: bg, need: sigNeeds(bg)}
		for _, need := range out[i].need {
			out[i].sig |= need
		}
	}
	return out
}

// relistScore is how well relist keys match a candidate original: 1 when a key
// and the candidate contain one another, else the best Dice.
func relistScore(keys []relistKey, c *simItem) float64 {
	best := 0.0
	for _, k := range keys {
		kn, nk, nc := k.runes, len(k.bg), int(c.nbg)
		// held: how many of the key's bigrams have all their runes' bits
		// in c's signature (every one when c's is not known). Those c
		// holds are no more; a key inside c has all of them, and c
		// inside the key has no rune whose bit the key lacks: the
		// searches below are made only when the signatures allow.
		held, inKey := nk, true
		if c.runeSig != 0 {
			held = 0
			for _, need := range k.need {
				if c.runeSig&need == need {
					held++
				}
			}
			inKey = c.runeSig&^k.sig == 0
		}
		// The candidate inside the key counts only when it is most of the
		// key: a long item holds many short ones. (A candidate longer than
		// the key is not inside it: its runes are not counted then.)
		if kn >= minContainRunes && held == nk && simContains(c, k.text) ||
			int(c.simBytes) <= len(k.text) && inKey && candidateInKey(k.text, kn, c) {
			return 1
		}
		// bigram.Dice(k.bg, simBigrams(simText)), computed alike; not at
		// all when the sizes alone, or the bigrams the signature lets
		// through, keep it below relistDiceMin and the cover below
		// relistCoverMin (every bigram of the shorter shared): a score
		// below relistDiceMin is dropped whatever it is. (The bounds are
		// computed as the scores are, so that rounding cannot put a bound
		// below its score.)
		if nk+nc == 0 {
			continue
		}
		if most := 2 * float64(min(nk, nc, held)) / float64(nk+nc); most < relistDiceMin &&
			(nk < minCoverBigrams || most*float64(nk+nc)/(2*float64(nk)) < relistCoverMin) {
			continue
		}
		d := 2 * float64(commonBigrams(k.bg, c.text)) / float64(nk+nc)
		best = max(best, d)
		// A relist may repeat one clause of a longer original (the 2023
		// summary table joins several measures in one cell): then nearly
		// all of the key's bigrams occur in the candidate.
		if nk >= minCoverBigrams {
			if cv := d * float64(nk+nc) / (2 * float64(nk)); cv >= relistCoverMin { // coverOfDice
				best = max(best, cv)
			}
		}
	}
	return best
}

// simContains reports whether the simText of c contains key, a simText:
// as strings.Contains does when c's text has nothing stripPunct drops.
func simContains(c *simItem, key string) bool {
	if int(c.simBytes) == len(c.text) {
		return containsText(c.text, key)
	}
	return containsSim(c.text, key)
}

// commonBigrams is bigram.Common(k, simBigrams(stripPunct(text))), k
// sorted: the bigrams of text's kept runes are counted against k as text
// is read, not sorted.
func commonBigrams(k []bigram.Bigram, text string) int {
	var small [64]int32
	var used []int32 // used[x]: how many of the run of k starting at x are matched
	if len(k) <= len(small) {
		used = small[:len(k)]
	} else {
		used = make([]int32, len(k))
	}
	// A bit per hash of k's bigrams: most of text's are in no key, and
	// are passed over without a search.
	var in [4]uint64
	hash := func(g bigram.Bigram) uint64 { return uint64(g) * 0x9E3779B97F4A7C15 >> 56 }
	for _, g := range k {
		h := hash(g)
		in[h>>6] |= 1 << (h & 63)
	}
	n := 0
	count := func(g bigram.Bigram) {
		if h := hash(g); in[h>>6]&(1<<(h&63)) == 0 {
			return
		}
		x, ok := slices.BinarySearch(k, g) // the first of its run
		if ok && x+int(used[x]) < len(k) && k[x+int(used[x])] == g {
			used[x]++
			n++
		}
	}
	for g := range simBigramsOf(text) {
		count(g)
	}
	return n
}

// candidateInKey: the simText of c, of at least minContainRunes runes and
// half the key's kn, is inside key.
func candidateInKey(key string, kn int, c *simItem) bool {
	cn := int(c.simRunes)
	if cn < minContainRunes || 2*cn < kn {
		return false
	}
	if int(c.simBytes) == len(c.text) {
		return containsText(key, c.text)
	}
	return containsSim(key, c.text)
}

// relistCoverMin is the share of a relist key's bigrams a longer original
// must hold (the 生成AI relist of 2023 drops one word, 国内, from its
// original clause: 0.92); minCoverBigrams keeps short keys, which any long
// item covers by chance, out of it.
const (
	relistCoverMin  = 0.8
	minCoverBigrams = 12
)

// simCover is the share of a's bigrams (multiset) that occur in b.
func simCover(a, b []bigram.Bigram) float64 {
	if len(a) == 0 {
		return 0
	}
	return coverOfDice(bigram.Dice(a, b), a, b)
}

// coverOfDice is simCover(a, b) from d = bigram.Dice(a, b), a not empty.
func coverOfDice(d float64, a, b []bigram.Bigram) float64 {
	return d * float64(len(a)+len(b)) / (2 * float64(len(a)))
}

// linkRelists adds RELISTS from every Measure with Relist=true to the
// original it repeats, in its document or the edition before: same
// document first, then non-relist items, then the
// best score, then the closest line. Relists with no candidate at or above
// relistDiceMin are reported.
func linkRelists(docs []*loadedDoc, items [][]*simItem, rep *Report) []*policygraph.Relationship {
	var rels []*policygraph.Relationship
	for di, d := range docs {
		rels = append(rels, linkDocRelists(d, items[max(di-1, 0):di+1], rep)...)
	}
	return rels
}

// linkDocRelists is linkRelists for document d alone: items holds the
// items of the document before it, if any, then its own.
func linkDocRelists(d *loadedDoc, items [][]*simItem, rep *Report) []*policygraph.Relationship {
	var rels []*policygraph.Relationship
	di := len(items) - 1
	for _, r := range d.pd.Measures {
		// what r re-lists: the whole item, or each clause a marker
		// inside it binds
		var queries []*markedClause
		if r.Relist {
			queries = []*markedClause{nil}
		} else {
			for _, c := range markedClauses(d.t, r) {
				queries = append(queries, &c)
			}
		}
		linked := map[string]bool{}
		for _, clause := range queries {
			var keys []string
			line := r.LineStart
			if clause != nil {
				keys, line = []string{clause.key}, clause.line
			} else {
				keys = relistKeys(r.Text)
			}
			best := bestOriginal(di, r, keys, items)
			if best == nil {
				rep.addUnresolved(Unresolved{Kind: "relist", File: d.t.File, Line: line, NodeID: r.ID,
					Text: r.Title, Reason: fmt.Sprintf("no original with similarity ≥ %.2f", relistDiceMin)})
				continue
			}
			if linked[best.c.m.ID] {
				continue // two clauses of r re-list the same original: one edge
			}
			linked[best.c.m.ID] = true
			rels = append(rels, &policygraph.Relationship{
				ID: relID(policygraph.RelRelists, r.ID, best.c.m.ID), Type: policygraph.RelRelists,
				Start: r.ID, End: best.c.m.ID, Properties: relistProps(best.score, clause),
			})
		}
	}
	return rels
}

type relistCand struct {
	c         *simItem
	score     float64
	sameDoc   bool
	nonRelist bool
	dist      int
}

// bestOriginal is the original r (of document di) re-lists by keys: same
// document first, then non-relist items, then the best score, then the
// closest line; nil when none reaches relistDiceMin.
func bestOriginal(di int, r *policygraph.Measure, keys []string, items [][]*simItem) *relistCand {
	rk := newRelistKeys(keys)
	var best *relistCand
	better := func(a, b *relistCand) bool {
		if a.sameDoc != b.sameDoc {
			return a.sameDoc
		}
		if a.nonRelist != b.nonRelist {
			return a.nonRelist
		}
		if a.score != b.score {
			return a.score > b.score
		}
		return a.dist < b.dist
	}
	// The original is in r's document or, failing that, the edition before
	// it: never a later one, and a pass linear in the number of editions.
	for cdi := max(di-1, 0); cdi <= di; cdi++ {
		for _, c := range items[cdi] {
			if c.m == r {
				continue
			}
			s := relistScore(rk, c)
			if s < relistDiceMin {
				continue
			}
			dist := math.MaxInt
			if cdi == di {
				dist = iabs(c.m.LineStart - r.LineStart)
			}
			k := &relistCand{c, s, cdi == di, !c.m.Relist, dist}
			if best == nil || better(k, best) {
				best = k
			}
		}
	}
	return best
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ---- REFERS_TO ----

var (
	// namedPointer is 後掲【デジタル人材基盤】参照, ※後掲「…」を参照,
	// ⇒詳細は「人材」パート参照 in normalised form.
	namedPointer = regexp.MustCompile(`(後掲|前掲)?[【「『〔]([^】」』〕]{1,60})[】」』〕](パート|の項)?を?参照`)
	// pageRef is P70参照 / 70ページ参照 in normalised form.
	pageRef = regexp.MustCompile(`(?:[pP]\.?(\d{1,3})|(\d{1,3})ページ)を?参照`)
)

// refPointer is one 後掲・前掲・参照 pointer found in a measure's text.
type refPointer struct {
	via  string // the pointer text, normalised
	name string // 【name】 or 「name」, "" for a page pointer
	page int    // P70 → 70
	dir  int    // +1 後掲, -1 前掲, 0 unknown
}

func findPointers(text string) []refPointer {
	if !containsText(text, "参") { // by a byte of 参 rarer than ContainsRune's, its last
		return nil // every pointer ends in 参照; most texts have none
	}
	n := normalize(text)
	var out []refPointer
	for _, m := range namedPointer.FindAllStringSubmatch(n, -1) {
		p := refPointer{via: m[0], name: m[2]}
		switch m[1] {
		case "後掲":
			p.dir = 1
		case "前掲":
			p.dir = -1
		}
		out = append(out, p)
	}
	for _, m := range pageRef.FindAllStringSubmatch(n, -1) {
		num := m[1]
		if num == "" {
			num = m[2]
		}
		pg, _ := strconv.Atoi(num)
		out = append(out, refPointer{via: m[0], page: pg})
	}
	return out
}

// lineSpan is the lines a pillar or group covers: its own lines and those of
// everything under it.
type lineSpan struct {
	id       string
	from, to int
}

type docSpans struct {
	groups  []lineSpan
	pillars []lineSpan
	// pd's nodes give a line the pillar of the nearest node at or before
	// it, for lines (appendix pages) that no span covers (owner).
	pd *parsedDoc
}

func buildSpans(pd *parsedDoc) *docSpans {
	g := map[string]*lineSpan{}
	p := map[string]*lineSpan{}
	grow := func(m map[string]*lineSpan, id string, from, to int) {
		if id == "" || from <= 0 {
			return
		}
		s := m[id]
		if s == nil {
			m[id] = &lineSpan{id, from, max(from, to)}
			return
		}
		s.from, s.to = min(s.from, from), max(s.to, to)
	}
	ds := &docSpans{pd: pd}
	for _, x := range pd.Pillars {
		grow(p, x.ID, x.LineStart, x.LineEnd)
	}
	for _, x := range pd.Groups {
		grow(g, x.ID, x.LineStart, x.LineEnd)
		grow(p, x.PillarID, x.LineStart, x.LineEnd)
	}
	for _, x := range pd.Measures {
		grow(g, x.GroupID, x.LineStart, x.LineEnd)
		grow(p, x.PillarID, x.LineStart, x.LineEnd)
	}
	for _, x := range pd.Targets {
		grow(p, x.PillarID, x.LineStart, x.LineEnd)
	}
	ds.groups, ds.pillars = make([]lineSpan, 0, len(g)), make([]lineSpan, 0, len(p))
	for _, s := range g {
		ds.groups = append(ds.groups, *s)
	}
	for _, s := range p {
		ds.pillars = append(ds.pillars, *s)
	}
	// The ids are the maps' keys: no two spans compare equal.
	bySize := func(a, b lineSpan) int {
		return cmp.Or(cmp.Compare(a.to-a.from, b.to-b.from), strings.Compare(a.id, b.id))
	}
	slices.SortFunc(ds.groups, bySize)
	slices.SortFunc(ds.pillars, bySize)
	return ds
}

// owner is the pillar of the node starting last at or before line from,
// the last listed of those starting on one line (pillars, groups,
// measures, targets, each in order), whose pillar is known; "" for none.
// A few page pointers ask: the nodes are read for each, not kept sorted
// by line (22 kB a load).
func (ds *docSpans) owner(from int) string {
	owner, at := "", 0
	see := func(id string, line int) {
		if id != "" && line <= from && (owner == "" || line >= at) {
			owner, at = id, line
		}
	}
	for _, x := range ds.pd.Pillars {
		see(x.ID, x.LineStart)
	}
	for _, x := range ds.pd.Groups {
		see(x.PillarID, x.LineStart)
	}
	for _, x := range ds.pd.Measures {
		see(x.PillarID, x.LineStart)
	}
	for _, x := range ds.pd.Targets {
		see(x.PillarID, x.LineStart)
	}
	return owner
}

// cover returns what holds page lines [from, to]: the narrowest group
// holding its first line, else the narrowest pillar holding it, else the
// narrowest group or pillar overlapping the page, else the pillar of the
// nearest node before it. The first line decides because the extraction
// marks a page a few lines into it (after the page title), so the next
// page's group often starts inside the range.
func (ds *docSpans) cover(from, to int) string {
	for _, list := range [][]lineSpan{ds.groups, ds.pillars} {
		for _, s := range list {
			if s.from <= from && from <= s.to {
				return s.id
			}
		}
	}
	for _, list := range [][]lineSpan{ds.groups, ds.pillars} {
		for _, s := range list {
			if s.from <= to && from <= s.to {
				return s.id
			}
		}
	}
	return ds.owner(from)
}

// bracketless strips heading brackets and bullets: 【デジタル人材基盤】 → デジタル人材基盤.
func bracketless(s string) string {
	return strings.Trim(normalize(s), "【】〔〕「」『』[]()（）〇○●⚫◯・:：")
}

// linkRefs adds REFERS_TO from measures to the group or pillar their
// 後掲・前掲・参照 pointers name, and reports the ones it cannot resolve,
// including pointers on lines outside any measure.
func linkRefs(d *loadedDoc, rep *Report) []*policygraph.Relationship {
	pd, t := d.pd, d.t
	var ds *docSpans // built for the first page pointer located, if any
	pm := pd.Pages
	var rels []*policygraph.Relationship
	seen := map[string]bool{}
	for _, m := range pd.Measures {
		for _, p := range findPointers(m.Text) {
			var target, reason string
			if p.name != "" {
				target = resolveName(pd, m, p)
				reason = fmt.Sprintf("no group or pillar named %q", p.name)
			} else if from, to, ok := pm.lines(p.page); ok {
				if ds == nil {
					ds = buildSpans(pd)
				}
				target = ds.cover(from, to)
				reason = fmt.Sprintf("page %d (lines %d-%d) is in no pillar or group", p.page, from, to)
			} else {
				reason = fmt.Sprintf("page %d cannot be located: page numbers are not recoverable there", p.page)
			}
			if target == "" {
				rep.addUnresolved(Unresolved{Kind: "ref", File: t.File, Line: m.LineStart, NodeID: m.ID, Text: p.via, Reason: reason})
				continue
			}
			id := relID(policygraph.RelRefersTo, m.ID, target)
			if seen[id] {
				continue
			}
			seen[id] = true
			rels = append(rels, &policygraph.Relationship{ID: id, Type: policygraph.RelRefersTo,
				Start: m.ID, End: target, Properties: map[string]any{"via": p.via}})
		}
	}
	// Pointers on lines no measure covers: only a report entry, since the
	// relationship starts at a measure.
	covered := make([]bool, t.lineCount()+2)
	for _, m := range pd.Measures {
		for l := max(1, m.LineStart); l <= m.LineEnd && l <= t.lineCount(); l++ {
			covered[l] = true
		}
	}
	for i, n := range t.normLines() {
		if covered[i+1] || !containsText(n, "参照") {
			continue
		}
		for _, p := range findPointers(n) {
			rep.addUnresolved(Unresolved{Kind: "ref", File: t.File, Line: i + 1, Text: p.via,
				Reason: "pointer outside any measure"})
		}
	}
	return rels
}

// resolveName finds the group, else the pillar, a named pointer means:
// exact name first, then containment; among several, the one in the
// pointer's direction (後掲: after the measure), then the closest.
func resolveName(pd *parsedDoc, from *policygraph.Measure, p refPointer) string {
	want := bracketless(p.name)
	if want == "" {
		return ""
	}
	type hit struct {
		id   string
		line int
	}
	pick := func(hits []hit) string {
		best, bestKey := "", [2]int{}
		for _, h := range hits {
			wrongWay := 0
			if p.dir > 0 && h.line < from.LineStart || p.dir < 0 && h.line > from.LineStart {
				wrongWay = 1
			}
			key := [2]int{wrongWay, iabs(h.line - from.LineStart)}
			if best == "" || key[0] < bestKey[0] || key[0] == bestKey[0] && key[1] < bestKey[1] {
				best, bestKey = h.id, key
			}
		}
		return best
	}
	for _, exact := range []bool{true, false} {
		var hits []hit
		for _, g := range pd.Groups {
			name := bracketless(g.Name)
			if name == want || !exact && utf8.RuneCountInString(want) >= 4 &&
				(strings.Contains(name, want) || utf8.RuneCountInString(name) >= 4 && strings.Contains(want, name)) {
				hits = append(hits, hit{g.ID, g.LineStart})
			}
		}
		if id := pick(hits); id != "" {
			return id
		}
		hits = nil
		for _, pl := range pd.Pillars {
			names := append([]string{pl.Name}, pl.Aliases...)
			for _, n := range names {
				name := bracketless(n)
				if name == want || !exact && utf8.RuneCountInString(want) >= 2 && strings.Contains(name, want) {
					hits = append(hits, hit{pl.ID, pl.LineStart})
					break
				}
			}
		}
		if id := pick(hits); id != "" {
			return id
		}
	}
	return ""
}

// ---- cross-edition: CONTINUES and EVOLVES_FROM ----

// linkContinues adds CONTINUES from each pillar of the later edition to the
// pillar of the earlier one with the same concept (aliases.json "pillars")
// and the same kind. Then an earlier pillar that nothing continues is
// continued by the later pillars whose name names its concept, whatever
// their kind: a merge (2023's OS グローバル化 went into 2025's mission
// 経済安全保障・対外経済). Pillars with no counterpart are reported.
func linkContinues(m *matcher, later, earlier *loadedDoc, rep *Report) []*policygraph.Relationship {
	var rels []*policygraph.Relationship
	link := func(p, q *policygraph.Pillar) {
		rels = append(rels, &policygraph.Relationship{ID: relID(policygraph.RelContinues, p.ID, q.ID),
			Type: policygraph.RelContinues, Start: p.ID, End: q.ID})
	}
	continued := map[string]bool{}
	concepts := make([]string, len(earlier.pd.Pillars)) // each earlier pillar's, read once
	for k, q := range earlier.pd.Pillars {
		concepts[k] = m.pillarConceptOf(q.Name, q.Aliases)
	}
	for _, p := range later.pd.Pillars {
		c := m.pillarConceptOf(p.Name, p.Aliases)
		var match *policygraph.Pillar
		for k, q := range earlier.pd.Pillars {
			if q.Kind != p.Kind {
				continue
			}
			cq := concepts[k]
			same := c != "" && c == cq || c == "" && normalize(p.Name) == normalize(q.Name)
			if same && (match == nil || q.Key == p.Key && match.Key != p.Key) {
				match = q
			}
		}
		if match == nil {
			rep.addUnresolved(Unresolved{Kind: "continues", File: later.t.File, Line: p.LineStart, NodeID: p.ID,
				Text: p.Name, Reason: "no pillar of the same concept in " + earlier.t.File})
			continue
		}
		continued[match.ID] = true
		link(p, match)
	}
	for k, q := range earlier.pd.Pillars {
		if continued[q.ID] {
			continue
		}
		cq := concepts[k]
		merged := false
		for _, p := range later.pd.Pillars {
			if cq != "" && m.nameHasConcept(p.Name, cq) {
				link(p, q)
				merged = true
			}
		}
		if !merged {
			rep.addUnresolved(Unresolved{Kind: "continues", File: earlier.t.File, Line: q.LineStart, NodeID: q.ID,
				Text: q.Name, Reason: "no pillar of " + later.t.File + " continues it"})
		}
	}
	return rels
}
