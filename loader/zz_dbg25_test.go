package loader

import (
	"strings"
	"testing"
)

func TestZZDbg25(t *testing.T) {
	dt, pd := load2025(t)
	for _, m := range pd.Measures {
		if m.PillarID == "" {
			continue
		}
		first := dispWidth(strings.TrimSpace(dt.Raw[m.LineStart-1]))
		for l := m.LineStart; l < m.LineEnd; l++ {
			w := dispWidth(strings.TrimSpace(dt.Raw[l-1]))
			if w*10 < first*8 && strings.TrimSpace(dt.Raw[l-1]) != "" {
				t.Logf("short internal line %d in %d-%d: %q", l, m.LineStart, m.LineEnd, dt.Raw[l-1])
			}
		}
	}
	counts := map[string]int{}
	for _, m := range pd.Measures {
		counts[m.PillarID+" "+m.Status]++
	}
	for _, p := range pd.Pillars {
		t.Logf("%s P=%d T=%d", p.Key, counts[p.ID+" PROGRESS"], counts[p.ID+" TODO"])
	}
	for _, l := range []int{982, 984, 985, 987, 988, 990, 991, 996, 998, 1065, 1103, 1105, 1107, 1111, 1116, 1129, 1138, 1140, 1459, 1667, 2071, 2079, 293, 452, 388} {
		t.Logf("%d %s", l, pd.Placed[l])
	}
}
