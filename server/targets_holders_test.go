package server_test

import (
	"testing"

	"github.com/policygraph/policygraph/server"
)

// TestTargetHolders asks each new holder of goals on its own: a document's
// key-message goals, the 2023 macro framework's, and a measure's stated
// goal, which its pillar lists too.
func TestTargetHolders(t *testing.T) {
	f := newFixture(t, server.Config{}, seedStore(t))
	type target struct {
		ID, Kind string
		Value    *float64
		Year     *int
	}
	var doc struct{ Document struct{ Targets []target } }
	mustQuery(t, f, `{ document(id: "doc:2023") { targets { id kind value year } } }`, &doc)
	if ts := doc.Document.Targets; len(ts) != 1 || ts[0].Kind != "KEY_MESSAGE" || ts[0].Value == nil || *ts[0].Value != 115 || ts[0].Year == nil || *ts[0].Year != 2027 {
		t.Errorf("doc:2023 targets %+v, want the key message's 115兆円 in 2027 (line 74)", ts)
	}
	var dir struct{ Node struct{ Targets []target } }
	mustQuery(t, f, `{ node(id: "direction:2023:1") { ... on PolicyDirection { targets { id kind } } } }`, &dir)
	if n := len(dir.Node.Targets); n != 4 {
		t.Errorf("the macro framework holds %d goals, want 4 (lines 328, 330, 335, 341)", n)
	}
	var m struct {
		Measures struct {
			Nodes []struct {
				ID      string
				Targets []struct {
					ID, Kind string
					Pillar   struct{ ID string }
				}
				Pillar struct{ Targets []struct{ ID string } }
			}
		}
	}
	mustQuery(t, f, `{ measures(filter: {text: "デジタル推進人材230万人"}, first: 5) { nodes { id targets { id kind pillar { id } } pillar { targets { id } } } } }`, &m)
	found := 0
	for _, n := range m.Measures.Nodes {
		for _, tg := range n.Targets {
			found++
			held := false
			for _, pt := range n.Pillar.Targets {
				held = held || pt.ID == tg.ID
			}
			if tg.Kind != "MEASURE_GOAL" || !held {
				t.Errorf("%s: target %+v, want a MEASURE_GOAL its pillar holds too", n.ID, tg)
			}
		}
	}
	if found == 0 {
		t.Errorf("no measure stating デジタル推進人材230万人 has a target: %+v", m.Measures.Nodes)
	}
}

// TestTargetKeeps asks KEEPS both ways, each field on its own: 2025's
// 健康寿命75歳 keeps 2023's, which is kept by it; a revised goal keeps
// nothing.
func TestTargetKeeps(t *testing.T) {
	f := newFixture(t, server.Config{}, seedStore(t))
	var later struct {
		Targets struct {
			Nodes []struct {
				ID    string
				Keeps *struct {
					ID       string
					Document struct{ Year int }
					Value    float64
				}
			}
		}
	}
	mustQuery(t, f, `{ targets(filter: {document: "doc:2025", text: "健康寿命を75歳"}, first: 5) { nodes { id keeps { id document { year } value } } } }`, &later)
	if n := later.Targets.Nodes; len(n) != 1 || n[0].Keeps == nil || n[0].Keeps.Document.Year != 2023 || n[0].Keeps.Value != 75 {
		t.Fatalf("2025 健康寿命75歳: %+v, want one target that keeps 2023's 75", n)
	}
	earlierID := later.Targets.Nodes[0].Keeps.ID
	var earlier struct {
		Node struct{ KeptBy []struct{ ID string } }
	}
	mustQuery(t, f, `{ node(id: "`+earlierID+`") { ... on Target { keptBy { id } } } }`, &earlier)
	if k := earlier.Node.KeptBy; len(k) != 1 || k[0].ID != later.Targets.Nodes[0].ID {
		t.Errorf("%s keptBy %+v, want %s", earlierID, k, later.Targets.Nodes[0].ID)
	}
	var revised struct {
		Node struct{ Keeps *struct{ ID string } }
	}
	mustQuery(t, f, `{ node(id: "target:2025:MISSION-3:e1e136c7") { ... on Target { keeps { id } } } }`, &revised)
	if revised.Node.Keeps != nil {
		t.Errorf("a revised goal keeps %s", revised.Node.Keeps.ID)
	}
}
