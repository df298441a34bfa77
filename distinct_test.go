package policygraph_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

func TestDistinctMeasures(t *testing.T) {
	m := func(id string) *policygraph.Measure { return &policygraph.Measure{ID: id} }
	links := map[string][]string{"cell": {"bullet"}, "cell2": {"other"}, "list": {"bullet", "b2"}}
	summarizes := func(x *policygraph.Measure) ([]string, error) { return links[x.ID], nil }
	tests := []struct {
		in, want []string
	}{
		{nil, []string{}},
		{[]string{"cell", "bullet"}, []string{"bullet"}}, // the cell counts through its bullet
		{[]string{"bullet", "cell"}, []string{"bullet"}}, // whatever the order
		{[]string{"cell", "x"}, []string{"cell", "x"}},   // its bullet is not listed: it stays
		{[]string{"cell2", "cell", "bullet"}, []string{"cell2", "bullet"}},
		{[]string{"list", "b2"}, []string{"b2"}}, // one of its bullets is enough
	}
	for _, tt := range tests {
		var in []*policygraph.Measure
		for _, id := range tt.in {
			in = append(in, m(id))
		}
		out, err := policygraph.DistinctMeasures(in, summarizes)
		if err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, x := range out {
			got = append(got, x.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("DistinctMeasures(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	boom := errors.New("read failed")
	if _, err := policygraph.DistinctMeasures([]*policygraph.Measure{m("cell")}, func(*policygraph.Measure) ([]string, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("err = %v, want the read error", err)
	}
}
