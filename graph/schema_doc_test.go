package graph

import (
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

// TestGraphNodeLabelDoc: GraphNode.label's description names every label
// a node can have (it once left out Amount and Organisation).
func TestGraphNodeLabelDoc(t *testing.T) {
	def := New(nil, nil).Schema().Types["GraphNode"]
	if def == nil || def.Fields.ForName("label") == nil {
		t.Fatal("no GraphNode.label in the schema")
	}
	doc := def.Fields.ForName("label").Description
	for _, l := range policygraph.Labels {
		if !strings.Contains(doc, l) {
			t.Errorf("GraphNode.label's description %q does not name %s", doc, l)
		}
	}
}
