package policygraph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph"
	"github.com/policygraph/policygraph/internal/corpustest"
	"github.com/policygraph/policygraph/textsearch"
)

// TestSearchCorpus holds search to what a researcher found on the seed
// corpus. A hit is named by its edition and seed line ("2025:1281") when it
// comes from a line, else by its id.
func TestSearchCorpus(t *testing.T) {
	g, s := corpustest.Store(t)
	years := map[string]int{}
	for _, d := range g.Documents {
		years[d.ID] = d.Year
	}
	name := func(e policygraph.Entity) string {
		if src, ok := policygraph.SourceOf(e); ok && src.LineStart > 0 {
			if y := years[policygraph.DocumentOf(e)]; y > 0 {
				return fmt.Sprintf("%d:%d", y, src.LineStart)
			}
		}
		return e.NodeID()
	}
	// SearchHit.marked's default markers must mean a match, never text.
	for _, e := range g.Entities() {
		for _, f := range textsearch.Fields(e) {
			if strings.ContainsAny(f.Text, graph.DefaultMarkOpen+graph.DefaultMarkClose) {
				t.Errorf("%s %s holds a default marker: %q", e.NodeID(), f.Name, f.Text)
			}
			// textsearch's fast path agrees with NFKC on every text.
			want := strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return unicode.ToLower(r)
			}, norm.NFKC.String(f.Text))
			if got := textsearch.Normalize(f.Text); got != want {
				t.Errorf("%s %s: Normalize = %q, NFKC gives %q", e.NodeID(), f.Name, got, want)
			}
		}
	}
	// Equal scores: the node a query names (its name) before the one
	// that has it as an alias: ＤＸ is the 2025 pillar's name and an
	// alias of the 2023 pillar (both score 4).
	if hits, err := s.Search(t.Context(), policygraph.SearchQuery{Text: "DX", Limit: 2}); err != nil || len(hits) != 2 ||
		hits[0].Node.NodeID() != "pillar:2025:MISSION-2" || hits[0].Score != hits[1].Score {
		var got []string
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%s %s %v", h.Node.NodeID(), h.Field, h.Score))
		}
		t.Errorf("DX: %v (%v), want the 2025 pillar named ＤＸ first, tied with the 2023 pillar", got, err)
	}
	for _, tc := range []struct {
		query string
		// want are hits the answer must hold.
		want []string
		// below: each pair's first hit must rank below its second.
		below [][2]string
	}{
		// Words apart (finding 2): 「半導体人材」 is no longer the only answer.
		{query: "半導体 人材", want: []string{"2023:1617", "2025:1281"}, below: [][2]string{{"2023:1617", "2023:1613"}, {"2025:1281", "2023:1613"}}}, // 「…半導体人材…」 first
		{query: "人材\u3000半導体", want: []string{"2023:1617", "2025:1281"}},
		// A fund by its alias finds the texts that write its name, and the
		// reverse (finding 1); the fund itself comes first.
		{query: "GI基金", want: []string{"fund:グリーンイノベーション基金", "2025:1189", "2025:1747", "2025:1770", "2023:691"},
			below: [][2]string{{"2025:1189", "fund:グリーンイノベーション基金"}}},
		{query: "グリーンイノベーション基金", want: []string{"fund:グリーンイノベーション基金", "2025:1189", "2023:691"},
			below: [][2]string{{"2023:691", "fund:グリーンイノベーション基金"}}},
		// AI inside AIST ranks below AI on its own (finding 5).
		{query: "AI", want: []string{"org:AIST"}, below: [][2]string{{"org:AIST", "2023:1113"}}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			hits, err := s.Search(t.Context(), policygraph.SearchQuery{Text: tc.query, Limit: policygraph.MaxPage})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, name(h.Node))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("no hit %s in %v", w, got)
				}
			}
			for _, b := range tc.below {
				i, j := slices.Index(got, b[0]), slices.Index(got, b[1])
				if i < 0 || j < 0 || i < j {
					t.Errorf("%s (at %d) should rank below %s (at %d)", b[0], i, b[1], j)
				}
			}
		})
	}
}
