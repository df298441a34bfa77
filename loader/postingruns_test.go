package loader

import (
	"slices"
	"testing"
)

// TestPostingRuns: first finds the first posting of every key held and no
// place for a key not held, as a search of the sorted postings does,
// whether the table is nearly empty or as full as it gets, its places
// uint16s or int32s.
func TestPostingRuns(t *testing.T) {
	const shift = 8
	tests := []struct {
		name string
		keys []uint64 // each key's postings: labels 0..k%3
	}{
		{"one key", []uint64{7}},
		{"neighbours", []uint64{1, 2, 3, 4, 5}},
		{"spread", []uint64{0, 1 << 20, 1 << 40, 1<<55 - 1}},
		{"many", func() []uint64 {
			var ks []uint64
			for k := uint64(0); k < 1500; k++ {
				ks = append(ks, k*k*2654435761%(1<<40))
			}
			return ks
		}()},
		{"places past a uint16", func() []uint64 { // two postings a key on average: over 65,536
			var ks []uint64
			for k := uint64(0); k < 50000; k++ {
				ks = append(ks, k*2654435761%(1<<40))
			}
			return ks
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var post []uint64
			for _, k := range tc.keys {
				for l := range k%3 + 1 {
					post = append(post, k<<shift|l)
				}
			}
			slices.Sort(post)
			held := map[uint64]bool{}
			for _, k := range tc.keys {
				held[k] = true
			}
			r := newPostingRuns(post, shift)
			if (r.large != nil) != (len(post) >= 1<<16) {
				t.Errorf("%d postings: int32 places %v", len(post), r.large != nil)
			}
			for _, k := range tc.keys {
				want, _ := slices.BinarySearch(post, k<<shift)
				if got, ok := r.first(k); !ok || got != want {
					t.Errorf("first(%d) = %d, %v; want %d, true", k, got, ok, want)
				}
				for _, absent := range []uint64{k + 1, k ^ 1<<30, k + 1<<50} {
					if held[absent] {
						continue
					}
					if got, ok := r.first(absent); ok {
						t.Errorf("first(%d) = %d, true; want no posting", absent, got)
					}
				}
			}
		})
	}
}
