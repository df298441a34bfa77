package graph

import (
	"math"
	"testing"

	"github.com/policygraph/policygraph"
)

func TestTotalYen(t *testing.T) {
	a := func(yen int64) *policygraph.Amount { return &policygraph.Amount{Yen: yen} }
	for _, tc := range []struct {
		name    string
		amounts []*policygraph.Amount
		want    int64
	}{
		{"none", nil, 0},
		// The 2023 GX pillar states 20兆円規模 in a target, two measures and its prose.
		{"restated once", []*policygraph.Amount{a(20e12), a(150e12), a(20e12), a(20e12), a(150e12)}, 170e12},
		{"distinct sums add", []*policygraph.Amount{a(1e12), a(2e12), a(0.4e12)}, 3.4e12},
		{"saturates", []*policygraph.Amount{a(math.MaxInt64 - 1), a(5)}, math.MaxInt64},
	} {
		if got := totalYen(tc.amounts); got != tc.want {
			t.Errorf("%s: totalYen = %d, want %d", tc.name, got, tc.want)
		}
	}
}
