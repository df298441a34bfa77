package inmem_test

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

func TestNewRejectsBadGraphs(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(g *policygraph.Graph)
	}{
		{"duplicate id across labels", func(g *policygraph.Graph) { g.Laws[0].ID = g.Measures[0].ID }},
		{"duplicate id within a label", func(g *policygraph.Graph) { g.Measures[1].ID = g.Measures[0].ID }},
		{"empty id", func(g *policygraph.Graph) { g.Funds[0].ID = "" }},
		{"nil node", func(g *policygraph.Graph) { g.Targets = append(g.Targets, nil) }},
		{"relationship to a missing node", func(g *policygraph.Graph) { g.Relationships[0].End = "pillar:1999:MISSION-1" }},
		{"relationship from a missing node", func(g *policygraph.Graph) { g.Relationships[0].Start = "doc:1999" }},
		{"duplicate relationship id", func(g *policygraph.Graph) { g.Relationships[1].ID = g.Relationships[0].ID }},
		{"unknown relationship type", func(g *policygraph.Graph) { g.Relationships[0].Type = "MENTIONS" }},
		{"nil relationship", func(g *policygraph.Graph) { g.Relationships = append(g.Relationships, nil) }},
		{"missing document", func(g *policygraph.Graph) { g.Measures[0].DocumentID = "doc:1999" }},
		{"pillarId not a pillar", func(g *policygraph.Graph) { g.Targets[0].PillarID = g.Measures[0].ID }},
		{"missing group", func(g *policygraph.Graph) { g.Measures[0].GroupID = "group:2023:X:0" }},
		{"unknown status", func(g *policygraph.Graph) { g.Measures[0].Status = "DONE" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := storetest.Fixture()
			tc.mutate(g)
			_, err := inmem.New(g)
			if code := policygraph.ErrorCode(err); code != policygraph.EINVALID {
				t.Fatalf("New: error %v (code %q), want %q", err, code, policygraph.EINVALID)
			}
			if op := err.(*policygraph.Error).Op; op != "inmem.New" {
				t.Errorf("Op = %q, want inmem.New", op)
			}
		})
	}
	if _, err := inmem.New(nil); policygraph.ErrorCode(err) != policygraph.EINVALID {
		t.Errorf("New(nil): %v, want EINVALID", err)
	}
	if _, err := inmem.New(&policygraph.Graph{}); err != nil {
		t.Errorf("New(empty graph): %v", err)
	}
}

func TestErrorsNameTheMethod(t *testing.T) {
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Node(t.Context(), "nope")
	if e, ok := err.(*policygraph.Error); !ok || e.Op != "inmem.Node" {
		t.Errorf("Node error = %#v, want Op inmem.Node", err)
	}
	_, err = s.Measures(t.Context(), policygraph.MeasureFilter{Statuses: []string{"X"}}, policygraph.MeasureOrder{}, policygraph.Page{})
	if e, ok := err.(*policygraph.Error); !ok || e.Op != "inmem.Measures" {
		t.Errorf("Measures error = %#v, want Op inmem.Measures", err)
	}
}

// The store copies its input: changing the graph afterwards changes nothing.
func TestNewCopiesTheGraph(t *testing.T) {
	g := storetest.Fixture()
	s, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	id, title := g.Measures[0].ID, g.Measures[0].Title
	g.Measures[0].Title = "changed"
	g.Laws[0].Aliases[0] = "changed"
	g.Relationships[len(g.Relationships)-1].Properties["score"] = 0.0
	e, err := s.Node(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.(*policygraph.Measure).Title; got != title {
		t.Errorf("title = %q after changing the input, want %q", got, title)
	}
	l, _ := s.Node(t.Context(), g.Laws[0].ID)
	if l.(*policygraph.Law).Aliases[0] == "changed" {
		t.Error("law alias changed with the input")
	}
}
