package editiondiff_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixtureDiff is the fixture's diff with one planned measure reported as
// progress and one still to consider, so every section is written.
func fixtureDiff(t *testing.T) *editiondiff.Diff {
	t.Helper()
	g := storetest.Fixture()
	g.Relationships = append(g.Relationships, evolves(m7, m2, 0.6), evolves(m8, m5, 0.5))
	withKept(g)
	s, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	d, err := editiondiff.Compute(t.Context(), s, doc23, doc25, "")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestWriteGolden writes the fixture's diff in every format and compares
// with testdata/fixture.<format>; go test ./editiondiff -update rewrites them.
func TestWriteGolden(t *testing.T) {
	d := fixtureDiff(t)
	for _, format := range editiondiff.Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := editiondiff.Write(&buf, d, format); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "fixture."+format)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s differs from %s (-want +got); run go test ./editiondiff -update if intended:\n%s", format, path, diff)
			}
		})
	}
	if err := editiondiff.Write(&bytes.Buffer{}, d, "xml"); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestWriteParses reads the JSON and CSV reports back: the JSON totals are
// the diff's, and the CSV has a row per planned measure, new measure and
// revision, with the header's width.
func TestWriteParses(t *testing.T) {
	d := fixtureDiff(t)
	var js bytes.Buffer
	if err := editiondiff.Write(&js, d, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Totals map[string]int
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"planned": d.Totals.Planned, "progress": d.Totals.Progress, "todo": d.Totals.Todo,
		"continued": d.Totals.Continued, "notMentioned": d.Totals.NotMentioned, "new": d.Totals.New, "revised": d.Totals.Revised, "kept": d.Totals.Kept}
	if diff := cmp.Diff(want, got.Totals); diff != "" {
		t.Errorf("JSON totals (-want +got):\n%s", diff)
	}
	var cs bytes.Buffer
	if err := editiondiff.Write(&cs, d, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if d.Totals.Kept != 1 {
		t.Errorf("%d targets kept, want 1 (withKept)", d.Totals.Kept)
	}
	if n := d.Totals.Planned + d.Totals.New + d.Totals.Revised + d.Totals.Kept; len(rows) != n+1 {
		t.Errorf("%d CSV rows, want a header and %d", len(rows), n)
	}
	kinds := map[string]int{}
	for _, r := range rows[1:] {
		kinds[r[2]]++
		if r[2] == "planned" && r[3] == editiondiff.OutcomeProgress && r[9] != policygraph.StatusProgress {
			t.Errorf("a PROGRESS row whose successor is %s: %v", r[9], r)
		}
	}
	if kinds["planned"] != d.Totals.Planned || kinds["new"] != d.Totals.New || kinds["revised_target"] != d.Totals.Revised || kinds["kept_target"] != d.Totals.Kept {
		t.Errorf("CSV rows by kind %v, totals %+v", kinds, d.Totals)
	}
}
