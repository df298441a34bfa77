package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func pillars2025(t *testing.T) []pillarSpec {
	t.Helper()
	et, err := loadEditions()
	if err != nil {
		t.Fatal(err)
	}
	ed := et.ofYear(2025)
	if ed == nil || len(ed.Pillars) == 0 {
		t.Fatal("no 2025 pillar table")
	}
	return ed.Pillars
}

// TestIdentifyPillar identifies slides of the 2025 tables by what the
// extraction kept of them: a label, the tail of a vertical label, or the
// goal and row headings' cue words.
func TestIdentifyPillar(t *testing.T) {
	specs := pillars2025(t)
	index := func(name string) int {
		for i, s := range specs {
			if s.Name == name {
				return i
			}
		}
		t.Fatalf("no pillar %s", name)
		return -1
	}
	tests := []struct {
		name, label, heads string
		used               []string
		want               string // "" for none
	}{
		{"label", "ＧＸ", "", nil, "ＧＸ"},
		{"label beats cues", " EBPM", "2040年に健康寿命を75歳に", nil, "EBPM"},
		{"a vertical label's tail", "康", "", nil, "健康"},
		{"cues", "", normalize("希望出生率の実現") + normalize("〇良質な雇用の創出"), nil, "地域の包摂的成長"},
		{"more cues win", "", "微生物バイオ循環", nil, "バイオものづくり"},
		{"used specs are skipped", "ＧＸ", "", []string{"ＧＸ"}, ""},
		{"used, the cues find another", "", "微生物バイオ循環", []string{"バイオものづくり"}, "資源自律経済"},
		{"nothing", "", "量子コンピュータ", nil, ""},
	}
	for _, tt := range tests {
		used := map[int]bool{}
		for _, u := range tt.used {
			used[index(u)] = true
		}
		got := identifyPillar(specs, tt.label, tt.heads, used)
		want := -1
		if tt.want != "" {
			want = index(tt.want)
		}
		if got != want {
			t.Errorf("%s: spec %d, want %d (%s)", tt.name, got, want, tt.want)
		}
	}
	// the specs are the parameter: another table, another answer
	other := []pillarSpec{{Name: "グリーン", Labels: []string{"GX"}}, {Name: "ものづくり", Cues: []string{"微生物"}}}
	if got := identifyPillar(other, "ＧＸ", "", nil); got != 0 {
		t.Errorf("other table, label ＧＸ: spec %d, want 0", got)
	}
	if got := identifyPillar(other, "", "微生物バイオ循環", nil); got != 1 {
		t.Errorf("other table, cue 微生物: spec %d, want 1", got)
	}
}

// TestAliasesWith: a printed label is an alias unless it is one already or
// a fragment of the name or an alias (健康 printed as 康).
func TestAliasesWith(t *testing.T) {
	specs := pillars2025(t)
	byName := map[string]*pillarSpec{}
	for i := range specs {
		byName[specs[i].Name] = &specs[i]
	}
	tests := []struct {
		pillar, label string
		want          []string
	}{
		{"ＧＸ", "", []string{"GX"}},
		{"ＧＸ", "ＧＸ", []string{"GX"}},
		{"ＧＸ", "GX", []string{"GX"}},
		{"健康", "康", nil},
		{"健康", "ヘルスケア", []string{"ヘルスケア"}},
		{"地域の包摂的成長", "包摂的成長", []string{"少子化対策としての地域の包摂的成長", "地域"}},
		{"EBPM", "EBPM", nil},
		{"経済安全保障・対外経済", "経済安保", []string{"経済安全保障", "経済安保", "対外経済政策"}},
	}
	for _, tt := range tests {
		s := byName[tt.pillar]
		if s == nil {
			t.Fatalf("no pillar %s", tt.pillar)
		}
		if diff := cmp.Diff(tt.want, s.aliasesWith(tt.label)); diff != "" {
			t.Errorf("%s printed %q: aliases (-want +got):\n%s", tt.pillar, tt.label, diff)
		}
	}
}
