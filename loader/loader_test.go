package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

const (
	file2023 = "000_69167627890d1468.txt"
	file2025 = "001_35a8d6215b8ea1a0.txt"
)

func seedBytes(t testing.TB, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(seed.FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// manifestFS builds a seed FS: the real 2023 document plus extra documents,
// each listed in the manifest with the given year.
func manifestFS(t testing.TB, extra map[string]int, files fstest.MapFS) fstest.MapFS {
	t.Helper()
	type entry struct {
		File    string `json:"file"`
		ID      string `json:"id"`
		Title   string `json:"title"`
		Edition string `json:"edition"`
		Year    int    `json:"year"`
	}
	man := struct {
		Documents []entry `json:"documents"`
	}{Documents: []entry{{File: file2023, ID: "doc:2023", Title: "第2次中間整理", Edition: "第2次中間整理", Year: 2023}}}
	i := 0
	for _, name := range sortedNames(extra) {
		i++
		man.Documents = append(man.Documents, entry{File: name, ID: fmt.Sprintf("doc:bad%d", i), Year: extra[name]})
	}
	b, _ := json.Marshal(man)
	files["manifest.json"] = &fstest.MapFile{Data: b}
	files[file2023] = &fstest.MapFile{Data: seedBytes(t, file2023)}
	return files
}

func sortedNames(m map[string]int) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestBadDocuments: each bad document gives an error naming its file (and
// line where one applies) while the good 2023 document still loads.
func TestBadDocuments(t *testing.T) {
	for _, tc := range []struct {
		name string
		file *fstest.MapFile
		year int
		want string
	}{
		{"empty", &fstest.MapFile{Data: nil}, 2025, "bad.txt: empty document"},
		{"binary", &fstest.MapFile{Data: []byte("PK\x03\x04\x00\x00binary")}, 2025, "bad.txt:1: binary data"},
		{"invalid utf8", &fstest.MapFile{Data: []byte("第4次中間整理\nline two\n\x82\xa0 shift-jis\n")}, 2025, "bad.txt:3: invalid UTF-8"},
		{"huge", &fstest.MapFile{Data: bytes.Repeat([]byte("あいうえお\n"), 50<<20/16)}, 2025, "bad.txt: 52428800 bytes exceeds"},
		{"structureless", &fstest.MapFile{Data: []byte("これは報告書ではない。\nただのメモ。\n")}, 2025, "bad.txt"},
		{"structureless 2023", &fstest.MapFile{Data: []byte("これは報告書ではない。\nただのメモ。\n")}, 2023, "bad.txt"},
		{"unknown edition", &fstest.MapFile{Data: []byte("何かの文書\n")}, 1999, "bad.txt: no parser for edition year 1999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "huge" {
				tc.file.Data = tc.file.Data[:50<<20]
			}
			fsys := manifestFS(t, map[string]int{"bad.txt": tc.year}, fstest.MapFS{"bad.txt": tc.file})
			g, rep, err := LoadFS(fsys)
			if err == nil {
				t.Fatal("no error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) != 1 {
				t.Fatalf("err = %#v, want an ErrorList of one", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %q, want prefix %q", err, tc.want)
			}
			if g == nil || len(g.Documents) != 1 || g.Documents[0].ID != "doc:2023" || len(g.Measures) == 0 {
				t.Fatalf("the good document did not load: %+v", g)
			}
			if len(rep.Documents) != 2 || rep.Documents[0].Err != "" || rep.Documents[1].Err == "" {
				t.Errorf("report = %+v %+v", rep.Documents[0], rep.Documents[1])
			}
			if !rep.Failed() {
				t.Error("report does not mark the failure")
			}
		})
	}
}

func TestManyBadDocuments(t *testing.T) {
	fsys := manifestFS(t, map[string]int{"a.txt": 2025, "b.txt": 2025, "c.txt": 2025, "missing.txt": 2025}, fstest.MapFS{
		"a.txt": {Data: nil}, "b.txt": {Data: []byte{0}}, "c.txt": {Data: []byte("\xff")},
	})
	g, _, err := LoadFS(fsys)
	if err == nil || !strings.HasSuffix(err.Error(), "(and 3 more errors)") || !strings.HasPrefix(err.Error(), "a.txt: ") {
		t.Fatalf("err = %v", err)
	}
	if len(g.Documents) != 1 {
		t.Errorf("documents = %d", len(g.Documents))
	}
}

// A parser panic is an error naming the file, not a crash.
func TestParserPanic(t *testing.T) {
	editionParsers[1] = func(*docText) (*parsedDoc, error) {
		var m map[string]int
		m["boom"]++
		return nil, nil
	}
	defer delete(editionParsers, 1)
	fsys := manifestFS(t, map[string]int{"panic.txt": 1}, fstest.MapFS{"panic.txt": {Data: []byte("text\n")}})
	g, _, err := LoadFS(fsys)
	var pe *PanicError
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "panic.txt: parser panic") {
		t.Fatalf("err = %v", err)
	}
	if pe.Stack == "" || len(g.Documents) != 1 {
		t.Errorf("stack %d bytes, %d documents", len(pe.Stack), len(g.Documents))
	}
}

// The parser contract is checked: provenance inside the file, unique ids,
// relationships between known nodes.
func TestParserContract(t *testing.T) {
	for name, pd := range map[string]*parsedDoc{
		"line out of range": {Measures: []*policygraph.Measure{{ID: "m", Source: policygraph.Source{LineStart: 1, LineEnd: 99}}}},
		"line zero":         {Pillars: []*policygraph.Pillar{{ID: "p"}}},
		"duplicate id": {Measures: []*policygraph.Measure{{ID: "m", Source: policygraph.Source{LineStart: 1, LineEnd: 1}},
			{ID: "m", Source: policygraph.Source{LineStart: 2, LineEnd: 2}}}},
		"dangling rel": {Measures: []*policygraph.Measure{{ID: "m", Source: policygraph.Source{LineStart: 1, LineEnd: 1}}},
			Rels: []*policygraph.Relationship{{ID: "r", Start: "m", End: "nowhere"}}},
		"nil result": nil,
	} {
		t.Run(name, func(t *testing.T) {
			editionParsers[2] = func(*docText) (*parsedDoc, error) { return pd, nil }
			defer delete(editionParsers, 2)
			_, _, err := parseDocument(seed.Entry{File: "c.txt", ID: "doc:2", Year: 2}, []byte("a\nb\n"))
			if err == nil || !strings.HasPrefix(err.Error(), "c.txt") {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestPickParserByText(t *testing.T) {
	txt, _ := newDocText("x.txt", 0, "doc:x", []byte("表紙\n第４次中間整理の位置づけ\n"))
	if y, p := pickParser(0, txt); y != 2025 || p == nil {
		t.Errorf("picked %d", y)
	}
	txt, _ = newDocText("x.txt", 0, "doc:x", []byte("●…これまでに実施した施策、○…今後実施する施策\n"))
	if y, p := pickParser(0, txt); y != 2023 || p == nil {
		t.Errorf("picked %d", y)
	}
	txt, _ = newDocText("x.txt", 0, "doc:x", []byte("なにもない\n"))
	if y, p := pickParser(0, txt); y != 0 || p != nil {
		t.Errorf("picked %d", y)
	}
}

func TestLoadDirMissing(t *testing.T) {
	if _, _, err := LoadDir(t.TempDir() + "/nope"); err == nil {
		t.Error("no error for a missing dir")
	}
	if _, _, err := LoadFS(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Errorf("err = %v", err)
	}
}

// TestLoadSeeds loads the embedded corpus: no error, deterministic output,
// every relationship between existing nodes, every text node's provenance
// inside its file, Document nodes filled from the manifest.
func TestLoadSeeds(t *testing.T) {
	g, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	g2, _, _ := LoadFS(seed.FS())
	a, _ := json.Marshal(g)
	b, _ := json.Marshal(g2)
	if !bytes.Equal(a, b) {
		t.Error("two loads differ")
	}
	ids := map[string]policygraph.Entity{}
	for _, e := range g.Entities() {
		if ids[e.NodeID()] != nil {
			t.Errorf("duplicate id %s", e.NodeID())
		}
		ids[e.NodeID()] = e
	}
	for _, r := range g.Relationships {
		if ids[r.Start] == nil || ids[r.End] == nil {
			t.Errorf("%s joins unknown nodes", r.ID)
		}
	}
	lines := map[string]int{}
	for _, d := range g.Documents {
		lines[d.File] = d.Lines
		if d.SHA256 == "" || d.Lines == 0 || d.Title == "" || d.Publisher == "" || d.SourceURL == "" {
			t.Errorf("document %+v", d)
		}
	}
	for _, m := range g.Measures {
		if m.LineStart < 1 || m.LineEnd > lines[m.File] {
			t.Errorf("%s lines %d-%d", m.ID, m.LineStart, m.LineEnd)
		}
	}
	for _, l := range g.Laws {
		if !strings.HasPrefix(l.ID, "law:") || l.Aliases == nil {
			t.Errorf("law %+v", l)
		}
	}
	if len(rep.Documents) != 2 || rep.Failed() {
		t.Errorf("report: %+v", rep.Documents)
	}
}

// The same edition listed twice: the second copy is refused by id, the
// first still loads.
func TestDuplicateEdition(t *testing.T) {
	fsys := manifestFS(t, map[string]int{"copy.txt": 2023}, fstest.MapFS{"copy.txt": {Data: seedBytes(t, file2023)}})
	// manifestFS gives the copy its own document id; its pillar ids collide.
	g, _, err := LoadFS(fsys)
	if err == nil || !strings.HasPrefix(err.Error(), "copy.txt: node id ") || !strings.Contains(err.Error(), "already loaded from "+file2023) {
		t.Fatalf("err = %v", err)
	}
	if len(g.Documents) != 1 {
		t.Errorf("%d documents", len(g.Documents))
	}
}
