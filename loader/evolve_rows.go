package loader

import "sort"

// scoreRow is a later measure's scores against the earlier measures,
// those that are not 0 (j ascending): 37% of the pairs of the corpus
// share a bigram, and the dense later × earlier matrix was the largest
// allocation of a load (0.9 MB). The rows are made one at a time in one
// dense buffer (rowMaker), so every score is summed as before.
type scoreRow struct {
	j []int32
	s []float64
}

// at is the score against earlier[j].
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
// the row. The rows are carved from chunks, a few allocations per load.
type rowMaker struct {
	ev   *evolveScorer
	d    []float64
	made []bool
	j    []int32
	s    []float64
}

// rowChunk is how many scores a chunk holds (48 kB): about ten a load.
const rowChunk = 4096

func newRowMaker(ev *evolveScorer) *rowMaker {
	ev.rows = make([]scoreRow, len(ev.later))
	return &rowMaker{ev: ev, d: make([]float64, len(ev.earlier)), made: make([]bool, len(ev.later))}
}

// start returns d holding later[i]'s dot products with the earlier measures.
func (m *rowMaker) start(i int) []float64 {
	clear(m.d)
	m.ev.dot(m.ev.vl[i], m.d)
	return m.d
}

// keep stores d as later[i]'s row, with each cell's score given to its
// twin, or, for a cell of several items, to the item the later measure
// shares most with: it continues that part of the cell.
func (m *rowMaker) keep(i int, d []float64) {
	for j, t := range m.ev.twin {
		if t < 0 {
			continue
		}
		for _, k := range m.ev.items[j] {
			if d[k] > d[t] {
				t = k
			}
		}
		d[t] = max(d[t], d[j])
		d[j] = 0
	}
	n := 0
	for _, s := range d {
		if s != 0 {
			n++
		}
	}
	if cap(m.j)-len(m.j) < n {
		m.j, m.s = make([]int32, 0, max(rowChunk, n)), make([]float64, 0, max(rowChunk, n))
	}
	from := len(m.j)
	for j, s := range d {
		if s != 0 {
			m.j, m.s = append(m.j, int32(j)), append(m.s, s)
		}
	}
	m.ev.rows[i] = scoreRow{j: m.j[from:len(m.j):len(m.j)], s: m.s[from:len(m.s):len(m.s)]}
	m.made[i] = true
}
