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
