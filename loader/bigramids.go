package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph/internal/bigram"
)

// wordBags are the bags of bigrams EVOLVES_FROM compares, as texts: bag b
// is the words of texts[b] (simWords), lens[b] of them. The bigrams are
// read from the texts where they are numbered (bigramIDs), not kept: the
// documents' items held them as an array of bigrams each (0.19 MB a load).
type wordBags struct {
	texts []string
	lens  []int32
}

// add appends a bag: the words of text, n bigrams (bigram.WordsLen).
func (b *wordBags) add(text string, n int) {
	b.texts = append(b.texts, text)
	b.lens = append(b.lens, int32(n))
}

// bigramIDs numbers the bigrams of the bags by rank among the distinct
// ones: flat holds every bag's ids, bag after bag, each bag's ascending
// (so in the order of its sorted bigrams), and nIDs is the number of
// distinct bigrams.
//
// The bigrams are sorted packed with their bag (two 21-bit runes, a 22-bit
// bag: one uint64 each), so the ranks come from one sort of integers, with
// no map, and each bag's ids are written in ascending order; more than 4M
// bags are numbered through a map instead.
func bigramIDs(bags wordBags) (flat []int32, nIDs int) {
	total := 0
	for _, n := range bags.lens {
		total += int(n)
	}
	flat = make([]int32, total)
	if len(bags.lens) < 1<<idBagBits {
		return flat, bigramIDsBySort(bags, flat)
	}
	nIDs = bigramIDsByMap(bags, flat)
	at := 0
	for _, n := range bags.lens {
		slices.Sort(flat[at : at+int(n)])
		at += int(n)
	}
	return flat, nIDs
}

// A rune read from a string is at most U+10FFFF: 21 bits.
const (
	idRuneBits = 21
	idBagBits  = 64 - 2*idRuneBits
)

// each calls f with the bigrams of each bag in turn, in text order, in
// one buffer reused from bag to bag.
func (b wordBags) each(f func(bag int, words []bigram.Bigram)) {
	var words []bigram.Bigram
	for i, s := range b.texts {
		words = simWords(words[:0], s)
		f(i, words)
	}
}

// bigramIDsBySort numbers the bigrams of bags, fewer than 1<<idBagBits,
// into flat, each bag's ascending.
func bigramIDsBySort(bags wordBags, flat []int32) int {
	keys := make([]uint64, 0, len(flat))
	bags.each(func(bag int, words []bigram.Bigram) {
		for _, g := range words {
			a, c := uint64(g>>32), uint64(uint32(g))
			keys = append(keys, (a<<idRuneBits|c)<<idBagBits|uint64(bag))
		}
	})
	groupSort(keys, idBagBits)
	next := make([]int32, len(bags.lens)) // the next place of each bag in flat
	at := int32(0)
	for b, n := range bags.lens {
		next[b], at = at, at+n
	}
	id, prev := int32(-1), ^uint64(0)
	for _, k := range keys {
		if g := k >> idBagBits; g != prev {
			id, prev = id+1, g
		}
		b := k & (1<<idBagBits - 1)
		flat[next[b]] = id
		next[b]++
	}
	return int(id + 1)
}

// bigramIDsByMap numbers by first sight, then renumbers by rank (sorting
// the distinct bigrams is a fraction of sorting them all), into flat in
// text order.
func bigramIDsByMap(bags wordBags, flat []int32) int {
	seen := map[bigram.Bigram]int32{}
	var vocab []bigram.Bigram
	k := 0
	bags.each(func(_ int, words []bigram.Bigram) {
		for _, g := range words {
			i, ok := seen[g]
			if !ok {
				i = int32(len(vocab))
				seen[g] = i
				vocab = append(vocab, g)
			}
			flat[k] = i
			k++
		}
	})
	order := make([]int32, len(vocab))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(vocab[a], vocab[b]) })
	rank := make([]int32, len(vocab))
	for r, i := range order {
		rank[i] = int32(r)
	}
	for k, i := range flat {
		flat[k] = rank[i]
	}
	return len(vocab)
}
