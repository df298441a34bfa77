package loader

import (
	"strings"
	"testing"
)

func TestParseEditions(t *testing.T) {
	tests := []struct {
		name, json, wantErr string
	}{
		{"ok", `{"editions":[{"year":2025,"pillars":[{"kind":"MISSION","name":"ＧＸ","labels":["GX"]}]}]}`, ""},
		{"twice", `{"editions":[{"year":2025},{"year":2025}]}`, "listed twice"},
		{"no kind", `{"editions":[{"year":2025,"pillars":[{"name":"ＧＸ","cues":["x"]}]}]}`, "needs a name and a kind"},
		{"bad kind", `{"editions":[{"year":2025,"pillars":[{"kind":"PILLAR","name":"ＧＸ","cues":["x"]}]}]}`, "needs a name and a kind"},
		{"nothing identifies", `{"editions":[{"year":2025,"pillars":[{"kind":"OS","name":"人材"}]}]}`, "neither labels nor cues"},
		{"label not normalised", `{"editions":[{"year":2025,"pillars":[{"kind":"MISSION","name":"ＧＸ","labels":["ＧＸ"]}]}]}`, "not in normalised form"},
		{"not json", `{"editions":`, "alias table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseEditions([]byte(tt.json))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestEditionPillarsEmbedded checks the shipped table: the 2025 edition has
// its twelve pillars (eight missions, four OS), and no other edition is
// invented.
func TestEditionPillarsEmbedded(t *testing.T) {
	ps, err := editionPillars(2025)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, p := range ps {
		kinds[p.Kind]++
	}
	if len(ps) != 12 || kinds["MISSION"] != 8 || kinds["OS"] != 4 {
		t.Errorf("2025 pillars: %d (%v), want 12 (8 MISSION, 4 OS)", len(ps), kinds)
	}
	if _, err := editionPillars(2023); err == nil {
		t.Error("2023 has a curated pillar table; its parser reads the pillars from the text")
	}
}
