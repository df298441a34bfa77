package jsonpos

import (
	"encoding/json"
	"slices"
	"testing"
)

const doc = `{
  "documents": [
    {"file": "a.txt",
     "year": 2023},
    {
      "file": "b.txt", "tags": ["x",
        "y"]
    }
  ],
  "license": "CC"
}
`

func TestBuild(t *testing.T) {
	x, err := Build([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{
		"":                     1,
		"documents":            2,
		"documents[0]":         3,
		"documents[0].file":    3,
		"documents[0].year":    4,
		"documents[1]":         5,
		"documents[1].file":    6,
		"documents[1].tags[1]": 7,
		"documents[1].id":      5, // absent: its object
		"license":              10,
		"nowhere.at.all":       1,
	} {
		if got := x.Line(path); got != want {
			t.Errorf("Line(%q) = %d, want %d", path, got, want)
		}
	}
	keys := x.Keys("documents[1]")
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"file", "tags"}) {
		t.Errorf("Keys = %v", keys)
	}
	top := x.Keys("")
	slices.Sort(top)
	if !slices.Equal(top, []string{"documents", "license"}) {
		t.Errorf("top keys = %v", top)
	}
}

func TestErrorLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		v    any
		want int
	}{
		{"{\n\"a\": 1,\n\"b\": }\n", &map[string]int{}, 3},
		{"{\n\"a\": 1,\n\"b\": \"x\"\n}", &map[string]int{}, 3},
		{"{\n\"a\": 1", &map[string]int{}, 2},
	} {
		err := json.Unmarshal([]byte(tc.text), tc.v)
		if err == nil {
			t.Fatalf("%q: no error", tc.text)
		}
		if got := ErrorLine([]byte(tc.text), err); got != tc.want {
			t.Errorf("%q: line %d, want %d (%v)", tc.text, got, tc.want, err)
		}
	}
	if _, err := Build([]byte("{\n\"a\": [1,\n}")); err == nil {
		t.Error("Build accepted a syntax error")
	}
}

func TestUnknown(t *testing.T) {
	x, err := Build([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		known []string
		want  []string
	}{
		{"", []string{"documents", "license"}, nil},
		{"", []string{"documents"}, []string{"license"}},
		{"documents[1]", nil, []string{"file", "tags"}},
		{"documents[0]", []string{"file"}, []string{"year"}},
		{"nowhere", nil, nil},
	} {
		if got := x.Unknown(tc.path, tc.known); !slices.Equal(got, tc.want) {
			t.Errorf("Unknown(%q, %v) = %v, want %v", tc.path, tc.known, got, tc.want)
		}
	}
}
