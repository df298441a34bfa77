package loader

import (
	"strconv"
	"strings"
	"testing"
)

// Hostile texts: one long clause of dates or quantities, where every date
// or quantity looks ahead to the end of its clause or sentence. The old
// scanners took 14.6 s (measurePeriod) and 6.4 s (goals) at 100 KB.
var hostileTexts = []struct {
	name string
	unit string
	run  func(string)
}{
	{"measurePeriod", "2017年の", func(s string) { measurePeriod(s, 2023) }},
	{"goals", "2030年に5兆円目標", func(s string) { goals(s, 2023) }},
	{"statedGoals", "2030年に5兆円目標", func(s string) { statedGoals(s, 2023) }},
	{"nowBefore", "(現在1%", func(s string) { goals(s, 2023) }},
	{"roleOf", "2017年の立ち上げ", func(s string) { measurePeriod(s, 2023) }},
}

// TestExtractorsLinear counts the runes the scans visit (scanSteps), not
// time: doubling the text may at most double the work, plus slack.
func TestExtractorsLinear(t *testing.T) {
	steps := func(run func(string), s string) int64 {
		scanSteps.Store(0)
		run(s)
		return scanSteps.Load()
	}
	for _, tc := range hostileTexts {
		t.Run(tc.name, func(t *testing.T) {
			const n = 2000
			one := steps(tc.run, strings.Repeat(tc.unit, n))
			two := steps(tc.run, strings.Repeat(tc.unit, 2*n))
			if one == 0 {
				t.Fatal("no steps counted")
			}
			if float64(two) > 2.2*float64(one)+100 {
				t.Errorf("steps(2n)=%d > 2.2·steps(n)=%d: not linear", two, one)
			}
		})
	}
}

func BenchmarkExtractorsHostile(b *testing.B) {
	for _, size := range []int{50_000, 100_000} {
		for _, tc := range hostileTexts {
			s := strings.Repeat(tc.unit, size/len(tc.unit))
			b.Run(tc.name+"/"+strconv.Itoa(size/1000)+"KB", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					tc.run(s)
				}
			})
		}
	}
}
