package loader

import (
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// seedPillarNames are the 2023 seed's pillars as its contents name them
// (lines 1157–1183), and the short names its key messages give some.
func seedPillarNames(t *testing.T) (*docText, *pillarNames) {
	t.Helper()
	dt, err := newDocTextString("names.txt", 2023, "doc:2023", "x\n")
	if err != nil {
		t.Fatal(err)
	}
	n := newPillarNames()
	for _, p := range []struct {
		kind string
		ord  int
		name string
	}{
		{policygraph.KindOS, 5, "行政：EBPM・データ駆動型行政"},
		{policygraph.KindMission, 1, "炭素中立型社会の実現"},
		{policygraph.KindMission, 2, "デジタル社会の実現"},
		{policygraph.KindMission, 7, "成長志向型の資源自律経済の確立"},
		{policygraph.KindMission, 8, "少子化対策としての地域の包摂的成長"},
		{policygraph.KindOS, 1, "人材"},
		{policygraph.KindOS, 4, "徹底した日本社会のグローバル化"},
	} {
		k := pillarKey(p.kind, p.ord)
		n.pillars[k] = &policygraph.Pillar{Key: k, Kind: p.kind, Ordinal: p.ord, Name: p.name}
	}
	n.addAlias("MISSION-1", " ＧＸ ")
	n.addAlias("MISSION-2", "ＤＸ")
	n.addAlias("MISSION-1", "GX") // the same spelling, matched alike
	n.addAlias("MISSION-9", "ない") // no such pillar: not kept
	n.addAlias("OS-1", "  ")      // nothing
	return dt, &n
}

// TestPillarNames matches the name blocks of the 2023 overview tables
// (seed lines 370–1150, each block's lines joined) to their pillars.
func TestPillarNames(t *testing.T) {
	dt, n := seedPillarNames(t)
	if got, want := n.pillarKeys(), []string{"MISSION-1", "MISSION-2", "MISSION-7", "MISSION-8", "OS-1", "OS-4", "OS-5"}; !slices.Equal(got, want) {
		t.Errorf("pillarKeys = %q, want %q", got, want)
	}
	for _, c := range []struct {
		name, kind, want string
	}{
		{"炭素中立型社会の実現", "", "MISSION-1"},               // its name
		{"ＧＸ", policygraph.KindMission, "MISSION-1"},  // an alias, in matching form
		{"成長志向型の資源自律経済", "", "MISSION-7"},             // held by the name
		{"少子化対策としての地域の包摂的成長です", "", "MISSION-8"},      // holding it
		{"EBPM・データ駆動型行政", policygraph.KindOS, "OS-5"}, // held by 行政：…
		{"グローバル化", policygraph.KindOS, "OS-4"},
		{"少子化対策と地域の包摂成長", "", "MISSION-8"},    // near: bigrams
		{"デジタル社会の実現", policygraph.KindOS, ""}, // of another kind
		{"価値創造経営", "", ""},                    // no such pillar
	} {
		if got := n.matchPillar(dt, c.name, c.kind); got != c.want {
			t.Errorf("matchPillar(%q, %q) = %q, want %q", c.name, c.kind, got, c.want)
		}
	}
	pls := []*policygraph.Pillar{n.pillars["MISSION-1"], n.pillars["MISSION-2"], n.pillars["OS-1"]}
	n.addAlias("MISSION-2", "デジタル社会の実現") // its name again: no alias
	n.fillAliases(dt, pls)
	for i, want := range [][]string{{"ＧＸ"}, {"ＤＸ"}, {}} {
		if got := pls[i].Aliases; !slices.Equal(got, want) || got == nil {
			t.Errorf("%s: Aliases = %q, want %q", pls[i].Key, got, want)
		}
	}
}
