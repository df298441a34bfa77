package loader

import (
	"maps"
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// TestAddTarget: the target builder both grammars share scopes ids by
// pillar (KEY without one), makes one Target per stated goal, links them
// to the pillar and places the statement's non-blank lines.
func TestAddTarget(t *testing.T) {
	text := "見出し\n2030年までに投資を100兆円、\n\n2040年に200兆円とする\n"
	pl := &policygraph.Pillar{ID: "pillar:2025:MISSION-1", Key: "MISSION-1"}
	for _, tc := range []struct {
		name      string
		pl        *policygraph.Pillar
		scope     string
		hasTarget int
	}{
		{"pillar", pl, "MISSION-1", 2},
		{"key message", nil, "KEY", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dt, err := newDocTextString("x.txt", 2025, "doc:2025", text)
			if err != nil {
				t.Fatal(err)
			}
			b := newDocBuilder(dt)
			tg := b.addTarget(tc.pl, "LONG_TERM", " 2030年までに投資を100兆円、2040年に200兆円とする ", 2, 4)
			if tg.Text != "2030年までに投資を100兆円、2040年に200兆円とする" {
				t.Errorf("text %q: want it trimmed", tg.Text)
			}
			if want := b.t.itemID("target", tc.scope, tg.Text); tg.ID != want {
				t.Errorf("id %s, want %s", tg.ID, want)
			}
			if len(b.pd.Targets) != 2 {
				t.Fatalf("%d targets, want one per goal (2)", len(b.pd.Targets))
			}
			var ends []string
			for _, r := range b.pd.Rels {
				if r.Type == policygraph.RelHasTarget && r.Start == pl.ID {
					ends = append(ends, r.End)
				}
			}
			if len(ends) != tc.hasTarget || tc.hasTarget > 0 && !slices.Contains(ends, tg.ID) {
				t.Errorf("HAS_TARGET to %v, want %d including %s", ends, tc.hasTarget, tg.ID)
			}
			for line, want := range map[int]string{1: "", 2: tg.ID, 3: "", 4: tg.ID} {
				if got := b.pd.Placed[line]; got != want {
					t.Errorf("line %d placed in %q, want %q", line, got, want)
				}
			}
			if got := tg.Source; got.LineStart != 2 || got.LineEnd != 4 || got.Quote != "2030年までに投資を100兆円、\n\n2040年に200兆円とする" {
				t.Errorf("source %+v", got)
			}
		})
	}
}

// TestNewMeasure: what every edition reads from a measure's text alone
// (headline, period, whole relist, provenance), and the links addMeasure
// makes (HAS_MEASURE from the parent, IN_GROUP when grouped).
func TestNewMeasure(t *testing.T) {
	dt, err := newDocTextString("x.txt", 2025, "doc:2025", "一\n二\n三\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, group string
		title       string
		start, end  int
		relist      bool
		rels        []string
	}{
		{"2026年度から排出量取引制度を本格稼働。対象を拡大", "", "2026年度から排出量取引制度を本格稼働", 2026, 0, false,
			[]string{"HAS_MEASURE parent→m"}},
		{"パーシャルスピンオフに関する税制の恒久化の検討（再掲）", "group:g", "パーシャルスピンオフに関する税制の恒久化の検討", 0, 0, true,
			[]string{"HAS_MEASURE parent→m", "IN_GROUP m→group:g"}},
	} {
		b := newDocBuilder(dt)
		m := b.newMeasure("m", tc.text, policygraph.StatusTodo, 1, 2)
		m.GroupID = tc.group
		b.addMeasure("parent", m)
		if m.Title != tc.title || m.StartYear != tc.start || m.EndYear != tc.end || m.Relist != tc.relist {
			t.Errorf("%s: title %q, years %d–%d, relist %v; want %q, %d–%d, %v", tc.text, m.Title, m.StartYear, m.EndYear, m.Relist,
				tc.title, tc.start, tc.end, tc.relist)
		}
		if m.DocumentID != "doc:2025" || m.Status != policygraph.StatusTodo || m.Source.Quote != "一\n二" || m.Source.File != "x.txt" {
			t.Errorf("%s: document %s, status %s, source %+v", tc.text, m.DocumentID, m.Status, m.Source)
		}
		var rels []string
		for _, r := range b.pd.Rels {
			rels = append(rels, r.Type+" "+r.Start+"→"+r.End)
		}
		if !slices.Equal(rels, tc.rels) || len(b.pd.Measures) != 1 || b.pd.Measures[0] != m {
			t.Errorf("%s: relationships %v, %d measures; want %v and the measure", tc.text, rels, len(b.pd.Measures), tc.rels)
		}
	}
}

// TestAddGroup: a group's id is scoped by its parent's key, so the same
// name under two parents makes two groups, and the same name twice under
// one parent two distinct ids; HAS_GROUP comes from the parent.
func TestAddGroup(t *testing.T) {
	dt, err := newDocTextString("x.txt", 2025, "doc:2025", "〇国際展開戦略\n")
	if err != nil {
		t.Fatal(err)
	}
	b := newDocBuilder(dt)
	gs := []*policygraph.MeasureGroup{
		b.addGroup("pillar:2025:MISSION-1", "pillar:2025:MISSION-1", "MISSION-1", "国際展開戦略", 1, 1),
		b.addGroup("direction:2025:1", "", "DIR-1", "国際展開戦略", 1, 1),
		b.addGroup("pillar:2025:MISSION-1", "pillar:2025:MISSION-1", "MISSION-1", "国際展開戦略", 1, 1),
	}
	ids := map[string]bool{}
	for i, g := range gs {
		ids[g.ID] = true
		if r := b.pd.Rels[i]; r.Type != policygraph.RelHasGroup || r.End != g.ID || r.Start != []string{"pillar:2025:MISSION-1", "direction:2025:1", "pillar:2025:MISSION-1"}[i] {
			t.Errorf("group %d: relationship %s %s→%s", i, r.Type, r.Start, r.End)
		}
		if g.Source.Quote != "〇国際展開戦略" || g.DocumentID != "doc:2025" {
			t.Errorf("group %d: %+v", i, g)
		}
	}
	if len(ids) != 3 || gs[0].ID != b.t.itemID("group", "MISSION-1", "国際展開戦略") || gs[1].PillarID != "" {
		t.Errorf("ids %v, first %s, second's pillar %q: want three distinct ids, the first from its scope", ids, gs[0].ID, gs[1].PillarID)
	}
}

// TestOwnProse: skipped prose lines are the pillar's whose pages they are
// on, a later pillar's taking them over; prose of no pillar stays the
// Document's.
func TestOwnProse(t *testing.T) {
	dt, err := newDocTextString("x.txt", 2023, "doc:2023", "a\nb\nc\nd\ne\n")
	if err != nil {
		t.Fatal(err)
	}
	one := &policygraph.Pillar{ID: "pillar:2023:MISSION-1"}
	two := &policygraph.Pillar{ID: "pillar:2023:OS-2"}
	for _, c := range []struct {
		name  string
		calls []func(b *docBuilder)
		want  map[int]string
	}{
		{"no pillar", []func(b *docBuilder){func(b *docBuilder) { b.ownProse(nil, 1, 3) }}, nil},
		{"one pillar's lines", []func(b *docBuilder){func(b *docBuilder) { b.ownProse(one, 2, 4) }},
			map[int]string{2: one.ID, 3: one.ID, 4: one.ID}},
		{"another pillar's later", []func(b *docBuilder){
			func(b *docBuilder) { b.ownProse(one, 1, 3) }, func(b *docBuilder) { b.ownProse(two, 3, 3) },
			func(b *docBuilder) { b.ownProse(nil, 5, 5) }},
			map[int]string{1: one.ID, 2: one.ID, 3: two.ID}},
	} {
		b := newDocBuilder(dt)
		for _, call := range c.calls {
			call(&b)
		}
		if !maps.Equal(b.pd.ProseOwner, c.want) {
			t.Errorf("%s: prose owners %v, want %v", c.name, b.pd.ProseOwner, c.want)
		}
	}
}

// TestAddPillarMeasure: a pillar's measure has its id scoped by the
// pillar's key and unique in the document, HAS_MEASURE from the pillar,
// IN_GROUP when a group is given, and its non-blank lines placed.
func TestAddPillarMeasure(t *testing.T) {
	dt, err := newDocTextString("x.txt", 2023, "doc:2023", "○ 排出量取引制度の導入\n\n（2026年度から）\n")
	if err != nil {
		t.Fatal(err)
	}
	one := &policygraph.Pillar{ID: "pillar:2023:MISSION-1", Key: "MISSION-1"}
	two := &policygraph.Pillar{ID: "pillar:2023:OS-2", Key: "OS-2"}
	g := &policygraph.MeasureGroup{ID: "group:g"}
	const text = "排出量取引制度の導入（2026年度から）"
	b := newDocBuilder(dt)
	for _, c := range []struct {
		pl    *policygraph.Pillar
		g     *policygraph.MeasureGroup
		id    string // "" for an id made unique
		rels  []string
		start int
	}{
		{one, nil, b.t.itemID("measure", "MISSION-1", text), []string{"HAS_MEASURE pillar:2023:MISSION-1"}, 2026},
		{two, g, b.t.itemID("measure", "OS-2", text), []string{"HAS_MEASURE pillar:2023:OS-2", "IN_GROUP group:g"}, 2026},
		{one, g, "", []string{"HAS_MEASURE pillar:2023:MISSION-1", "IN_GROUP group:g"}, 2026},
	} {
		b.pd.Rels = b.pd.Rels[:0]
		m := b.addPillarMeasure(c.pl, c.g, text, policygraph.StatusFuture, 1, 3)
		var rels []string
		for _, r := range b.pd.Rels {
			end := r.Start
			if r.Start == m.ID {
				end = r.End
			}
			rels = append(rels, r.Type+" "+end)
		}
		if c.id == "" && m.ID == b.t.itemID("measure", c.pl.Key, text) || c.id != "" && m.ID != c.id {
			t.Errorf("%s: id %s, want %q (\"\": made unique)", c.pl.Key, m.ID, c.id)
		}
		if m.PillarID != c.pl.ID || !slices.Equal(rels, c.rels) || m.StartYear != c.start || m.Status != policygraph.StatusFuture {
			t.Errorf("%s: pillar %s, relationships %v, start %d, status %s; want %s, %v, %d", c.pl.Key, m.PillarID, rels, m.StartYear, m.Status,
				c.pl.ID, c.rels, c.start)
		}
		if b.pd.Placed.at(1) == "" || b.pd.Placed.at(2) != "" {
			t.Errorf("%s: placed %q, %q, %q: want the non-blank lines", c.pl.Key, b.pd.Placed.at(1), b.pd.Placed.at(2), b.pd.Placed.at(3))
		}
	}
	if len(b.pd.Measures) != 3 {
		t.Errorf("%d measures, want 3", len(b.pd.Measures))
	}
}

// TestSortByLine: groups, measures and targets in line order, those of
// one line in the order they were made (the ids would order them
// otherwise).
func TestSortByLine(t *testing.T) {
	dt, err := newDocTextString("x.txt", 2023, "doc:2023", "a\n")
	if err != nil {
		t.Fatal(err)
	}
	b := newDocBuilder(dt)
	src := func(line int) policygraph.Source { return policygraph.Source{LineStart: line} }
	for _, n := range []struct {
		id   string
		line int
	}{{"c", 30}, {"b", 10}, {"z", 20}, {"a", 20}} {
		b.pd.Groups = append(b.pd.Groups, &policygraph.MeasureGroup{ID: n.id, Source: src(n.line)})
		b.pd.Measures = append(b.pd.Measures, &policygraph.Measure{ID: n.id, Source: src(n.line)})
		b.pd.Targets = append(b.pd.Targets, &policygraph.Target{ID: n.id, Source: src(n.line)})
	}
	b.sortByLine()
	var groups, measures, targets []string
	for i := range b.pd.Groups {
		groups = append(groups, b.pd.Groups[i].ID)
		measures = append(measures, b.pd.Measures[i].ID)
		targets = append(targets, b.pd.Targets[i].ID)
	}
	want := []string{"b", "z", "a", "c"}
	if !slices.Equal(groups, want) || !slices.Equal(measures, want) || !slices.Equal(targets, want) {
		t.Errorf("groups %v, measures %v, targets %v; want each %v", groups, measures, targets, want)
	}
}
