package loader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// syntheticCorpus is the real corpus plus n synthetic editions of the 2025
// layout, and the shipped edition data plus theirs. Edition k (1…n) is the
// 2025 text (seed/001, lines unchanged) renamed 第{4+k}次中間整理 of year
// 2025+2k: the title at line 122 and 今期（第4次） at line 119 rewritten,
// and one pillar line altered, the ＧＸ goal at line 1128 (10年で150兆円 →
// 10年で{150+50k}兆円). Its pillar table is the 2025 one with the
// バイオものづくり row renamed バイオエコノミー: a data entry, no Go.
func syntheticCorpus(tb testing.TB, n int) (fstest.MapFS, *editionTable) {
	tb.Helper()
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		tb.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range man.Documents {
		fsys[e.File] = &fstest.MapFile{Data: seedBytes(tb, e.File)}
	}
	base := string(seedBytes(tb, file2025))
	shipped, err := loadEditions()
	if err != nil {
		tb.Fatal(err)
	}
	var entries []string
	for k := 1; k <= n; k++ {
		year, ed := 2025+2*k, fmt.Sprintf("第%d次中間整理", 4+k)
		text := base
		for _, r := range [][2]string{
			{"（第4次中間整理の位置づけ）", "（" + ed + "の位置づけ）"},
			{"今期（第4次）", fmt.Sprintf("今期（第%d次）", 4+k)},
			{"10年で150兆円", fmt.Sprintf("10年で%d兆円", 150+50*k)},
		} {
			if !strings.Contains(text, r[0]) {
				tb.Fatalf("the 2025 text no longer holds %q", r[0])
			}
			text = strings.Replace(text, r[0], r[1], 1)
		}
		file := fmt.Sprintf("%03d_synthetic_%d.txt", 1+k, year)
		fsys[file] = &fstest.MapFile{Data: []byte(text)}
		man.Documents = append(man.Documents, seed.Entry{File: file, ID: fmt.Sprintf("doc:%d", year),
			Title: "synthetic " + ed, Edition: ed, Year: year, Publisher: "test", Source: "test"})

		know := *shipped.byName["第4次中間整理"]
		know.Edition, know.Year, know.Markers = ed, year, []string{ed, fmt.Sprintf("今期(第%d次)", 4+k)}
		know.Note = "synthetic, from the 2025 entry"
		know.Pillars = append([]pillarSpec(nil), know.Pillars...)
		for i, p := range know.Pillars {
			if p.Name == "バイオものづくり" {
				p.Name, p.Aliases = "バイオエコノミー", []string{"バイオエコノミー", "バイオ"}
				know.Pillars[i] = p
			}
		}
		b, err := json.Marshal(know)
		if err != nil {
			tb.Fatal(err)
		}
		entries = append(entries, string(b))
	}
	b, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	fsys[seed.ManifestFile] = &fstest.MapFile{Data: b}
	// The entries go through the same checks as the shipped data.
	data := aliasJSON
	if n > 0 {
		data = bytes.Replace(aliasJSON, []byte(`"editions": [`), []byte(`"editions": [`+strings.Join(entries, ",\n")+",\n"), 1)
	}
	eds, err := parseEditions(data)
	if err != nil {
		tb.Fatal(err)
	}
	return fsys, eds
}

// TestSyntheticThirdEdition loads 2023, 2025 and a synthetic 2027 edition
// of the 2025 layout, with no grammar code for it: its nodes have ids of
// their own, the cross-edition links join consecutive editions only
// (2027 → 2025, never 2027 → 2023: a lineage over three editions is a path
// through the middle one), nearly every measure of the copy EVOLVES_FROM
// the 2025 measure it copies, and the two real editions load exactly as
// they do alone.
func TestSyntheticThirdEdition(t *testing.T) {
	fsys, eds := syntheticCorpus(t, 1)
	g, rep, err := loadFS(fsys, eds)
	if err != nil {
		t.Fatal(err)
	}
	g2, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}

	// The two real editions are untouched: every node and relationship of
	// the two-document load is in the three-document one, unchanged.
	nodes := map[string]string{}
	for _, e := range g.Entities() {
		b, _ := json.Marshal(e)
		nodes[e.NodeID()] = string(b)
	}
	for _, e := range g2.Entities() {
		b, _ := json.Marshal(e)
		if nodes[e.NodeID()] != string(b) {
			t.Errorf("node %s changed or lost with a third edition", e.NodeID())
		}
	}
	rels := map[string]*policygraph.Relationship{}
	for _, r := range g.Relationships {
		rels[r.ID] = r
	}
	for _, r := range g2.Relationships {
		a, _ := json.Marshal(r)
		b, _ := json.Marshal(rels[r.ID])
		if !bytes.Equal(a, b) {
			t.Errorf("relationship %s changed or lost with a third edition", r.ID)
		}
	}

	// 2027 has the 2025 structure under ids of its own.
	doc := func(id string) string { // document of a node id: "2027"
		if parts := strings.SplitN(id, ":", 3); len(parts) > 1 {
			return parts[1]
		}
		return ""
	}
	count := map[string]map[string]int{} // year → label → n
	for _, e := range g.Entities() {
		y := doc(e.NodeID())
		if count[y] == nil {
			count[y] = map[string]int{}
		}
		count[y][e.Label()]++
	}
	for _, l := range []string{policygraph.LabelPillar, policygraph.LabelMeasureGroup, policygraph.LabelMeasure, policygraph.LabelTarget, policygraph.LabelPolicyDirection} {
		if count["2027"][l] == 0 || count["2027"][l] != count["2025"][l] {
			t.Errorf("%s: 2027 has %d, 2025 %d", l, count["2027"][l], count["2025"][l])
		}
	}

	// Cross-edition links join consecutive editions only.
	pairs := map[string]int{} // "TYPE 2027→2025" → n
	for _, r := range g.Relationships {
		switch r.Type {
		case policygraph.RelContinues, policygraph.RelEvolvesFrom, policygraph.RelRevises, policygraph.RelKeeps, policygraph.RelRelists:
			pairs[fmt.Sprintf("%s %s→%s", r.Type, doc(r.Start), doc(r.End))]++
		}
	}
	t.Logf("cross-edition links: %v", pairs)
	for _, r := range g.Relationships {
		if from, to := doc(r.Start), doc(r.End); pairs[fmt.Sprintf("%s %s→%s", r.Type, from, to)] > 0 && (from < to || from == "2027" && to == "2023") {
			t.Errorf("%s: a link that points forward or skips an edition", r.ID)
		}
	}
	if n := pairs["CONTINUES 2027→2025"]; n != count["2025"][policygraph.LabelPillar] {
		t.Errorf("CONTINUES 2027→2025: %d, want one per pillar (%d)", n, count["2025"][policygraph.LabelPillar])
	}
	// The one altered goal (ＧＸ, 150 → 200兆円) REVISES its 2025 target;
	// the renamed row (data only) continues its 2025 row.
	if n := pairs["REVISES 2027→2025"]; n != 1 {
		t.Errorf("REVISES 2027→2025: %d, want 1 (the ＧＸ goal)", n)
	}
	// Every other goal with a value is the 2025 one again: it KEEPS it.
	valued := 0
	for _, tg := range g.Targets {
		if doc(tg.ID) == "2027" && tg.Value != 0 {
			valued++
		}
	}
	if n := pairs["KEEPS 2027→2025"]; n != valued-1 {
		t.Errorf("KEEPS 2027→2025: %d, want every valued goal but the ＧＸ one (%d)", n, valued-1)
	}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelRevises && doc(r.Start) == "2027" && !strings.HasPrefix(r.Start, "target:2027:MISSION-1:") {
			t.Errorf("REVISES %s → %s: not the ＧＸ goal", r.Start, r.End)
		}
	}
	for _, p := range g.Pillars {
		if p.ID == "pillar:2027:MISSION-7" && p.Name != "バイオエコノミー" {
			t.Errorf("%s is named %s, want the data's バイオエコノミー", p.ID, p.Name)
		}
	}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelContinues && doc(r.Start) == "2027" && strings.Replace(r.Start, "2027", "2025", 1) != r.End {
			t.Errorf("CONTINUES %s → %s: not the same row", r.Start, r.End)
		}
	}

	// EVOLVES_FROM: every 2027 measure is a word-for-word copy of a 2025
	// one (the ＧＸ goal edit is in a pillar line, not a measure). Where
	// 2025 states a text twice (a table cell copying a direction bullet,
	// RELISTS marked false; two cells of one text) the link may end on the
	// twin.
	text, copyOf := map[string]string{}, map[string]string{}
	for _, m := range g.Measures {
		text[m.ID] = normalize(m.Text)
	}
	// A direction item may continue several measures (evolve.go's
	// direction rules): the copy must be among them.
	evolves := map[string][]string{}
	for _, r := range g.Relationships {
		switch r.Type {
		case policygraph.RelEvolvesFrom:
			evolves[r.Start] = append(evolves[r.Start], r.End)
		case policygraph.RelRelists:
			copyOf[r.Start] = r.End
		}
	}
	var copies, linked, exact, twin int
	for _, m := range g.Measures {
		if doc(m.ID) != "2027" || m.Relist {
			continue
		}
		copies++
		orig := strings.Replace(m.ID, "2027", "2025", 1)
		ends := evolves[m.ID]
		isTwin := func(end string) bool { return text[end] == text[orig] || copyOf[end] == orig }
		switch {
		case len(ends) == 0:
		case slices.Contains(ends, orig):
			linked++
			exact++
		case slices.ContainsFunc(ends, isTwin):
			linked++
			twin++
		default:
			linked++
			t.Errorf("%s (line %d) evolves from %v, not from the 2025 measure it copies", m.ID, m.LineStart, ends)
		}
	}
	t.Logf("EVOLVES_FROM 2027→2025: %d of %d measures linked: %d to the measure they copy, %d to its 2025 twin", linked, copies, exact, twin)
	if copies == 0 || exact+twin != copies || float64(exact) < 0.95*float64(copies) {
		t.Errorf("EVOLVES_FROM: %d of %d copies linked to their original (%d to its twin), want all, ≥ 95%% to the original", exact, copies, twin)
	}

	// The report: three documents, each read by its layout, none failed,
	// the copy placed exactly as its original.
	if rep.Failed() || len(rep.Documents) != 3 {
		t.Fatalf("report: %d documents, errors %v", len(rep.Documents), rep.Errors)
	}
	d25, d27 := rep.Documents[1], rep.Documents[2]
	if d27.Layout != "interim-2025" || d27.LayoutFrom != "edition data" || d27.Edition != "第5次中間整理" {
		t.Errorf("2027 read by %s (%s) as %s", d27.Layout, d27.LayoutFrom, d27.Edition)
	}
	if d27.InNodes != d25.InNodes || len(d27.Unplaced) != len(d25.Unplaced) || total(d27.Skipped) != total(d25.Skipped) {
		t.Errorf("2027 placed %d/%d skipped/%d unplaced, 2025 %d/%d/%d", d27.InNodes, total(d27.Skipped), len(d27.Unplaced),
			d25.InNodes, total(d25.Skipped), len(d25.Unplaced))
	}
	var b strings.Builder
	rep.WriteTo(&b)
	if !strings.Contains(b.String(), "document doc:2027 (002_synthetic_2027.txt, 第5次中間整理, 2156 lines): ok") {
		t.Errorf("report:\n%s", b.String())
	}
}

// BenchmarkLoadEditions loads the real corpus plus synthetic editions of
// the 2025 layout (syntheticCorpus), N editions in all, to show the cost
// per edition: ns/op and B/op divided by N stay flat when the passes over
// editions are linear (consecutive pairs), and grow with N when not.
//
//	go test -run '^$' -bench LoadEditions -benchmem ./loader
func BenchmarkLoadEditions(b *testing.B) {
	for _, n := range []int{2, 4, 8} {
		fsys, eds := syntheticCorpus(b, n-2)
		b.Run(fmt.Sprintf("editions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := loadFS(fsys, eds); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e6, "ms/edition")
		})
	}
}

// TestSyntheticEditionDetected: with no edition and no layout in the
// manifest, the 2027 text is told by its markers (第5次中間整理 and
// 今期（第5次）, two, against the one 2025 marker it still prints,
// 第３次以降の進捗); its data applies only if the years agree.
func TestSyntheticEditionDetected(t *testing.T) {
	fsys, eds := syntheticCorpus(t, 1)
	txt, err := newDocText("002_synthetic_2027.txt", 2027, "doc:2027", fsys["002_synthetic_2027.txt"].Data)
	if err != nil {
		t.Fatal(err)
	}
	lc, err := pickLayout(seed.Entry{File: txt.File, Year: 2027}, txt, eds)
	if err != nil || lc.name != "interim-2025" || lc.edition == nil || lc.edition.Edition != "第5次中間整理" || lc.from != "text markers of 第5次中間整理" {
		t.Errorf("picked %+v, %v", lc, err)
	}
	_, err = pickLayout(seed.Entry{File: txt.File, Year: 2029, Line: 4}, txt, eds)
	if err == nil || !strings.HasPrefix(err.Error(), "manifest.json:4: document 002_synthetic_2027.txt: layout interim-2025 needs its edition's pillar table") {
		t.Errorf("another year: err = %v", err)
	}
}
