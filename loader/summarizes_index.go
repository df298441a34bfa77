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
	type entry struct {
		m          *policygraph.Measure
		text, head string // in matching form; head "" when too short
		bg         *bulletGrams
		a, b       int // its bigrams gs[a:b]
	}
	var es []entry      // the bullets as the lists hold them (df counts each)
	size, heads := 0, 0 // upper bounds of the bigrams of the texts, of the heads
	for _, k := range slices.Sorted(maps.Keys(detail)) {
		for _, m := range detail[k] {
			e := entry{m: m, text: normalize(m.Text)}
			size += utf8.RuneCountInString(e.text)
			if h := headline23(e.text); utf8.RuneCountInString(h) >= headlineRunes {
				e.head = h
				heads += utf8.RuneCountInString(h)
			}
			es = append(es, e)
		}
	}
	x := &gramIndex{bullets: make(map[*policygraph.Measure]*bulletGrams, len(es))}
	bgs := make([]bulletGrams, 0, len(es))
	// gs: each bullet's distinct bigrams, sorted
	gs := make([]bigram.Bigram, 0, size)
	for i := range es {
		e := &es[i]
		e.a = len(gs)
		gs = appendDistinct(gs, e.text)
		e.b = len(gs)
		if x.bullets[e.m] == nil {
			bgs = append(bgs, bulletGrams{i: len(bgs)})
			e.bg = &bgs[len(bgs)-1]
			x.bullets[e.m] = e.bg
		}
	}
	// the vocabulary, each bigram's df and each place's id: runs of gs
	// sorted
	order := make([]int32, len(gs))
	sortGrams(gs, order)
	ids := make([]uint32, len(gs))
	runs := 0
	for i, g := range gs {
		if i == 0 || gs[i-1] != g {
			runs++
		}
	}
	x.vocab, x.idf = make([]bigram.Bigram, 0, runs), make([]float64, 0, runs)
	idf := make([]float64, len(es)+1) // by df, computed once each
	idfOf := func(df int) float64 {
		if idf[df] == 0 {
			idf[df] = math.Log(float64(len(es)+1) / float64(df+1))
		}
		return idf[df]
	}
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j] == gs[i] {
			j++
		}
		id := uint32(len(x.vocab))
		x.vocab, x.idf = append(x.vocab, gs[i]), append(x.idf, idfOf(j-i))
		for _, o := range order[i:j] {
			ids[o] = id
		}
		i = j
	}
	x.idfNone = math.Log(float64(len(es) + 1))
	x.pos = make([]int32, len(x.vocab))
	// a headline is the start of its text: its bigrams are in the
	// bullet's set, whose ids give theirs by merge
	headIDs := make([]uint32, 0, heads) // never grown: the heads slice it
	var hs []bigram.Bigram
	for _, e := range es {
		if e.bg == nil {
			continue // listed twice: indexed at its first place
		}
		e.bg.ids = ids[e.a:e.b:e.b]
		if e.head == "" {
			continue
		}
		hs = appendDistinct(hs[:0], e.head)
		h, j := len(headIDs), 0
		for _, g := range hs {
			for x.vocab[e.bg.ids[j]] != g {
				j++
			}
			headIDs = append(headIDs, e.bg.ids[j])
		}
		e.bg.head = headIDs[h:len(headIDs):len(headIDs)]
	}
	return x
}

// sortGrams sorts gs in place, by bigram and by place among equal ones,
// and sets order[i] to the place gs[i] came from. Below 2²² places each
// is packed with its bigram's two runes (21 bits each) into one integer,
// sorted as such and unpacked; above, the places are sorted comparing the
// bigrams.
func sortGrams(gs []bigram.Bigram, order []int32) {
	const placeBits = 22
	packed := len(gs) < 1<<placeBits
	for _, g := range gs {
		if a, b := g.Runes(); uint32(a) >= 1<<21 || uint32(b) >= 1<<21 {
			packed = false
			break
		}
	}
	if !packed {
		orig := slices.Clone(gs)
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			return cmp.Or(cmp.Compare(orig[a], orig[b]), cmp.Compare(a, b))
		})
		for i, o := range order {
			gs[i] = orig[o]
		}
		return
	}
	for i, g := range gs {
		a, b := g.Runes()
		gs[i] = bigram.Bigram(uint64(a)<<(21+placeBits) | uint64(b)<<placeBits | uint64(i))
	}
	if len(gs) < radixMin {
		slices.Sort(gs)
	} else {
		radixSort(gs, placeBits)
	}
	for i, k := range gs {
		order[i] = int32(k & (1<<placeBits - 1))
		gs[i] = bigram.Of(rune(k>>(21+placeBits)), rune(k>>placeBits&(1<<21-1)))
	}
}

// radixMin: on packed keys of Japanese bigrams, slices.Sort and radixSort
// took about as long for 1,024 keys, and radixSort less than half as long
// for 20,000 (the 2023 index), in a benchmark run once, not kept.
const radixMin = 1024

// radixSort sorts keys whose bits below lo are already in ascending
// order (the places sortGrams packs), by their bits from lo up: a stable
// least-significant-digit sort, 11 bits a pass, skipping the passes in
// which every key has the same digit.
func radixSort(keys []bigram.Bigram, lo uint) {
	const bits, buckets = 11, 1 << 11
	var count [buckets]int
	src, dst := keys, make([]bigram.Bigram, len(keys))
	for shift := lo; shift < 64; shift += bits {
		clear(count[:])
		for _, k := range src {
			count[k>>shift&(buckets-1)]++
		}
		if count[src[0]>>shift&(buckets-1)] == len(src) {
			continue
		}
		sum := 0
		for d, c := range count {
			count[d], sum = sum, sum+c
		}
		for _, k := range src {
			d := k >> shift & (buckets - 1)
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	copy(keys, src)
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

// pillarGrams is what cellPillar matches a cell against for one pillar:
// the bigrams of its detail bullets and of its group names, those some
// bullet holds as bits by id, the others sorted.
type pillarGrams struct {
	bits  []uint64
	other []bigram.Bigram
}

// pillarCorpus is the pillarGrams of each pillar with detail bullets. The
// groups are those read so far, before the cells add theirs.
func (p *parser2023) pillarCorpus() map[string]*pillarGrams {
	x := p.grams
	out := make(map[string]*pillarGrams, len(p.detail))
	words := (len(x.vocab) + 63) / 64
	bits := make([]uint64, words*len(p.detail))
	for k, ms := range p.detail {
		c := &pillarGrams{bits: bits[:words:words]}
		bits = bits[words:]
		for _, m := range ms {
			for _, id := range x.bullets[m].ids {
				c.bits[id/64] |= 1 << (id % 64)
			}
		}
		pid := pillarID(p.t.Year, k)
		for _, g := range p.pd.Groups {
			if g.PillarID != pid {
				continue
			}
			for _, b := range bigram.Distinct(normalize(g.Name)) {
				if id, ok := slices.BinarySearch(x.vocab, b); ok {
					c.bits[id/64] |= 1 << (id % 64)
				} else {
					c.other = append(c.other, b)
				}
			}
		}
		slices.Sort(c.other)
		c.other = slices.Compact(c.other)
		out[k] = c
	}
	return out
}

// cover is the share of t's distinct bigrams that c holds (0 for a pillar
// without bullets).
func (c *pillarGrams) cover(t *gramText) float64 {
	if c == nil {
		return 0
	}
	n := 0
	for i, id := range t.id {
		if id != noGram {
			if c.bits[id/64]>>(id%64)&1 != 0 {
				n++
			}
		} else if _, ok := slices.BinarySearch(c.other, t.uniq[i]); ok {
			n++
		}
	}
	return cover(n, len(t.uniq))
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
	// sorted are the grams sorted, each repeat after its first occurrence;
	// order their places
	sorted, order := x.sg.take(n), x.si.take(n)
	copy(sorted, t.grams)
	sortGrams(sorted, order)
	t.at = x.si.take(n)
	for i := range t.at {
		t.at[i] = -1
	}
	for i, o := range order {
		if i == 0 || sorted[i-1] != sorted[i] {
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
		if i > 0 && sorted[i-1] == sorted[i] {
			t.at[o] = t.at[order[i-1]]
			continue
		}
		u := t.at[o]
		j, found := slices.BinarySearch(x.vocab[lo:], sorted[i])
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
