package loader

import (
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
