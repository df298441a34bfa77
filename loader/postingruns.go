package loader

// postingRuns finds, by hashing, the run of a key in a sorted list of
// packed postings (a key in the high bits, a label in the low ones): the
// place of its first posting. A lookup is one probe or a few, where a
// binary search over the postings was a dozen mispredicted steps a key.
// The table holds a place per run, as an int32, and is at most two
// thirds full: 8 KB for the 1,071 bigrams of the 2025 direction bullets.
type postingRuns struct {
	post  []uint64
	shift uint    // the label's bits: a posting's key is post[x] >> shift
	slot  []int32 // 1 + the place of a run's first posting, 0 for none
	bits  uint    // len(slot) is 1 << bits
}

// newPostingRuns indexes the runs of post, sorted, whose keys are above
// shift. post must have fewer than 1<<31 postings.
func newPostingRuns(post []uint64, shift uint) *postingRuns {
	runs := 0
	for x := range post {
		if x == 0 || post[x]>>shift != post[x-1]>>shift {
			runs++
		}
	}
	bits := uint(4)
	for 1<<bits < runs+runs/2 { // at most two thirds full: probes stay short
		bits++
	}
	r := &postingRuns{post: post, shift: shift, slot: make([]int32, 1<<bits), bits: bits}
	for x := range post {
		if x > 0 && post[x]>>shift == post[x-1]>>shift {
			continue
		}
		mask := uint64(len(r.slot) - 1)
		for h := r.hash(post[x] >> shift); ; h = (h + 1) & mask {
			if r.slot[h] == 0 {
				r.slot[h] = int32(x + 1)
				break
			}
		}
	}
	return r
}

func (r *postingRuns) hash(key uint64) uint64 {
	return key * 0x9E3779B97F4A7C15 >> (64 - r.bits)
}

// first returns the place of the first posting of key, and false when
// no posting has it.
func (r *postingRuns) first(key uint64) (int, bool) {
	mask := uint64(len(r.slot) - 1)
	for h := r.hash(key); ; h = (h + 1) & mask {
		s := r.slot[h]
		if s == 0 {
			return 0, false
		}
		if r.post[s-1]>>r.shift == key {
			return int(s - 1), true
		}
	}
}
