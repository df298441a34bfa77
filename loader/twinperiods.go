package loader

import (
	"slices"
	"strings"

	"github.com/policygraph/policygraph"
)

// summarizeRestates is the SUMMARIZES rule of a cell that restates its
// bullet (summarizes.go).
const summarizeRestates = "restates"

// shareTwinPeriods gives a period stated on one side of a 2023 overview
// cell and the detail bullet it restates to the other side, which states
// none: the two are one item written twice (SUMMARIZES, rule restates),
// and the document dates it on one side only (the cell 10年間20兆円規模の
// 先行投資支援（2023-32年度） ← the bullet １０年間２０兆円規模の先行投資
// 支援等（…）; the bullet 社外取締役の支援【本年５～６月】 → the cell
// 社外取締役の支援). Only a cell that restates one bullet that no other
// cell restates: a cell digesting several items, or naming one by its
// headline or rare words, dates the whole row, and a bullet two cells
// restate holds two items (１０年間２０兆円規模の先行投資支援等（…予算・税
// スキーム…） for the cells 10年間20兆円規模の先行投資支援（2023-32年度）
// and 戦略分野…予算・税スキーム), of which the period dates one. edition is
// the document's year.
func shareTwinPeriods(pd *parsedDoc, edition int) {
	n := 0
	for _, r := range pd.Rels {
		if r.Type == policygraph.RelSummarizes {
			n++
		}
	}
	sums := make([]*policygraph.Relationship, 0, n) // SUMMARIZES, in order
	for _, r := range pd.Rels {
		if r.Type == policygraph.RelSummarizes {
			sums = append(sums, r)
		}
	}
	// The one-to-one pairs, by counting each cell's and each bullet's
	// relationships in sorted order (maps of the counts, and of the
	// measures by id below, were 36 kB a load).
	lone := make([]bool, len(sums)) // sums[i]: its cell restates one bullet that no other cell restates
	for i := range lone {
		lone[i] = true
	}
	order := make([]int32, len(sums))
	for _, end := range []func(*policygraph.Relationship) string{
		func(r *policygraph.Relationship) string { return r.Start },
		func(r *policygraph.Relationship) string { return r.End },
	} {
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(end(sums[a]), end(sums[b])) })
		for k := 0; k < len(order); {
			n := k + 1
			for n < len(order) && end(sums[order[n]]) == end(sums[order[k]]) {
				n++
			}
			if n-k > 1 {
				for _, i := range order[k:n] {
					lone[i] = false
				}
			}
			k = n
		}
	}
	// The measures by id, the last of an id found (as a map filled in
	// order keeps).
	byID := newIDIndex(len(pd.Measures), func(i int) string { return pd.Measures[i].ID })
	measure := func(id string) *policygraph.Measure {
		if k, ok := byID.find(id); ok {
			return pd.Measures[k]
		}
		return nil
	}
	type period struct{ start, end int }
	type gift struct {
		to *policygraph.Measure
		p  period
	}
	var gifts []gift // given after all are read: a period never passes on twice
	for i, r := range sums {
		if !lone[i] || r.Properties["rule"] != summarizeRestates {
			continue
		}
		cell, bullet := measure(r.Start), measure(r.End)
		if cell == nil || bullet == nil {
			continue
		}
		dated := func(m *policygraph.Measure) bool { return m.StartYear != 0 || m.EndYear != 0 }
		from, to := cell, bullet
		switch {
		case dated(cell) && !dated(bullet):
		case dated(bullet) && !dated(cell):
			from, to = bullet, cell
		default:
			continue
		}
		p := period{from.StartYear, from.EndYear}
		if to.Status == policygraph.StatusFuture && p.start != 0 && p.start < edition {
			// A planned item has not started: a start before the edition
			// dates what the twin's bracket names (the cell GI基金の実施
			// 企業に対する取組状況の確認（2022年度～） for the ○ bullet that
			// plans to ask more of those firms), not this plan.
			continue
		}
		gifts = append(gifts, gift{to, p})
	}
	for _, g := range gifts {
		g.to.StartYear, g.to.EndYear = g.p.start, g.p.end
		if g.to.Overview {
			g.to.Horizon = cellHorizon(g.p.start, edition)
		}
	}
}
