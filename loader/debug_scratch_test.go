package loader

import (
	"sort"
	"os"
	"testing"

	"github.com/policygraph/policygraph/seed"
)

func TestScratchReport(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	g, rep, err := LoadFS(seed.FS())
	t.Logf("err=%v", err)
	rep.WriteTo(os.Stdout)
	for _, r := range g.Relationships {
		if r.Type != "HAS_MEASURE" && r.Type != "IN_GROUP" && r.Type != "HAS_GROUP" && r.Type != "HAS_TARGET" {
			t.Logf("%s %v", r.ID, r.Properties)
		}
	}
}

func TestScratchRelists(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	g, _, _ := LoadFS(seed.FS())
	byID := map[string]string{}
	for _, m := range g.Measures {
		byID[m.ID] = m.Text
		if m.Relist {
			t.Logf("RELIST %s L%d-%d: %q", m.ID, m.LineStart, m.LineEnd, m.Text)
		}
	}
	for _, r := range g.Relationships {
		if r.Type == "RELISTS" || r.Type == "REFERS_TO" {
			t.Logf("%s\n   %q\n-> %q", r.ID, byID[r.Start], byID[r.End])
		}
	}
}

func TestScratchRelistDist(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	g, _, _ := LoadFS(seed.FS())
	for _, r := range g.Measures {
		if !r.Relist {
			continue
		}
		keys := relistKeys(r.Text)
		type sc struct{ d, c float64; txt string }
		var all []sc
		for _, c := range g.Measures {
			if c == r { continue }
			ct := simText(c.Text)
			cb := simBigrams(ct)
			bd, bc := 0.0, 0.0
			for _, k := range keys {
				kb := simBigrams(k)
				bd = max(bd, simDice(kb, cb)); bc = max(bc, simCover(kb, cb))
			}
			all = append(all, sc{bd, bc, c.Text})
		}
		sort.Slice(all, func(i, j int) bool { return max(all[i].d, all[i].c) > max(all[j].d, all[j].c) })
		t.Logf("RELIST %q", r.Text)
		for _, a := range all[:4] {
			t.Logf("   dice=%.2f cover=%.2f %.60s", a.d, a.c, a.txt)
		}
	}
}

func TestScratchEvolve(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	g, _, _ := LoadFS(seed.FS())
	pn := map[string]string{}
	for _, p := range g.Pillars {
		pn[p.ID] = p.Name
		t.Logf("PILLAR %s %q %v", p.ID, p.Name, p.Aliases)
	}
	for _, r := range g.Relationships {
		if r.Type == "CONTINUES" {
			t.Logf("CONT %s(%s) -> %s(%s)", r.Start, pn[r.Start], r.End, pn[r.End])
		}
	}
	var old, nw []*simItem
	for _, m := range g.Measures {
		st := simText(m.Text)
		it := &simItem{m: m, text: st, bg: simBigrams(st)}
		if m.DocumentID == "doc:2023" { old = append(old, it) } else { nw = append(nw, it) }
	}
	type res struct{ s float64; a, b string; same bool }
	var all []res
	for _, a := range nw {
		var best res
		for _, b := range old {
			s := simDice(a.bg, b.bg)
			if s > best.s { best = res{s, a.m.Text, b.m.Text, false} }
		}
		all = append(all, best)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
	for i, r := range all {
		if i < 45 || i%10 == 0 {
			t.Logf("%.3f\n    25: %.80s\n    23: %.80s", r.s, r.a, r.b)
		}
	}
}
