package loader

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// TestShareTwinPeriods: a period passes between a cell and the one bullet
// it restates, whichever side states it, and nowhere else.
func TestShareTwinPeriods(t *testing.T) {
	type m struct {
		id         string
		status     string
		start, end int
	}
	type s struct{ cell, bullet, rule string }
	tests := []struct {
		name  string
		ms    []m
		links []s
		want  map[string][2]int // measure → its period after
	}{
		{"the cell dates its bullet",
			[]m{{"c", "FUTURE", 2023, 2032}, {"b", "FUTURE", 0, 0}}, []s{{"c", "b", "restates"}},
			map[string][2]int{"b": {2023, 2032}}},
		{"the bullet dates its cell",
			[]m{{"c", "FUTURE", 0, 0}, {"b", "FUTURE", 2024, 2024}}, []s{{"c", "b", "restates"}},
			map[string][2]int{"c": {2024, 2024}}},
		{"both dated: each keeps its own",
			[]m{{"c", "FUTURE", 2022, 2027}, {"b", "FUTURE", 2022, 0}}, []s{{"c", "b", "restates"}},
			map[string][2]int{"c": {2022, 2027}, "b": {2022, 0}}},
		{"a cell of two bullets dates neither",
			[]m{{"c", "PAST", 2021, 0}, {"b1", "PAST", 0, 0}, {"b2", "PAST", 0, 0}}, []s{{"c", "b1", "restates"}, {"c", "b2", "restates"}},
			map[string][2]int{"b1": {0, 0}, "b2": {0, 0}}},
		{"a bullet two cells restate takes neither's, and passes none on",
			[]m{{"c1", "FUTURE", 2023, 2032}, {"c2", "FUTURE", 0, 0}, {"b", "FUTURE", 0, 0}}, []s{{"c1", "b", "restates"}, {"c2", "b", "restates"}},
			map[string][2]int{"b": {0, 0}, "c2": {0, 0}}},
		{"a headline or rare-word match is no twin",
			[]m{{"c", "PAST", 2022, 0}, {"b", "PAST", 0, 0}}, []s{{"c", "b", "headline"}},
			map[string][2]int{"b": {0, 0}}},
		{"a planned bullet takes no start before its edition",
			[]m{{"c", "FUTURE", 2022, 0}, {"b", "FUTURE", 0, 0}}, []s{{"c", "b", "restates"}},
			map[string][2]int{"b": {0, 0}}},
		{"a done bullet does",
			[]m{{"c", "FUTURE", 2021, 0}, {"b", "PAST", 0, 0}}, []s{{"c", "b", "restates"}},
			map[string][2]int{"b": {2021, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pd := &parsedDoc{}
			byID := map[string]*policygraph.Measure{}
			for _, x := range tt.ms {
				ms := &policygraph.Measure{ID: x.id, Status: x.status, StartYear: x.start, EndYear: x.end}
				pd.Measures = append(pd.Measures, ms)
				byID[x.id] = ms
			}
			for _, l := range tt.links {
				pd.Rels = append(pd.Rels, &policygraph.Relationship{Type: policygraph.RelSummarizes, Start: l.cell, End: l.bullet,
					Properties: map[string]any{"rule": l.rule}})
			}
			shareTwinPeriods(pd, 2023)
			for id, w := range tt.want {
				if got := [2]int{byID[id].StartYear, byID[id].EndYear}; got != w {
					t.Errorf("%s: period %v, want %v", id, got, w)
				}
			}
		})
	}
}

// TestTwinPeriodsOnTheCorpus: 2023's 半導体 bullet (1484) takes its cell's
// start, 2021 (473 半導体：…研究開発支援（2021年度以降順次）); the cell
// 社外取締役の支援 (1040) takes its bullet's 【本年５～６月】; the planned
// bullet 3176 does not take the 2022 of the GI基金 check its bracket names.
func TestTwinPeriodsOnTheCorpus(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][2]int{1484: {2021, 0}, 1040: {2023, 2023}, 3176: {0, 0}, 473: {2021, 0}}
	for _, m := range g.Measures {
		if w, ok := want[m.LineStart]; ok && m.DocumentID == "doc:2023" {
			if got := [2]int{m.StartYear, m.EndYear}; got != w {
				t.Errorf("2023:%d %s: period %v, want %v", m.LineStart, m.Title, got, w)
			}
			delete(want, m.LineStart)
		}
	}
	if len(want) > 0 {
		t.Errorf("no 2023 measure at %v", want)
	}
}
