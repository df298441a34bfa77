package loader

import (
	"cmp"
	"slices"

	"github.com/policygraph/policygraph/internal/bigram"
)

// sortGrams sorts gs in place by bigram (equal ones in no particular
// order: only their runs are read) and sets order[i] to the place gs[i]
// came from.
func sortGrams(gs []bigram.Bigram, order []int32) {
	for i := range order {
		order[i] = int32(i)
	}
	sortGramsCarrying(gs, order)
}

// sortGramsCarrying sorts gs in place by bigram and moves each label of
// lab (lab[i] that of gs[i]) with its bigram; equal bigrams are in no
// particular order. When every label is below 2²² each is packed with its
// bigram's two runes (21 bits each) into one integer, sorted as such and
// unpacked; else the places are sorted comparing the bigrams, then the
// labels.
func sortGramsCarrying(gs []bigram.Bigram, lab []int32) {
	const labBits = 22
	packed := len(gs) < 1<<labBits
	for i, g := range gs {
		if a, b := g.Runes(); uint32(a) >= 1<<21 || uint32(b) >= 1<<21 || uint32(lab[i]) >= 1<<labBits {
			packed = false
			break
		}
	}
	if !packed {
		orig, olab := slices.Clone(gs), slices.Clone(lab)
		order := make([]int, len(gs))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(orig[a], orig[b]), cmp.Compare(olab[a], olab[b]))
		})
		for i, o := range order {
			gs[i], lab[i] = orig[o], olab[o]
		}
		return
	}
	for i, g := range gs {
		a, b := g.Runes()
		gs[i] = bigram.Bigram(uint64(a)<<(21+labBits) | uint64(b)<<labBits | uint64(lab[i]))
	}
	if len(gs) < radixMin {
		slices.Sort(gs)
	} else {
		groupSort(gs, labBits)
	}
	for i, k := range gs {
		lab[i] = int32(k & (1<<labBits - 1))
		gs[i] = bigram.Of(rune(k>>(21+labBits)), rune(k>>labBits&(1<<21-1)))
	}
}

// radixMin: on packed keys of Japanese bigrams, slices.Sort and a radix
// sort (the whole-array one groupSort replaced) took about as long for
// 1,024 keys, and the radix sort less than half as long for 20,000 (the
// 2023 index), in a benchmark run once, not kept.
const radixMin = 1024
