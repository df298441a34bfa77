package loader

import (
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
