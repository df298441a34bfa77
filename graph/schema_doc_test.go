package graph

import (
	"slices"
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

// TestRelTypeEnum: the schema's RelType enum holds every relationship
// type the model has (it once lacked SUMMARIZES and KEEPS, which
// Relationship.type and stats returned all the same), and no other.
func TestRelTypeEnum(t *testing.T) {
	def := New(nil, nil).Schema().Types["RelType"]
	if def == nil {
		t.Fatal("no RelType in the schema")
	}
	var got []string
	for _, v := range def.EnumValues {
		got = append(got, v.Name)
	}
	want := slices.Clone(policygraph.RelTypes)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("RelType %v, model %v", got, want)
	}
}
