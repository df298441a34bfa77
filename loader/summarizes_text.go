package loader

import (
	"slices"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// What the overview-cell rules read of a cell or of a clause of it
// (gramText), read against the bullet index (summarizes_index.go) into
// scratch kept from cell to cell, and how they compare it with a bullet:
// the text is opened (its grams marked in gramIndex.pos by id) and each
// bullet's ids are looked up there.

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
	// sorted are the grams sorted, order their places; the places of equal
	// grams are in no particular order (sortGrams), so a run's first
	// occurrence is its least place
	sorted, order := x.sg.take(n), x.si.take(n)
	copy(sorted, t.grams)
	sortGrams(sorted, order)
	t.at = x.si.take(n)
	for i := range t.at {
		t.at[i] = -1
	}
	for i := 0; i < len(order); {
		first, j := order[i], i+1
		for ; j < len(order) && sorted[j] == sorted[i]; j++ {
			first = min(first, order[j])
		}
		t.at[first] = 0 // a first occurrence, numbered below
		i = j
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
	for i := 0; i < len(order); {
		j := i + 1
		for ; j < len(order) && sorted[j] == sorted[i]; j++ {
		}
		u := int32(-1) // the run's number, at its first occurrence
		for _, o := range order[i:j] {
			u = max(u, t.at[o])
		}
		for _, o := range order[i:j] {
			t.at[o] = u
		}
		g := sorted[i]
		i = j
		lo += lowerBound(x.vocab[lo:], g)
		t.id[u], t.weight[u] = noGram, x.idfNone
		if lo < len(x.vocab) && x.vocab[lo] == g {
			t.id[u], t.weight[u] = uint32(lo), x.idf[x.off[lo+1]-x.off[lo]]
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

// lowerBound is slices.BinarySearch's index: the first place of v (sorted)
// not below g (TestLowerBound). Its halving step is written so that the
// compiler makes it a conditional move (go1.26, amd64), not a branch: a
// cell's grams are spread over the vocabulary, so a search's branches are
// mispredicted half the time (BenchmarkSummaries 6.3 -> 5.9 ms, medians of
// six noisy runs).
func lowerBound(v []bigram.Bigram, g bigram.Bigram) int {
	if len(v) == 0 {
		return 0
	}
	base, n := 0, len(v)
	for n > 1 {
		half := n / 2
		below := 0 // 1 when v[base+half] < g: a flag set, not a jump
		if v[base+half] < g {
			below = 1
		}
		base += below * half
		n -= half
	}
	if v[base] < g {
		base++
	}
	return base
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

// listOf returns the grams of the bullets of detail, pillar key's list
// (whole) or the part of it an actor's cell reads, and what tells how
// many grams of the open text each of them holds: read off the postings
// for the whole list, whose bullets are the pillar's span of the entries;
// compared bullet by bullet for a part.
func (x *gramIndex) listOf(key string, detail []*policygraph.Measure, whole bool) ([]*bulletGrams, heldCounts) {
	if sp, ok := x.pillars[key]; whole && ok && sp[1]-sp[0] == len(detail) {
		return x.entries[sp[0]:sp[1]], heldCounts{x: x, lo: sp[0], counts: x.si.take(len(detail))}
	}
	bgs := make([]*bulletGrams, len(detail))
	for i, m := range detail {
		bgs[i] = x.bullets[m]
	}
	return bgs, heldCounts{x: x}
}

// heldCounts is how many grams of the open text each bullet of a list
// holds: counted from the postings of the text's grams in the list's span
// of entries (lo on) when counts is set, else by common.
type heldCounts struct {
	x      *gramIndex
	lo     int
	counts []int32 // by place in the list
}

// count reads the counts of t, the text just opened. Its work is the
// pairs of a gram of t and a bullet of the list holding it (and, a gram,
// a binary search or a walk of at most 16 entries to the list's span),
// within a constant of comparing t with each bullet.
func (h heldCounts) count(t *gramText) {
	if h.counts == nil {
		return
	}
	clear(h.counts)
	lo, hi := int32(h.lo), int32(h.lo+len(h.counts))
	for _, k := range t.known {
		post := h.x.post[h.x.off[k.id]:h.x.off[k.id+1]]
		j := 0 // the first entry of the span: walked to in a short list
		if len(post) > 16 {
			j, _ = slices.BinarySearch(post, lo)
		}
		for j < len(post) && post[j] < lo {
			j++
		}
		for _, e := range post[j:] {
			if e >= hi {
				break
			}
			h.counts[e-lo]++
		}
	}
}

// none reports whether bullet i of the list is known to hold none of the
// open text's grams (false when not counted).
func (h heldCounts) none(i int) bool { return h.counts != nil && h.counts[i] == 0 }

// below reports whether bullet i of the list is known to hold too few of
// the open text's grams for a set of n of its grams to reach cover min:
// a subset holds no more of them than the bullet does.
func (h heldCounts) below(i, n int, min float64) bool {
	return h.counts != nil && cover(int(h.counts[i]), n) < min
}

// of is the number of the open text's grams that bullet i of the list,
// whose set is ids, holds.
func (h heldCounts) of(i int, ids []uint32) int {
	if h.counts != nil {
		return int(h.counts[i])
	}
	return h.x.common(ids)
}
