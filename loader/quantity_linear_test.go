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

// BenchmarkExtractorsHostile runs the extractors on the hostile texts at
// two sizes: the time per op should double, not quadruple, from 50 to 100
// KB (measured at the fix: ratios 2.0–2.4; the old scanners took 14.6 s for
// measurePeriod and 6.4 s for goals at 100 KB).
//
//	go test -run '^$' -bench ExtractorsHostile ./loader
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
