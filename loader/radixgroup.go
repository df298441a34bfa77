package loader

import "slices"

// groupSort orders keys by their bits from bit low up, in no particular
// order among keys equal there: the bigram numberings (bigramIDsBySort,
// sortGrams) pack a bag or place in the low bits and read only the runs of
// equal high bits. One in-place pass on the top 11 bits (American flag
// sort), then least-significant-digit passes inside each of those buckets,
// with a scratch array as large as the largest of them. A bucket of more
// than splitMin keys (the katakana, 29% of the corpus's EVOLVES_FROM
// bigrams) is first split in place on its next 11 bits, and its parts
// sorted so: the scratch array is then a quarter of what one for the
// katakana was, or less (BenchmarkGroupSort).
func groupSort[K ~uint64](keys []K, low uint) {
	const top = 64 - 11 // the first digit is bits top..63
	var start, sub [1<<11 + 1]int32
	flagPass(keys, top, &start)
	if low >= top {
		return
	}
	// The buckets to sort by digits, each equal from bit high up, and
	// the size of the largest.
	type part struct {
		keys []K
		high uint
	}
	parts := make([]part, 0, 64)
	largest := 0
	add := func(b []K, high uint) {
		if len(b) > 1 {
			parts = append(parts, part{b, high})
			largest = max(largest, len(b))
		}
	}
	for d := range 1 << 11 {
		b := keys[start[d]:start[d+1]]
		if len(b) <= splitMin || top-11 <= low {
			add(b, top)
			continue
		}
		flagPass(b, top-11, &sub)
		for e := range 1 << 11 {
			if p := b[sub[e]:sub[e+1]]; len(p) < sortMin {
				slices.Sort(p)
			} else {
				add(p, top-11)
			}
		}
	}
	tmp := make([]K, largest)
	for _, p := range parts {
		sortDigits(p.keys, tmp[:len(p.keys)], low, p.high)
	}
}

// splitMin: a bucket of more keys than this is split again before its
// digits are sorted; sortMin: a part of fewer keys than this is sorted by
// comparisons, which costs less than the 256 counts of a digit pass.
const (
	splitMin = 2048
	sortMin  = 64
)

// flagPass orders keys in place by their 11 bits from bit shift, all
// else left, and sets where each digit's keys start (start[d]) and end
// (start[d+1]).
func flagPass[K ~uint64](keys []K, shift uint, start *[1<<11 + 1]int32) {
	*start = [1<<11 + 1]int32{}
	for _, k := range keys {
		start[k>>shift&(1<<11-1)+1]++
	}
	for d := range 1 << 11 {
		start[d+1] += start[d]
	}
	next := *start // next[d]: the first place of bucket d not yet filled
	for d := range 1 << 11 {
		for next[d] < start[d+1] {
			k := keys[next[d]]
			if kd := int(k >> shift & (1<<11 - 1)); kd != d {
				keys[next[d]], keys[next[kd]] = keys[next[kd]], k
				next[kd]++
				continue
			}
			next[d]++
		}
	}
}

// sortDigits sorts keys by their bits low..high (and a few above, equal in
// keys) with tmp, as long as keys: stable passes of 8 bits, a pass skipped
// when every key has the same digit there.
func sortDigits[K ~uint64](keys, tmp []K, low, high uint) {
	const digit = 8
	src, dst := keys, tmp
	var count [1 << digit]int32
	for shift := low; shift < high; shift += digit {
		clear(count[:])
		for _, k := range src {
			count[k>>shift&(1<<digit-1)]++
		}
		if int(count[src[0]>>shift&(1<<digit-1)]) == len(src) {
			continue
		}
		sum := int32(0)
		for d, c := range count {
			count[d], sum = sum, sum+c
		}
		for _, k := range src {
			d := k >> shift & (1<<digit - 1)
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
