package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

func TestWholeRelist(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"パーシャルスピンオフに関する税制の恒久化の検討（再掲）", true},                    // 2023 line 1030
		{"生成AIの活用に向けた国内基盤モデルの開発及び官民の計算資源の拡充（2022年度～）（再掲）", true}, // 2023 line 941
		{"○ ディープテック・スタートアップ政策パッケージ（再掲）", true},                   // 2023 line 2816
		// 2025 lines 1077–1078: the marker binds GX産業立地の推進, not the item
		{"支援と規制が一体的となったGX産業政策の推進（GX経済移行債の効果的活用とカーボンプライシング・サーキュラーエコノミーに関する制度整備、GX産業立地の推進【再掲】等）", false},
		{"再掲のない項目", false},
	} {
		if got := wholeRelist(tc.text); got != tc.want {
			t.Errorf("wholeRelist(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestRelistMarks pins the RELISTS edges a 再掲 marker makes: marked, and for
// the one marker inside an item (2025 line 1078) bound to its clause, whose
// original is the bullet at 1055–1057 (…脱炭素電源活用等のGX産業立地の推進).
func TestRelistMarks(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*policygraph.Measure{}
	for _, m := range g.Measures {
		byID[m.ID] = m
	}
	n := 0
	for _, r := range g.Relationships {
		if r.Type != policygraph.RelRelists || r.Properties["marked"] != true {
			continue
		}
		n++
		from, to := byID[r.Start], byID[r.End]
		if from.DocumentID != "doc:2025" {
			if !from.Relist || r.Properties["quote"] != nil {
				t.Errorf("%s: a whole-item relist with %v", r.ID, r.Properties)
			}
			continue
		}
		if from.LineStart != 1077 || to.LineStart != 1055 || from.Relist ||
			r.Properties["quote"] != "GX産業立地の推進" || r.Properties["line"] != 1078 {
			t.Errorf("2025 relist %d → %d (relist %v): %v", from.LineStart, to.LineStart, from.Relist, r.Properties)
		}
	}
	if n != 5 {
		t.Errorf("%d marked RELISTS, want 5 (four of 2023, one of 2025)", n)
	}
}

// TestRelistClauses: each marker inside an item binds its own clause, one
// edge per original, and the item is no relist.
func TestRelistClauses(t *testing.T) {
	lines := []string{
		"GX産業立地の推進",
		"地域単位での産業人材育成",
		"⚫ 産業政策の推進（GX産業立地の推進【再掲】、",
		"地域単位での産業人材育成【再掲】等）",
	}
	txt, err := newDocText("t.txt", 2025, "doc:2025", []byte(strings.Join(lines, "\n")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	item := meas("item", "", "", "産業政策の推進（GX産業立地の推進【再掲】、地域単位での産業人材育成【再掲】等）", 3, false)
	item.LineEnd = 4
	ms := []*policygraph.Measure{meas("a", "p", "", lines[0], 1, false), meas("b", "p", "", lines[1], 2, false), item}
	if wholeRelist(item.Text) {
		t.Fatal("the item counts as a whole relist")
	}
	docs := []*loadedDoc{{t: txt, pd: &parsedDoc{Measures: ms}}}
	rep := &Report{}
	var got []string
	for _, r := range linkRelists(docs, simItems(docs), rep) {
		got = append(got, fmt.Sprintf("%s→%s %v %v", r.Start, r.End, r.Properties["quote"], r.Properties["line"]))
	}
	want := []string{"item→a GX産業立地の推進 3", "item→b 地域単位での産業人材育成 4"}
	if diff := cmp.Diff(want, got); diff != "" || len(rep.Unresolved) > 0 {
		t.Errorf("RELISTS (-want +got):\n%s\nunresolved %v", diff, rep.Unresolved)
	}
}

// TestMarkedClauseLines: each inline 再掲 marker takes the line it starts
// on, also when the extraction broke a marker across two lines before it.
func TestMarkedClauseLines(t *testing.T) {
	raw := []string{
		"⚫ 省エネの推進【再",    // 1: a marker broken across lines 1–2
		"掲】、水素の活用",      // 2
		"（蓄電池の導入【再掲】等）", // 3
	}
	dt, err := newDocText("t.txt", 2025, "doc:2025", []byte(strings.Join(raw, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	m := &policygraph.Measure{ID: "m", Source: policygraph.Source{LineStart: 1, LineEnd: 3}, Text: strings.Join(raw, "")}
	var lines []int
	for _, c := range markedClauses(dt, m) {
		lines = append(lines, c.line)
	}
	if !slices.Equal(lines, []int{1, 3}) {
		t.Errorf("marker lines %v, want [1 3]", lines)
	}
}
