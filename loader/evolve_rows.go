package loader

import "sort"

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
}

func newRowMaker(ev *evolveScorer) *rowMaker {
	ev.rows = make([]scoreRow, len(ev.later))
	ev.pillarBest = make([]int, len(ev.later))
	return &rowMaker{ev: ev, d: make([]float64, len(ev.earlier)), made: make([]bool, len(ev.later))}
}

// start returns d holding later[i]'s dot products with the earlier
// measures: of its text, or of its purpose clause where that is higher.
func (m *rowMaker) start(i int) []float64 {
	clear(m.d)
	m.ev.dot(m.ev.vl[i], m.d)
	if vp := m.ev.vp[i]; len(vp.keys) > 0 {
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
	for j, t := range ev.twin {
		if t < 0 {
			continue
		}
		for _, k := range ev.items[j] {
			if d[k] > d[t] {
				t = k
			}
		}
		d[t] = max(d[t], d[j])
		d[j] = 0
	}
	inPillar := ev.inPillar[ev.later[i].m.PillarID]
	best := -1
	for j, s := range d {
		if inPillar[j] && (best < 0 || s > d[best]) {
			best = j
		}
	}
	ev.pillarBest[i] = best
	from := len(m.j)
	for j, s := range d {
		if s >= scoreRowMin {
			m.j, m.s = append(m.j, int32(j)), append(m.s, s)
		}
	}
	ev.rows[i] = scoreRow{j: m.j[from:len(m.j):len(m.j)], s: m.s[from:len(m.s):len(m.s)]}
	m.made[i] = true
}
