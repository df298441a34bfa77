package loader

import (
	"encoding/json"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/policygraph/policygraph/seed"
)

// TestPairLinksWhenNeighboursFail: loadDocuments links each document to
// the one before it in the manifest's year order as soon as both have
// their items; a document that fails after all (unreadable, or rejected
// for ids already loaded) leaves its neighbours to be linked again in
// assemble, against the document before them there. Either way the graph
// is that of a manifest without the failing document.
func TestPairLinksWhenNeighboursFail(t *testing.T) {
	fsys, eds := syntheticCorpus(t, 2) // 2023, 2025, 2027, 2029
	man, err := seed.ReadManifest(fsys)
	if err != nil {
		t.Fatal(err)
	}
	load := func(entries []seed.Entry, extra fstest.MapFS) ([]byte, error) {
		t.Helper()
		files := fstest.MapFS{}
		for k, v := range fsys {
			files[k] = v
		}
		for k, v := range extra {
			files[k] = v
		}
		g, _, err := loadFS(entriesFS(t, entries, files), eds)
		b, jerr := json.Marshal(g)
		if jerr != nil {
			t.Fatal(jerr)
		}
		return b, err
	}
	docs := man.Documents
	without := func(i int) []seed.Entry { return slices.Delete(slices.Clone(docs), i, i+1) }
	for _, tc := range []struct {
		name    string
		entries []seed.Entry
		extra   fstest.MapFS
		want    []seed.Entry
	}{
		{"middle unreadable", append(slices.Clone(docs[:2]), seed.Entry{File: "bad.txt", ID: "doc:bad", Year: 2026}, docs[2], docs[3]),
			fstest.MapFS{"bad.txt": {Data: []byte{0xff, 0xfe, 0}}}, docs},
		{"first unreadable", append([]seed.Entry{{File: "bad.txt", ID: "doc:bad", Year: 2000}}, docs...),
			fstest.MapFS{"bad.txt": {Data: []byte{0xff, 0xfe, 0}}}, docs},
		{"middle repeated", append(slices.Clone(docs[:2]), docs[1], docs[2], docs[3]), nil, docs},
		{"first repeated", append([]seed.Entry{docs[0]}, docs...), nil, docs},
		// the 2025 text listed first as 2023's document, rejected for that
		// id after it had its items: 2025 was linked against it first
		{"rejected before", slices.Concat(docs[:1], []seed.Entry{reID(docs[1], docs[0].ID)}, docs[1:]), nil, docs},
		{"2027 unreadable", slices.Concat(docs[:2], []seed.Entry{{File: docs[2].File, ID: docs[2].ID, Year: docs[2].Year}}, docs[3:]),
			fstest.MapFS{docs[2].File: {Data: []byte{0xff, 0xfe, 0}}}, without(2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := load(tc.entries, tc.extra)
			if err == nil {
				t.Fatal("no error for the failing document")
			}
			want, err := load(tc.want, nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Error("the graph differs from that of the manifest without the failing document")
			}
		})
	}
}

// reID is e with another document id.
func reID(e seed.Entry, id string) seed.Entry {
	e.ID = id
	return e
}
