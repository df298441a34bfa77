package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGroups25 pins which 2025 table measures are in a 〇 row heading: only
// where the layout says so (the heading at 1571 stands alone above its four
// cells 1573–1583); every other pillar lists its headings apart from its
// cells, and the report says so, one entry per pillar with the lines.
func TestGroups25(t *testing.T) {
	_, pd := load2025(t)
	groupLine := map[string]int{}
	for _, g := range pd.Groups {
		groupLine[g.ID] = g.LineStart
	}
	grouped := map[int]int{}
	table := 0
	for _, m := range pd.Measures {
		if m.PillarID == "" {
			continue
		}
		table++
		if m.GroupID != "" {
			grouped[m.LineStart] = groupLine[m.GroupID]
		}
	}
	if diff := cmp.Diff(map[int]int{1573: 1571, 1577: 1571, 1580: 1571, 1583: 1571}, grouped); diff != "" {
		t.Errorf("grouped table measures line → heading line (-want +got):\n%s", diff)
	}
	ungrouped := 0
	starts := map[string]int{}
	for _, u := range pd.Unresolved {
		if u.Kind != "group" {
			continue
		}
		starts[u.NodeID] = u.Line
		var n, of int
		if _, err := fmt.Sscanf(u.Reason, "%d of %d measures", &n, &of); err != nil {
			t.Fatalf("%q: %v", u.Reason, err)
		}
		ungrouped += n
	}
	if ungrouped+len(grouped) != table || len(starts) != 12 {
		t.Errorf("%d ungrouped + %d grouped of %d table measures, %d pillars reported", ungrouped, len(grouped), table, len(starts))
	}
	for id, line := range map[string]int{"pillar:2025:MISSION-1": 1148, "pillar:2025:MISSION-5": 1559, "pillar:2025:OS-4": 2075} {
		if starts[id] != line {
			t.Errorf("%s reported at line %d, want %d", id, starts[id], line)
		}
	}
	for _, u := range pd.Unresolved {
		if u.NodeID == "pillar:2025:MISSION-5" && !strings.Contains(u.Reason, "(lines 1559–1568, 1592–1644)") {
			t.Errorf("MISSION-5: %s", u.Reason)
		}
	}
}
