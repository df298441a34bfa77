package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seed2025 = "001_35a8d6215b8ea1a0.txt"

func load2025(t *testing.T) (*docText, *parsedDoc) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "seed", seed2025))
	if err != nil {
		t.Fatal(err)
	}
	dt, err := newDocText(seed2025, 2025, "doc:2025", data)
	if err != nil {
		t.Fatal(err)
	}
	pd, err := parse2025(dt)
	if err != nil {
		t.Fatal(err)
	}
	return dt, pd
}

func TestParse2025Dump(t *testing.T) {
	if os.Getenv("PG_DUMP25") == "" {
		t.Skip("set PG_DUMP25=1 to dump the parse of the 2025 seed")
	}
	dt, pd := load2025(t)
	var b strings.Builder
	for _, p := range pd.Pillars {
		fmt.Fprintf(&b, "PILLAR %s %s %q aliases=%q goal=%q src=%d-%d\n", p.Key, p.Kind, p.Name, p.Aliases, p.LongTermGoal, p.LineStart, p.LineEnd)
	}
	for _, d := range pd.Directions {
		fmt.Fprintf(&b, "DIR %d %q %d-%d\n", d.Ordinal, d.Title, d.LineStart, d.LineEnd)
	}
	for _, g := range pd.Groups {
		fmt.Fprintf(&b, "GROUP %s %q %d-%d\n", g.PillarID, g.Name, g.LineStart, g.LineEnd)
	}
	for _, m := range pd.Measures {
		fmt.Fprintf(&b, "M %d-%d %s %s g=%v y=%d-%d r=%v %q\n", m.LineStart, m.LineEnd, m.PillarID, m.Status, m.GroupID != "", m.StartYear, m.EndYear, m.Relist, m.Text)
	}
	for _, tg := range pd.Targets {
		fmt.Fprintf(&b, "T %d-%d %s %s y=%d v=%v u=%q %q\n", tg.LineStart, tg.LineEnd, tg.PillarID, tg.Kind, tg.Year, tg.Value, tg.Unit, tg.Text)
	}
	for i, l := range dt.Raw {
		if strings.TrimSpace(l) != "" && pd.Placed[i+1] == "" {
			fmt.Fprintf(&b, "UNPLACED %d %q\n", i+1, l)
		}
	}
	os.WriteFile("/tmp/dump25.txt", []byte(b.String()), 0o644)
}
