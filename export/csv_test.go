package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/corpustest"
)

// TestCSVGolden checks every file of the small graph's CSV export against
// testdata/csv, and that the zip holds exactly those files, reproducibly.
func TestCSVGolden(t *testing.T) {
	files, err := CSVFiles(smallGraph())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		golden(t, filepath.Join("csv", filepath.FromSlash(f.Name)), f.Data)
	}
	if !*update {
		var onDisk []string
		root := filepath.Join("testdata", "csv")
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, path)
				onDisk = append(onDisk, filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		sorted := append([]string(nil), names...)
		sort.Strings(sorted)
		if diff := cmp.Diff(onDisk, sorted); diff != "" {
			t.Errorf("files (-golden +export):\n%s", diff)
		}
	}

	var a, b bytes.Buffer
	if err := CSV(&a, smallGraph()); err != nil {
		t.Fatal(err)
	}
	if err := CSV(&b, smallGraph()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("zip is not reproducible")
	}
	unzipped := unzip(t, a.Bytes())
	if len(unzipped) != len(files) {
		t.Fatalf("zip holds %d files, want %d", len(unzipped), len(files))
	}
	for _, f := range files {
		if !bytes.Equal(unzipped[f.Name], f.Data) {
			t.Errorf("zip entry %s differs from CSVFiles", f.Name)
		}
	}
}

// TestCSVRoundTrip parses the export back, reading only what the files say
// (header types, the array delimiter), and compares it with the graph: the
// small graph and the whole seed graph.
func TestCSVRoundTrip(t *testing.T) {
	seedGraph := corpustest.Graph(t)
	for _, tc := range []struct {
		name string
		g    func() *policygraph.Graph
	}{
		{"small", smallGraph},
		{"seed", func() *policygraph.Graph { return seedGraph }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := CSV(&buf, tc.g()); err != nil {
				t.Fatal(err)
			}
			got := parseCSVExport(t, unzip(t, buf.Bytes()))
			want := tc.g()
			// The loader's relationship properties hold ints; read back, a
			// number is int64 or float64 as its column type says.
			for _, r := range want.Relationships {
				for k, v := range r.Properties {
					if i, ok := v.(int); ok {
						r.Properties[k] = int64(i)
					}
				}
			}
			// The files group relationships by type; the graph orders them by id.
			sortRels := cmpopts.SortSlices(func(a, b *policygraph.Relationship) bool { return a.ID < b.ID })
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), sortRels); diff != "" {
				t.Errorf("round trip (-graph +csv):\n%s", diff)
			}
		})
	}
}

func TestCSVArrayDelimiterInValue(t *testing.T) {
	g := smallGraph()
	g.Laws[0].Aliases = []string{"A;B"}
	if err := CSV(io.Discard, g); err == nil || !strings.Contains(err.Error(), "array delimiter") {
		t.Errorf("alias with ';' exported: err = %v", err)
	}
}

func TestCSVColumnTypes(t *testing.T) {
	tests := []struct {
		name string
		rows []map[string]any
		want string
	}{
		{"ints", []map[string]any{{"x": int64(1)}, {"x": 2}}, "x:long"},
		{"ints and floats", []map[string]any{{"x": int64(150)}, {"x": 150.5}}, "x:double"},
		{"strings", []map[string]any{{"x": "a"}, {}}, "x"},
		{"lists", []map[string]any{{"x": []string{"a"}}}, "x:string[]"},
		{"mixed", []map[string]any{{"x": "a"}, {"x": int64(1)}}, "x"},
		{"booleans", []map[string]any{{"x": true}}, "x:boolean"},
	}
	for _, tc := range tests {
		cols := csvColumns(tc.rows, "id")
		if len(cols) != 1 || cols[0].header() != tc.want {
			t.Errorf("%s: columns %+v, want %s", tc.name, cols, tc.want)
		}
	}
}

func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// parseCSVExport rebuilds a graph from the import files, in the order
// IMPORT.txt lists them (the model's label and type order).
func parseCSVExport(t *testing.T, files map[string][]byte) *policygraph.Graph {
	t.Helper()
	g := &policygraph.Graph{}
	for _, line := range strings.Split(string(files["IMPORT.txt"]), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), "\\"))
		switch {
		case strings.HasPrefix(line, "--nodes="):
			name := strings.TrimPrefix(line, "--nodes=")
			for _, rec := range readCSV(t, files[name]) {
				label := rec.values[":LABEL"].(string)
				delete(rec.values, ":LABEL")
				rec.values["id"] = rec.values["id:ID"]
				delete(rec.values, "id:ID")
				e, err := policygraph.EntityFromProperties(label, rec.values)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				addEntity(t, g, e)
			}
		case strings.HasPrefix(line, "--relationships="):
			name := strings.TrimPrefix(line, "--relationships=")
			for _, rec := range readCSV(t, files[name]) {
				r := &policygraph.Relationship{Start: rec.values[":START_ID"].(string), End: rec.values[":END_ID"].(string),
					Type: rec.values[":TYPE"].(string), ID: rec.values["id"].(string), Properties: map[string]any{}}
				for k, v := range rec.values {
					if k != ":START_ID" && k != ":END_ID" && k != ":TYPE" && k != "id" {
						r.Properties[k] = v
					}
				}
				g.Relationships = append(g.Relationships, r)
			}
		}
	}
	return g
}

type csvRecord struct{ values map[string]any }

// readCSV reads a file with a typed header (name:type); empty fields are
// absent, except that an empty list is an empty list.
func readCSV(t *testing.T, data []byte) []csvRecord {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	var out []csvRecord
	for _, rec := range recs[1:] {
		vals := map[string]any{}
		for i, h := range header {
			name, typ := h, "string"
			if j := strings.LastIndex(h, ":"); j > 0 {
				name, typ = h[:j], h[j+1:]
			}
			if typ == "ID" {
				name = h
				typ = "string"
			}
			f := rec[i]
			v, err := parseCSVValue(typ, f)
			if err != nil {
				t.Fatalf("%s=%q: %v", h, f, err)
			}
			if v != nil {
				vals[name] = v
			}
		}
		out = append(out, csvRecord{values: vals})
	}
	return out
}

func parseCSVValue(typ, f string) (any, error) {
	if typ == "string[]" {
		if f == "" {
			return []string{}, nil
		}
		return strings.Split(f, ";"), nil
	}
	if f == "" {
		return nil, nil
	}
	switch typ {
	case "string", "LABEL", "START_ID", "END_ID", "TYPE":
		return f, nil
	case "long":
		return strconv.ParseInt(f, 10, 64)
	case "double":
		return strconv.ParseFloat(f, 64)
	case "boolean":
		return strconv.ParseBool(f)
	}
	return nil, fmt.Errorf("unknown column type %q", typ)
}

func addEntity(t *testing.T, g *policygraph.Graph, e policygraph.Entity) {
	t.Helper()
	if !g.Add(e) {
		t.Fatalf("unexpected %T", e)
	}
}
