package loader

import (
	"slices"
	"sort"
	"strings"
)

// scoreRow is a later measure's scores against the earlier measures from
// scoreRowMin (j ascending). Of the 110k pairs of the corpus 41k share a
// bigram and 687 score from scoreRowMin; the dense later × earlier matrix
// was the largest allocation of a load (0.9 MB). The rows are made one at
// a time in one dense buffer (rowMaker), so every score is summed as
// before, and what reads a whole row (bestInPillar) is taken there.
type scoreRow struct {
	j []int32
	s []float64
}

// scoreRowMin is the lowest threshold a score of a row is compared with:
// a score below it is below every threshold, as 0 is, so a row leaves it
// out and at reads 0 for it.
const scoreRowMin = min(evolveMin, evolveInPillarMin, evolveDirectionMin, evolveDirectionPillarMin, evolveSiblingOwnMin)

// at is the score against earlier[j] (0 below scoreRowMin).
func (r scoreRow) at(j int) float64 {
	k := sort.Search(len(r.j), func(k int) bool { return int(r.j[k]) >= j })
	if k < len(r.j) && int(r.j[k]) == j {
		return r.s[k]
	}
	return 0
}

// rowMaker makes the scoreRows of ev one at a time in d: start sets d to a
// later measure's dot products (dot), the caller may rewrite them
// (contrast), and keep moves the cells' scores to their twins and stores
// the row.
type rowMaker struct {
	ev   *evolveScorer
	d    []float64
	p    []float64 // a purpose clause's dot products, made when first needed
	made []bool
	j    []int32   // the rows' indices, one after the other
	s    []float64 // their scores
	// twins: the earlier measures with a twin, ascending: keep reads
	// these (and ev.inPillar), not all.
	twins []int32
}

func newRowMaker(ev *evolveScorer) *rowMaker {
	ev.rowSpan = make([][2]int32, len(ev.later))
	ev.pillarBest = make([]int, len(ev.later))
	m := &rowMaker{ev: ev, d: make([]float64, len(ev.earlier)), made: make([]bool, len(ev.later))}
	n := 0
	for _, t := range ev.twin {
		if t >= 0 {
			n++
		}
	}
	m.twins = make([]int32, 0, n)
	for j, t := range ev.twin {
		if t >= 0 {
			m.twins = append(m.twins, int32(j))
		}
	}
	return m
}

// start returns d holding later[i]'s dot products with the earlier
// measures: of its text, or of its purpose clause where that is higher.
func (m *rowMaker) start(i int) []float64 {
	clear(m.d)
	m.ev.dot(m.ev.vl[i], m.d)
	if vp := m.ev.vpOf(i); len(vp.keys) > 0 {
		if m.p == nil {
			m.p = make([]float64, len(m.d))
		}
		clear(m.p)
		m.ev.dot(vp, m.p)
		for j, s := range m.p {
			m.d[j] = max(m.d[j], s)
		}
	}
	return m.d
}

// keep stores d as later[i]'s row, with each cell's score given to its
// twin, or, for a cell of several items, to the item the later measure
// shares most with: it continues that part of the cell.
func (m *rowMaker) keep(i int, d []float64) {
	ev := m.ev
	for _, j := range m.twins {
		t := ev.twin[j]
		for _, k := range ev.itemsOf(int(j)) {
			if d[k] > d[t] {
				t = k
			}
		}
		d[t] = max(d[t], d[j])
		d[j] = 0
	}
	best := -1
	for _, j := range ev.inPillar[ev.later[i].m.PillarID] {
		if best < 0 || d[j] > d[best] {
			best = int(j)
		}
	}
	ev.pillarBest[i] = best
	from := len(m.j)
	for j, s := range d {
		if s >= scoreRowMin {
			m.j, m.s = append(m.j, int32(j)), append(m.s, s)
		}
	}
	ev.rowSpan[i] = [2]int32{int32(from), int32(len(m.j))}
	m.made[i] = true
}

// groupBy returns the indices of keys by key, each list ascending, in one
// backing array.
func groupBy(keys []string) map[string][]int {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	out := map[string][]int{}
	for len(order) > 0 {
		n := 1
		for n < len(order) && keys[order[n]] == keys[order[0]] {
			n++
		}
		out[keys[order[0]]], order = order[:n:n], order[n:]
	}
	return out
}
