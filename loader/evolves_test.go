package loader

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// evolvesReading is one row of testdata/evolves_reading.tsv: a 2025 measure
// and the 2023 measures (by first line) it carries on, read by hand.
type evolvesReading struct {
	line    int
	id      string
	earlier []int // empty: continues nothing
	reason  string
}

func readEvolvesReading(t *testing.T) []evolvesReading {
	t.Helper()
	var out []evolvesReading
	for _, row := range readReading(t, "evolves_reading.tsv", 4) {
		r := evolvesReading{id: row.cols[1], reason: row.cols[3], earlier: lineList(t, row.at, row.cols[2])}
		var err error
		if r.line, err = strconv.Atoi(row.cols[0]); err != nil {
			t.Fatalf("%s: %v", row.at, err)
		}
		out = append(out, r)
	}
	return out
}

// readingGraph is the loaded corpus indexed as the tests of the reading
// look it up.
type readingGraph struct {
	g         *policygraph.Graph
	byID      map[string]*policygraph.Measure
	first2023 map[int]*policygraph.Measure   // 2023 measures by first line
	byLine    map[int][]*policygraph.Measure // 2025 measures by first line
}

func loadReadingGraph(t *testing.T) *readingGraph {
	t.Helper()
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	rg := &readingGraph{g: g, byID: map[string]*policygraph.Measure{},
		first2023: map[int]*policygraph.Measure{}, byLine: map[int][]*policygraph.Measure{}}
	for _, m := range g.Measures {
		rg.byID[m.ID] = m
		switch m.DocumentID {
		case "doc:2023":
			rg.first2023[m.LineStart] = m
		case "doc:2025":
			rg.byLine[m.LineStart] = append(rg.byLine[m.LineStart], m)
		}
	}
	return rg
}

// measure returns the 2025 measure a row of the reading is about.
func (rg *readingGraph) measure(t *testing.T, r evolvesReading) *policygraph.Measure {
	t.Helper()
	m := rg.byID[r.id]
	if r.id == "-" && len(rg.byLine[r.line]) == 1 {
		m = rg.byLine[r.line][0] // a direction item: ids follow the parse of its direction
	}
	if m == nil || m.DocumentID != "doc:2025" || m.LineStart != r.line {
		t.Fatalf("reading: %s is not a 2025 measure at line %d", r.id, r.line)
	}
	return m
}

// TestEvolvesFromReading measures EVOLVES_FROM against a reading of every
// 2025 measure of eight pillars and of the 政策の方向性 by hand
// (testdata/evolves_reading.tsv):
// recall is the share of the measures that carry a 2023 measure on whose
// edge ends on one of them, precision the share of edges from the measures
// read that end on an acceptable 2023 measure. The issue's bar is recall ≥
// 0.8 at precision ≥ 0.9 on three pillars (GX, 人材, EBPM, the first read):
// the matcher reaches 36/44 = 0.82 at 36/38 = 0.95 there, and the test
// holds it to the bar; on the whole reading it reaches less (see
// evolveMin), and the test pins what it reaches, per pillar and direction
// in the log, so that a change can only raise it.
func TestEvolvesFromReading(t *testing.T) {
	rg := loadReadingGraph(t)
	g, byID, first2023 := rg.g, rg.byID, rg.first2023
	evolves := map[string][]*policygraph.Relationship{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = append(evolves[r.Start], r)
		}
	}
	reading := readEvolvesReading(t)
	parent := map[string]string{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelHasMeasure {
			parent[r.End] = r.Start
		}
	}
	type tally struct{ pairs, found, edges, correct int }
	var all, pillars tally
	per := map[string]*tally{}
	var groups []string
	for _, r := range reading {
		m := rg.measure(t, r)
		grp := parent[m.ID]
		if per[grp] == nil {
			per[grp] = &tally{}
			groups = append(groups, grp)
		}
		ok := map[string]bool{}
		var want []string
		for _, l := range r.earlier {
			e := first2023[l]
			if e == nil || e.Relist {
				t.Fatalf("reading %d: no non-relist 2023 measure starts at line %d", r.line, l)
			}
			ok[e.ID] = true
			want = append(want, strconv.Itoa(l))
		}
		var x tally
		if len(ok) > 0 {
			x.pairs++
		}
		hit := false
		var got []string
		for _, e := range evolves[m.ID] {
			x.edges++
			end := byID[e.End]
			got = append(got, strconv.Itoa(end.LineStart)+"@"+strconv.FormatFloat(e.Properties["score"].(float64), 'f', 3, 64))
			if ok[e.End] {
				x.correct++
				hit = true
			}
		}
		if len(ok) > 0 && hit {
			x.found++
		}
		if hit != (len(ok) > 0) || len(got) > 0 && !hit {
			t.Logf("%d %s: linked %v, want %v (%s)", r.line, m.Title, got, want, r.reason)
		}
		sums := []*tally{&all, per[grp]}
		if strings.HasPrefix(grp, "pillar:") {
			sums = append(sums, &pillars)
		}
		for _, y := range sums {
			y.pairs, y.found, y.edges, y.correct = y.pairs+x.pairs, y.found+x.found, y.edges+x.edges, y.correct+x.correct
		}
	}
	ratio := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	for _, grp := range groups {
		x := per[grp]
		t.Logf("%-22s recall %2d/%2d = %.2f, precision %2d/%2d = %.2f", grp, x.found, x.pairs, ratio(x.found, x.pairs),
			x.correct, x.edges, ratio(x.correct, x.edges))
	}
	t.Logf("the measures of the eight pillars: recall %d/%d = %.2f, precision %d/%d = %.2f",
		pillars.found, pillars.pairs, ratio(pillars.found, pillars.pairs), pillars.correct, pillars.edges, ratio(pillars.correct, pillars.edges))
	// The rules were tuned on the first four pillars read; the other four
	// and the directions show how they carry over to text they were not
	// tuned on. The issue's three pillars are the first three.
	var issuePillars tally // the first part
	for n, part := range evolvesReadingParts {
		var y tally
		for _, grp := range part.groups {
			if x := per[grp]; x != nil {
				y.pairs, y.found, y.edges, y.correct = y.pairs+x.pairs, y.found+x.found, y.edges+x.edges, y.correct+x.correct
			}
		}
		t.Logf("%s: recall %d/%d = %.2f, precision %d/%d = %.2f", part.name,
			y.found, y.pairs, ratio(y.found, y.pairs), y.correct, y.edges, ratio(y.correct, y.edges))
		if n == 0 {
			issuePillars = y
		}
	}
	recall, precision := ratio(all.found, all.pairs), ratio(all.correct, all.edges)
	t.Logf("EVOLVES_FROM against the reading of %d measures: recall %d/%d = %.2f, precision %d/%d = %.2f",
		len(reading), all.found, all.pairs, recall, all.correct, all.edges, precision)
	// What the matcher reaches today (the issue asks 0.80 at 0.90): floors,
	// so that a change can only keep or raise it. The eight pillars were
	// read first; the direction items, umbrellas of several initiatives,
	// are harder and pull the whole down.
	floors := []struct {
		name              string
		x                 tally
		recall, precision float64
	}{
		{"the issue's three pillars", issuePillars, 0.80, 0.90},
		{"eight pillars", pillars, 0.68, 0.92},
		{"whole reading", all, 0.68, 0.93},
	}
	// The README quotes these figures: they are a promise.
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	quoted := fmt.Sprintf("Against a reading by hand of %d 2025 measures, each with its reason (`loader/testdata/evolves_reading.tsv`; `go test ./loader -run EvolvesFromReading -v`), "+
		"EVOLVES_FROM finds %d of the %d that continue a 2023 measure, and %d of its %d edges from them are right; on GX, 人材 and EBPM, %d of %d at %d of %d",
		len(reading), all.found, all.pairs, all.correct, all.edges, issuePillars.found, issuePillars.pairs, issuePillars.correct, issuePillars.edges)
	if !strings.Contains(strings.Join(strings.Fields(string(readme)), " "), quoted) {
		t.Errorf("README.md does not say %q", quoted)
	}
	for _, f := range floors {
		r, p := ratio(f.x.found, f.x.pairs), ratio(f.x.correct, f.x.edges)
		if r < f.recall || p < f.precision {
			t.Errorf("%s: recall %.2f, precision %.2f: want recall ≥ %.2f at precision ≥ %.2f", f.name, r, p, f.recall, f.precision)
		}
	}
}

// evolvesReadingParts are the parts of the reading the log reports apart.
var evolvesReadingParts = []struct {
	name   string
	groups []string
}{
	{"the issue's three pillars (GX, 人材, EBPM)", []string{"pillar:2025:MISSION-1", "pillar:2025:OS-1", "pillar:2025:OS-4"}},
	{"tuned on (GX, 人材, EBPM, DX)", []string{"pillar:2025:MISSION-1", "pillar:2025:OS-1", "pillar:2025:OS-4", "pillar:2025:MISSION-2"}},
	{"held out (経済安保, バイオ, スタートアップ, 価値創造経営, directions; the directions' rows were seen when evolveDirectionPillarMin moved to 0.19, バイオ's when pillarCommonShare was set)", []string{"pillar:2025:MISSION-3", "pillar:2025:MISSION-7",
		"pillar:2025:OS-2", "pillar:2025:OS-3", "direction:2025:1", "direction:2025:2", "direction:2025:3"}},
}

// TestEvolvesDirectionItems: a measure listed under a policy direction has
// no pillar and no continued pillar; it competes like any other measure,
// from evolveMin, and is never skipped for its parent's kind.
func TestEvolvesDirectionItems(t *testing.T) {
	item := func(id, pillar, text string) *simItem {
		return &simItem{m: &policygraph.Measure{ID: id, PillarID: pillar, Text: text}}
	}
	earlier := []*simItem{
		item("e:export", "pillar:2023:OS-4", "輸出未経験企業等を対象にした新規輸出１万者支援プログラムの推進・強化"),
		item("e:dc", "pillar:2023:MISSION-2", "データセンターの地方分散の推進"),
		item("e:quantum", "pillar:2023:OS-2", "量子コンピューティング開発拠点の強化"),
	}
	later := []*simItem{
		item("l:dir", "", "輸出未経験企業等を対象にした新規輸出１万者支援プログラムを引き続き推進"),
		item("l:battery", "pillar:2025:MISSION-2", "蓄電池の製造基盤整備を推進"),
	}
	in := evolveInputs{parent: parents(map[string]string{"l:dir": "direction:2025:3", "l:battery": "pillar:2025:MISSION-2"})}
	rels := linkEvolves(later, earlier, in)
	if len(rels) != 1 || rels[0].Start != "l:dir" || rels[0].End != "e:export" {
		var got []string
		for _, r := range rels {
			got = append(got, r.Start+"→"+r.End)
		}
		t.Fatalf("EVOLVES_FROM %v, want l:dir→e:export only", got)
	}
}

// TestEvolvesDirectionCopies: a direction item continues what the table
// cell that copies it continues (RELISTS, marked false), even when its own
// score is below evolveDirectionMin: the cell is scored inside its pillar.
func TestEvolvesDirectionCopies(t *testing.T) {
	item := func(id, pillar, text string) *simItem {
		return &simItem{m: &policygraph.Measure{ID: id, PillarID: pillar, Text: text}}
	}
	earlier := []*simItem{
		item("e:price", "pillar:2023:OS-1", "中小企業の価格転嫁対策・取引適正化の継続"),
		item("e:wage", "pillar:2023:OS-1", "賃上げ税制の拡充"),
		item("e:career", "pillar:2023:OS-1", "在職者に対するキャリア相談からリスキリング・転職までの一体的な支援"),
		item("e:hr", "pillar:2023:OS-1", "人的資本経営コンソーシアムの活動の拡大"),
		item("e:dc", "pillar:2023:MISSION-2", "データセンターの地方分散の推進"),
		item("e:quantum", "pillar:2023:OS-2", "量子コンピューティング開発拠点の強化"),
	}
	// The cell copies one clause of the direction item (2025 line 1599
	// copies 1038 whole): the direction item alone scores below
	// evolveDirectionMin, its copy above evolveInPillarMin.
	later := []*simItem{
		item("l:dir", "", "賃上げ原資の確保に向けた、下請法改正と執行強化による価格転嫁・取引適正化の更なる徹底。人手不足を乗り越える省力化・デジタル化の促進。中堅・中小企業による知財活用に向けた伴走支援、保護の推進等"),
		item("l:cell", "pillar:2025:OS-1", "価格転嫁・取引適正化の更なる徹底"),
		item("l:guide", "pillar:2025:OS-1", "「ジョブ型人事指針」を策定"),
		item("l:ai", "pillar:2025:MISSION-2", "生成AIの基盤モデル開発を支援")}
	cont := map[string]map[string]bool{"pillar:2025:OS-1": {"pillar:2023:OS-1": true}}
	for _, tc := range []struct {
		name   string
		copies map[string][]string
		want   string // the end of l:dir's edge, "" for none
	}{
		{"copy", map[string][]string{"l:dir": {"l:cell"}}, "e:price"},
		{"no copy", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := evolveInputs{cont: cont, copies: tc.copies,
				parent: parents(map[string]string{"l:dir": "direction:2025:2", "l:cell": "pillar:2025:OS-1",
					"l:guide": "pillar:2025:OS-1", "l:ai": "pillar:2025:MISSION-2"})}
			got := ""
			for _, r := range linkEvolves(later, earlier, in) {
				if r.Start == "l:dir" {
					got = r.End
				}
			}
			if got != tc.want {
				t.Errorf("l:dir EVOLVES_FROM %q, want %q", got, tc.want)
			}
		})
	}
}

// TestEvolvesDirectionCopyInherits: a 2025 table cell that copies a
// direction bullet word for word (RELISTS, marked false) and finds no
// predecessor of its own continues what its bullet continues; one that
// finds its own keeps it. Lines are 1-based lines of the 2025 seed.
func TestEvolvesDirectionCopyInherits(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	ends := evolvesByLine(g)
	for _, w := range []struct{ cell, bullet, want int }{
		{1559, 1041, 2387}, // 中堅・中小企業の成長支援 ← 地域経済を牽引する中堅企業に対する集中支援
		{1568, 1042, 2392}, // 事業承継・M&Aの支援強化 ← 第三者承継を機とした変革の推進
		{1599, 1038, 2598}, // a copy with an edge of its own (価格転嫁対策), which its bullet adopts: kept as it was
	} {
		if !slices.Contains(ends[w.bullet], w.want) {
			t.Errorf("direction bullet %d EVOLVES_FROM %v, want %d among them", w.bullet, ends[w.bullet], w.want)
		}
		if got := ends[w.cell]; !slices.Equal(got, []int{w.want}) {
			t.Errorf("its copy %d EVOLVES_FROM %v, want [%d]", w.cell, got, w.want)
		}
	}
}

// TestEvolvesSiblings: a 2025 measure with no match of its own takes its
// sibling's predecessor only if it shares words with it itself or restates
// the sibling (evolveSiblingOwnMin, evolveRestateMin). Comments give the
// 2025 lines of the later measures.
func TestEvolvesSiblings(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	find := func(doc, sub string) *policygraph.Measure {
		for _, m := range g.Measures {
			if m.DocumentID == doc && !m.Relist && strings.Contains(normalize(m.Text), normalize(sub)) {
				return m
			}
		}
		t.Fatalf("no %s measure with %q", doc, sub)
		return nil
	}
	evolves := map[string]string{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = r.End
		}
	}
	line2023 := map[string]int{}
	for _, m := range g.Measures {
		if m.DocumentID == "doc:2023" {
			line2023[m.ID] = m.LineStart
		}
	}
	for _, tc := range []struct {
		later   string
		earlier int // the 2023 line of the predecessor, 0 for none
	}{
		// Inherited: shares words with the sibling's predecessor.
		{"「AI・半導体産業基盤強化フレーム」を活用", 1484},    // 1311, through 1287
		{"公取委と連携した（旧）下請法の執行", 2598},        // 1856, through 1898
		{"政策効果について、経済産業省の政策体系の中で評価", 3402}, // 2089, through 2128
		// Inherited: restates its sibling (its progress half, 2109).
		{"ビジネスインテリジェンスツールにより国民にわかりやすい形で公表", 3397}, // 2137
		// Not inherited: only the pillar's words in common with the sibling.
		{"研究開発税制の見直しに向けた検討を実施", 0},      // 1926, not 2781 イノベーションボックス through 1937
		{"起業家育成プログラム「J-StarX」等を通じて", 0}, // 1953, not 2935 JETRO through 1978
		{"申請書データの利用・分析等に係る同意", 0},       // 2102, not 3402 through 2128
	} {
		a := find("doc:2025", tc.later)
		got := 0
		if e, ok := evolves[a.ID]; ok {
			got = line2023[e]
		}
		if got != tc.earlier {
			t.Errorf("%d %q EVOLVES_FROM the 2023 measure at line %d, want %d (0: none)", a.LineStart, tc.later, got, tc.earlier)
		}
	}
}

// TestEvolvesCopyAgreement: a direction item that a table cell copies
// continues its best candidate when the copy, scored inside its pillar,
// picks the same one (copyAgrees); direction items at 2025 lines
// 1041-1064, copied at 1559-1638.
func TestEvolvesCopyAgreement(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	line2023 := map[string]int{}
	for _, m := range g.Measures {
		if m.DocumentID == "doc:2023" {
			line2023[m.ID] = m.LineStart
		}
	}
	evolves := map[string]int{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			evolves[r.Start] = line2023[r.End]
		}
	}
	for _, tc := range []struct {
		line    int // of the direction item
		earlier int // the 2023 line of its predecessor, 0 for none
	}{
		{1041, 2387}, // 中堅・中小企業の成長支援 ← 地域経済を牽引する中堅企業に対する集中支援
		{1042, 2392}, // 事業承継・M&Aの支援強化 ← 成長志向の中小企業の創出（…第三者承継）
		{1055, 2395}, // 産業用地…, as its copy continues (0.40)
		{1048, 0},    // 地域のエッセンシャルサービス: the copy's best lies outside its pillar
		{1064, 0},    // 「地方イノベーション創生構想」: likewise
	} {
		var m *policygraph.Measure
		for _, x := range g.Measures {
			if x.DocumentID == "doc:2025" && x.PillarID == "" && x.LineStart == tc.line {
				m = x
			}
		}
		if m == nil {
			t.Fatalf("no 2025 direction item at line %d", tc.line)
		}
		if got := evolves[m.ID]; got != tc.earlier {
			t.Errorf("%d %s EVOLVES_FROM the 2023 measure at line %d, want %d (0: none)", tc.line, m.Title, got, tc.earlier)
		}
	}
}

// TestEvolvesDirectionSeveral: a direction item continues every 2023
// measure it scores from evolveDirectionMin, or failing any, its best
// candidate in its direction's pillars from evolveDirectionPillarMin
// (2025 and 2023 lines).
func TestEvolvesDirectionSeveral(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	evolves := evolvesByLine(g)
	for _, tc := range []struct {
		line    int
		earlier []int
	}{
		{1027, []int{1310, 2606}}, // リスキリング…労働移動: リスキリング支援等 0.35, キャリア相談からリスキリング・転職まで 0.31
		{1099, []int{1512, 3290}}, // サプライチェーン強靱化: 有志国連携…強靱化 0.30, 有志国との信頼できるサプライチェーン 0.29
		// No match of their own: the best candidate in the 2023 pillars
		// their direction's other items continue (linkByDirectionPillars).
		{1089, []int{3293}}, // 経済外交の強化 ← グローバルサウスとの連携強化 0.24 (OS-4, as 1099's 3290)
		{1003, []int{1267}}, // 戦略分野への官民連携での投資 ← １０年間２０兆円規模の先行投資支援 0.21 (MISSION-1, as 1027's 1310)
		{1017, nil},         // 戦略技術領域…一気通貫支援: GXスタートアップ支援 only 0.18
		{1080, nil},         // 脱炭素電源の最大限活用: 化石燃料賦課金 only 0.17
	} {
		if got := evolves[tc.line]; !slices.Equal(got, tc.earlier) {
			t.Errorf("direction item %d EVOLVES_FROM 2023 lines %v, want %v", tc.line, got, tc.earlier)
		}
	}
}

// TestIDIndex: find gives an item's place by its measure's id, the last of
// those sharing it, as the map it replaced did; none for an id not held.
func TestIDIndex(t *testing.T) {
	var items []*simItem
	for _, id := range []string{"b", "a", "b", "c"} {
		items = append(items, &simItem{m: &policygraph.Measure{ID: id}})
	}
	x := newIDIndex(len(items), func(i int) string { return items[i].m.ID })
	for id, want := range map[string]int{"a": 1, "b": 2, "c": 3, "d": -1, "": -1} {
		if got, ok := x.find(id); got != want || ok != (want >= 0) {
			t.Errorf("find(%q) = %d, %v; want %d", id, got, ok, want)
		}
	}
}

// parents is evolveInputs.parent for HAS_MEASURE from each measure's
// parent (measure → parent).
func parents(of map[string]string) relsByID {
	var rels []*policygraph.Relationship
	for m, p := range of {
		rels = append(rels, &policygraph.Relationship{Type: policygraph.RelHasMeasure, Start: p, End: m})
	}
	return newEvolveInputs(nil, rels).parent
}

// TestEvolveInputsLists: a measure's parent is the start of the last
// HAS_MEASURE to it, a cell's items the ends of its SUMMARIZES in order,
// as the maps they replaced held them; none for an id without.
func TestEvolveInputsLists(t *testing.T) {
	rel := func(typ, from, to string) *policygraph.Relationship {
		return &policygraph.Relationship{Type: typ, Start: from, End: to}
	}
	in := newEvolveInputs(nil, []*policygraph.Relationship{
		rel(policygraph.RelHasMeasure, "p:2", "m:b"), rel(policygraph.RelSummarizes, "c:1", "m:z"),
		rel(policygraph.RelHasMeasure, "p:1", "m:a"), rel(policygraph.RelSummarizes, "c:0", "m:b"),
		rel(policygraph.RelHasMeasure, "p:3", "m:b"), rel(policygraph.RelSummarizes, "c:1", "m:a"),
	})
	for id, want := range map[string]string{"m:a": "p:1", "m:b": "p:3", "m:c": "", "": ""} {
		if got := in.parentOf(id); got != want {
			t.Errorf("parentOf(%q) = %q, want %q", id, got, want)
		}
	}
	for id, want := range map[string][]string{"c:0": {"m:b"}, "c:1": {"m:z", "m:a"}, "c:2": nil} {
		var got []string
		for _, r := range in.summarizes.find(id) {
			got = append(got, r.End)
		}
		if !slices.Equal(got, want) {
			t.Errorf("summarizes of %q = %v, want %v", id, got, want)
		}
	}
}

// evolvesByLine is the EVOLVES_FROM of g by the first lines of their ends:
// each 2025 measure's line → the 2023 lines it continues, in order.
func evolvesByLine(g *policygraph.Graph) map[int][]int {
	line := map[string]int{}
	for _, m := range g.Measures {
		line[m.ID] = m.LineStart
	}
	out := map[int][]int{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelEvolvesFrom {
			out[line[r.Start]] = append(out[line[r.Start]], line[r.End])
		}
	}
	for _, ends := range out {
		slices.Sort(ends)
	}
	return out
}
