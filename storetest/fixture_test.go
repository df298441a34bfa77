package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// The fixture must be a valid graph on its own terms, whatever the store.
func TestFixtureIsConsistent(t *testing.T) {
	g := Fixture()
	ids := map[string]policygraph.Entity{}
	for _, e := range g.Entities() {
		if ids[e.NodeID()] != nil {
			t.Errorf("duplicate id %s", e.NodeID())
		}
		ids[e.NodeID()] = e
	}
	rels := map[string]bool{}
	for _, r := range g.Relationships {
		if rels[r.ID] {
			t.Errorf("duplicate relationship %s", r.ID)
		}
		rels[r.ID] = true
		if ids[r.Start] == nil || ids[r.End] == nil {
			t.Errorf("%s: dangling end", r.ID)
		}
		if r.ID != relID(r.Type, r.Start, r.End) {
			t.Errorf("%s: id is not TYPE:start->end", r.ID)
		}
	}
	// Every property round-trips through the Neo4j property shape.
	for _, e := range g.Entities() {
		props, err := policygraph.Properties(e)
		if err != nil {
			t.Fatal(err)
		}
		back, err := policygraph.EntityFromProperties(e.Label(), props)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(e, back, cmpOpts...); diff != "" {
			t.Errorf("%s does not round-trip (-fixture +back):\n%s", e.NodeID(), diff)
		}
	}
}

// Fixture returns a fresh copy each time, so tests cannot leak changes.
func TestFixtureIsFresh(t *testing.T) {
	a, b := Fixture(), Fixture()
	a.Measures[0].Title = "changed"
	if b.Measures[0].Title == "changed" {
		t.Error("Fixture shares values between calls")
	}
}
