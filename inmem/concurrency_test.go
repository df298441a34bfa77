package inmem_test

import (
	"sync"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

// Concurrent reads of every kind; run with -race to catch shared state.
func TestConcurrentReads(t *testing.T) {
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	ids := []string{"measure:2023:MISSION-1:3f2a9c1b", "law:独占禁止法", "pillar:2023:OS-1", "doc:2025"}
	reads := []func() error{
		func() error { _, err := s.Nodes(ctx, ids); return err },
		func() error {
			_, err := s.Measures(ctx, policygraph.MeasureFilter{Text: "ＧＸ"}, policygraph.MeasureOrder{By: "TITLE", Desc: true}, policygraph.Page{Limit: 3})
			return err
		},
		func() error {
			_, err := s.Targets(ctx, policygraph.TargetFilter{YearFrom: 2025}, policygraph.Page{})
			return err
		},
		func() error { _, err := s.Search(ctx, policygraph.SearchQuery{Text: "基金"}); return err },
		func() error { _, err := s.Neighbourhood(ctx, ids[1], 2, 0); return err },
		func() error { _, err := s.Paths(ctx, ids[0], ids[1], 6, 0); return err },
		func() error {
			_, err := s.Related(ctx, ids, policygraph.RelQuery{Type: policygraph.RelHasMeasure, Direction: policygraph.Incoming})
			return err
		},
		func() error { _, err := s.PillarsUsing(ctx, ids); return err },
		func() error { _, err := s.RelatedPillars(ctx, ids[2]); return err },
		func() error { _, err := s.Stats(ctx); return err },
	}
	var wg sync.WaitGroup
	for i := range 8 {
		for _, read := range reads {
			wg.Go(func() {
				for range 20 + i {
					if err := read(); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
	}
	wg.Wait()
}
