package graph_test

import (
	"maps"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

// TestDistinctMeasureList: Fund.measures(distinct: true) leaves out the
// overview cell m2 when m1, which it SUMMARIZES, is listed too; the planner
// reads the cells' SUMMARIZES in one walk, so the resolver makes no call.
func TestDistinctMeasureList(t *testing.T) {
	g := storetest.Fixture()
	// m2 (the fixture's overview cell) names the GI基金 as m1 does.
	g.Relationships = append(g.Relationships, &policygraph.Relationship{ID: "USES_FUND:" + m2 + "->" + fundGI,
		Type: policygraph.RelUsesFund, Start: m2, End: fundGI, Properties: map[string]any{"surface": "GI基金", "line": 14}})
	base, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	store := newCounting(base)
	c := client.New(newHandler(t, store, nil))
	var got struct {
		Fund struct {
			All, Distinct []idOnly
		}
	}
	mustRun(t, c, `{ fund(id: "`+fundGI+`") { all: measures { id } distinct: measures(distinct: true) { id } } }`, &got)
	if d := cmp.Diff([]string{m1, m2}, ids(got.Fund.All)); d != "" {
		t.Errorf("all (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{m1}, ids(got.Fund.Distinct)); d != "" {
		t.Errorf("distinct (-want +got):\n%s", d)
	}
	want := map[string]int{"Nodes": 1, "Related USES_FUND": 1, "Related SUMMARIZES": 1}
	if calls := store.reset(); !maps.Equal(calls, want) {
		t.Errorf("store calls %v, want %v", calls, want)
	}
}
