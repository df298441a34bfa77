package loader

import (
	"testing"

	"github.com/policygraph/policygraph/seed"
)

// BenchmarkExtractors runs the years and quantity extractors over every
// measure and target text of the corpus, as the loader does once per load.
//
//	go test -run '^$' -bench Extractors -benchmem ./loader
func BenchmarkExtractors(b *testing.B) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		b.Fatal(err)
	}
	var measures, targets []string
	for _, m := range g.Measures {
		measures = append(measures, m.Text)
	}
	for _, t := range g.Targets {
		targets = append(targets, t.Text)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range measures {
			measurePeriod(s, 2023)
			statedGoals(s, 2023)
		}
		for _, s := range targets {
			goals(s, 2023)
		}
	}
}
