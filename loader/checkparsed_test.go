package loader

import (
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// checkParsed names the first node, in node order, that breaks the
// contract: a repeat is the second node with an id (or a node with the
// Document's), whatever comes after it.
func TestCheckParsedFirstError(t *testing.T) {
	src := func(from, to int) policygraph.Source { return policygraph.Source{LineStart: from, LineEnd: to} }
	txt := handText("a", "b", "c")
	txt.File = "f.txt"
	doc := &policygraph.Document{ID: "doc:1"}
	pillar := func(id string, from, to int) *policygraph.Pillar {
		return &policygraph.Pillar{ID: id, Source: src(from, to)}
	}
	measure := func(id string, from, to int) *policygraph.Measure {
		return &policygraph.Measure{ID: id, Source: src(from, to)}
	}
	rel := func(start, end string) *policygraph.Relationship {
		return &policygraph.Relationship{ID: "R:" + start + "->" + end, Type: "R", Start: start, End: end}
	}
	for _, tc := range []struct {
		name string
		pd   *parsedDoc
		want string // "" for none
	}{
		{"fine", &parsedDoc{Pillars: []*policygraph.Pillar{pillar("p", 1, 1)},
			Measures: []*policygraph.Measure{measure("m", 2, 3)}, Rels: []*policygraph.Relationship{rel("p", "m"), rel("doc:1", "p")}}, ""},
		{"repeat", &parsedDoc{Pillars: []*policygraph.Pillar{pillar("x", 1, 1)},
			Measures: []*policygraph.Measure{measure("m", 1, 1), measure("x", 2, 2)}}, "f.txt:2: duplicate node id x"},
		{"the document's id", &parsedDoc{Measures: []*policygraph.Measure{measure("doc:1", 3, 3)}}, "f.txt:3: duplicate node id doc:1"},
		{"no id", &parsedDoc{Measures: []*policygraph.Measure{measure("m", 1, 1), measure("", 2, 2)}}, "f.txt:2: node without id"},
		{"lines before a repeat", &parsedDoc{Measures: []*policygraph.Measure{measure("x", 1, 9), measure("x", 2, 2)}},
			"f.txt: node x: lines 1-9 outside 1-3"},
		{"repeat before lines", &parsedDoc{Measures: []*policygraph.Measure{measure("x", 1, 1), measure("x", 0, 2), measure("y", 5, 5)}},
			"f.txt: duplicate node id x"},
		{"unknown end", &parsedDoc{Measures: []*policygraph.Measure{measure("m", 1, 1)}, Rels: []*policygraph.Relationship{rel("m", "n")}},
			"f.txt: relationship &{R:m->n R m n map[]} joins unknown nodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.pd.Doc = doc
			ids, err := checkParsed(txt, tc.pd)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			if err != nil {
				return
			}
			for id := range nodeIDs(tc.pd) {
				if !ids.has(id) {
					t.Errorf("ids lack %s", id)
				}
			}
			if ids.has("nope") || len(ids) != tc.pd.nodeCount() {
				t.Errorf("ids %v", ids)
			}
		})
	}
}

// TestClaimIDs: a document is refused when a node id of it is one of a
// document claimed before; across years, node ids that name their year
// can meet only at a Document's id.
func TestClaimIDs(t *testing.T) {
	doc := func(file string, year int, docID string, ids ...string) *loadedDoc {
		pd := &parsedDoc{Doc: &policygraph.Document{ID: docID}}
		for _, id := range ids {
			pd.Measures = append(pd.Measures, &policygraph.Measure{ID: id})
		}
		return &loadedDoc{t: &docText{File: file, Year: year}, pd: pd}
	}
	for _, tc := range []struct {
		name    string
		claimed []*loadedDoc
		d       *loadedDoc
		want    string
	}{
		{"two years", []*loadedDoc{doc("a", 2023, "doc:2023", "measure:2023:X:1")},
			doc("b", 2025, "doc:2025", "measure:2025:X:1"), ""},
		{"the same edition twice", []*loadedDoc{doc("a", 2023, "doc:2023", "measure:2023:X:1")},
			doc("b", 2023, "doc:2023", "measure:2023:X:1"), "b: node id doc:2023 already loaded from a"},
		{"one node id of the same year", []*loadedDoc{doc("a", 2023, "doc:a", "measure:2023:X:1")},
			doc("b", 2023, "doc:b", "measure:2023:X:2", "measure:2023:X:1"), "b: node id measure:2023:X:1 already loaded from a"},
		{"a Document's id across years", []*loadedDoc{doc("a", 2023, "doc:x", "measure:2023:X:1")},
			doc("b", 2025, "doc:x", "measure:2025:X:1"), "b: node id doc:x already loaded from a"},
		{"a Document's id that is a node id of the other year", []*loadedDoc{doc("a", 2023, "measure:2025:X:1", "measure:2023:X:1")},
			doc("b", 2025, "doc:2025", "measure:2025:X:1"), "b: node id measure:2025:X:1 already loaded from a"},
		{"ids that do not name their year are all compared", []*loadedDoc{doc("a", 2023, "doc:a", "m1")},
			doc("b", 2025, "doc:b", "m2", "m1"), "b: node id m1 already loaded from a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if err := claimIDs(tc.claimed, tc.d); err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestOwnerIndex: the document holding a node id, found through its year
// where the documents' ids name theirs, and by asking the others where
// they do not or share a year.
func TestOwnerIndex(t *testing.T) {
	doc := func(file string, year int, docID string, ids ...string) *loadedDoc {
		pd := &parsedDoc{Doc: &policygraph.Document{ID: docID}}
		for _, id := range ids {
			pd.Measures = append(pd.Measures, &policygraph.Measure{ID: id})
		}
		return &loadedDoc{t: &docText{File: file, Year: year}, pd: pd}
	}
	a := doc("a", 2023, "doc:2023", "measure:2023:X:1")
	b := doc("b", 2025, "doc:2025", "measure:2025:X:1")
	c := doc("c", 2027, "doc:c", "m1") // ids without its year
	d := doc("d", 2029, "doc:d1", "measure:2029:X:1")
	e := doc("e", 2029, "doc:d2", "measure:2029:X:2") // a second document of 2029
	o := newOwnerIndex([]*loadedDoc{a, b, c, d, e})
	for id, want := range map[string]*loadedDoc{
		"doc:2023": a, "measure:2023:X:1": a, "doc:2025": b, "measure:2025:X:1": b,
		"doc:c": c, "m1": c, "measure:2029:X:1": d, "measure:2029:X:2": e, "doc:d2": e,
		"measure:2023:X:9": nil, "law:X": nil, "amount:2025:1:1": nil,
	} {
		if got := o.of(id); got != want {
			t.Errorf("of(%s) = %v, want %v", id, got, want)
		}
	}
}

// TestIDTable: the hash table checkParsed looks relationship ends up in
// answers as the sorted list does, for every node id of the corpus, with
// repeats, and for ids next to them that are none.
func TestIDTable(t *testing.T) {
	for _, d := range loadSeedDocs(t) {
		ids := newIDList(d.pd)
		ids = append(ids, ids[0], ids[len(ids)/2])
		slices.Sort(ids)
		known := newIDTable(ids)
		for _, id := range ids {
			for _, q := range []string{id, id + "x", id[:len(id)-1], ""} {
				if known.has(q) != ids.has(q) {
					t.Fatalf("%d: idTable.has(%q) = %v", d.entry.Year, q, known.has(q))
				}
			}
		}
	}
	if newIDTable(nil).has("doc:1") {
		t.Fatal("an empty table has an id")
	}
}
