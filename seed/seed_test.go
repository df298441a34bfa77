package seed

import (
	"errors"
	"strings"
	"testing"
)

func TestReadManifestEmbedded(t *testing.T) {
	m, err := ReadManifest(FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 2 || m.Documents[0].Line != 3 || m.Documents[1].Line != 13 {
		t.Errorf("entries %+v", m.Documents)
	}
}

// TestParseManifestErrors: every problem is found, each at its line of
// manifest.json, in line order.
func TestParseManifestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // the errors, in order
	}{
		{"syntax", "{\n  \"documents\": [\n    {\"file\": \"a.txt\",}\n  ]\n}\n",
			[]string{"manifest.json:3: parse seed manifest: invalid character '}'"}},
		{"not an object", "[1, 2]\n", []string{"manifest.json:1: parse seed manifest: json: cannot unmarshal array"}},
		{"missing fields, each entry", `{"documents": [
  {"file": "a.txt", "id": "doc:a", "year": 2023},
  {"file": "b.txt"},
  {"id": "doc:c",
   "year": 2027}
]}`, []string{
			"manifest.json:3: document 1 needs id, year",
			"manifest.json:4: document 2 needs file",
		}},
		{"type errors, each entry", `{"documents": [
  {"file": "a.txt", "id": "doc:a",
   "year": "2023"},
  {"file": "b.txt", "id": "doc:b", "year": 2025, "layout": 7}
]}`, []string{
			"manifest.json:3: document 0: json: cannot unmarshal string into Go struct field Entry.year of type int",
			"manifest.json:4: document 1: json: cannot unmarshal number into Go struct field Entry.layout of type string",
		}},
		{"unknown keys", `{"documents": [
  {"file": "a.txt", "id": "doc:a", "year": 2023,
   "layuot": "interim-2023"}
],
"licence": "x"}`, []string{
			`manifest.json:3: unknown key "layuot" (known: file, id, title, edition, year, layout, publisher, source)`,
			`manifest.json:5: unknown key "licence" (known: documents, attribution, license)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseManifest([]byte(tc.text))
			var list Errors
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want Errors", err)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("%d errors, want %d: %v", len(list), len(tc.want), []*Error(list))
			}
			for i, e := range list {
				if !strings.HasPrefix(e.Error(), tc.want[i]) {
					t.Errorf("error %d = %q, want prefix %q", i, e, tc.want[i])
				}
			}
			if len(list) > 1 && !strings.HasSuffix(err.Error(), "(and 1 more errors)") {
				t.Errorf("err = %q", err)
			}
		})
	}
}

func TestParseManifestLayout(t *testing.T) {
	m, err := parseManifest([]byte(`{"documents": [{"file": "a.txt", "id": "doc:a", "year": 2027, "layout": "interim-2025"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if e := m.Documents[0]; e.Layout != "interim-2025" || e.Line != 1 {
		t.Errorf("entry %+v", e)
	}
}
