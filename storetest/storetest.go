// Package storetest is the contract suite every policygraph.Store must pass,
// in the spirit of pkgsite's internal/tests: Run checks fixed answers on
// the hand-built Fixture, RunCorpus checks invariants on any graph (the real
// corpus). Both use only the Store interface and compare values, never
// pointers, so they run unchanged against the in-memory and Neo4j stores.
package storetest

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/policygraph/policygraph"
)

// Opener loads g into a new store for the test.
type Opener func(t *testing.T, g *policygraph.Graph) policygraph.Store

// Run loads Fixture() into a store with open and checks every Store method
// against expectations written from the fixture.
func Run(t *testing.T, open Opener) {
	s := open(t, Fixture())
	x := newSuite(s, Fixture()) // a second copy: stores must not share the input
	for _, tc := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"Ping", x.testPing},
		{"Node", x.testNode},
		{"Nodes", x.testNodes},
		{"Pages", x.testPages},
		{"Documents", x.testDocuments},
		{"Pillars", x.testPillars},
		{"Measures", x.testMeasures},
		{"MeasuresOrder", x.testMeasuresOrder},
		{"MeasuresPage", x.testMeasuresPage},
		{"CountMeasures", x.testCountMeasures},
		{"Targets", x.testTargets},
		{"Laws", x.testLaws},
		{"Funds", x.testFunds},
		{"Organisations", x.testOrganisations},
		{"Related", x.testRelated},
		{"PillarsUsing", x.testPillarsUsing},
		{"Search", x.testSearch},
		{"Neighbourhood", x.testNeighbourhood},
		{"Paths", x.testPaths},
		{"RelatedPillars", x.testRelatedPillars},
		{"Stats", x.testStats},
	} {
		t.Run(tc.name, tc.run)
	}
}

// suite holds a store and the fixture values its answers must equal.
type suite struct {
	s     policygraph.Store
	nodes map[string]policygraph.Entity
	rels  map[string]*policygraph.Relationship
}

func newSuite(s policygraph.Store, g *policygraph.Graph) *suite {
	x := &suite{s: s, nodes: map[string]policygraph.Entity{}, rels: map[string]*policygraph.Relationship{}}
	for _, e := range g.Entities() {
		x.nodes[e.NodeID()] = e
	}
	for _, r := range g.Relationships {
		x.rels[r.ID] = r
	}
	return x
}

// cmpOpts compare values: nil and empty slices and maps are equal (a
// database returns empty lists for absent ones).
var cmpOpts = []cmp.Option{cmpopts.EquateEmpty()}

// checkEntities checks that got holds the nodes wantIDs, in order, each
// equal field by field to the fixture's.
func checkEntities[T policygraph.Entity](t *testing.T, x *suite, got []T, wantIDs ...string) {
	t.Helper()
	if diff := cmp.Diff(wantIDs, ids(got), cmpOpts...); diff != "" {
		t.Errorf("ids mismatch (-want +got):\n%s", diff)
		return
	}
	for _, e := range got {
		x.checkEntity(t, e)
	}
}

func (x *suite) checkEntity(t *testing.T, got policygraph.Entity) {
	t.Helper()
	if got == nil {
		t.Errorf("nil entity")
		return
	}
	if diff := cmp.Diff(x.nodes[got.NodeID()], got, cmpOpts...); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", got.NodeID(), diff)
	}
}

// checkRels checks relationships by id and then by value.
func (x *suite) checkRels(t *testing.T, got []*policygraph.Relationship, wantIDs ...string) {
	t.Helper()
	var gotIDs []string
	for _, r := range got {
		gotIDs = append(gotIDs, r.ID)
	}
	if diff := cmp.Diff(wantIDs, gotIDs, cmpOpts...); diff != "" {
		t.Errorf("relationship ids mismatch (-want +got):\n%s", diff)
		return
	}
	for _, r := range got {
		x.checkRel(t, r)
	}
}

func (x *suite) checkRel(t *testing.T, got *policygraph.Relationship) {
	t.Helper()
	if got == nil {
		t.Errorf("nil relationship")
		return
	}
	if diff := cmp.Diff(x.rels[got.ID], got, cmpOpts...); diff != "" {
		t.Errorf("relationship %s mismatch (-want +got):\n%s", got.ID, diff)
	}
}

// hop is a Hop by ids: the relationship and the far node.
type hop struct{ Rel, Node string }

func (x *suite) hops(t *testing.T, hs []policygraph.Hop) []hop {
	t.Helper()
	var out []hop
	for _, h := range hs {
		x.checkRel(t, h.Rel)
		x.checkEntity(t, h.Node)
		out = append(out, hop{h.Rel.ID, h.Node.NodeID()})
	}
	return out
}

func ids[T policygraph.Entity](xs []T) []string {
	var out []string
	for _, e := range xs {
		out = append(out, e.NodeID())
	}
	return out
}

// wantCode checks that err carries the application error code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := policygraph.ErrorCode(err); got != code {
		t.Errorf("error code = %q (%v), want %q", got, err, code)
	}
}

func ptr[T any](v T) *T { return &v }

// manyIDs returns n ids, for batch limits.
func manyIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("nope:%d", i)
	}
	return out
}
