package policygraph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/storetest"
)

// TestGraphAdd: adding every entity of a graph to an empty one gives the same
// nodes in the same order (Add is the inverse of Entities, for every label).
func TestGraphAdd(t *testing.T) {
	g := storetest.Fixture()
	var h policygraph.Graph
	labels := map[string]bool{}
	for _, e := range g.Entities() {
		if !h.Add(e) {
			t.Fatalf("Add(%T) = false", e)
		}
		labels[e.Label()] = true
	}
	if len(labels) != len(policygraph.Labels) {
		t.Errorf("the fixture has %d of the %d labels", len(labels), len(policygraph.Labels))
	}
	if diff := cmp.Diff(g.Entities(), h.Entities()); diff != "" {
		t.Errorf("entities differ (-fixture +added):\n%s", diff)
	}
	if h.Add(nil) {
		t.Error("Add(nil) = true")
	}
}
