package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

// BenchmarkAmountsManyInOneParagraph: a paragraph of n lines with an amount
// each, plain (投資1兆円) or over a span relative to the edition, which
// relativeSpan reads back for (今後10年で1円), or one line of n amounts
// (1円、…), whose surfaces are read off the one raw line. ns/op divided by
// n stays flat when finding the amounts is linear (each amount once read
// back to the one before it and ahead a few bytes), and grows with n when
// each reads the paragraph, the line or the rest of the text.
//
//	go test -run '^$' -bench AmountsManyInOneParagraph ./loader
func BenchmarkAmountsManyInOneParagraph(b *testing.B) {
	for _, unit := range []string{"投資1兆円\n", "今後10年で1円\n", "1円、"} {
		for _, n := range []int{1000, 4000, 16000} {
			dt, err := newDocText("t.txt", 2023, "doc:2023", []byte(strings.Repeat(unit, n)))
			if err != nil {
				b.Fatal(err)
			}
			pd := &parsedDoc{Doc: &policygraph.Document{ID: "doc:2023", Year: 2023}, Placed: make(placement, n+2)}
			x := newDocIndex(dt)
			b.Run(fmt.Sprintf("%s/n=%d", strings.TrimSpace(unit), n), func(b *testing.B) {
				for b.Loop() {
					if got := len(findAmounts(x, pd)); got != n {
						b.Fatalf("%d amounts, want %d", got, n)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/amount")
			})
		}
	}
}
