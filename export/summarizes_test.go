package export

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/corpustest"
)

// TestSummarizesInEveryFormat: the exports are generic over relationship
// types and properties, so SUMMARIZES (cell 589 → bullet 1909, word for
// word) and Measure.overview follow in each format.
func TestSummarizesInEveryFormat(t *testing.T) {
	g := corpustest.Graph(t)
	var rel *policygraph.Relationship
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelSummarizes && r.Start == "measure:2023:MISSION-4:60ed5709-overview" {
			rel = r
		}
	}
	if rel == nil || rel.End != "measure:2023:MISSION-4:60ed5709" {
		t.Fatalf("no SUMMARIZES from cell 589 to bullet 1909: %+v", rel)
	}
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *policygraph.Graph) error
		want  []string
	}{
		{"json", JSON, []string{`"type":"SUMMARIZES"`, `"overview":true`, `"rule":"restates"`}},
		{"graphml", GraphML, []string{`>SUMMARIZES<`, `attr.name="overview"`, `attr.name="rule"`}},
		{"cypher", Cypher, []string{"SUMMARIZES", "overview", "restates"}},
		{"csv", CSV, nil}, // TestCSVRoundTrip reads the seed graph back whole
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf, g); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s export lacks %s", tc.name, w)
			}
		}
	}
}
