package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// smallGraph is a hand-built graph with every label, property shapes of each
// kind, and text that needs escaping in every format.
func smallGraph() *policygraph.Graph {
	doc := &policygraph.Document{ID: "doc:2023", Title: "第2次中間整理", Edition: "第2次中間整理", Year: 2023,
		Publisher: "経済産業省", File: "000_test.txt", SHA256: "abc", Lines: 40}
	// page: one slide per two lines, as the loader would set it
	src := func(a, b int, q string) policygraph.Source {
		s := policygraph.Source{File: "000_test.txt", LineStart: a, LineEnd: b, Quote: q, Page: (a + 1) / 2}
		s.SetCitation(doc)
		return s
	}
	return &policygraph.Graph{
		Documents: []*policygraph.Document{doc},
		Pillars: []*policygraph.Pillar{{ID: "pillar:2023:MISSION-1", DocumentID: "doc:2023", Key: "MISSION-1", Kind: "MISSION",
			Ordinal: 1, Name: "炭素中立型社会の実現", Aliases: []string{"ＧＸ", "GX"}, LongTermGoal: "2050年CN", Source: src(1, 2, "ミッション①")}},
		Groups: []*policygraph.MeasureGroup{{ID: "group:2023:MISSION-1:0001", DocumentID: "doc:2023", PillarID: "pillar:2023:MISSION-1",
			Name: "【GX & <DX>】", Source: src(3, 3, "【GX & <DX>】")}},
		Measures: []*policygraph.Measure{{ID: "measure:2023:MISSION-1:0002", DocumentID: "doc:2023", PillarID: "pillar:2023:MISSION-1",
			GroupID: "group:2023:MISSION-1:0001", Title: `It's a "quote" \ back`, Text: "line one\nline two\tand 'x'",
			Status: "FUTURE", StartYear: 2023, Relist: true, Source: src(4, 5, "○ It's\nquoted")}},
		Targets: []*policygraph.Target{{ID: "target:2023:MISSION-1:0003", DocumentID: "doc:2023", PillarID: "pillar:2023:MISSION-1",
			Kind: "LONG_TERM", Text: "150兆円", Year: 2030, Value: 150.5, Unit: "兆円", Source: src(6, 6, "150兆円")}},
		Laws:  []*policygraph.Law{{ID: "law:CHIPS法", Name: "CHIPS法", Aliases: []string{}, Foreign: true}},
		Funds: []*policygraph.Fund{{ID: "fund:グリーンイノベーション基金", Name: "グリーンイノベーション基金", Aliases: []string{"GI基金"}}},
		Directions: []*policygraph.PolicyDirection{{ID: "direction:2025:1", DocumentID: "doc:2023", Ordinal: 1,
			Title: "方向性①", Source: src(7, 7, "政策の方向性①")}},
		// 2^53+1 yen: an integer a float64 cannot hold, which every format must keep exact.
		Amounts: []*policygraph.Amount{{ID: "amount:2023:6:1", DocumentID: "doc:2023", Yen: 9_007_199_254_740_993,
			Surface: "9007兆1992億5474万993円", Qualifier: "約…以上", StartYear: 2023, EndYear: 2032, Source: src(6, 6, "約9007兆1992億5474万993円以上")}},
		Organisations: []*policygraph.Organisation{{ID: "org:JIC", Name: "産業革新投資機構", Aliases: []string{"JIC"}, Kind: "AGENCY"}},
		Relationships: []*policygraph.Relationship{
			{ID: "CITES_LAW:measure:2023:MISSION-1:0002->law:CHIPS法", Type: "CITES_LAW", Start: "measure:2023:MISSION-1:0002",
				End: "law:CHIPS法", Properties: map[string]any{"surface": "CHIPS法", "line": 4}},
			{ID: "EVOLVES_FROM:x", Type: "EVOLVES_FROM", Start: "measure:2023:MISSION-1:0002", End: "measure:2023:MISSION-1:0002",
				Properties: map[string]any{"score": 1.0}},
			{ID: "HAS_PILLAR:doc:2023->pillar:2023:MISSION-1", Type: "HAS_PILLAR", Start: "doc:2023", End: "pillar:2023:MISSION-1"},
			{ID: "HAS_AMOUNT:target:2023:MISSION-1:0003->amount:2023:6:1", Type: "HAS_AMOUNT", Start: "target:2023:MISSION-1:0003",
				End: "amount:2023:6:1", Properties: map[string]any{"line": 6}},
			{ID: "MENTIONS_ORG:measure:2023:MISSION-1:0002->org:JIC", Type: "MENTIONS_ORG", Start: "measure:2023:MISSION-1:0002",
				End: "org:JIC", Properties: map[string]any{"surface": "ＪＩＣ", "line": 4}},
			{ID: "USES_FUND:measure:2023:MISSION-1:0002->fund:グリーンイノベーション基金", Type: "USES_FUND",
				Start: "measure:2023:MISSION-1:0002", End: "fund:グリーンイノベーション基金",
				Properties: map[string]any{"surface": "GI基\n金", "line": 5}},
		},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from golden (-want +got):\n%s", name, diff)
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *policygraph.Graph) error
	}{{"small.json", JSON}, {"small.graphml", GraphML}, {"small.cypher", Cypher}} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := tc.write(&a, smallGraph()); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&b, smallGraph()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("output is not deterministic")
			}
			golden(t, tc.name, a.Bytes())
		})
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	g := smallGraph()
	if err := JSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct {
			ID         string         `json:"id"`
			Labels     []string       `json:"labels"`
			Properties map[string]any `json:"properties"`
		} `json:"nodes"`
		Relationships []struct {
			ID, Type, Start, End string
			Properties           map[string]any `json:"properties"`
		} `json:"relationships"`
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Nodes) != len(g.Entities()) || len(doc.Relationships) != len(g.Relationships) {
		t.Fatalf("got %d nodes, %d rels", len(doc.Nodes), len(doc.Relationships))
	}
	m := doc.Nodes[3]
	if m.Labels[0] != "Measure" || m.Properties["title"] != `It's a "quote" \ back` || m.Properties["relist"] != true {
		t.Errorf("measure node = %+v", m)
	}
	if doc.Relationships[0].Properties["line"] != 4.0 || doc.Relationships[2].Properties == nil {
		t.Errorf("relationships = %+v", doc.Relationships)
	}
}

func TestGraphMLWellFormed(t *testing.T) {
	var buf bytes.Buffer
	g := smallGraph()
	g.Measures[0].Text += "\x01 control \u2028"
	if err := GraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	keys := map[string]string{}
	var nodes, edges int
	texts := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, buf.String())
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "key":
				var id, typ string
				for _, a := range se.Attr {
					switch a.Name.Local {
					case "id":
						id = a.Value
					case "attr.type":
						typ = a.Value
					}
				}
				keys[id] = typ
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts[string(cd)] = true
		}
	}
	if nodes != len(g.Entities()) || edges != len(g.Relationships) {
		t.Errorf("nodes=%d edges=%d", nodes, edges)
	}
	for k, want := range map[string]string{"n_labels": "string", "n_year": "long", "n_value": "double",
		"n_foreign": "boolean", "n_aliases": "string", "e_score": "double", "e_line": "long", "e_type": "string"} {
		if keys[k] != want {
			t.Errorf("key %s has attr.type %q, want %q", k, keys[k], want)
		}
	}
	for _, want := range []string{":Measure", `["ＧＸ","GX"]`, "【GX & <DX>】", "GI基\n金"} {
		if !texts[want] {
			t.Errorf("no <data> with text %q", want)
		}
	}
}

func TestCypherString(t *testing.T) {
	for in, want := range map[string]string{
		``:               `''`,
		`plain 日本語`:      `'plain 日本語'`,
		`it's`:           `'it\'s'`,
		`say "hi"`:       `'say "hi"'`,
		`back\slash`:     `'back\\slash'`,
		"two\nlines\r\n": `'two\nlines\r\n'`,
		"tab\tnul\x00":   `'tab\tnul\u0000'`,
		`\'`:             `'\\\''`,
		"bad\xffutf8":    `'bad\uFFFDutf8'`,
	} {
		if got := cypherString(in); got != want {
			t.Errorf("cypherString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCypherValues(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{int64(3), "3"}, {1.0, "1.0"}, {0.125, "0.125"}, {true, "true"},
		{[]string{"a'b", "c"}, `['a\'b', 'c']`}, {[]string{}, "[]"},
	} {
		got, err := cypherValue(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("cypherValue(%#v) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := cypherValue(struct{}{}); err == nil {
		t.Error("unsupported type gave no error")
	}
	if ident("CITES_LAW") != "CITES_LAW" || ident("a-b") != "`a-b`" || ident("1x") != "`1x`" {
		t.Error("ident quoting")
	}
}

// TestCypherStatements checks the script's shape: every statement ends in
// ';', one MERGE per node batch and per relationship group, and each string
// literal round-trips through a small Cypher-literal reader.
func TestCypherStatements(t *testing.T) {
	var buf bytes.Buffer
	if err := Cypher(&buf, smallGraph()); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	stmts := splitStatements(t, s)
	if len(stmts) == 0 {
		t.Fatal("no statements")
	}
	var merges int
	for _, st := range stmts {
		if strings.Contains(st, "MERGE") {
			merges++
		}
	}
	// 10 labels + 6 relationship groups.
	if merges != 16 {
		t.Errorf("%d MERGE statements, want 16:\n%s", merges, s)
	}
	// The yen beyond 2^53 stays an exact integer literal.
	if !strings.Contains(s, "yen: 9007199254740993}") {
		t.Errorf("yen not written exactly:\n%s", s)
	}
	if !strings.Contains(s, `title: 'It\'s a "quote" \\ back'`) || !strings.Contains(s, `text: 'line one\nline two\tand \'x\''`) {
		t.Errorf("escaping not as expected:\n%s", s)
	}
}

// splitStatements splits a script on ';' outside string literals and
// comments, failing on an unterminated literal or statement.
func splitStatements(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	start, inStr := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '\'':
			inStr = !inStr
		case !inStr && c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			start = i + 1
		case !inStr && c == ';':
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	if inStr {
		t.Fatal("unterminated string literal")
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		t.Fatalf("statement not terminated by ';': %q", rest)
	}
	return out
}

func TestBadGraph(t *testing.T) {
	g := smallGraph()
	g.Relationships = append(g.Relationships, &policygraph.Relationship{ID: "x", Type: "T", Start: "nope", End: "doc:2023"})
	for _, f := range []func(io.Writer, *policygraph.Graph) error{JSON, GraphML, Cypher, CSV} {
		if err := f(io.Discard, g); err == nil {
			t.Error("dangling relationship gave no error")
		}
	}
}
