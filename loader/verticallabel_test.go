package loader

import (
	"slices"
	"strings"
	"testing"
)

// TestVerticalLabel reads the side labels of the 2023 overview tables and
// macro framework (seed lines 371–383, 838–849) and what is none.
func TestVerticalLabel(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines []string
		from  int
		end   int    // verticalRun
		text  string // verticalText up to end
	}{
		{"a table's label", strings.Split("ミ|ッ|シ|ョ|ン|志|向|の|産|業|政|策||炭素中立", "|"), 0, 12, "ミッション志向の産業政策"},
		{"in matching form", strings.Split("社|会|基|盤|（|Ｏ|Ｓ|）|の|組|替|え|人材", "|"), 0, 12, "社会基盤(OS)の組替え"},
		{"from within the run", strings.Split("所|得|向|上", "|"), 2, 4, "向上"},
		{"a lone ／ between goals", []string{"2050年CN実", "現", "／", "今後10年で"}, 1, 3, "現/"}, // NFKC
		{"no one-character line", []string{"炭素中立", "型社会の"}, 0, 0, ""},
	} {
		dt, err := newDocTextString("label.txt", 2023, "doc:2023", strings.Join(c.lines, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		lines := lexSlides(dt)
		end := verticalRun(lines, c.from)
		if got := verticalText(lines, c.from, end); end != c.end || got != c.text {
			t.Errorf("%s: run to %d spelling %q, want to %d spelling %q", c.name, end, got, c.end, c.text)
		}
	}
	if minVerticalRun != 3 {
		t.Errorf("minVerticalRun = %d: two lines (現 / ／) are a goal cell's, three a label", minVerticalRun)
	}
}

// TestPlaceVerticalLabel places a side label of the 2023 overview tables
// (seed lines 371–383) and a goal cell's lone ／, from where the grammar
// tells it to read.
func TestPlaceVerticalLabel(t *testing.T) {
	lines := strings.Split("ミ|ッ|シ|ョ|ン|志|向||2050年CN実|現|／|今後10年で", "|")
	dt, err := newDocTextString("label.txt", 2023, "doc:2023", strings.Join(lines, "\n")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		from   int
		label  string
		last   int
		ok     bool
		placed []string // lines 1..len(lines)
	}{
		{"a label", 0, "ミッション志向", 6, true,
			[]string{"vertical-label", "vertical-label", "vertical-label", "vertical-label", "vertical-label", "vertical-label", "vertical-label", "", "", "", "", ""}},
		{"the label's end: three lines", 4, "ン志向", 6, true,
			[]string{"", "", "", "", "vertical-label", "vertical-label", "vertical-label", "", "", "", "", ""}},
		{"the label's last two lines: a chart mark", 5, "", 5, false,
			[]string{"", "", "", "", "", "chart-mark", "", "", "", "", "", ""}},
		{"a lone ／ after a goal's 現", 9, "", 9, false,
			[]string{"", "", "", "", "", "", "", "", "", "chart-mark", "", ""}},
	} {
		b := newDocBuilder(dt)
		label, last, ok := b.placeVerticalLabel(c.from)
		var placed []string
		for l := 1; l <= len(lines); l++ {
			placed = append(placed, strings.TrimPrefix(b.pd.Placed.at(l), "furniture:"))
		}
		if label != c.label || last != c.last || ok != c.ok || !slices.Equal(placed, c.placed) {
			t.Errorf("%s: %q, last %d, %v, placed %q; want %q, %d, %v, %q", c.name, label, last, ok, placed, c.label, c.last, c.ok, c.placed)
		}
	}
}
