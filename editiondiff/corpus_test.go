package editiondiff_test

import (
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/internal/corpustest"
)

// TestCorpus checks the 2023 → 2025 diff against counts taken straight from
// the loader's graph, the obvious way.
func TestCorpus(t *testing.T) {
	g, s := corpustest.Store(t)
	cs := &countingStore{Store: s}
	d, err := editiondiff.Compute(t.Context(), cs, "doc:2023", "doc:2025", "")
	if err != nil {
		t.Fatal(err)
	}
	if cs.calls > 13 { // every walk of the corpus fits in one batch
		t.Errorf("%d store calls, want at most 13", cs.calls)
	}

	// Independently: the planned measures, the later measures with an
	// ancestor, the revisions.
	byID := map[string]*policygraph.Measure{}
	for _, m := range g.Measures {
		byID[m.ID] = m
	}
	planned, newer := 0, 0
	successors := map[string][]*policygraph.Measure{}
	hasAncestor := map[string]bool{}
	// The goals of 2023 a 2025 target revises or keeps, each once.
	revisedGoals, keptGoals := map[string]bool{}, map[string]bool{}
	for _, r := range g.Relationships {
		switch r.Type {
		case policygraph.RelEvolvesFrom:
			successors[r.End] = append(successors[r.End], byID[r.Start])
			hasAncestor[r.Start] = true
		case policygraph.RelRevises:
			revisedGoals[r.End] = true
		case policygraph.RelKeeps:
			keptGoals[r.End] = true
		}
	}
	revised, kept := len(revisedGoals), len(keptGoals)
	// An overview cell that SUMMARIZES a planned measure is not counted;
	// that measure inherits the cell's successors.
	plan := func(m *policygraph.Measure) bool {
		return m.DocumentID == "doc:2023" && m.Status == policygraph.StatusFuture && !m.Relist && m.PillarID != ""
	}
	digested := map[string]bool{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelSummarizes && plan(byID[r.Start]) && plan(byID[r.End]) {
			digested[r.Start] = true
		}
	}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelSummarizes && digested[r.Start] {
			successors[r.End] = append(successors[r.End], successors[r.Start]...)
		}
	}
	// A direction's measure that a pillar's table cell copies is counted
	// as the cell.
	pillarOf := map[string]string{}
	for _, m := range g.Measures {
		pillarOf[m.ID] = m.PillarID
	}
	copied := map[string]bool{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelRelists && pillarOf[r.Start] != "" && pillarOf[r.End] == "" {
			copied[r.End] = true
		}
	}
	notMentioned := 0
	for _, m := range g.Measures {
		switch {
		case m.Relist || digested[m.ID] || copied[m.ID]:
		case m.DocumentID == "doc:2023" && m.Status == policygraph.StatusFuture:
			planned++
			if len(successors[m.ID]) == 0 {
				notMentioned++
			}
		case m.DocumentID == "doc:2025" && !hasAncestor[m.ID]:
			newer++
		}
	}
	tot := d.Totals
	if tot.Planned != planned || tot.NotMentioned != notMentioned || tot.New != newer || tot.Revised != revised || tot.Kept != kept || kept == 0 {
		t.Errorf("totals %+v; counted planned %d, not mentioned %d, new %d, revised %d, kept %d", tot, planned, notMentioned, newer, revised, kept)
	}
	if tot.Progress+tot.Todo+tot.Continued+tot.NotMentioned != tot.Planned {
		t.Errorf("outcomes do not add up to the planned measures: %+v", tot)
	}
	// 12 pillars in 2025 (8 missions, 4 OS); 2023's 13 are all continued,
	// two of them by 経済安全保障・対外経済 (a merge): 12 groups, one with
	// two earlier pillars, then the group of the directions (2023's macro
	// framework, 2025's three 政策の方向性).
	if len(d.Groups) != 13 {
		t.Fatalf("%d groups, want 13", len(d.Groups))
	}
	var sum editiondiff.Totals
	for k, gr := range d.Groups {
		if k == len(d.Groups)-1 {
			if len(gr.Earlier)+len(gr.Later) != 0 || len(gr.EarlierDirections) != 1 || len(gr.LaterDirections) != 3 {
				t.Errorf("last group: pillars %v ← %v, directions %d ← %d; want the directions, 3 ← 1",
					gr.Later, gr.Earlier, len(gr.LaterDirections), len(gr.EarlierDirections))
			}
		} else if len(gr.Later) != 1 {
			t.Errorf("group of %v has %d later pillars", gr.Earlier, len(gr.Later))
			continue
		} else if want := 1 + map[bool]int{true: 1}[gr.Later[0].ID == "pillar:2025:MISSION-3"]; len(gr.Earlier) != want {
			t.Errorf("%s: %d earlier pillars, want %d", gr.Later[0].ID, len(gr.Earlier), want)
		}
		for _, pl := range gr.Planned {
			// The outcome follows the best successor.
			if len(pl.Evidence) > 0 && pl.Outcome != map[string]string{
				policygraph.StatusProgress: editiondiff.OutcomeProgress, policygraph.StatusTodo: editiondiff.OutcomeTodo,
			}[pl.Evidence[0].Later.Status] {
				t.Errorf("%s: outcome %s, best successor %s is %s", pl.Measure.ID, pl.Outcome, pl.Evidence[0].Later.ID, pl.Evidence[0].Later.Status)
			}
		}
		x := gr.Totals
		sum = editiondiff.Totals{Planned: sum.Planned + x.Planned, Progress: sum.Progress + x.Progress, Todo: sum.Todo + x.Todo,
			Continued: sum.Continued + x.Continued, NotMentioned: sum.NotMentioned + x.NotMentioned, New: sum.New + x.New, Revised: sum.Revised + x.Revised, Kept: sum.Kept + x.Kept}
	}
	if sum != tot {
		t.Errorf("groups add up to %+v, totals %+v", sum, tot)
	}
	t.Logf("2023 → 2025: %+v", tot)
}
