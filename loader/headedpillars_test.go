package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// TestReadHeadedPillars reads pillars off what lines say of them, as a
// layout's lexer would tell it: shaped as the 2023 seed names OS⑤ (its
// contents title 1173 and line 1183, its headings 3350 （考え方） and 3393
// （これまでの施策、今後の施策）), and the same lines told otherwise.
func TestReadHeadedPillars(t *testing.T) {
	const mission, os = policygraph.KindMission, policygraph.KindOS
	title := func(kind string) pillarSighting { return pillarSighting{what: sightContentsTitle, kind: kind} }
	entry := func(ord int, name string) pillarSighting {
		return pillarSighting{what: sightContentsLine, ord: ord, name: name}
	}
	heading := func(kind string, ord int, name string, to int, preferred bool) pillarSighting {
		return pillarSighting{what: sightHeading, kind: kind, ord: ord, name: name, to: to, preferred: preferred}
	}
	for _, c := range []struct {
		name  string
		lines map[int]pillarSighting // by 0-based index; the rest say nothing
		n     int
		want  map[string]headedPillar
	}{
		{"the preferred heading is the provenance, the contents the name", map[int]pillarSighting{
			1: title(os),
			2: entry(5, "行政：EBPM・データ駆動型行政"),
			5: heading(os, 5, "EBPM・データ駆動型行政", 6, false),
			8: heading(os, 5, "EBPM・データ駆動型行政", 10, true),
		}, 12, map[string]headedPillar{
			"OS-5": {kind: os, ord: 5, name: "行政：EBPM・データ駆動型行政", from: 9, to: 10},
		}},
		{"no heading preferred: the first", map[int]pillarSighting{
			1: title(os),
			2: entry(5, "行政：EBPM・データ駆動型行政"),
			5: heading(os, 5, "EBPM・データ駆動型行政", 6, false),
			8: heading(os, 5, "EBPM・データ駆動型行政", 10, false),
		}, 12, map[string]headedPillar{
			"OS-5": {kind: os, ord: 5, name: "行政：EBPM・データ駆動型行政", from: 6, to: 6},
		}},
		{"a later preferred heading does not replace a preferred one", map[int]pillarSighting{
			3: heading(mission, 1, "炭素中立型社会の実現", 4, true),
			7: heading(mission, 1, "ＧＸ", 8, true),
		}, 9, map[string]headedPillar{
			"MISSION-1": {kind: mission, ord: 1, name: "炭素中立型社会の実現", from: 4, to: 4},
		}},
		{"the contents list's title tells the kind; its first spelling wins", map[int]pillarSighting{
			0: entry(1, "before any title: no kind"),
			1: title(mission),
			2: entry(1, "炭素中立型社会の実現"),
			3: title(os),
			4: entry(1, "人材"),
			5: entry(1, "人への投資"),
			6: heading(mission, 1, "ミッション①の見出し", 7, false),
			7: heading(os, 1, "ＯＳ①の見出し", 8, false),
		}, 9, map[string]headedPillar{
			"MISSION-1": {kind: mission, ord: 1, name: "炭素中立型社会の実現", from: 7, to: 7},
			"OS-1":      {kind: os, ord: 1, name: "人材", from: 8, to: 8},
		}},
		{"contents name no pillar without a heading; lines past n are not read", map[int]pillarSighting{
			0: title(os),
			1: entry(2, "ＯＳ②"),
			2: heading(os, 3, "ＯＳ③", 3, false),
			5: heading(os, 4, "ＯＳ④", 6, false),
		}, 5, map[string]headedPillar{
			"OS-3": {kind: os, ord: 3, name: "ＯＳ③", from: 3, to: 3},
		}},
	} {
		got := readHeadedPillars(c.n, func(i int) pillarSighting { return c.lines[i] })
		if d := cmp.Diff(c.want, got, cmp.AllowUnexported(headedPillar{})); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, d)
		}
	}
}

// TestPillarKey: the model's keys, whatever the kind's words.
func TestPillarKey(t *testing.T) {
	for _, c := range []struct {
		kind string
		ord  int
		want string
	}{
		{policygraph.KindMission, 1, "MISSION-1"},
		{policygraph.KindOS, 5, "OS-5"},
		{policygraph.KindOS, 12, "OS-12"},
	} {
		if got := pillarKey(c.kind, c.ord); got != c.want {
			t.Errorf("pillarKey(%q, %d) = %q, want %q", c.kind, c.ord, got, c.want)
		}
	}
}
