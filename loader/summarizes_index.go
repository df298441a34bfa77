package loader

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
	"github.com/policygraph/policygraph/internal/nfkc"
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
	idf     []float64 // by df: log((N+1)/(df+1)) over the N detail bullets (a gram's df is its postings')
	idfNone float64   // that of a bigram no bullet holds
	bullets map[*policygraph.Measure]*bulletGrams
	// the bullets as the pillars list them, pillar after pillar by key
	// (entries; a bullet listed twice has its first place's grams), each
	// pillar's span of them, and each gram's postings: the entries
	// holding it, ascending, post[off[id]:off[id+1]]
	entries []*bulletGrams
	pillars map[string][2]int
	off     []int32
	post    []int32
	pos     []int32 // by id: the open text's grams (open)
	// the scratch the texts of a cell are read into (reset)
	sg scratch[bigram.Bigram]
	si scratch[int32]
	su scratch[uint32]
	sf scratch[float64]
	sk scratch[gramAt]
	st scratch[gramText]
	sb scratch[bool]
}

// bulletGrams is what the rules read of one detail bullet.
type bulletGrams struct {
	i    int      // index among the document's bullets, for per-bullet flags
	ids  []uint32 // the distinct bigrams of its text in matching form (normalize)
	head []uint32 // those of its headline (headline23); nil when shorter than headlineRunes
	sub  string   // its （…） sub-heading in matching form, when of ≥ clauseRunes runes (subheadings)
}

// subheadings gives the bullets their sub-headings (subOf) that the
// subheading rule reads.
func (x *gramIndex) subheadings(subOf map[*policygraph.Measure]string) {
	for m, sub := range subOf {
		if bg := x.bullets[m]; bg != nil && utf8.RuneCountInString(sub) >= clauseRunes {
			bg.sub = sub
		}
	}
}

// newGramIndex indexes the bullets of detail (pillar key → bullets).
func newGramIndex(t *docText, detail map[string][]*policygraph.Measure) *gramIndex {
	type entry struct {
		m        *policygraph.Measure
		text     string       // in matching form
		n, heads int          // its grams; those of its headline, its first places (0 when shorter than headlineRunes)
		bg       *bulletGrams // nil when listed before: indexed at its first place
	}
	n := 0
	for _, ms := range detail {
		n += len(ms)
	}
	es := make([]entry, 0, n) // the bullets as the lists hold them (df counts each)
	size, heads := 0, 0       // the grams of the texts, of the heads
	pillars := make(map[string][2]int, len(detail))
	for _, k := range slices.Sorted(maps.Keys(detail)) {
		pillars[k] = [2]int{len(es), len(es) + len(detail[k])}
		for _, m := range detail[k] {
			e := entry{m: m, text: t.normalize(m.Text)}
			runes, h := headlineRunes23(e.text)
			e.n = max(runes-1, 0)
			if h >= headlineRunes {
				e.heads = h - 1 // a headline is the start of its text
			}
			size, heads = size+e.n, heads+e.heads
			es = append(es, e)
		}
	}
	x := &gramIndex{bullets: make(map[*policygraph.Measure]*bulletGrams, len(es)), pillars: pillars,
		entries: make([]*bulletGrams, 0, len(es))}
	bgs := make([]bulletGrams, 0, len(es))
	// every gram of every bullet, labelled with its entry and whether it
	// is one of the headline's, sorted: a run of equal grams is one id,
	// and the entries in it are those that hold it
	gs := make([]bigram.Bigram, 0, size)
	lab := make([]int32, size)
	ids := make([]uint32, size)      // each bullet's, at its places: never grown
	headIDs := make([]uint32, heads) // the same for the headlines
	at, h := 0, 0
	for i := range es {
		e := &es[i]
		gs = appendGrams(gs, e.text)
		for k := range e.n {
			lab[at+k] = int32(i) << 1
			if k < e.heads {
				lab[at+k] |= 1
			}
		}
		if x.bullets[e.m] == nil {
			bgs = append(bgs, bulletGrams{i: len(bgs), ids: ids[at : at : at+e.n]})
			e.bg = &bgs[len(bgs)-1]
			x.bullets[e.m] = e.bg
			if e.heads > 0 {
				e.bg.head = headIDs[h : h : h+e.heads]
			}
		}
		at, h = at+e.n, h+e.heads
		x.entries = append(x.entries, x.bullets[e.m])
	}
	sortGramsCarrying(gs, lab)
	runs := 0
	for i, g := range gs {
		if i == 0 || gs[i-1] != g {
			runs++
		}
	}
	// The vocabulary is written over gs as it is read (one bigram a run,
	// never past the run being read): gs is done with after. Ids grow
	// run by run, so each bullet's are appended sorted.
	x.vocab, x.idf = gs[:0:runs], make([]float64, len(es)+1)
	for df := range x.idf {
		x.idf[df] = math.Log(float64(len(es)+1) / float64(df+1))
	}
	seen := make([]uint32, 2*len(es)) // by entry, then by entry's headline: 1 + the last id counted
	x.off = make([]int32, runs+1)     // off[id+1] = off[id] + df
	for i := 0; i < len(gs); {
		g, id := gs[i], uint32(len(x.vocab))
		df := 0
		j := i
		for ; j < len(gs) && gs[j] == g; j++ {
			e := lab[j] >> 1
			if seen[e] != id+1 {
				seen[e] = id + 1
				df++
				if bg := es[e].bg; bg != nil {
					bg.ids = append(bg.ids, id)
				}
			}
			if lab[j]&1 != 0 && seen[len(es)+int(e)] != id+1 {
				seen[len(es)+int(e)] = id + 1
				if bg := es[e].bg; bg != nil {
					bg.head = append(bg.head, id)
				}
			}
		}
		x.vocab = append(x.vocab, g)
		x.off[id+1] = x.off[id] + int32(df)
		i = j
	}
	// The postings, entry by entry (so each list is ascending), over lab,
	// done with: an entry's distinct grams are at most its grams.
	// off[id] is the next place of id's list while they are written,
	// then the start of the next list: moved up one place after.
	x.post = lab[:x.off[runs]]
	for e, bg := range x.entries {
		for _, id := range bg.ids {
			x.post[x.off[id]] = int32(e)
			x.off[id]++
		}
	}
	copy(x.off[1:], x.off[:runs])
	x.off[0] = 0
	for i := range bgs {
		bg := &bgs[i]
		bg.ids = bg.ids[:len(bg.ids):len(bg.ids)]
		if bg.head != nil {
			bg.head = bg.head[:len(bg.head):len(bg.head)]
		}
	}
	x.idfNone = math.Log(float64(len(es) + 1))
	x.pos = make([]int32, len(x.vocab))
	return x
}

// appendGrams appends the bigrams of s in text order, each pair of
// neighbouring runes (none for one rune).
func appendGrams(dst []bigram.Bigram, s string) []bigram.Bigram {
	if s == "" {
		return dst
	}
	prev, i := nfkc.DecodeRune(s, 0)
	for i < len(s) {
		r, ok := nfkc.Decode3(s, i) // inlined: most runes are read so
		n := 3
		if !ok {
			r, n = nfkc.DecodeRune(s, i)
		}
		dst = append(dst, bigram.Of(prev, r))
		prev, i = r, i+n
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
			for _, b := range bigram.Distinct(p.t.normalize(g.Name)) {
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

// headlineRunes23 returns the runes of n, a bullet's text in matching
// form, and those of its headline23, in one walk.
func headlineRunes23(n string) (runes, head int) {
	head = -1
	for i := 0; i < len(n); runes++ {
		r, ok := nfkc.Decode3(n, i) // inlined: most runes are read so
		w := 3
		if !ok {
			r, w = nfkc.DecodeRune(n, i)
		}
		if head < 0 && (r == '(' || r == ':' || r == '（' || r == '：') {
			head = runes
		}
		i += w
	}
	if head < 0 {
		head = runes
	}
	return runes, head
}

// headline23 is a bullet's headline in matching form: the normalized text
// n before the first bracket or colon.
func headline23(n string) string {
	if i := strings.IndexAny(n, "(:（："); i >= 0 {
		return n[:i]
	}
	return n
}
