package loader

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/bigram"
	"github.com/policygraph/policygraph/seed"
)

func meas(id, pillar, group, text string, line int, relist bool) *policygraph.Measure {
	return &policygraph.Measure{ID: id, DocumentID: "doc:2023", PillarID: pillar, GroupID: group, Title: text, Text: text,
		Relist: relist, Source: policygraph.Source{File: "t.txt", LineStart: line, LineEnd: line}}
}

// handDoc is a small hand-built 2023-like document for the link passes.
func handDoc(t *testing.T, lines int, ms []*policygraph.Measure, groups []*policygraph.MeasureGroup, pillars []*policygraph.Pillar) *loadedDoc {
	t.Helper()
	raw := strings.Repeat("x\n", lines)
	txt, err := newDocText("t.txt", 2023, "doc:2023", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return &loadedDoc{t: txt, pd: &parsedDoc{Measures: ms, Groups: groups, Pillars: pillars}}
}

func simItems(docs []*loadedDoc) [][]*simItem {
	items := make([][]*simItem, len(docs))
	for i, d := range docs {
		for _, m := range d.pd.Measures {
			// as docSimItems makes them: the simText read in place
			u := unmarked(m.Text)
			nk, nb, _, sig := simCounts(u)
			items[i] = append(items[i], &simItem{m: m, text: u, runeSig: sig, simRunes: int32(nk), simBytes: int32(nb), nbg: int32(bigram.Len(simText(m.Text)))})
		}
	}
	return items
}

func relistPairs(rels []*policygraph.Relationship) map[string]string {
	out := map[string]string{}
	for _, r := range rels {
		out[r.Start] = r.End
	}
	return out
}

func TestRelists(t *testing.T) {
	ms := []*policygraph.Measure{
		// Originals.
		meas("a", "P1", "", "パーシャルスピンオフに関する税制の恒久化の検討", 10, false),
		meas("b", "P1", "", "ディープテック・スタートアップ政策パッケージ（P72参照）", 20, false),
		meas("c", "P2", "", "情報処理基盤：生成AIの活用に向けた基盤モデルの開発及び官民の計算資源の拡充（2022年度以降順次）、量子古典コンピューティング技術の実ビジネス化に向けた情報処理基盤の構築（2023年度以降順次）", 30, false),
		meas("d", "P2", "", "脱炭素電源活用等のGX産業立地の推進、地域単位での産業人材育成", 40, false),
		meas("e", "P1", "", "パーシャルスピンオフに関する税制の恒久化の検討", 99, false), // same text, farther away
		// Relists.
		meas("r1", "P3", "", "パーシャルスピンオフに関する税制の恒久化の検討（再掲）", 45, true),                           // identical
		meas("r2", "P3", "", "ディープテック・スタートアップ政策パッケージ【再掲】", 46, true),                            // drops the page pointer
		meas("r3", "P3", "", "生成AIの活用に向けた国内基盤モデルの開発及び官民の計算資源の拡充（2022年度～）（再掲）", 47, true),        // one clause of a long item, one word added
		meas("r4", "P3", "", "支援と規制が一体的となったGX産業政策の推進（GX経済移行債の効果的な活用、GX産業立地の推進【再掲】等）", 48, true), // inline marker
		meas("r5", "P3", "", "まったく別の新しい取組の検討（再掲）", 49, true),                                    // no original
		meas("r6", "P3", "", "パーシャルスピンオフに関する税制の恒久化の検討（再掲）", 50, true),                           // relist of a relist text: the non-relist wins
	}
	d := handDoc(t, 100, ms, nil, nil)
	rep := &Report{}
	got := relistPairs(linkRelists([]*loadedDoc{d}, simItems([]*loadedDoc{d}), rep))
	want := map[string]string{"r1": "a", "r2": "b", "r3": "c", "r4": "d", "r6": "a"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RELISTS (-want +got):\n%s", diff)
	}
	if len(rep.Unresolved) != 1 || rep.Unresolved[0].NodeID != "r5" || rep.Unresolved[0].Kind != "relist" {
		t.Errorf("unresolved = %+v", rep.Unresolved)
	}
}

// A relist prefers an original in its own document over a closer match in
// another edition.
func TestRelistsPreferSameDocument(t *testing.T) {
	d1 := handDoc(t, 50, []*policygraph.Measure{meas("old", "P", "", "量子コンピューティング技術の産業化に向けた研究開発の推進・支援強化", 5, false)}, nil, nil)
	d2 := handDoc(t, 50, []*policygraph.Measure{
		meas("new", "Q", "", "量子コンピューティング開発拠点の強化（量子コンピューティング技術の産業化に向けた研究開発の推進・支援強化として産総研に拠点を整備）", 5, false),
		meas("rel", "Q", "", "量子コンピューティング技術の産業化に向けた研究開発の推進・支援強化（2022年度～）（再掲）", 30, true),
	}, nil, nil)
	docs := []*loadedDoc{d1, d2}
	got := relistPairs(linkRelists(docs, simItems(docs), &Report{}))
	if got["rel"] != "new" {
		t.Errorf("rel → %q, want new (same document)", got["rel"])
	}
}

func TestRelistKeys(t *testing.T) {
	if diff := cmp.Diff([]string{"GX産業政策の推進GX産業立地の推進等", "GX産業立地の推進"},
		relistKeys("GX産業政策の推進（GX産業立地の推進【再掲】等）")); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]string{"拡充2022年度"}, relistKeys("拡充（2022年度～）（再掲）")); diff != "" {
		t.Error(diff)
	}
}

func TestFindPointers(t *testing.T) {
	got := findPointers("人材育成（後掲【デジタル人材 基盤】参照）、次世代（P70参照）・前掲「価値創造経営」を参照⇒詳細は「人材」パート参照、参照・活用、2024年参照")
	want := []refPointer{
		{via: "後掲【デジタル人材基盤】参照", name: "デジタル人材基盤", dir: 1},
		{via: "前掲「価値創造経営」を参照", name: "価値創造経営", dir: -1},
		{via: "「人材」パート参照", name: "人材"},
		{via: "P70参照", page: 70},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(refPointer{})); diff != "" {
		t.Errorf("pointers (-want +got):\n%s", diff)
	}
}

func TestRefs(t *testing.T) {
	pillars := []*policygraph.Pillar{
		{ID: "pillar:OS-1", Name: "人材", Source: policygraph.Source{LineStart: 50, LineEnd: 50}},
		{ID: "pillar:M-2", Name: "デジタル社会の実現", Source: policygraph.Source{LineStart: 1, LineEnd: 1}},
	}
	groups := []*policygraph.MeasureGroup{
		{ID: "g:early", PillarID: "pillar:M-2", Name: "【デジタル人材基盤】", Source: policygraph.Source{LineStart: 2, LineEnd: 2}},
		{ID: "g:late", PillarID: "pillar:M-2", Name: "【デジタル人材基盤】", Source: policygraph.Source{LineStart: 30, LineEnd: 30}},
		{ID: "g:ds", PillarID: "pillar:M-2", Name: "〇デジタル産業基盤", Source: policygraph.Source{LineStart: 5, LineEnd: 5}},
	}
	ms := []*policygraph.Measure{
		meas("m1", "pillar:M-2", "g:ds", "半導体の製造基盤、人材育成（後掲【デジタル人材基盤】参照）", 6, false),
		meas("m2", "pillar:M-2", "g:ds", "人的資本経営⇒詳細は「人材」パート参照", 7, false),
		meas("m3", "pillar:M-2", "g:ds", "何か（後掲【存在しない見出し】参照）", 8, false),
		meas("m4", "pillar:M-2", "g:ds", "何か（P999参照）", 9, false),
		meas("m5", "pillar:M-2", "g:late", "デジタル人材", 31, false),
	}
	d := handDoc(t, 60, ms, groups, pillars)
	rep := &Report{}
	got := map[string]string{}
	for _, r := range linkRefs(d, rep) {
		got[r.Start] = r.End + " via " + r.Properties["via"].(string)
	}
	want := map[string]string{
		"m1": "g:late via 後掲【デジタル人材基盤】参照", // 後掲: the one after the measure
		"m2": "pillar:OS-1 via 「人材」パート参照",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("REFERS_TO (-want +got):\n%s", diff)
	}
	var reasons []string
	for _, u := range rep.Unresolved {
		reasons = append(reasons, u.NodeID+": "+u.Reason)
	}
	if len(reasons) != 2 || !strings.Contains(reasons[0], "m3: no group or pillar named") || !strings.Contains(reasons[1], "m4: page 999") {
		t.Errorf("unresolved = %q", reasons)
	}
}

// TestPageMap checks page recovery on the real 2023 text, where the
// measures point at P70-P72: the women founders, Unicorn Challenge and deep
// tech packages (verified by reading the file).
func TestPageMap(t *testing.T) {
	b, err := fs.ReadFile(seed.FS(), "000_69167627890d1468.txt")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := newDocText("000_69167627890d1468.txt", 2023, "doc:2023", b)
	if err != nil {
		t.Fatal(err)
	}
	pm := findPages(txt)
	for page, want := range map[int]string{
		70: "女性社長",
		71: "ボーン・グローバル",
		72: "事業開発支援",
	} {
		from, to, ok := pm.lines(page)
		if !ok {
			t.Errorf("page %d not recovered", page)
			continue
		}
		if text := strings.Join(txt.normSlice()[from-1:to], ""); !strings.Contains(text, want) {
			t.Errorf("page %d = lines %d-%d, which lack %q", page, from, to, want)
		}
	}
	if _, _, ok := pm.lines(5); ok {
		t.Error("page 5 precedes every printed number and should not be recoverable")
	}
}

// TestEvolvesFromThreshold checks evolveMin, evolveInPillarMin and
// evolveDirectionMin against pairs verified by reading both editions:
// measures clearly carried on (the dual-use vaccine plants, word for word
// plus 引き続き; the GＸスキル標準 for GX labour mobility after 2023's
// リスキリング支援等, just above the in-pillar cut; the direction bullet on
// リスキリング…労働移動円滑化 after the same, 0.35), ones clearly not (the
// 地方イノベーション創生構想 direction bullet only shares the word
// イノベーション…促進 with the open-innovation tax credit, 0.27; the
// direction bullet on 事業ポートフォリオの組替え only 成長投資 with JIC's
// 事業再編・成長投資, 0.28; 初等中等教育 with the tax credit for companies
// founding 高等教育機関, just below the in-pillar cut), and the links the
// load makes for them.
func TestEvolvesFromThreshold(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	find := func(doc, sub string) *policygraph.Measure {
		for _, m := range g.Measures {
			if m.DocumentID == doc && strings.Contains(normalize(m.Text), normalize(sub)) {
				return m
			}
		}
		t.Fatalf("no %s measure with %q", doc, sub)
		return nil
	}
	later, earlier, in := benchEvolveInputs(t)
	// the edges the copies of direction items find themselves: all the
	// edges of a run without the copies (their own scoring does not read them)
	ownOfCopies := map[string]bool{}
	alone := in
	alone.copies = nil
	for _, r := range linkEvolves(later, earlier, alone) {
		ownOfCopies[r.ID] = true
	}
	ev := newEvolveScorer(later, earlier, in)
	at := map[string]int{}
	for i, a := range ev.later {
		at[a.m.ID] = i
	}
	for j, b := range ev.earlier {
		at[b.m.ID] = j
	}
	pillar := map[string]string{}
	for _, m := range g.Measures {
		pillar[m.ID] = m.PillarID
	}
	continues := map[[2]string]bool{}
	copied := map[string]bool{}   // direction items a table cell copies
	copyOf := map[string]string{} // the table cells that copy a direction item: the item
	scores := map[[2]string]any{} // every EVOLVES_FROM's score, by its ends
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelContinues {
			continues[[2]string{r.Start, r.End}] = true
		}
		if marked, ok := r.Properties["marked"].(bool); r.Type == policygraph.RelRelists && ok && !marked {
			copied[r.End] = true
			copyOf[r.Start] = r.End
		}
		if r.Type == policygraph.RelEvolvesFrom {
			scores[[2]string{r.Start, r.End}] = r.Properties["score"]
		}
	}
	// min is the threshold that applies to a pair.
	min := func(later, earlier string) float64 {
		if pillar[later] == "" {
			return evolveDirectionMin // a policy direction's item
		}
		if continues[[2]string{pillar[later], pillar[earlier]}] {
			return evolveInPillarMin
		}
		return evolveMin
	}
	evolves := map[string][]string{} // a direction item may continue several
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = append(evolves[r.Start], r.End)
			low := min(r.Start, r.End)
			if pillar[r.Start] == "" {
				low = evolveDirectionPillarMin // linkByDirectionPillars
				if copied[r.Start] {
					low = evolveSiblingOwnMin // a direction item its copy agrees with (copyAgrees)
				}
			}
			if item := copyOf[r.Start]; item != "" && !ownOfCopies[r.ID] {
				// a copy that finds no predecessor of its own (linkEvolves
				// without the copies gives it none) has its direction
				// item's edge, with the item's score, checked there
				if scores[[2]string{item, r.End}] != r.Properties["score"] {
					t.Errorf("%s: score %v, not its direction item %s's %v", r.ID, r.Properties["score"], item, scores[[2]string{item, r.End}])
				}
				continue
			}
			if s := r.Properties["score"].(float64); s < low || s > 1 {
				t.Errorf("%s: score %v", r.ID, s)
			}
		}
	}
	for _, tc := range []struct {
		later, earlier string
		continued      bool
	}{
		{"デュアルユース製造拠点等の整備に係る支援を引き続き", "デュアルユース製造拠点等の整備に係る支援", true},
		{"輸出未経験企業等を対象にした新規輸出１万者支援プログラム", "輸出未経験企業等を対象にした新規輸出１万者支援プログラム", true},
		{"行政手続のオンライン化を進める", "経済産業省における行政手続きのオンライン化", true},
		{"「GＸスキル標準」を策定", "リスキリング支援等（スキル獲得", true},
		{"「地方イノベーション創生構想」への貢献", "オープンイノベーション促進税制のあり方検討", false},
		{"リスキリングを通じた成長分野への労働移動円滑化", "リスキリング支援等（スキル獲得", true},
		{"企業による成長投資・事業ポートフォリオの組替えを促進", "事業再編・成長投資の実行", false},
		{"工業用水道施設の老朽化", "市場を創出するための仕組み", false},
		{"初等中等教育段階における産業界と教育機関", "企業による高等教育機関設立関与を促進するための税制支援", false},
	} {
		a, b := find("doc:2025", tc.later), find("doc:2023", tc.earlier)
		j := at[b.ID]
		if t := ev.twin[j]; t >= 0 {
			j = t // a cell's score is its detail twin's
		}
		s, cut := ev.row(at[a.ID]).at(j), min(a.ID, b.ID)
		if (s >= cut) != tc.continued {
			t.Errorf("score(%q, %q) = %.3f, want continued=%v at threshold %.2f", tc.later, tc.earlier, s, tc.continued, cut)
		}
		// The 2023 summary table and detail pages may both hold the earlier
		// text: for a continued pair any 2023 measure holding it will do.
		targets := evolves[a.ID]
		linked := false
		for _, m := range g.Measures {
			if slices.Contains(targets, m.ID) && strings.Contains(normalize(m.Text), normalize(tc.earlier)) {
				linked = true
			}
		}
		if linked != tc.continued {
			t.Errorf("EVOLVES_FROM %s -> %q: linked=%v, want %v", a.ID, targets, linked, tc.continued)
		}
	}
	if n := len(evolves); n < 60 || n > 200 {
		t.Errorf("%d EVOLVES_FROM links: the thresholds no longer fit the texts", n)
	}
}

// TestContinues checks the curated pillar concepts against the editions:
// every 2025 pillar continues exactly one 2023 pillar of the same kind, and
// the one merge: 2023's OS-4 グローバル化 is continued by the 2025 mission
// 経済安全保障・対外経済 (the same mission that continues 経済安全保障), so
// every 2023 pillar has a successor.
func TestContinues(t *testing.T) {
	g, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	pillars := map[string]*policygraph.Pillar{}
	for _, p := range g.Pillars {
		pillars[p.ID] = p
	}
	from, to := map[string]int{}, map[string]int{}
	const merge = "CONTINUES:pillar:2025:MISSION-3->pillar:2023:OS-4"
	merged := false
	for _, r := range g.Relationships {
		if r.Type != policygraph.RelContinues {
			continue
		}
		if r.ID == merge {
			merged = true
			to[r.End]++
			continue
		}
		a, b := pillars[r.Start], pillars[r.End]
		if a.DocumentID != "doc:2025" || b.DocumentID != "doc:2023" || a.Kind != b.Kind {
			t.Errorf("%s", r.ID)
		}
		from[r.Start]++
		to[r.End]++
	}
	if !merged {
		t.Errorf("no %s", merge)
	}
	for _, p := range g.Pillars {
		if p.DocumentID == "doc:2025" && from[p.ID] != 1 {
			t.Errorf("%s (%s) continues %d pillars of its kind", p.ID, p.Name, from[p.ID])
		}
		if p.DocumentID == "doc:2023" && to[p.ID] != 1 {
			t.Errorf("%s (%s) is continued by %d pillars", p.ID, p.Name, to[p.ID])
		}
	}
	for _, u := range rep.Unresolved {
		if u.Kind == "continues" {
			t.Errorf("unresolved: %+v", u)
		}
	}
	m := mustMatcher(t)
	for _, tc := range []struct{ name, concept string }{
		{"ＧＸ", "GX"}, {"炭素中立型社会の実現", "GX"}, {"デジタル社会の実現", "DX"}, {"経済安全保障・対外経済", "経済安全保障"},
		{"行政：EBPM・データ駆動型行政", "EBPM"}, {"イノベーション・スタートアップ", "スタートアップ・イノベーション"},
	} {
		if got := m.pillarConceptOf(tc.name, nil); got != tc.concept {
			t.Errorf("concept(%s) = %q, want %q", tc.name, got, tc.concept)
		}
	}
}

// TestRefsOnSeeds checks the pointers of the 2023 edition, resolved by
// reading the file: P70-P72 are the women founders, Unicorn Challenge and
// deep tech package pages; 【デジタル人材基盤】 and 「人材」 are a group and a pillar.
func TestRefsOnSeeds(t *testing.T) {
	g, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, x := range g.Groups {
		names[x.ID] = x.Name
	}
	for _, x := range g.Pillars {
		names[x.ID] = x.Name
	}
	got := map[string][]string{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelRefersTo {
			via := r.Properties["via"].(string)
			got[via] = append(got[via], names[r.End])
		}
	}
	for via, want := range map[string]string{
		"P70参照": "女性起業家支援パッケージ",
		"P71参照": "Unicorn Challenge",
		"P72参照": "ディープテックスタートアップ政策パッケージ",
		"後掲【デジタル人材基盤】参照": "デジタル人材基盤",
		"「人材」パート参照":      "人材",
	} {
		if len(got[via]) == 0 {
			t.Errorf("no REFERS_TO via %s", via)
		}
		for _, n := range got[via] {
			if !strings.Contains(n, want) {
				t.Errorf("%s → %q, want %q", via, n, want)
			}
		}
	}
	for _, u := range rep.Unresolved {
		if u.Kind == "relist" {
			t.Errorf("relist without original: %+v", u)
		}
	}
}

// TestSpansOwner: owner gives a line the pillar its nodes sorted by line
// give it (the last starting at or before it with a pillar), on every
// line of the seeds.
func TestSpansOwner(t *testing.T) {
	for _, d := range loadSeedDocs(t) {
		pd := d.pd
		var nodes []lineSpan
		for _, x := range pd.Pillars {
			nodes = append(nodes, lineSpan{x.ID, x.LineStart, x.LineEnd})
		}
		for _, x := range pd.Groups {
			nodes = append(nodes, lineSpan{x.PillarID, x.LineStart, x.LineEnd})
		}
		for _, x := range pd.Measures {
			nodes = append(nodes, lineSpan{x.PillarID, x.LineStart, x.LineEnd})
		}
		for _, x := range pd.Targets {
			nodes = append(nodes, lineSpan{x.PillarID, x.LineStart, x.LineEnd})
		}
		slices.SortStableFunc(nodes, func(a, b lineSpan) int { return a.from - b.from })
		ds := buildSpans(pd)
		for line := -1; line <= len(d.t.rawSlice())+1; line++ {
			want := ""
			for _, n := range nodes {
				if n.from > line {
					break
				}
				if n.id != "" {
					want = n.id
				}
			}
			if got := ds.owner(line); got != want {
				t.Fatalf("%s line %d: owner %q, want %q", d.t.File, line, got, want)
			}
		}
	}
}
