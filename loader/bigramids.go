package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph/internal/bigram"
)

// bigramIDs numbers the bigrams of the bags by rank among the distinct
// ones: flat holds every bag's ids, bag after bag, and nIDs is the number
// of distinct bigrams.
//
// The bigrams are sorted packed with their position (two 21-bit runes, a
// 22-bit position: one uint64 each), so the ranks come from one sort of
// integers, with no map; a bag set too large to pack (over 4M bigrams, or
// a rune past U+1FFFFF) is numbered through a map instead.
func bigramIDs(bags [][]bigram.Bigram) (flat []int32, nIDs int) {
	total := 0
	for _, b := range bags {
		total += len(b)
	}
	flat = make([]int32, total)
	if n, ok := bigramIDsBySort(bags, flat); ok {
		return flat, n
	}
	return flat, bigramIDsByMap(bags, flat)
}

const (
	idRuneBits = 21
	idPosBits  = 64 - 2*idRuneBits
)

func bigramIDsBySort(bags [][]bigram.Bigram, flat []int32) (int, bool) {
	if len(flat) >= 1<<idPosBits {
		return 0, false
	}
	keys := make([]uint64, 0, len(flat))
	for _, b := range bags {
		for _, g := range b {
			a, c := uint64(g>>32), uint64(uint32(g))
			if a >= 1<<idRuneBits || c >= 1<<idRuneBits {
				return 0, false
			}
			keys = append(keys, (a<<idRuneBits|c)<<idPosBits|uint64(len(keys)))
		}
	}
	groupSort(keys, idPosBits)
	id, prev := int32(-1), ^uint64(0)
	for _, k := range keys {
		if g := k >> idPosBits; g != prev {
			id, prev = id+1, g
		}
		flat[k&(1<<idPosBits-1)] = id
	}
	return int(id + 1), true
}

// bigramIDsByMap numbers by first sight, then renumbers by rank: sorting
// the distinct bigrams is a fraction of sorting them all.
func bigramIDsByMap(bags [][]bigram.Bigram, flat []int32) int {
	seen := map[bigram.Bigram]int32{}
	var vocab []bigram.Bigram
	for _, b := range bags {
		for _, g := range b {
			if _, ok := seen[g]; !ok {
				seen[g] = int32(len(vocab))
				vocab = append(vocab, g)
			}
		}
	}
	order := make([]int32, len(vocab))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(vocab[a], vocab[b]) })
	rank := make([]int32, len(vocab))
	for r, i := range order {
		rank[i] = int32(r)
	}
	k := 0
	for _, b := range bags {
		for _, g := range b {
			flat[k] = rank[seen[g]]
			k++
		}
	}
	return len(vocab)
}
