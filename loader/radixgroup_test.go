package loader

import (
	"cmp"
	"slices"
	"testing"
)

// TestGroupSort: keys come out ordered by their bits from low up, the same
// keys as went in, whatever their spread over the top digit (one bucket,
// many, one holding most) and their number.
func TestGroupSort(t *testing.T) {
	x := uint64(88172645463325252)
	rnd := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	for _, low := range []uint{22, 31, 42, 45, 53, 60} {
		for _, n := range []int{0, 1, 2, 100, 5000, 30000} {
			for name, key := range map[string]func(i int) uint64{
				"any":      func(int) uint64 { return rnd() },
				"packed":   func(i int) uint64 { return (0x3000+rnd()%0x7000)<<43 | (0x3000+rnd()%0x7000)<<22 | uint64(i) },
				"katakana": func(i int) uint64 { return (0x30A1+rnd()%90)<<43 | rnd()%0x7000<<22 | uint64(i) },
				"repeats":  func(i int) uint64 { return rnd()%7<<50 | uint64(i) },
			} {
				keys := make([]uint64, n)
				for i := range keys {
					keys[i] = key(i)
				}
				want := slices.Clone(keys)
				slices.Sort(want)
				groupSort(keys, low)
				if !slices.IsSortedFunc(keys, func(a, b uint64) int { return cmp.Compare(a>>low, b>>low) }) {
					t.Errorf("%s, low %d, %d keys: not ordered by the high bits", name, low, n)
				}
				slices.Sort(keys)
				if !slices.Equal(keys, want) {
					t.Errorf("%s, low %d, %d keys: not the keys given", name, low, n)
				}
			}
		}
	}
}

// BenchmarkGroupSort sorts the packed keys bigramIDsBySort sorts for the
// corpus's EVOLVES_FROM bags, and those sortGramsCarrying sorts for the
// 2023 detail bullets (newGramIndex), each run on a fresh copy.
//
//	go test -run '^$' -bench GroupSort -benchmem ./loader
func BenchmarkGroupSort(b *testing.B) {
	later, earlier, _ := benchEvolveInputs(b)
	var evolves []uint64
	for bag, it := range append(later, earlier...) {
		s, _, _ := it.wordText()
		for _, g := range simWords(nil, s) {
			a, c := uint64(g>>32), uint64(uint32(g))
			evolves = append(evolves, (a<<idRuneBits|c)<<idBagBits|uint64(bag))
		}
	}
	var bullets []uint64
	for _, d := range loadSeedDocs(b) {
		if d.entry.Year != 2023 {
			continue
		}
		p, err := read2023(d.t)
		if err != nil {
			b.Fatal(err)
		}
		e := 0
		for _, ms := range p.detail {
			for _, m := range ms {
				for _, g := range appendGrams(nil, d.t.normalize(m.Text)) {
					a, c := g.Runes()
					bullets = append(bullets, uint64(a)<<43|uint64(c)<<22|uint64(e)<<1)
				}
				e++
			}
		}
	}
	for _, bc := range []struct {
		name string
		keys []uint64
	}{{"evolves", evolves}, {"bullets", bullets}} {
		b.Run(bc.name, func(b *testing.B) {
			work := make([]uint64, len(bc.keys))
			b.ReportAllocs()
			for b.Loop() {
				copy(work, bc.keys)
				groupSort(work, 22)
			}
		})
	}
}
