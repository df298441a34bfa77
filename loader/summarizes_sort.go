package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph/internal/bigram"
)

// sortGrams sorts gs in place by bigram (equal ones in no particular
// order: only their runs are read) and sets order[i] to the place gs[i]
// came from. Below 2²² places each
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
		groupSort(gs, placeBits)
	}
	for i, k := range gs {
		order[i] = int32(k & (1<<placeBits - 1))
		gs[i] = bigram.Of(rune(k>>(21+placeBits)), rune(k>>placeBits&(1<<21-1)))
	}
}

// radixMin: on packed keys of Japanese bigrams, slices.Sort and a radix
// sort (the whole-array one groupSort replaced) took about as long for
// 1,024 keys, and the radix sort less than half as long for 20,000 (the
// 2023 index), in a benchmark run once, not kept.
const radixMin = 1024
