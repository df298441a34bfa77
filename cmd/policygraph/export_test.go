package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportFormats(t *testing.T) {
	for _, format := range []string{"json", "graphml", "cypher", "csv"} {
		t.Run(format, func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), []string{"export", "--format", format}, noEnv, &out, &errb); err != nil {
				t.Fatalf("%v\n%s", err, errb.String())
			}
			switch format {
			case "json":
				var doc struct {
					Nodes         []map[string]any `json:"nodes"`
					Relationships []map[string]any `json:"relationships"`
				}
				if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
					t.Fatal(err)
				}
				if len(doc.Nodes) == 0 || len(doc.Relationships) == 0 {
					t.Fatalf("empty export: %d nodes", len(doc.Nodes))
				}
			case "graphml":
				dec := xml.NewDecoder(&out)
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatal(err)
					}
				}
			case "cypher":
				if !strings.HasSuffix(strings.TrimSpace(out.String()), ";") {
					t.Fatal("script does not end with ';'")
				}
			case "csv":
				zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
				if err != nil {
					t.Fatal(err)
				}
				names := map[string]bool{}
				for _, f := range zr.File {
					names[f.Name] = true
				}
				for _, want := range []string{"nodes/Measure.csv", "relationships/EVOLVES_FROM.csv", "IMPORT.txt"} {
					if !names[want] {
						t.Errorf("zip lacks %s: %v", want, names)
					}
				}
			}
		})
	}
}

func TestExportToFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.json")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failing export (unknown seed dir) leaves the previous file alone.
	err := run(context.Background(), []string{"export", "-o", path, "--seed", filepath.Join(dir, "missing")}, noEnv, io.Discard, io.Discard)
	if err == nil {
		t.Fatal("export from a missing seed dir succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Fatalf("file changed on failure: %q", b)
	}
	if err := run(context.Background(), []string{"export", "--format", "json", "-o", path}, noEnv, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !json.Valid(b) {
		t.Fatalf("exported file is not JSON: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileAtomicFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	os.WriteFile(path, []byte("keep"), 0o644)
	boom := errors.New("boom")
	err := writeFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Fatalf("file = %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestExportBadFlags(t *testing.T) {
	if err := run(context.Background(), []string{"export", "--format", "xml"}, noEnv, io.Discard, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "unknown format") {
		t.Errorf("err = %v", err)
	}
}
