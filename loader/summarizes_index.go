package loader

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// The overview-cell rules (summarizes.go, summarizes_rare.go) compare each
// cell, and each clause of it, with the detail bullets of its pillar.
// gramIndex is what they read of the bullets, computed once per document:
// the vocabulary (the distinct bigrams of all detail bullets, sorted; a
// bigram's id is its index), each bigram's idf, and each bullet's distinct
// bigrams as sorted ids in one backing array. gramText is what they read
// of one cell or clause. Ids follow the order of the bigrams, so a sorted
// set of ids is the sorted set of bigrams and counts over the one are
// counts over the other.

// noGram is the id of a bigram no detail bullet holds.
const noGram = ^uint32(0)

type gramIndex struct {
	vocab   []bigram.Bigram
	idf     []float64 // by id: log((N+1)/(df+1)) over the N detail bullets
	idfNone float64   // that of a bigram no bullet holds
	bullets map[*policygraph.Measure]*bulletGrams
	pos     []int32 // by id: the open text's grams (open)
	// the scratch the texts of a cell are read into (reset)
	sg    scratch[bigram.Bigram]
	si    scratch[int32]
	su    scratch[uint32]
	sf    scratch[float64]
	sk    scratch[gramAt]
	st    scratch[gramText]
	sb    scratch[bool]
	spans [][2]int // clauseSpans'
}

// bulletGrams is what the rules read of one detail bullet.
type bulletGrams struct {
	i    int      // index among the document's bullets, for per-bullet flags
	ids  []uint32 // the distinct bigrams of its text in matching form (normalize)
	head []uint32 // those of its headline (headline23); nil when shorter than headlineRunes
}

// newGramIndex indexes the bullets of detail (pillar key → bullets).
func newGramIndex(detail map[string][]*policygraph.Measure) *gramIndex {
	x := &gramIndex{bullets: map[*policygraph.Measure]*bulletGrams{}}
	type span struct {
		bg         *bulletGrams
		a, b, h, e int // its bigrams all[a:b], its headline's heads[h:e]
	}
	var (
		all, heads []bigram.Bigram
		spans      []span
	)
	n := 0 // bullets, counted as the lists hold them (df as well)
	for _, k := range slices.Sorted(maps.Keys(detail)) {
		for _, m := range detail[k] {
			n++
			t := normalize(m.Text)
			s := span{a: len(all), h: len(heads)}
			all = appendDistinct(all, t)
			if h := headline23(t); utf8.RuneCountInString(h) >= headlineRunes {
				heads = appendDistinct(heads, h)
			}
			s.b, s.e = len(all), len(heads)
			if x.bullets[m] == nil {
				s.bg = &bulletGrams{i: len(x.bullets)}
				x.bullets[m] = s.bg
			}
			spans = append(spans, s)
		}
	}
	// the vocabulary and each bigram's df: runs of the bullets' sets sorted
	sorted := slices.Clone(all)
	slices.Sort(sorted)
	x.vocab = sorted[:0]
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		x.vocab = append(x.vocab, sorted[i])
		x.idf = append(x.idf, math.Log(float64(n+1)/float64(j-i+1)))
		i = j
	}
	x.idfNone = math.Log(float64(n + 1))
	x.pos = make([]int32, len(x.vocab))
	ids := make([]uint32, len(all)+len(heads))
	allIDs, headIDs := ids[:len(all)], ids[len(all):]
	for _, s := range spans {
		if s.bg == nil {
			continue // listed twice: indexed at its first place
		}
		x.idsOf(all[s.a:s.b], allIDs[s.a:s.b])
		s.bg.ids = allIDs[s.a:s.b:s.b]
		if s.e > s.h {
			x.idsOf(heads[s.h:s.e], headIDs[s.h:s.e])
			s.bg.head = headIDs[s.h:s.e:s.e]
		}
	}
	return x
}

// idsOf writes the ids of the sorted bigrams gs, all in the vocabulary,
// into dst.
func (x *gramIndex) idsOf(gs []bigram.Bigram, dst []uint32) {
	lo := 0
	for i, g := range gs {
		j, _ := slices.BinarySearch(x.vocab[lo:], g)
		lo += j
		dst[i] = uint32(lo)
	}
}

// appendDistinct appends the distinct bigrams of s, sorted (none for one
// rune), as bigram.Distinct returns them.
func appendDistinct(dst []bigram.Bigram, s string) []bigram.Bigram {
	start := len(dst)
	dst = appendGrams(dst, s)
	slices.Sort(dst[start:])
	return dst[:start+len(slices.Compact(dst[start:]))]
}

// appendGrams appends the bigrams of s in text order (none for one rune),
// as textGrams returns them.
func appendGrams(dst []bigram.Bigram, s string) []bigram.Bigram {
	var prev rune
	for i, r := range s {
		if i > 0 {
			dst = append(dst, bigram.Of(prev, r))
		}
		prev = r
	}
	return dst
}

// pillarCorpus is, for each pillar with detail bullets, the bigrams of
// those bullets and of the pillar's group names, sorted: what cellPillar
// matches a cell against. The groups are those read so far, before the
// cells add theirs.
func (p *parser2023) pillarCorpus() map[string][]bigram.Bigram {
	x := p.grams
	out := make(map[string][]bigram.Bigram, len(p.detail))
	mark := make([]bool, len(x.vocab))
	for k, ms := range p.detail {
		clear(mark)
		n := 0
		for _, m := range ms {
			for _, id := range x.bullets[m].ids {
				if !mark[id] {
					mark[id] = true
					n++
				}
			}
		}
		set := make([]bigram.Bigram, 0, n)
		for id, ok := range mark {
			if ok {
				set = append(set, x.vocab[id])
			}
		}
		pid, named := pillarID(p.t.Year, k), false
		for _, g := range p.pd.Groups {
			if g.PillarID == pid {
				set, named = appendDistinct(set, normalize(g.Name)), true
			}
		}
		if named {
			slices.Sort(set)
			set = slices.Compact(set)
		}
		out[k] = set
	}
	return out
}

// gramText is what the rules read of a cell or clause in matching form.
type gramText struct {
	grams  []bigram.Bigram // its bigrams in text order
	at     []int32         // grams[t] is uniq[at[t]]
	uniq   []bigram.Bigram // its distinct bigrams in text order
	id     []uint32        // the id of uniq[i], noGram if no bullet holds it
	weight []float64       // the idf of uniq[i]
	total  float64         // the weights summed in text order
	known  []gramAt        // the uniq grams some bullet holds, by id
}

// gramAt is the id of a distinct gram of a text and its index in text
// order.
type gramAt struct {
	id uint32
	i  int32
}

// text reads s, a text in matching form, into the scratch.
func (x *gramIndex) text(s string) *gramText {
	n := max(utf8.RuneCountInString(s)-1, 0)
	t := x.newText()
	t.grams = appendGrams(x.sg.take(n)[:0], s)
	if n == 0 {
		return t
	}
	// order is the grams sorted, each repeat after its first occurrence
	order := x.si.take(n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(t.grams[a], t.grams[b]), cmp.Compare(a, b))
	})
	t.at = x.si.take(n)
	for i := range t.at {
		t.at[i] = -1
	}
	for i, o := range order {
		if i == 0 || t.grams[order[i-1]] != t.grams[o] {
			t.at[o] = 0 // a first occurrence, numbered below
		}
	}
	t.uniq = x.sg.take(n)[:0]
	for i, a := range t.at {
		if a == 0 {
			t.at[i] = int32(len(t.uniq))
			t.uniq = append(t.uniq, t.grams[i])
		}
	}
	t.id = x.su.take(len(t.uniq))
	t.weight = x.sf.take(len(t.uniq))
	t.known = x.sk.take(len(t.uniq))[:0]
	lo := 0
	for i, o := range order {
		if i > 0 && t.grams[order[i-1]] == t.grams[o] {
			t.at[o] = t.at[order[i-1]]
			continue
		}
		u := t.at[o]
		j, found := slices.BinarySearch(x.vocab[lo:], t.grams[o])
		lo += j
		t.id[u], t.weight[u] = noGram, x.idfNone
		if found {
			t.id[u], t.weight[u] = uint32(lo), x.idf[lo]
			t.known = append(t.known, gramAt{uint32(lo), u})
		}
	}
	for _, w := range t.weight {
		t.total += w
	}
	return t
}

// sub reads the text of t's grams a to b (a run of runes of t) into the
// scratch: its grams in order, deduplicated by t's. local is scratch of
// len(t.uniq), all zero, and left so.
func (x *gramIndex) sub(t *gramText, a, b int, local []int32) *gramText {
	n := b - a
	s := x.newText()
	s.grams, s.at = t.grams[a:b], x.si.take(n)
	s.uniq, s.id, s.weight = x.sg.take(n)[:0], x.su.take(n)[:0], x.sf.take(n)[:0]
	for i := range s.grams {
		u := t.at[a+i]
		if local[u] == 0 {
			s.uniq = append(s.uniq, t.uniq[u])
			s.id = append(s.id, t.id[u])
			s.weight = append(s.weight, t.weight[u])
			local[u] = int32(len(s.uniq))
		}
		s.at[i] = local[u] - 1
	}
	for _, w := range s.weight {
		s.total += w
	}
	s.known = x.sk.take(len(s.uniq))[:0]
	for _, k := range t.known { // in id order, as text reads them
		if l := local[k.i]; l != 0 {
			s.known = append(s.known, gramAt{k.id, l - 1})
		}
	}
	for i := range s.grams {
		local[t.at[a+i]] = 0
	}
	return s
}

// newText is a zero gramText of the scratch.
func (x *gramIndex) newText() *gramText {
	t := &x.st.take(1)[0]
	*t = gramText{}
	return t
}

// bools is n false flags of the scratch.
func (x *gramIndex) bools(n int) []bool {
	b := x.sb.take(n)
	clear(b)
	return b
}

// reset hands the scratch out again: what the texts read since the last
// reset is dead.
func (x *gramIndex) reset() {
	x.sg.reset()
	x.si.reset()
	x.su.reset()
	x.sf.reset()
	x.sk.reset()
	x.st.reset()
	x.sb.reset()
}

// scratch hands out slices of a buffer kept from cell to cell, so that
// reading the cells does not allocate once the buffer is large enough.
type scratch[T any] struct{ buf []T }

// take returns n elements, with whatever they held: each stays valid until
// reset, as a full buffer is left to its takers and a new one started.
func (s *scratch[T]) take(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(2*cap(s.buf), n, 64))
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i+n : i+n]
}

func (s *scratch[T]) reset() { s.buf = s.buf[:0] }

// eachHeld calls f with the index in known of each of the text's grams
// that ids, a bullet's sorted set, holds.
func (t *gramText) eachHeld(ids []uint32, f func(k int)) {
	j := 0
	for k, g := range t.known {
		for j < len(ids) && ids[j] < g.id {
			j++
		}
		if j == len(ids) {
			return
		}
		if ids[j] == g.id {
			f(k)
		}
	}
}

// open makes t the text that common and markHeld read: pos[id] is 1 + the
// index in t.uniq of the gram id, 0 for a gram t does not hold. One text is
// open at a time; close clears pos again. A comparison with a bullet then
// walks the bullet's ids alone, instead of merging two sets.
func (x *gramIndex) open(t *gramText) {
	for _, k := range t.known {
		x.pos[k.id] = k.i + 1
	}
}

func (x *gramIndex) close(t *gramText) {
	for _, k := range t.known {
		x.pos[k.id] = 0
	}
}

// common is the number of the open text's distinct grams in ids, a
// bullet's set.
func (x *gramIndex) common(ids []uint32) int {
	n := 0
	for _, id := range ids {
		if x.pos[id] != 0 {
			n++
		}
	}
	return n
}

// markHeld sets held[i] to whether the set ids holds uniq[i] of the open
// text.
func (x *gramIndex) markHeld(ids []uint32, held []bool) {
	clear(held)
	for _, id := range ids {
		if i := x.pos[id]; i != 0 {
			held[i-1] = true
		}
	}
}

// phrases counts the separate runs of the grams, in text order, that are
// held (held as markHeld sets it).
func (t *gramText) phrases(held []bool) int {
	n := 0
	in := false
	for _, a := range t.at {
		if held[a] {
			if !in {
				n++
			}
			in = true
		} else {
			in = false
		}
	}
	return n
}

// cover is the share of n items that c are: 0 of none.
func cover(c, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(c) / float64(n)
}

// headline23 is a bullet's headline in matching form: the normalized text
// n before the first bracket or colon.
func headline23(n string) string {
	if i := strings.IndexAny(n, "(:（："); i >= 0 {
		return n[:i]
	}
	return n
}
