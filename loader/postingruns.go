package loader

// postingRuns finds, by hashing, the run of a key in a sorted list of
// packed postings (a key in the high bits, a label in the low ones): the
// place of its first posting. A lookup is one probe or a few, where a
// binary search over the postings was a dozen mispredicted steps a key.
// The table holds a place per run and is at most two thirds full: 4 KB
// for the 1,071 bigrams of the 2025 direction bullets, whose places fit a
// uint16 (small); larger lists take an int32 a place (large).
type postingRuns struct {
	post  []uint64
	shift uint // the label's bits: a posting's key is post[x] >> shift
	// 1 + the place of a run's first posting, 0 for none, in one of them
	small []uint16
	large []int32
	bits  uint // the table has 1 << bits places
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
	r := &postingRuns{post: post, shift: shift, bits: bits}
	if len(post) < 1<<16 {
		r.small = make([]uint16, 1<<bits)
	} else {
		r.large = make([]int32, 1<<bits)
	}
	mask := uint64(1)<<bits - 1
	for x := range post {
		if x > 0 && post[x]>>shift == post[x-1]>>shift {
			continue
		}
		h := r.hash(post[x] >> shift)
		for r.at(h) != 0 {
			h = (h + 1) & mask
		}
		if r.small != nil {
			r.small[h] = uint16(x + 1)
		} else {
			r.large[h] = int32(x + 1)
		}
	}
	return r
}

func (r *postingRuns) hash(key uint64) uint64 {
	return key * 0x9E3779B97F4A7C15 >> (64 - r.bits)
}

// at is the table's place h: 1 + the place of a run's first posting, 0
// for none.
func (r *postingRuns) at(h uint64) int {
	if r.small != nil {
		return int(r.small[h])
	}
	return int(r.large[h])
}

// first returns the place of the first posting of key, and false when
// no posting has it.
func (r *postingRuns) first(key uint64) (int, bool) {
	mask := uint64(1)<<r.bits - 1
	for h := r.hash(key); ; h = (h + 1) & mask {
		s := r.at(h)
		if s == 0 {
			return 0, false
		}
		if r.post[s-1]>>r.shift == key {
			return s - 1, true
		}
	}
}
