package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/inmem"
)

// TestDiffFormats runs `policygraph diff` on the embedded seeds in every
// format and checks each output against the diff computed directly.
func TestDiffFormats(t *testing.T) {
	g, _, err := loadGraph("")
	if err != nil {
		t.Fatal(err)
	}
	s, err := inmem.New(g)
	if err != nil {
		t.Fatal(err)
	}
	want, err := editiondiff.Compute(t.Context(), s, "doc:2023", "doc:2025", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range editiondiff.Formats {
		t.Run(format, func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), []string{"diff", "--from", "doc:2023", "--to", "doc:2025", "--format", format}, noEnv, &out, &errb); err != nil {
				t.Fatalf("%v\n%s", err, errb.String())
			}
			switch format {
			case "md":
				if !strings.HasPrefix(out.String(), "# 2023 → 2025") || !strings.Contains(out.String(), fmt.Sprintf("| **all** | %d |", want.Totals.Planned)) {
					t.Errorf("markdown report:\n%.600s", out.String())
				}
			case "json":
				var got struct {
					Totals map[string]int
					Groups []any
				}
				if err := json.Unmarshal(out.Bytes(), &got); err != nil {
					t.Fatal(err)
				}
				if got.Totals["planned"] != want.Totals.Planned || got.Totals["new"] != want.Totals.New || len(got.Groups) != len(want.Groups) {
					t.Errorf("json totals %v, %d groups; want %+v, %d", got.Totals, len(got.Groups), want.Totals, len(want.Groups))
				}
			case "csv":
				rows, err := csv.NewReader(&out).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if n := want.Totals.Planned + want.Totals.New + want.Totals.Revised + want.Totals.Kept + 1; len(rows) != n {
					t.Errorf("%d rows, want %d", len(rows), n)
				}
			}
		})
	}
}

func TestDiffToFileAndPillar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dx.md")
	var out, errb bytes.Buffer
	args := []string{"diff", "--from", "doc:2023", "--to", "doc:2025", "--pillar", "pillar:2025:MISSION-2", "-o", path}
	if err := run(context.Background(), args, noEnv, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 || !strings.Contains(string(b), "## MISSION-2 ＤＸ ← MISSION-2 デジタル社会の実現") || strings.Contains(string(b), "## MISSION-1") {
		t.Errorf("stdout %q; file:\n%.800s", out.String(), b)
	}
}

// TestDiffSeedWinsOverEnv: an explicit --seed is used even with NEO4J_URI in
// the environment (nothing listens there); both on the command line is an
// error.
func TestDiffSeedWinsOverEnv(t *testing.T) {
	env := envOf(map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"})
	var out, errb bytes.Buffer
	args := []string{"diff", "--from", "doc:2023", "--to", "doc:2025", "--seed", "../../seed", "--format", "json"}
	if err := run(context.Background(), args, env, &out, &errb); err != nil || !json.Valid(out.Bytes()) {
		t.Fatalf("--seed with NEO4J_URI in the environment: %v\n%s", err, errb.String())
	}
	err := run(context.Background(), append(args, "--neo4j-uri", "bolt://127.0.0.1:1"), noEnv, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "not both") {
		t.Errorf("--seed and --neo4j-uri: %v", err)
	}
}

func TestDiffBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "--from", "doc:2023"}, "give --from and --to"},
		{[]string{"diff", "--from", "doc:2023", "--to", "doc:2025", "--format", "xml"}, "unknown format"},
		{[]string{"diff", "--from", "doc:2025", "--to", "doc:2023"}, "earlier edition"},
		{[]string{"diff", "--from", "doc:2023", "--to", "doc:2025", "--pillar", "pillar:2030:OS-1"}, "not a pillar"},
		{[]string{"diff", "--from", "doc:2023", "--to", "doc:2025", "extra"}, "unexpected argument"},
	} {
		var out, errb bytes.Buffer
		err := run(context.Background(), tc.args, noEnv, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one saying %q", tc.args, err, tc.want)
		}
	}
}
