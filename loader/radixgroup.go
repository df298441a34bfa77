package loader

// groupSort orders keys by their bits from bit low up, in no particular
// order among keys equal there: the bigram numberings (bigramIDsBySort,
// sortGrams) pack a place in the low bits and read only the runs of equal
// high bits. One in-place pass on the top 11 bits (American flag sort),
// then least-significant-digit passes of 11 bits inside each of those
// buckets, so the scratch array is the largest bucket (29% of the corpus's
// EVOLVES_FROM bigrams, the katakana) rather than all the keys, as a
// least-significant-digit sort of the whole needs.
func groupSort[K ~uint64](keys []K, low uint) {
	const top = 64 - 11 // the first digit is bits top..63
	var start [1<<11 + 1]int32
	for _, k := range keys {
		start[k>>top+1]++
	}
	largest := int32(0)
	for d := range 1 << 11 {
		largest = max(largest, start[d+1])
		start[d+1] += start[d]
	}
	next := start // next[d]: the first place of bucket d not yet filled
	for d := range 1 << 11 {
		for next[d] < start[d+1] {
			k := keys[next[d]]
			if kd := int(k >> top); kd != d {
				keys[next[d]], keys[next[kd]] = keys[next[kd]], k
				next[kd]++
				continue
			}
			next[d]++
		}
	}
	if low >= top {
		return
	}
	tmp := make([]K, largest)
	for d := range 1 << 11 {
		if b := keys[start[d]:start[d+1]]; len(b) > 1 {
			sortDigits(b, tmp[:len(b)], low, top)
		}
	}
}

// sortDigits sorts keys by their bits low..high (and a few above, equal in
// keys) with tmp, as long as keys: stable passes of 11 bits, a pass skipped
// when every key has the same digit there.
func sortDigits[K ~uint64](keys, tmp []K, low, high uint) {
	const digit = 11
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
