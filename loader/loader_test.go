package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
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
		{"unknown edition", &fstest.MapFile{Data: []byte("何かの文書\n")}, 1999, "bad.txt: no layout: the manifest names none"},
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
	layouts["test-panic"] = &layout{parse: func(*docText) (*parsedDoc, error) {
		var m map[string]int
		m["boom"]++
		return nil, nil
	}}
	defer delete(layouts, "test-panic")
	fsys := entriesFS(t, []seed.Entry{
		{File: file2023, ID: "doc:2023", Edition: "第2次中間整理", Year: 2023},
		{File: "panic.txt", ID: "doc:1", Year: 1, Layout: "test-panic"},
	}, fstest.MapFS{"panic.txt": {Data: []byte("text\n")}, file2023: {Data: seedBytes(t, file2023)}})
	g, _, err := LoadFS(fsys)
	var pe *PanicError
	if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "panic.txt: parser panic") {
		t.Fatalf("err = %v", err)
	}
	if pe.Stack == "" || len(g.Documents) != 1 {
		t.Errorf("stack %d bytes, %d documents", len(pe.Stack), len(g.Documents))
	}
}

// entriesFS is a seed FS whose manifest lists entries.
func entriesFS(t testing.TB, entries []seed.Entry, files fstest.MapFS) fstest.MapFS {
	t.Helper()
	b, err := json.MarshalIndent(seed.Manifest{Documents: entries}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	files[seed.ManifestFile] = &fstest.MapFile{Data: b}
	return files
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
			layouts["test-contract"] = &layout{parse: func(*docText) (*parsedDoc, error) { return pd, nil }}
			defer delete(layouts, "test-contract")
			_, _, err := parseDocument(seed.Entry{File: "c.txt", ID: "doc:2", Year: 2, Layout: "test-contract"}, []byte("a\nb\n"))
			if err == nil || !strings.HasPrefix(err.Error(), "c.txt") {
				t.Errorf("err = %v", err)
			}
		})
	}
}

// TestPickLayout: the manifest's layout first, then the edition's data,
// then the text's markers; the year never chooses. Mistakes in the
// manifest point at its entry.
func TestPickLayout(t *testing.T) {
	eds, err := loadEditions()
	if err != nil {
		t.Fatal(err)
	}
	text25 := "表紙\n第４次中間整理の位置づけ\n"
	text23 := "●…これまでに実施した施策、○…今後実施する施策\n"
	for _, tc := range []struct {
		name string
		e    seed.Entry
		text string
		want string // layout, edition and from, or the error's prefix
	}{
		{"manifest layout", seed.Entry{File: "x.txt", Year: 2031, Layout: "interim-2023"}, "なにもない\n", "interim-2023 - manifest"},
		{"manifest layout beats text", seed.Entry{File: "x.txt", Year: 2031, Layout: "interim-2023"}, text25, "interim-2023 - manifest"},
		{"edition data", seed.Entry{File: "x.txt", Year: 2025, Edition: "第4次中間整理"}, "なにもない\n", "interim-2025 第4次中間整理 edition data"},
		{"edition data, year not asked", seed.Entry{File: "x.txt", Edition: "第2次中間整理"}, "x\n", "interim-2023 第2次中間整理 edition data"},
		{"text 2025", seed.Entry{File: "x.txt", Year: 2025}, text25, "interim-2025 第4次中間整理 text markers of 第4次中間整理"},
		{"text 2023, any year", seed.Entry{File: "x.txt", Year: 1999}, text23, "interim-2023 - text markers of 第2次中間整理"},
		{"text, unknown edition keeps no data", seed.Entry{File: "x.txt", Year: 2030, Edition: "第9次中間整理"}, text23, "interim-2023 - text markers of 第2次中間整理"},
		{"ambiguous", seed.Entry{File: "x.txt", Year: 2030}, text23 + text25, "x.txt: ambiguous edition markers: the text prints 1 markers each of 第2次中間整理 and 第4次中間整理"},
		{"nothing", seed.Entry{File: "x.txt", Year: 2025}, "なにもない\n", "x.txt: no layout: the manifest names none"},
		{"unknown layout", seed.Entry{File: "x.txt", Year: 2025, Layout: "interim-2024", Line: 7}, text25,
			"manifest.json:7: document x.txt: unknown layout \"interim-2024\" (known: interim-2023, interim-2025)"},
		{"layout contradicts data", seed.Entry{File: "x.txt", Year: 2025, Edition: "第4次中間整理", Layout: "interim-2023", Line: 3}, text25,
			"manifest.json:3: document x.txt: layout interim-2023, but loader/aliases.json gives edition 第4次中間整理 the layout interim-2025"},
		{"year contradicts data", seed.Entry{File: "x.txt", Year: 2027, Edition: "第4次中間整理", Line: 3}, text25,
			"manifest.json:3: document x.txt: year 2027, but loader/aliases.json gives edition 第4次中間整理 the year 2025"},
		{"pillar table missing", seed.Entry{File: "x.txt", Year: 2027, Edition: "第5次中間整理", Layout: "interim-2025", Line: 9}, text25,
			"manifest.json:9: document x.txt: layout interim-2025 needs its edition's pillar table, and loader/aliases.json has no edition \"第5次中間整理\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			txt, err := newDocText(tc.e.File, tc.e.Year, "doc:x", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			lc, err := pickLayout(tc.e, txt, eds)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				ed := "-"
				if lc.edition != nil {
					ed = lc.edition.Edition
				}
				got = lc.name + " " + ed + " " + lc.from
			}
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
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

// TestManifestErrors: a malformed manifest stops the load with every
// problem listed at its line; a manifest entry the loader cannot read
// (unknown layout, an edition whose data disagrees) fails that document
// alone, at the entry's line, and the others load.
func TestManifestErrors(t *testing.T) {
	fsys := fstest.MapFS{seed.ManifestFile: {Data: []byte(`{"documents": [
  {"file": "a.txt", "id": "doc:a"},
  {"file": "b.txt", "id": "doc:b", "year": 2025, "layuot": "interim-2025"}
]}`)}}
	_, rep, err := LoadFS(fsys)
	if err == nil || err.Error() != "manifest.json:2: document 0 needs year (and 1 more errors)" {
		t.Fatalf("err = %v", err)
	}
	if len(rep.Errors) != 2 || rep.Errors[1].Error() != `manifest.json:3: unknown key "layuot" (known: file, id, title, edition, year, layout, publisher, source)` {
		t.Errorf("errors = %v", rep.Errors)
	}

	fsys = entriesFS(t, []seed.Entry{
		{File: file2023, ID: "doc:2023", Edition: "第2次中間整理", Year: 2023},
		{File: "b.txt", ID: "doc:b", Year: 2025, Layout: "interim-2024"},
		{File: "c.txt", ID: "doc:c", Year: 2027, Edition: "第2次中間整理"},
	}, fstest.MapFS{file2023: {Data: seedBytes(t, file2023)}, "b.txt": {Data: []byte("x\n")}, "c.txt": {Data: []byte("x\n")}})
	g, rep, err := LoadFS(fsys)
	want := []string{
		`manifest.json:12: document b.txt: unknown layout "interim-2024" (known: interim-2023, interim-2025)`,
		`manifest.json:22: document c.txt: year 2027, but loader/aliases.json gives edition 第2次中間整理 the year 2023`,
	}
	if err == nil || len(rep.Errors) != len(want) {
		t.Fatalf("err = %v", err)
	}
	for i, e := range rep.Errors {
		if e.Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, e, want[i])
		}
	}
	if len(g.Documents) != 1 || rep.Documents[0].Layout != "interim-2023" || rep.Documents[0].LayoutFrom != "edition data" {
		t.Errorf("documents %d, report %+v", len(g.Documents), rep.Documents[0])
	}
}

// panicFS panics when the named file is opened.
type panicFS struct {
	fstest.MapFS
	name string
}

func (p panicFS) Open(name string) (fs.File, error) {
	if name == p.name {
		panic("open " + name)
	}
	return p.MapFS.Open(name)
}

// TestLoadFSPanickingFS: documents are read on goroutines of their own, so
// a file system that panics on one document leaves that document out with
// an error, as a parser panic does; the others still load.
func TestLoadFSPanickingFS(t *testing.T) {
	fsys := panicFS{manifestFS(t, map[string]int{"bad.txt": 2025}, fstest.MapFS{"bad.txt": {Data: []byte("x\n")}}), "bad.txt"}
	g, rep, err := LoadFS(fsys)
	var pe *PanicError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "bad.txt: file system panic: open bad.txt") {
		t.Fatalf("err = %v, want the file system's panic on bad.txt", err)
	}
	if len(rep.Errors) != 1 || len(g.Documents) != 1 || g.Documents[0].ID != "doc:2023" {
		t.Errorf("errors %v, documents %d: want one error and the 2023 document loaded", rep.Errors, len(g.Documents))
	}
}

// sizeFS reports every file as size bytes long, whatever it holds: a file
// that grows after Stat, or a file system that does not know sizes.
type sizeFS struct {
	fstest.MapFS
	size int64
}

func (s sizeFS) Open(name string) (fs.File, error) {
	f, err := s.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return sizeFile{f, s.size}, nil
}

type sizeFile struct {
	fs.File
	size int64
}

func (f sizeFile) Stat() (fs.FileInfo, error) {
	fi, err := f.File.Stat()
	return sizeInfo{fi, f.size}, err
}

type sizeInfo struct {
	fs.FileInfo
	size int64
}

func (i sizeInfo) Size() int64 { return i.size }

// TestReadDocumentLimit: the size limit holds however large Stat says the
// file is: a file past it is refused once the limit is read, not read to
// its end.
func TestReadDocumentLimit(t *testing.T) {
	big := bytes.Repeat([]byte("あ\n"), maxDocBytes/4+1) // just over the limit
	for _, size := range []int64{0, 10, maxDocBytes} {
		fsys := sizeFS{fstest.MapFS{"big.txt": {Data: big}}, size}
		_, err := readDocument(fsys, "big.txt")
		var de *DocError
		if !errors.As(err, &de) || de.File != "big.txt" || !strings.Contains(err.Error(), "limit for a seed document") {
			t.Errorf("Stat size %d: err = %v, want the limit error naming big.txt", size, err)
		}
	}
	fsys := sizeFS{fstest.MapFS{"ok.txt": {Data: []byte("一行\n")}}, 0}
	if data, err := readDocument(fsys, "ok.txt"); err != nil || data != "一行\n" {
		t.Errorf("a small file Stat calls empty: %q, %v; want it read whole", data, err)
	}
}

// TestRunDocPassesFreezesMemo: the passes run on several goroutines, so
// they freeze the document's normalisation memo whoever made it (a
// docText from newDocText has a writable one); written concurrently it
// would be a fatal error no recover catches.
func TestRunDocPassesFreezesMemo(t *testing.T) {
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadDocument(seed.FS(), man.Documents[0])
	if err != nil {
		t.Fatal(err)
	}
	d.t.memo = newNormMemo() // as newDocText leaves it
	p := runDocPasses(mustMatcher(t), d)
	if p.err != nil || !d.t.memo.frozen {
		t.Errorf("passes: err %v, memo frozen %v; want no error and a frozen memo", p.err, d.t.memo.frozen)
	}
}

// TestEveryTargetHasHolder: every goal of the corpus is reached by
// HAS_TARGET from its pillar, else from the policy direction or document
// it is stated in; a goal a measure states is reached from the measure too.
func TestEveryTargetHasHolder(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	kind := map[string]string{}
	for _, e := range g.Entities() {
		kind[e.NodeID()] = e.Label()
	}
	holders := map[string][]string{} // target → the labels of its holders
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelHasTarget {
			holders[r.End] = append(holders[r.End], kind[r.Start])
		}
	}
	byLabel := map[string]int{}
	for _, tg := range g.Targets {
		hs := holders[tg.ID]
		want := []string{policygraph.LabelPillar}
		switch {
		case tg.Kind == KindMeasureGoal && tg.PillarID == "":
			want = []string{policygraph.LabelMeasure}
		case tg.Kind == KindMeasureGoal:
			want = []string{policygraph.LabelMeasure, policygraph.LabelPillar} // sorted
		case tg.PillarID == "":
			want = []string{policygraph.LabelDocument}
			if slices.Contains(hs, policygraph.LabelPolicyDirection) {
				want = []string{policygraph.LabelPolicyDirection}
			}
		}
		slices.Sort(hs)
		if !slices.Equal(hs, want) {
			t.Errorf("%s (%s, line %d): held by %v, want %v", tg.ID, tg.Kind, tg.LineStart, hs, want)
		}
		for _, h := range hs {
			byLabel[h]++
		}
	}
	// The 2023 macro framework's four pillar-less goals (328–341) are its
	// direction's; the key messages' (2023:74, 2025:129, 133 twice) the
	// documents'.
	if byLabel[policygraph.LabelPolicyDirection] != 4 || byLabel[policygraph.LabelDocument] != 4 {
		t.Errorf("holders by label %v, want 4 directions' and 4 documents'", byLabel)
	}
}
