package loader

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// orderTally is how far one sequence of 2025 measures follows the order of
// the 2023 measures they carry on (the reading's ends in the continued
// pillars, as positions among their detail bullets).
type orderTally struct {
	rows     int // measures with an end there
	chain    int // longest run of them whose ends can be chosen in 2023 order
	inOrder  int // consecutive pairs whose ends can be chosen in 2023 order
	reversed int // consecutive pairs whose ends cannot
	near     int // consecutive pairs with ends at most 3 positions apart
}

func (x *orderTally) add(y orderTally) {
	x.rows, x.chain, x.inOrder, x.reversed, x.near = x.rows+y.rows, x.chain+y.chain, x.inOrder+y.inOrder, x.reversed+y.reversed, x.near+y.near
}

// measureOrder tallies one sequence: ends[n] are the 2023 positions the
// n-th 2025 measure may continue.
func measureOrder(ends [][]int) orderTally {
	x := orderTally{rows: len(ends)}
	chain := make([][]int, len(ends)) // chain[n][k]: longest run ending at ends[n][k]
	for n, es := range ends {
		chain[n] = make([]int, len(es))
		for k, e := range es {
			chain[n][k] = 1
			for m := range n {
				for l, f := range ends[m] {
					if f <= e {
						chain[n][k] = max(chain[n][k], chain[m][l]+1)
					}
				}
			}
			x.chain = max(x.chain, chain[n][k])
		}
		if n == 0 {
			continue
		}
		inOrder, near := false, false
		for _, f := range ends[n-1] {
			for _, e := range es {
				inOrder = inOrder || f <= e
				near = near || e-f <= 3 && f-e <= 3
			}
		}
		if inOrder {
			x.inOrder++
		} else {
			x.reversed++
		}
		if near {
			x.near++
		}
	}
	return x
}

// TestEvolvesReadingOrder measures on the reading (testdata/
// evolves_reading.tsv) whether a 2025 pillar lists its measures in the
// order of the 2023 measures they carry on, per column (第３次以降の進捗,
// 今後検討が必要となる施策: the measure's status) and per pillar, counting
// only the ends in the pillars it CONTINUES (detail bullets, by line).
//
// It was measured to test EVOLVES_FROM from the order of measures: a
// measure with no match between two linked neighbours of its column
// (anchors) takes its best candidate near their ends. The order is weak,
// and on the held-out half no better than chance. In the four pillars the
// rules were tuned on (GX, 人材, EBPM, DX), 36 of 55 consecutive pairs of
// a column are in 2023 order (30.2 when each column is shuffled), the
// longest runs in order cover 39 of 63 measures (31.7), and 37 pairs end
// at most 3 bullets apart (25.2); in the other four (経済安保, バイオ,
// スタートアップ, 価値創造経営) 25 of 43 (24.4), 30 of 51 (28.4) and 22
// (17.7). Whole pillars are in order no more than by chance (36 of 59
// pairs against 33.7; 26 of 47 against 28.2). The columns walk the 2025
// 〇 groups, which do not follow the 2023 【】 groups: GX lists 国際展開
// before 公正な移行 (1161 ← 1325 AZEC, then 1165 ← 1279 トランジション・
// ファイナンス from 2023's カーボンプライシング group, then 1170 ← 1310);
// バイオ's 今後 column ends 1794 ← 2159 スタートアップ, 1797 ← 2155 人材,
// 1799 ← 2157 拠点 against 2023's 人材, 拠点, スタートアップ.
//
// Tuned on the first four pillars alone, the best such rule (a column's
// anchors are its measures with an edge; a measure with none takes its
// best candidate among the 3 detail bullets after the previous anchor's
// end or before the next one's, from a score of 0.18; swept: window 1-6,
// cut 0.06-0.20, columns or pillars, inherited anchors or not, the
// candidate also best in the pillar or not) found 4 more there, with one
// wrong (52/66 at 52/54 → 56/66 at 56/59: DX 1315 ← 1497, 1339 ← 1606;
// 人材 1859 ← 2592; EBPM 2134 ← 3410; wrong 1864 ← 2600). The same cut
// with no window (any bullet of the continued pillars) found 56/66 at
// 56/67: the window kept out 8 wrong edges (1206 ← 1291, 2102 ← 3404,
// 1908 ← 2629, 1295 ← 1500, …) and one right one (1284 ← 1606), and
// turned 2134 from 3419 to 3410. A measure strictly between two anchors
// in order found at most 54/66 at 54/57, a window on both sides of each
// anchor's end 56/66 at 56/62 (3 bullets, cut 0.18), and a monotone
// alignment of each column by dynamic programming (anchors weighted
// 0.3-5, cut 0.05-0.20) at most 55/66 at 55/60. Measured once on the
// held-out four pillars and the direction items, the rule found nothing
// more (37/72 at 39/46 → 37/72 at 39/47: 研究開発税制について… 1932 ←
// イノベーションボックス 2781, wrong), and the whole reading fell to
// precision 95/106 = 0.896 (93/138 found), with 8 more edges in three
// pillars not read (MISSION-4, 5, 8): not adopted. There the right
// candidates in the window score 0.13-0.17 (1442 ← 3308, 1747 ← 2126,
// 1386 ← 3286, 1770 ← 2126), below wrong ones at 0.20 (1932 ← 2781)
// and 0.17 (1745 ← 2126) and among others at 0.13-0.15. The experiment
// was not kept.
func TestEvolvesReadingOrder(t *testing.T) {
	rg := loadReadingGraph(t)
	g, byID, first2023 := rg.g, rg.byID, rg.first2023
	cont := map[string]map[string]bool{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelContinues {
			if cont[r.Start] == nil {
				cont[r.Start] = map[string]bool{}
			}
			cont[r.Start][r.End] = true
		}
	}
	// pos[pillar][line]: the rank of a 2023 detail bullet among those of
	// the pillars the 2025 pillar continues.
	pos := map[string]map[int]int{}
	positions := func(p string) map[int]int {
		if x, ok := pos[p]; ok {
			return x
		}
		var lines []int
		for _, m := range g.Measures {
			if m.DocumentID == "doc:2023" && !m.Relist && !m.Overview && cont[p][m.PillarID] {
				lines = append(lines, m.LineStart)
			}
		}
		slices.Sort(lines)
		x := map[int]int{}
		for n, l := range lines {
			x[l] = n
		}
		pos[p] = x
		return x
	}
	type unit struct{ pillar, col string }
	seqs := map[unit][][]int{}
	var units []unit
	for _, r := range readEvolvesReading(t) {
		m := byID[r.id]
		if m == nil || m.PillarID == "" {
			continue // a direction item: no pillar, no column
		}
		var ends []int
		for _, l := range r.earlier {
			if q, ok := positions(m.PillarID)[l]; ok && first2023[l] != nil {
				ends = append(ends, q)
			}
		}
		if len(ends) == 0 {
			continue
		}
		for _, u := range []unit{{m.PillarID, m.Status}, {m.PillarID, ""}} {
			if seqs[u] == nil {
				units = append(units, u)
			}
			seqs[u] = append(seqs[u], ends)
		}
	}
	half := map[string]string{}
	for _, part := range evolvesReadingParts[1:] {
		for _, grp := range part.groups {
			half[grp] = part.name
		}
	}
	type key struct{ half, unit string }
	sums := map[key]*orderTally{}
	// shuffled[k]: the mean chain, pairs in order and pairs within 3 of
	// the same sequences in random order: what the order gives by chance.
	shuffled := map[key]*[3]float64{}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, u := range units {
		x := measureOrder(seqs[u])
		name := "column"
		if u.col == "" {
			name = "pillar"
		}
		t.Logf("%-22s %-8s %2d measures, in order at most %2d; consecutive pairs %2d in order, %2d reversed, %2d within 3",
			u.pillar, u.col, x.rows, x.chain, x.inOrder, x.reversed, x.near)
		k := key{half[u.pillar], name}
		if sums[k] == nil {
			sums[k], shuffled[k] = &orderTally{}, &[3]float64{}
		}
		sums[k].add(x)
		const shuffles = 1000
		seq := slices.Clone(seqs[u])
		for range shuffles {
			rng.Shuffle(len(seq), func(a, b int) { seq[a], seq[b] = seq[b], seq[a] })
			y := measureOrder(seq)
			shuffled[k][0] += float64(y.chain) / shuffles
			shuffled[k][1] += float64(y.inOrder) / shuffles
			shuffled[k][2] += float64(y.near) / shuffles
		}
	}
	// What the comment above states; a change of the reading changes it.
	for _, tc := range []struct {
		half, unit string
		want       orderTally
		shuffled   [3]float64 // chain, in order, within 3
	}{
		{evolvesReadingParts[1].name, "column", orderTally{rows: 63, chain: 39, inOrder: 36, reversed: 19, near: 37}, [3]float64{31.7, 30.2, 25.2}},
		{evolvesReadingParts[1].name, "pillar", orderTally{rows: 63, chain: 27, inOrder: 36, reversed: 23, near: 37}, [3]float64{26.5, 33.7, 29.2}},
		{evolvesReadingParts[2].name, "column", orderTally{rows: 51, chain: 30, inOrder: 25, reversed: 18, near: 22}, [3]float64{28.4, 24.4, 17.7}},
		{evolvesReadingParts[2].name, "pillar", orderTally{rows: 51, chain: 23, inOrder: 26, reversed: 21, near: 26}, [3]float64{24.1, 28.2, 20.7}},
	} {
		got, sh := sums[key{tc.half, tc.unit}], shuffled[key{tc.half, tc.unit}]
		if got == nil {
			t.Fatalf("%s: no %s read", tc.half, tc.unit)
		}
		t.Logf("%s, per %s: %+v; shuffled: chain %.1f, in order %.1f, within 3 %.1f", tc.half, tc.unit, *got, sh[0], sh[1], sh[2])
		if *got != tc.want {
			t.Errorf("%s, per %s: %+v, want %+v", tc.half, tc.unit, *got, tc.want)
		}
		for n, x := range sh {
			if math.Abs(x-tc.shuffled[n]) > 0.05 {
				t.Errorf("%s, per %s, shuffled: %.1f, want %.1f", tc.half, tc.unit, sh, tc.shuffled)
				break
			}
		}
	}
}

// TestMeasureOrder: the tallies on small sequences, one end or several.
func TestMeasureOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		ends [][]int
		want orderTally
	}{
		{"in order", [][]int{{0}, {2}, {2}, {9}}, orderTally{rows: 4, chain: 4, inOrder: 3, near: 2}},
		{"reversed", [][]int{{9}, {5}, {1}}, orderTally{rows: 3, chain: 1, reversed: 2}},
		{"a choice of ends", [][]int{{4, 8}, {6}, {1, 7}}, orderTally{rows: 3, chain: 3, inOrder: 2, near: 2}},
		{"one", [][]int{{3}}, orderTally{rows: 1, chain: 1}},
	} {
		if got := measureOrder(tc.ends); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
