package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph/internal/bigram"
)

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
