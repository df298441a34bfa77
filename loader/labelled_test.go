package loader

import (
	"strings"
	"testing"
)

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

// TestReadLabelled reads the labelled goals of the 2023 key messages
// (lines 233–238, 267), a goal wrapped onto the next line read so only
// when the grammar says that line wraps.
func TestReadLabelled(t *testing.T) {
	dx := []string{
		" ＤＸ：デジタル化による新たなサービスへの需要が創出、ソフトウェアを含む設備投資が増加。例えば、2030年までに国内で半導体を生産す",
		"る企業の合計売上高（半導体関連）15兆円超を目指す。",
	}
	for _, c := range []struct {
		name  string
		lines []string // the labelled line first
		wraps bool     // what the grammar says of the second line
		want  labelledItem
	}{
		{"a goal on one line", []string{" ＧＸ：今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。", ""}, false,
			labelledItem{"ＧＸ", "今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。", 1, 1}},
		{"a goal wrapped onto the next line", dx, true,
			labelledItem{"ＤＸ", "デジタル化による新たなサービスへの需要が創出、ソフトウェアを含む設備投資が増加。例えば、2030年までに国内で半導体を生産する企業の合計売上高（半導体関連）15兆円超を目指す。", 1, 2}},
		{"the next line told no wrap", dx, false,
			labelledItem{"ＤＸ", "デジタル化による新たなサービスへの需要が創出、ソフトウェアを含む設備投資が増加。例えば、2030年までに国内で半導体を生産す", 1, 1}},
		{"a label alone", []string{" EBPM・データ駆動型行政"}, true,
			labelledItem{"EBPM・データ駆動型行政", "", 1, 1}}, // no line after it to read
	} {
		dt, err := newDocTextString("labelled.txt", 2023, "doc:2023", strings.Join(c.lines, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		got := readLabelled(dt, len(c.lines), 0, trimSpaces(dt.raw(0)), func(int) bool { return c.wraps })
		if got != c.want {
			t.Errorf("%s: read %+v, want %+v", c.name, got, c.want)
		}
	}
}
