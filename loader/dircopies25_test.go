package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// TestDirectionCopies pins the table cells that copy a ⚫ bullet of 政策の方向性
// without a 再掲 mark (read off the seed: cell line ← bullet line), and the
// closest cell that is not a copy.
func TestDirectionCopies(t *testing.T) {
	_, pd := load2025(t)
	line := map[string]int{}
	status := map[string]string{}
	for _, m := range pd.Measures {
		line[m.ID] = m.LineStart
		status[m.ID] = m.Status
	}
	got := map[int]int{}
	for _, r := range pd.Rels {
		if r.Type != policygraph.RelRelists {
			continue
		}
		if r.Properties["marked"] != false {
			t.Errorf("%s: %v, want marked false", r.ID, r.Properties)
		}
		got[line[r.Start]] = line[r.End]
		// a copy of a direction, which lists what is to be done next, is
		// in the 今後検討 column
		if status[r.Start] != policygraph.StatusTodo {
			t.Errorf("copy at %d: status %s", line[r.Start], status[r.Start])
		}
	}
	want := map[int]int{1559: 1041, 1568: 1042, 1599: 1038, 1627: 1055, 1631: 1059, 1635: 1064, 1638: 1048}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("copies cell←bullet (-want +got):\n%s", diff)
	}
	text := map[int]string{}
	for _, m := range pd.Measures {
		text[m.LineStart] = m.Text
	}
	score := func(cell, bullet int) float64 {
		return directionCopyScore(simBigrams(simText(text[cell])), simBigrams(simText(text[bullet])))
	}
	if s := score(1638, 1048); s < directionCopyMin {
		t.Errorf("weakest copy 1638←1048 scores %.2f", s)
	}
	if s := score(2058, 1004); s >= directionCopyMin {
		t.Errorf("2058 (a progress report reusing 1004's aside) scores %.2f", s)
	}
}

// TestDirectionCopiesBound: the bound that spares most comparisons never
// changes the answer: every cell is linked to the bullet a full comparison
// with all bullets picks (and to none where none reaches the cut).
func TestDirectionCopiesBound(t *testing.T) {
	_, pd := load2025(t)
	var bullets []*policygraph.Measure
	for _, m := range pd.Measures {
		if m.PillarID == "" {
			bullets = append(bullets, m)
		}
	}
	got := map[string]string{}
	for _, r := range pd.Rels {
		if r.Type == policygraph.RelRelists && r.Properties["marked"] == false {
			got[r.Start] = r.End
		}
	}
	checked := 0
	for _, m := range pd.Measures {
		if m.PillarID == "" || m.Relist {
			continue
		}
		bg := simBigrams(simText(m.Text))
		want, bestScore := "", 0.0
		for _, b := range bullets {
			if s := directionCopyScore(bg, simBigrams(simText(b.Text))); s > bestScore {
				want, bestScore = b.ID, s
			}
		}
		if bestScore < directionCopyMin {
			want = ""
		}
		if got[m.ID] != want {
			t.Errorf("%d %s: linked to %q, a full comparison says %q (%.3f)", m.LineStart, m.Title, got[m.ID], want, bestScore)
		}
		checked++
	}
	if checked < 250 || len(got) == 0 {
		t.Errorf("%d cells checked, %d copies: the seed has 254 and 7", checked, len(got))
	}
}
