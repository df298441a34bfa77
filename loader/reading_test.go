package loader

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readingRow is one row of a hand reading under testdata/: its columns and
// where it is, for messages ("evolves_reading.tsv:12").
type readingRow struct {
	cols []string
	at   string
}

// readReading reads a tab-separated hand reading: blank lines and # comments
// skipped, every row with cols columns and a reason in the last one.
func readReading(t *testing.T, name string, cols int) []readingRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []readingRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		r := readingRow{cols: strings.Split(l, "\t"), at: name + ":" + strconv.Itoa(n)}
		if len(r.cols) != cols || r.cols[cols-1] == "" {
			t.Fatalf("%s: %d columns, want %d with a reason last", r.at, len(r.cols), cols)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// lineList parses a comma-separated list of line numbers ("" and "-" are
// none).
func lineList(t *testing.T, at, s string) []int {
	t.Helper()
	var out []int
	for _, x := range strings.Split(s, ",") {
		if x == "" || x == "-" {
			continue
		}
		k, err := strconv.Atoi(x)
		if err != nil {
			t.Fatalf("%s: %v", at, err)
		}
		out = append(out, k)
	}
	return out
}
