package loader

import "testing"

// TestCutLabel reads the labelled lines of the 2023 key messages and
// pillar headings.
func TestCutLabel(t *testing.T) {
	for _, c := range []struct {
		s, label, text string
		found          bool
	}{
		{"ＧＸ：今後10年で150兆円超の官民投資", "ＧＸ", "今後10年で150兆円超の官民投資", true},
		{"ミッション①：炭素中立型社会の実現（考え方）", "ミッション①", "炭素中立型社会の実現（考え方）", true},
		{"OS1: 人材 ", "OS1", "人材", true},                   // half-width, spaces trimmed
		{"行政：EBPM：データ駆動型行政", "行政", "EBPM：データ駆動型行政", true}, // the first colon
		{"ＤＸ：", "ＤＸ", "", true},                           // a label alone
		{"経済安全保障の実現", "経済安全保障の実現", "", false},             // no colon
	} {
		label, text, found := cutLabel(c.s)
		if label != c.label || text != c.text || found != c.found {
			t.Errorf("cutLabel(%q) = %q, %q, %v; want %q, %q, %v", c.s, label, text, found, c.label, c.text, c.found)
		}
	}
}
