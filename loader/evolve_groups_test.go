package loader

import (
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
)

// TestEvolvesGroupsBound measures, on the reading (testdata/
// evolves_reading.tsv), what a rule from groups could add to EVOLVES_FROM:
// match a 2025 〇 group to the 2023 【】 group(s) its other members continue,
// then let an unlinked member take its best candidate there at a lower cut.
// Such a rule can only gain a row whose right predecessor sits in a 2023
// group that the other members of its 2025 group link to.
//
// Measured (2026-11-30): of the 138 rows with a predecessor, 17 have a 2025
// group, all of them 政策の方向性 items (（n） headings); the pillar tables'
// measures are in no 〇 group (groups25.go: the extraction lists the row
// headings apart from their rows, 250 of 254 cells unplaced, none of the
// reading's). In 3 of the 17 the right predecessor is in a 2023 group the
// group's other items link to, 2 of them found already; the third (1092
// 国際的なルールメイキングの推進 ← 3286) scores 0.085 there, below wrong best
// candidates elsewhere (1325 0.16). The rule as designed can add nothing.
//
// With the 2025 pillar standing in for the group the bound is wide: of the
// 41 pillar rows missed, 27 have their predecessor in a 2023 group the
// pillar's other measures link to, 31 in one that a 〇 heading of the
// pillar covers (≥ 0.8, below). The rule tried was: a
// pillar measure with no edge after the own and sibling passes takes its
// best candidate among the 2023 groups of the pillars it CONTINUES whose
// heading a 〇 heading of its pillar covers (bigram.Cover of the 2023 name's
// evolveBigrams ≥ h), from score c. Tuned on GX, 人材, EBPM and DX alone
// (recall at precision, from 0.79 at 0.96): h ≥ 0.80 and c 0.17-0.19 gave
// the most, 0.85 at 0.92 (+1284, 1315, 1339 ← their デジタル人材基盤 /
// デジタル産業基盤 bullets, 1859 ← 2592 省人化投資; wrong 1295 ← 1500,
// 1864 ← 2600, 2134 ← 3419, which should be 3410); any h with c 0.20-0.21
// gave 0.83 at 0.92, c 0.22 0.82 at 0.95 (the in-pillar cut lowered, as in
// evolveInPillarMin's table); OR-ing "the pillar's other measures link
// into the group" (≥ 1 or ≥ 2 links) changed nothing or added a wrong
// edge. Measured once at h 0.80, c 0.18 on the held-out half (経済安保,
// バイオ, スタートアップ, 価値創造経営, directions): 0.51 at 0.85 → 0.54 at
// 0.82 (+1763 ← 2155, 2040 ← 3128; wrong 2004 ← 3124, 2027 ← 3144), and
// the whole reading 0.64 at 0.91 → 0.69 at 0.87, with 11 more edges outside
// the reading (健康, 地域, 資源自律経済). Precision falls below 0.90, so the
// rule is not adopted: the matched groups are most of the continued
// pillars' groups (バイオ 3 of 3, GX 3 of 4, 人材 3 of 4, DX 2 of 4), so
// inside them the rule is the lower in-pillar cut that was measured and
// rejected, and right and wrong best candidates alternate at
// 0.17-0.23 as they do there. Whether a 2025 measure's predecessor is in a
// group its pillar links to does not tell them apart either: the right
// 1417, 1445, 1448 ← 1767 技術保全の強化 and 1747, 1770 ← 2126 lie in
// groups no 2025 measure links to yet. Nor does matching the measure to a
// 2023 group as a whole first (the mean, or the sum over √n, of its
// members' scores) and taking its best candidate only when it lies in that
// group: of the tuned half's rows the other passes leave unlinked, it
// gives right / wrong 4/6 (mean) and 4/7 (sum) from 0.18, 2/0 from 0.22,
// which on the held-out half gives 0/3.
//
// The test fails when the pillar tables' measures get a group (the
// premise of the rule), so that it is measured again then.
func TestEvolvesGroupsBound(t *testing.T) {
	rg := loadReadingGraph(t)
	g, byID, first2023 := rg.g, rg.byID, rg.first2023
	members := map[string][]*policygraph.Measure{} // 2025 group → its measures
	for _, m := range g.Measures {
		if m.DocumentID == "doc:2025" && m.GroupID != "" {
			members[m.GroupID] = append(members[m.GroupID], m)
		}
	}
	evolves := map[string][]string{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = append(evolves[r.Start], r.End)
		}
	}
	// The 2023 groups a 2025 pillar's other measures link to, and those a
	// 〇 heading of the pillar covers.
	heads := map[string][][]bigram.Bigram{}
	groupWords := map[string][]bigram.Bigram{}
	for _, gr := range g.Groups {
		w := evolveBigrams(gr.Name)
		groupWords[gr.ID] = w
		if strings.HasPrefix(gr.PillarID, "pillar:2025:") {
			heads[gr.PillarID] = append(heads[gr.PillarID], w)
		}
	}
	covered := func(pillar, group string) bool {
		for _, h := range heads[pillar] {
			if group != "" && bigram.Cover(groupWords[group], h) >= 0.8 {
				return true
			}
		}
		return false
	}
	linkedBy := func(others []*policygraph.Measure, self string) map[string]bool {
		out := map[string]bool{}
		for _, o := range others {
			if o.ID == self {
				continue
			}
			for _, e := range evolves[o.ID] {
				if gid := byID[e].GroupID; gid != "" {
					out[gid] = true
				}
			}
		}
		return out
	}
	byPillar := map[string][]*policygraph.Measure{}
	for _, m := range g.Measures {
		if m.DocumentID == "doc:2025" && m.PillarID != "" {
			byPillar[m.PillarID] = append(byPillar[m.PillarID], m)
		}
	}
	var pairs, grouped, inLinked, foundThere, tableGrouped int
	var missed, missedLinked, missedCovered int
	for _, r := range readEvolvesReading(t) {
		if len(r.earlier) == 0 {
			continue
		}
		m := rg.measure(t, r)
		pairs++
		right := map[string]bool{}
		for _, l := range r.earlier {
			right[first2023[l].ID] = true
		}
		found := false
		for _, e := range evolves[m.ID] {
			found = found || right[e]
		}
		in := func(groups map[string]bool) bool {
			for id := range right {
				if groups[byID[id].GroupID] {
					return true
				}
			}
			return false
		}
		if m.GroupID != "" {
			grouped++
			if m.PillarID != "" {
				tableGrouped++
			}
			if in(linkedBy(members[m.GroupID], m.ID)) {
				inLinked++
				if found {
					foundThere++
				}
			}
		}
		if found || m.PillarID == "" {
			continue
		}
		missed++
		if in(linkedBy(byPillar[m.PillarID], m.ID)) {
			missedLinked++
		}
		cov := map[string]bool{}
		for id := range right {
			if gid := byID[id].GroupID; covered(m.PillarID, gid) {
				cov[gid] = true
			}
		}
		if in(cov) {
			missedCovered++
		}
	}
	t.Logf("rows with a predecessor %d; in a 2025 group %d (pillar-table measures %d); predecessor in a 2023 group the group's other members link to %d, found already %d",
		pairs, grouped, tableGrouped, inLinked, foundThere)
	t.Logf("pillar rows missed %d: predecessor in a 2023 group the pillar's other measures link to %d, in a 2023 group a 〇 heading of the pillar covers %d",
		missed, missedLinked, missedCovered)
	if tableGrouped > 0 {
		t.Errorf("%d pillar-table measures of the reading are now in a 〇 group: measure the group rule again (see this test's comment)", tableGrouped)
	}
}
