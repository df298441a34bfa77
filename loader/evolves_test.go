package loader

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// evolvesReading is one row of testdata/evolves_reading.tsv: a 2025 measure
// and the 2023 measures (by first line) it carries on, read by hand.
type evolvesReading struct {
	line    int
	id      string
	earlier []int // empty: continues nothing
	reason  string
}

func readEvolvesReading(t *testing.T) []evolvesReading {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "evolves_reading.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []evolvesReading
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 4 {
			t.Fatalf("evolves_reading.tsv:%d: %d columns, want 4", n, len(cols))
		}
		r := evolvesReading{id: cols[1], reason: cols[3]}
		if r.line, err = strconv.Atoi(cols[0]); err != nil {
			t.Fatalf("evolves_reading.tsv:%d: %v", n, err)
		}
		for _, s := range strings.Split(cols[2], ",") {
			if s == "" {
				continue
			}
			k, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("evolves_reading.tsv:%d: %v", n, err)
			}
			r.earlier = append(r.earlier, k)
		}
		if r.reason == "" {
			t.Errorf("evolves_reading.tsv:%d: no reason", n)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEvolvesFromReading measures EVOLVES_FROM against a reading of every
// 2025 measure of three pillars (GX, 人材, EBPM) by hand
// (testdata/evolves_reading.tsv): recall is the share of the measures that
// carry a 2023 measure on whose edge ends on one of them, precision the
// share of edges from the measures read that end on an acceptable 2023
// measure. The bar is the issue's: recall ≥ 0.8 at precision ≥ 0.9.
func TestEvolvesFromReading(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*policygraph.Measure{}
	first2023 := map[int]*policygraph.Measure{}
	for _, m := range g.Measures {
		byID[m.ID] = m
		if m.DocumentID == "doc:2023" {
			first2023[m.LineStart] = m
		}
	}
	evolves := map[string][]*policygraph.Relationship{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = append(evolves[r.Start], r)
		}
	}
	reading := readEvolvesReading(t)
	pairs, found, edges, correct := 0, 0, 0, 0
	for _, r := range reading {
		m := byID[r.id]
		if m == nil || m.DocumentID != "doc:2025" || m.LineStart != r.line {
			t.Fatalf("reading: %s is not a 2025 measure at line %d", r.id, r.line)
		}
		ok := map[string]bool{}
		var want []string
		for _, l := range r.earlier {
			e := first2023[l]
			if e == nil || e.Relist {
				t.Fatalf("reading %d: no non-relist 2023 measure starts at line %d", r.line, l)
			}
			ok[e.ID] = true
			want = append(want, strconv.Itoa(l))
		}
		if len(ok) > 0 {
			pairs++
		}
		hit := false
		var got []string
		for _, e := range evolves[r.id] {
			edges++
			end := byID[e.End]
			got = append(got, strconv.Itoa(end.LineStart)+"@"+strconv.FormatFloat(e.Properties["score"].(float64), 'f', 3, 64))
			if ok[e.End] {
				correct++
				hit = true
			}
		}
		if len(ok) > 0 && hit {
			found++
		}
		if hit != (len(ok) > 0) || len(got) > 0 && !hit {
			t.Logf("%d %s: linked %v, want %v (%s)", r.line, m.Title, got, want, r.reason)
		}
	}
	recall := float64(found) / float64(pairs)
	precision := float64(correct) / float64(edges)
	t.Logf("EVOLVES_FROM against the reading of %d measures: recall %d/%d = %.2f, precision %d/%d = %.2f",
		len(reading), found, pairs, recall, correct, edges, precision)
	if recall < 0.8 || precision < 0.9 {
		t.Errorf("recall %.2f, precision %.2f: want recall ≥ 0.80 at precision ≥ 0.90", recall, precision)
	}
}
