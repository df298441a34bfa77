package loader

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestSummary pins the shape of the whole graph built from the embedded
// seeds: counts per label and relationship type, per document and in total,
// and the laws and funds found. Refresh after an intended change with
//
//	go test ./loader -run Summary -update
func TestSummary(t *testing.T) {
	g, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# Summary of the graph loaded from the embedded seeds.\n# Refresh: go test ./loader -run Summary -update\n")
	for _, d := range rep.Documents {
		fmt.Fprintf(&b, "\n%s %s (%d lines, %d unplaced)\n", d.DocID, d.File, d.Lines, len(d.Unplaced))
		for _, l := range policygraph.Labels {
			fmt.Fprintf(&b, "  node %-16s %d\n", l, d.Nodes[l])
		}
		for _, r := range policygraph.RelTypes {
			fmt.Fprintf(&b, "  rel  %-16s %d\n", r, d.Rels[r])
		}
	}
	nodes := map[string]int{}
	for _, e := range g.Entities() {
		nodes[e.Label()]++
	}
	rels := map[string]int{}
	for _, r := range g.Relationships {
		rels[r.Type]++
	}
	b.WriteString("\ntotal\n")
	for _, l := range policygraph.Labels {
		fmt.Fprintf(&b, "  node %-16s %d\n", l, nodes[l])
	}
	for _, r := range policygraph.RelTypes {
		fmt.Fprintf(&b, "  rel  %-16s %d\n", r, rels[r])
	}
	fmt.Fprintf(&b, "  law/fund mentions %d\n  unresolved       %d\n", rep.Mentions, len(rep.Unresolved))
	b.WriteString("\nlaws\n")
	for _, l := range g.Laws {
		fmt.Fprintf(&b, "  %s foreign=%v\n", l.ID, l.Foreign)
	}
	b.WriteString("\nfunds\n")
	for _, f := range g.Funds {
		fmt.Fprintf(&b, "  %s\n", f.ID)
	}
	b.WriteString("\norganisations\n")
	for _, o := range g.Organisations {
		fmt.Fprintf(&b, "  %s %s\n", o.ID, o.Kind)
	}
	fmt.Fprintf(&b, "  organisation mentions %d\n  amounts held by a document only %d\n", rep.OrgMentions, len(rep.LooseAmounts))
	b.WriteString("\ncontinues\n")
	names := map[string]string{}
	for _, p := range g.Pillars {
		names[p.ID] = p.Name
	}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelContinues {
			fmt.Fprintf(&b, "  %s (%s) -> %s (%s)\n", r.Start, names[r.Start], r.End, names[r.End])
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "summary.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./loader -run Summary -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("summary differs from %s (-want +got); if the change is intended, run go test ./loader -run Summary -update\n%s", path, diff)
	}
}
