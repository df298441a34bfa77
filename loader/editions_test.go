package loader

import (
	"errors"
	"strings"
	"testing"
)

// TestParseEditions: each problem of the edition data is reported, at its
// line of aliases.json, and all of them at once.
func TestParseEditions(t *testing.T) {
	tests := []struct {
		name, json string
		want       []string // the errors in order, "" for none
	}{
		{"ok", `{"editions":[{"edition":"第4次中間整理","year":2025,"layout":"interim-2025","markers":["第4次中間整理"],
"pillars":[{"kind":"MISSION","name":"ＧＸ","labels":["GX"]}]}]}`, nil},
		{"not json", "{\"editions\":\n[", []string{aliasFile + ":2: alias table: unexpected end of JSON input"}},
		{"wrong type", "{\"editions\":[\n{\"edition\":\"a\",\n\"year\":\"2025\"}]}", []string{aliasFile + ":3: alias table: json: cannot unmarshal string"}},
		{"twice", `{"editions":[
{"edition":"第2次中間整理","year":2023,"layout":"interim-2023"},
{"edition":"第2次中間整理","year":2023,"layout":"interim-2023"}]}`,
			[]string{aliasFile + ":3: edition 第2次中間整理 listed twice"}},
		{"every problem, each at its line", `{"editions":[
{"year":2023,"layout":"interim-2023"},
{"edition":"第3次中間整理","layout":"interim-2024"},
{"edition":"第4次中間整理","year":2025,"layout":"interim-2025"},
{"edition":"第5次中間整理","year":2027,"layout":"interim-2025","markers":["第4次中間整理", " "],
 "pillars":[
  {"name":"ＧＸ","cues":["x"]},
  {"kind":"PILLAR","name":"ＧＸ","cues":["x"]},
  {"kind":"OS","name":"人材"},
  {"kind":"MISSION","name":"ＧＸ","labels":["ＧＸ"],
   "lables":["GX"]}]},
{"edition":"第6次中間整理","year":2029,"layout":"interim-2023","pilars":[],
 "pillars":[{"kind":"OS","name":"人材","cues":["x"]}]}
]}`, []string{
			aliasFile + ":2: edition 0 needs a name",
			aliasFile + ":3: edition 第3次中間整理 needs a year",
			aliasFile + ":3: edition 第3次中間整理: unknown layout \"interim-2024\" (known: interim-2023, interim-2025)",
			aliasFile + ":4: edition 第4次中間整理: layout interim-2025 needs a pillar table",
			aliasFile + ":5: edition 第5次中間整理: empty marker",
			aliasFile + ":7: edition 第5次中間整理 pillar 0 needs a name and a kind (MISSION or OS)",
			aliasFile + ":8: edition 第5次中間整理 pillar 1 needs a name and a kind",
			aliasFile + ":9: edition 第5次中間整理 pillar 人材 has neither labels nor cues",
			aliasFile + ":10: edition 第5次中間整理 pillar ＧＸ: label \"ＧＸ\" is not in normalised form",
			aliasFile + ":11: unknown key \"lables\" (known: kind, name, aliases, labels, cues)",
			aliasFile + ":12: unknown key \"pilars\" (known: edition, year, layout, markers, note, pillars)",
			aliasFile + ":13: edition 第6次中間整理: layout interim-2023 reads the pillars from the text",
		}},
		{"shared marker", `{"editions":[
{"edition":"第2次中間整理","year":2023,"layout":"interim-2023","markers":["中間整理"]},
{"edition":"第3次中間整理","year":2024,"layout":"interim-2023","markers":["中間整理"]}]}`,
			[]string{aliasFile + ":3: edition 第3次中間整理: marker \"中間整理\" is also a marker of 第2次中間整理"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseEditions([]byte(tt.json))
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("err = %v, want an ErrorList", err)
			}
			for i, e := range list {
				if i >= len(tt.want) || !strings.HasPrefix(e.Error(), tt.want[i]) {
					t.Errorf("error %d = %q", i, e)
				}
			}
			if len(list) != len(tt.want) {
				t.Errorf("%d errors, want %d", len(list), len(tt.want))
			}
		})
	}
}

// TestEditionsEmbedded checks the shipped table: 第2次 reads its pillars,
// 第4次 has its twelve (eight missions, four OS), and each is found by its
// markers in its own text and not in the other.
func TestEditionsEmbedded(t *testing.T) {
	eds, err := loadEditions()
	if err != nil {
		t.Fatal(err)
	}
	e25 := eds.byName["第4次中間整理"]
	kinds := map[string]int{}
	for _, p := range e25.Pillars {
		kinds[p.Kind]++
	}
	if e25.Layout != "interim-2025" || len(e25.Pillars) != 12 || kinds["MISSION"] != 8 || kinds["OS"] != 4 {
		t.Errorf("第4次中間整理: layout %s, %d pillars (%v), want interim-2025 and 12 (8 MISSION, 4 OS)", e25.Layout, len(e25.Pillars), kinds)
	}
	if e23 := eds.byName["第2次中間整理"]; e23 == nil || e23.Layout != "interim-2023" || len(e23.Pillars) != 0 {
		t.Errorf("第2次中間整理: %+v", e23)
	}
	for file, want := range map[string]string{file2023: "第2次中間整理", file2025: "第4次中間整理"} {
		txt, err := newDocText(file, 0, "doc:x", seedBytes(t, file))
		if err != nil {
			t.Fatal(err)
		}
		got, err := eds.detect(txt)
		if err != nil || got == nil || got.Edition != want {
			t.Errorf("%s: detected %v, %v; want %s", file, got, err, want)
		}
	}
}
