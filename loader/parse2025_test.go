package loader

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/policygraph/policygraph"
)

const seed2025 = "001_35a8d6215b8ea1a0.txt"

func docText2025(t testing.TB, path string) *docText {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dt, err := newDocText(filepath.Base(path), 2025, "doc:2025", data)
	if err != nil {
		t.Fatal(err)
	}
	return dt
}

func parse2025File(t testing.TB, path string) (*docText, *parsedDoc) {
	t.Helper()
	dt := docText2025(t, path)
	pd, err := parse2025(dt)
	if err != nil {
		t.Fatal(err)
	}
	return dt, pd
}

func load2025(t testing.TB) (*docText, *parsedDoc) {
	return parse2025File(t, filepath.Join("..", "seed", seed2025))
}

// measuresAt25 returns the measures that start on line.
func measuresAt25(pd *parsedDoc, line int) []*policygraph.Measure {
	var out []*policygraph.Measure
	for _, m := range pd.Measures {
		if m.LineStart == line {
			out = append(out, m)
		}
	}
	return out
}

func pillarByKey25(pd *parsedDoc, key string) *policygraph.Pillar {
	for _, p := range pd.Pillars {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// unplaced25 lists the non-blank lines nothing claimed.
func unplaced25(dt *docText, pd *parsedDoc) []int {
	var out []int
	for i, l := range dt.rawSlice() {
		if strings.TrimSpace(l) != "" && pd.Placed[i+1] == "" {
			out = append(out, i+1)
		}
	}
	return out
}

func TestLex25(t *testing.T) {
	dt := docText2025(t, filepath.Join("testdata", "2025", "columns.txt"))
	// columns.txt has no （参考） title: its table part starts at the header
	lx := lex25(dt, lexSlides(dt))
	if lx.tableStart != 0 || lx.dirStart != -1 {
		t.Fatalf("tableStart, dirStart = %d, %d; want 0, -1", lx.tableStart, lx.dirStart)
	}
	typ := map[int]kind2025{}
	text := map[int]string{}
	for _, it := range lx.items {
		typ[it.line], text[it.line] = it.kind, it.text
	}
	tests := []struct {
		line int
		want kind2025
	}{
		{4, it25ColHeader},    // 長期的目標 第３次以降の進捗 今後検討が必要となる施策
		{6, it25Vertical},     // ミ
		{17, it25Vertical},    // 策
		{19, it25Text},        // ＧＸ (the parser makes it the label)
		{26, it25Text},        // 現 (one character, but not a vertical run)
		{28, it25PageNum},     // 20
		{30, it25MicroHeader}, // 各分野（ミクロ）の主要施策
		{32, it25Group},       // 〇公正な移行…
		{79, it25Text},        // …有用な結果を得た 31
	}
	for _, tt := range tests {
		if typ[tt.line] != tt.want {
			t.Errorf("line %d (%q): type %d, want %d", tt.line, dt.rawSlice()[tt.line-1], typ[tt.line], tt.want)
		}
	}
	if got, want := text[79], "検証を行い、有用な結果を得た"; got != want {
		t.Errorf("trailing page number: text %q, want %q", got, want)
	}
}

func TestParse2025Columns(t *testing.T) {
	dt, pd := parse2025File(t, filepath.Join("testdata", "2025", "columns.txt"))
	if len(pd.Pillars) != 1 {
		t.Fatalf("%d pillars, want 1", len(pd.Pillars))
	}
	p := pd.Pillars[0]
	if p.Key != "MISSION-1" || p.Name != "ＧＸ" || p.Kind != policygraph.KindMission || p.LineStart != 1 || p.LineEnd != 26 {
		t.Errorf("pillar = %s %s %s %d-%d", p.Key, p.Name, p.Kind, p.LineStart, p.LineEnd)
	}
	if want := "10年で150兆円超の官民投資、20兆円規模の政府支援／2050年でCNを実現"; p.LongTermGoal != want {
		t.Errorf("goal %q, want %q", p.LongTermGoal, want)
	}
	if len(pd.Groups) != 4 {
		t.Errorf("%d groups, want 4", len(pd.Groups))
	}
	type row struct {
		start, end int
		status     string
	}
	var got []row
	for _, m := range pd.Measures {
		got = append(got, row{m.LineStart, m.LineEnd, m.Status})
	}
	P, T := policygraph.StatusProgress, policygraph.StatusTodo
	want := []row{
		{38, 39, P}, // narrow wrap
		{41, 41, P}, // one short line between narrow cells
		{43, 43, P}, // ditto; the heading after it is not a cell
		{46, 47, T}, // wide wrap
		{49, 50, T},
		{51, 51, T}, // no blank before it: the previous line is short; too wide for the narrow column
		{53, 56, P}, // four lines, then a short one ends it
		{57, 59, P}, // the next cell follows with no blank line
		{61, 61, T}, // ends with 。
		{62, 63, T},
		{65, 65, T}, // one short line after wide cells
		{67, 67, T}, // glued: "…整備を継続" ends one cell…
		{67, 68, P}, // …"バイオファウンドリ拠点の整備を引き続き…" starts another
		{70, 73, T}, // "を促進" continues across the blank line
		{75, 79, P}, // page number 31 removed
		{81, 90, P}, // "また、" continues the cell
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(row{})); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
	for _, m := range measuresAt25(pd, 75) {
		if strings.Contains(m.Text, "31") {
			t.Errorf("page number left in text: %q", m.Text)
		}
		if m.StartYear != 2024 {
			t.Errorf("2024年６月に: StartYear %d, want 2024", m.StartYear)
		}
	}
	for _, m := range measuresAt25(pd, 70) {
		if !strings.HasSuffix(m.Text, "ダイバーシティ経営の取組を促進") {
			t.Errorf("continuation across blank: %q", m.Text)
		}
		if m.Quote != strings.Join(dt.rawSlice()[69:73], "\n") {
			t.Errorf("quote %q", m.Quote)
		}
	}
	// 10年で150兆円…、20兆円規模の政府支援 states two goals: one target each
	if len(pd.Targets) != 3 {
		t.Errorf("%d targets, want 3", len(pd.Targets))
	}
	if u := unplaced25(dt, pd); len(u) > 0 {
		t.Errorf("unplaced lines %v", u)
	}
}

func TestParse2025Pages(t *testing.T) {
	dt, pd := parse2025File(t, filepath.Join("testdata", "2025", "pages.txt"))
	type pl struct {
		Key, Name string
		Start     int
	}
	var got []pl
	for _, p := range pd.Pillars {
		got = append(got, pl{p.Key, p.Name, p.LineStart})
	}
	want := []pl{
		{"MISSION-1", "ＤＸ", 7},           // header zone
		{"MISSION-2", "経済安全保障・対外経済", 59}, // goal opening a page, no label
		{"MISSION-3", "健康", 100},         // " 康": the tail of a vertical label
		{"MISSION-4", "地域の包摂的成長", 129},   // goal opening a page
		{"MISSION-5", "バイオものづくり", 151},   // only " 各分野（ミクロ）の主要施策" and its headings
		{"OS-1", "EBPM", 167},            // " EBPM" and its goal
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pillars (-want +got):\n%s", diff)
	}
	if p := pillarByKey25(pd, "OS-1"); p == nil || p.LongTermGoal != "政策の新陳代謝及び高度化" {
		t.Errorf("EBPM goal: %+v", p)
	}
	// the cell right before a page-opening goal ends there
	if ms := measuresAt25(pd, 57); len(ms) != 1 || ms[0].LineEnd != 58 {
		t.Errorf("cell at 57: %+v", ms)
	}
	if u := unplaced25(dt, pd); len(u) > 0 {
		t.Errorf("unplaced lines %v", u)
	}
}

func TestParse2025Directions(t *testing.T) {
	dt, pd := parse2025File(t, filepath.Join("testdata", "2025", "directions.txt"))
	if len(pd.Directions) != 2 || pd.Directions[0].Ordinal != 1 || pd.Directions[1].Ordinal != 3 {
		t.Fatalf("directions %+v", pd.Directions)
	}
	if got, want := pd.Directions[0].Title, "新たな付加価値を生む成長投資促進のための構造改革"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	// each ⚫ bullet is a measure in the group of its （n） heading, whose
	// ⇒ subtitle belongs to the group
	groups := map[string]string{}
	for _, g := range pd.Groups {
		groups[g.ID] = fmt.Sprintf("%d-%d %s", g.LineStart, g.LineEnd, g.Name)
	}
	type row struct {
		Start, End int
		Title      string
		Relist     bool
		Group      string
	}
	var got []row
	for _, m := range pd.Measures {
		got = append(got, row{m.LineStart, m.LineEnd, m.Title, m.Relist, groups[m.GroupID]})
		if m.Status != policygraph.StatusTodo {
			t.Errorf("line %d: status %s", m.LineStart, m.Status)
		}
	}
	const g1, g2, g4, g31 = "66-67 高付加価値な成長投資の促進", "74-75 デジタル化・サービス化による産業構造の高付加価値化",
		"80-81 地域におけるイノベーションの促進", "93-94 GX2040ビジョン・エネルギー基本計画の着実な実現"
	want := []row{
		{69, 69, "GX、DX、経済安保、健康、バイオものづくり、コンテンツなど戦略分野への官民連携での投資", false, g1},
		{70, 72, "企業の成長戦略を中心とする社会システム・政策体系の構築により、企業による成長投資・事業ポートフォリオの組替えを促進", false, g1},
		{77, 78, "半導体や計算資源等の基盤インフラ確保（AI・半導体産業基盤強化フレームの活用等)、AI・データを活用した新プレイヤー・産業創出（データ連携ユースケース創出・産業財産権保護・サイバーセキュリティ等）、コンテンツ産業の国際競争力強化", false, g2},
		{83, 84, "「地方イノベーション創生構想」への貢献", false, g4},
		// 【再掲】 inside the item marks one clause, not the item
		{96, 97, "支援と規制が一体的となったGX産業政策の推進", false, g31},
		{99, 101, "再エネ・原子力などの脱炭素電源の最大限活用、それに向けた事業環境等の整備、水素・アンモニア・合成燃料・合成メタンやバイオ燃料の活用促進、CCSのバリューチェーン構築、徹底した省エネと非化石転換及びDRの導入拡大促進、石油・天然ガスの安定供給のための環境整備、地域の燃料供給体制の強化等", false, g31},
		{103, 103, "大前提である最重要課題としての福島の復興・再生に向けた取組", false, g31},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("measures (-want +got):\n%s", diff)
	}
	if m := measuresAt25(pd, 83); len(m) == 1 && strings.Contains(m[0].Text, "17") {
		t.Errorf("page number in text: %q", m[0].Text)
	}
	placed := map[int]string{
		12: "target:", 16: "furniture:vertical-label", 31: "furniture:chart-number", 46: "furniture:page-number",
		41: "skipped:macro-pages", 50: "direction:2025:1", 51: "direction:2025:1", 56: "direction:2025:3",
		62: "direction:2025:1", 64: "furniture:page-number", 84: "measure:2025:DIR-1:", 66: "group:2025:DIR-1:",
		67: "group:2025:DIR-1:", 71: "measure:2025:DIR-1:",
	}
	for l, want := range placed {
		if !strings.HasPrefix(pd.Placed[l], want) {
			t.Errorf("line %d placed %q, want %q…", l, pd.Placed[l], want)
		}
	}
	var keys []string
	for _, tg := range pd.Targets {
		keys = append(keys, fmt.Sprintf("%s %d %d %v %s", tg.Kind, tg.LineStart, tg.Year, tg.Value, tg.Unit))
		if tg.PillarID != "" {
			t.Errorf("key message target with a pillar: %+v", tg)
		}
	}
	wantT := []string{"KEY_MESSAGE 8 2027 115 兆円", "KEY_MESSAGE 12 2030 135 兆円", "KEY_MESSAGE 12 2040 200 兆円"}
	if diff := cmp.Diff(wantT, keys); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
	if u := unplaced25(dt, pd); len(u) > 0 {
		t.Errorf("unplaced lines %v", u)
	}
}

func TestParse2025NotA2025Text(t *testing.T) {
	for _, in := range []string{"hello\nworld\n", "⚫ 人材\n\n長期的目標\n", "\n\n\n"} {
		dt := handText(strings.Split(in, "\n")...)
		dt.File, dt.Year, dt.DocID = "x.txt", 2025, "doc:2025"
		_, err := parse2025(dt)
		if err == nil || !strings.HasPrefix(err.Error(), "x.txt:1: ") {
			t.Errorf("parse2025(%q) error = %v, want one naming x.txt:1", in, err)
		}
	}
}

// The real document, checked against a reading of it.
func TestParse2025Seed(t *testing.T) {
	dt, pd := load2025(t)

	type pl struct {
		Key, Kind, Name string
		Line            int
	}
	var gotP []pl
	for _, p := range pd.Pillars {
		gotP = append(gotP, pl{p.Key, p.Kind, p.Name, p.LineStart})
	}
	M, O := policygraph.KindMission, policygraph.KindOS
	wantP := []pl{
		{"MISSION-1", M, "ＧＸ", 1111},
		{"MISSION-2", M, "ＤＸ", 1219},
		{"MISSION-3", M, "経済安全保障・対外経済", 1346},
		{"MISSION-4", M, "健康", 1459},
		{"MISSION-5", M, "地域の包摂的成長", 1545},
		{"MISSION-6", M, "レジリエンス", 1649},
		{"MISSION-7", M, "バイオものづくり", 1727},
		{"MISSION-8", M, "資源自律経済", 1801},
		{"OS-1", O, "人材", 1843},
		{"OS-2", O, "イノベーション・スタートアップ", 1919},
		{"OS-3", O, "価値創造経営", 1998},
		{"OS-4", O, "EBPM", 2071},
	}
	if diff := cmp.Diff(wantP, gotP); diff != "" {
		t.Errorf("pillars (-want +got):\n%s", diff)
	}
	aliases := map[string][]string{}
	for _, p := range pd.Pillars {
		aliases[p.Key] = p.Aliases
	}
	for key, want := range map[string][]string{"MISSION-1": {"GX"}, "MISSION-2": {"DX"}, "MISSION-4": {} /* 康 is 健康 with its head lost, not an alias */, "OS-1": {}} {
		if diff := cmp.Diff(want, aliases[key]); diff != "" {
			t.Errorf("%s aliases (-want +got):\n%s", key, diff)
		}
	}
	if p := pillarByKey25(pd, "MISSION-4"); p == nil || !strings.HasPrefix(p.LongTermGoal, "2040年に健康寿命を75歳に／") {
		t.Errorf("健康 goal: %+v", p)
	}

	// directions and their 24 ⚫ bullets: lines (and the line of the （n）
	// heading whose group the bullet is in), read off lines 995–1099
	type dir struct {
		Ordinal int
		Title   string
		Items   []string
	}
	groupLine := map[string]int{}
	for _, g := range pd.Groups {
		groupLine[g.ID] = g.LineStart
	}
	var gotD []dir
	for _, d := range pd.Directions {
		x := dir{Ordinal: d.Ordinal, Title: d.Title}
		for _, r := range pd.Rels {
			if r.Type == policygraph.RelHasMeasure && r.Start == d.ID {
				for _, m := range pd.Measures {
					if m.ID == r.End {
						x.Items = append(x.Items, fmt.Sprintf("%d-%d (%d)", m.LineStart, m.LineEnd, groupLine[m.GroupID]))
						if m.Status != policygraph.StatusTodo || m.Relist {
							t.Errorf("direction item %d: status %s, relist %v", m.LineStart, m.Status, m.Relist)
						}
					}
				}
			}
		}
		gotD = append(gotD, x)
	}
	wantD := []dir{
		{1, "新たな付加価値を生む成長投資促進のための構造改革", []string{
			"1003-1003 (1000)", "1004-1006 (1000)", "1011-1012 (1008)", "1017-1017 (1014)", "1018-1018 (1014)",
			"1019-1019 (1014)", "1024-1025 (1021)", "1027-1028 (1021)"}},
		{2, "物価高・人手不足下でも持続的に成長できる地方経済・産業", []string{
			"1038-1039 (1035)", "1041-1041 (1035)", "1042-1042 (1035)", "1047-1047 (1044)", "1048-1050 (1044)",
			"1055-1057 (1052)", "1059-1059 (1052)", "1064-1065 (1061)"}},
		{3, "成長投資を実現する経済基盤の強化", []string{
			"1077-1078 (1074)", "1080-1082 (1074)", "1084-1084 (1074)", "1089-1090 (1086)", "1092-1092 (1086)",
			"1093-1093 (1086)", "1098-1098 (1095)", "1099-1099 (1095)"}},
	}
	if diff := cmp.Diff(wantD, gotD); diff != "" {
		t.Errorf("directions (-want +got):\n%s", diff)
	}

	// a sample of measures: start line, pillar, status, end line
	P, T := policygraph.StatusProgress, policygraph.StatusTodo
	sample := []struct {
		line   int
		pillar string
		status string
		end    int
	}{
		{1148, "MISSION-1", P, 1149}, // 「ＧＸ２０４０ビジョン」…を一体的に策定
		{1151, "MISSION-1", P, 1151}, // ＧＸ推進法の改正が成立
		{1155, "MISSION-1", P, 1156}, // narrow column although it says 検討
		{1187, "MISSION-1", T, 1187}, // カーボンプライシング…段階的に導入
		{1214, "MISSION-1", T, 1215},
		{1295, "MISSION-2", P, 1295}, // one line between narrow cells
		{1304, "MISSION-2", P, 1305}, // after the headings 〇個別企業のＤＸ / 〇デジタル産業基盤
		{1307, "MISSION-2", T, 1307},
		{1380, "MISSION-3", T, 1381}, // right under ○保護主義…
		{1386, "MISSION-3", T, 1386},
		{1413, "MISSION-3", P, 1416}, // no blank line between 1416 and 1417
		{1417, "MISSION-3", P, 1419},
		{1430, "MISSION-3", T, 1430}, // one line between wide cells
		{1448, "MISSION-3", T, 1448}, // …拡充する。
		{1449, "MISSION-3", T, 1450},
		{1507, "MISSION-4", P, 1509}, // the health slide alternates P, T, P, T runs
		{1539, "MISSION-4", T, 1539},
		{1573, "MISSION-5", P, 1575},
		{1599, "MISSION-5", T, 1599}, // among progress cells, but a copy of the direction bullet at line 1038 (…更なる徹底)
		{1601, "MISSION-5", P, 1601}, // …上乗せ類型を措置
		{1622, "MISSION-5", T, 1622}, // opens a text box
		{1691, "MISSION-6", P, 1692},
		{1763, "MISSION-7", P, 1763}, // end of the progress run (its TODO twin is 1797)
		{1765, "MISSION-7", P, 1765},
		{1816, "MISSION-8", P, 1820}, // …が成立した
		{1839, "MISSION-8", T, 1839},
		{1868, "OS-1", P, 1868},
		{1901, "OS-1", T, 1901}, // the TODO twin of 1868
		{1926, "OS-2", P, 1926},
		{1997, "OS-2", T, 1997},
		{2035, "OS-3", P, 2035},
		{2050, "OS-3", T, 2053}, // "を促進" after a blank line
		{2075, "OS-4", P, 2079}, // before the 各分野 header; page number 31 glued on
		{2089, "OS-4", P, 2098}, // "また、…" continues it
		{2154, "OS-4", T, 2155},
	}
	for _, s := range sample {
		ms := measuresAt25(pd, s.line)
		if len(ms) != 1 {
			t.Errorf("line %d: %d measures", s.line, len(ms))
			continue
		}
		m := ms[0]
		if m.PillarID != pillarID(2025, s.pillar) || m.Status != s.status || m.LineEnd != s.end {
			t.Errorf("line %d: %s %s %d; want %s %s %d", s.line, m.PillarID, m.Status, m.LineEnd, s.pillar, s.status, s.end)
		}
		if m.Quote != strings.Join(dt.rawSlice()[m.LineStart-1:m.LineEnd], "\n") {
			t.Errorf("line %d: quote is not the raw lines", s.line)
		}
	}
	// the glued line 1799 holds two cells
	if ms := measuresAt25(pd, 1799); len(ms) != 2 || ms[0].Status != T || ms[1].Status != P || ms[1].LineEnd != 1800 {
		t.Errorf("line 1799: %+v", ms)
	}

	// counts per pillar, from reading each slide's column widths
	counts := map[string][2]int{}
	for _, m := range pd.Measures {
		c := counts[m.PillarID]
		switch m.Status {
		case P:
			c[0]++
		case T:
			c[1]++
		default:
			t.Errorf("line %d: status %s", m.LineStart, m.Status)
		}
		counts[m.PillarID] = c
	}
	wantCounts := map[string][2]int{
		"MISSION-1": {10, 14}, "MISSION-2": {12, 14}, "MISSION-3": {11, 17}, "MISSION-4": {11, 9},
		"MISSION-5": {10, 17}, "MISSION-6": {4, 6}, "MISSION-7": {13, 14}, "MISSION-8": {5, 4},
		"OS-1": {10, 10}, "OS-2": {11, 13}, "OS-3": {11, 10}, "OS-4": {8, 10},
		"": {0, 24}, // the directions' ⚫ bullets
	}
	for key, want := range wantCounts {
		id := ""
		if key != "" {
			id = pillarID(2025, key)
		}
		if got := counts[id]; got != want {
			t.Errorf("%s: PROGRESS/TODO %v, want %v", key, got, want)
		}
	}

	// 再掲: the only marker, line 1078, marks the clause GX産業立地の推進
	// inside the bullet 1077–1078 (linkRelists binds it): no whole item is
	// a relist, and the bullet keeps the marker in its text
	var relists []int
	for _, m := range pd.Measures {
		if m.Relist {
			relists = append(relists, m.LineStart)
		}
		if cs := markedClauses(dt, m); len(cs) > 0 {
			if m.LineStart != 1077 || len(cs) != 1 || cs[0].line != 1078 || cs[0].quote != "GX産業立地の推進" {
				t.Errorf("marked clauses of %d: %+v", m.LineStart, cs)
			}
		}
	}
	if len(relists) > 0 {
		t.Errorf("whole-item relists at %v, want none", relists)
	}

	// targets
	type tg struct {
		Kind, Pillar string
		Year         int
		Value        float64
		Unit         string
	}
	byLine := map[int]tg{}
	kinds := map[string]int{}
	for _, x := range pd.Targets {
		key := ""
		if x.PillarID != "" {
			key = strings.TrimPrefix(x.PillarID, "pillar:2025:")
		}
		if _, dup := byLine[x.LineStart]; !dup {
			byLine[x.LineStart] = tg{x.Kind, key, x.Year, x.Value, x.Unit}
		}
		kinds[x.Kind]++
	}
	wantT := map[int]tg{
		1131: {"LONG_TERM", "MISSION-1", 0, 150, "兆円"},
		1239: {"LONG_TERM", "MISSION-2", 2030, 15, "兆円"},
		1358: {"LONG_TERM", "MISSION-3", 2030, 120, "兆円"}, // 1357 "築を実現／" ends the goal before it
		1135: {"LONG_TERM", "MISSION-1", 2050, 0, ""},     // 1134 "府支援／" ends the one before
		// 1244 is a lone "／"; the main goal is the 経済波及効果, the 10兆円 and 50兆円 are its
		// means (…を行い, …を促し) and targets of their own (TestGoalTargetsOnTheCorpus)
		1245: {"LONG_TERM", "MISSION-2", 2034, 160, "兆円"},
		1254: {"LONG_TERM", "MISSION-2", 0, 0, ""},
		1364: {"LONG_TERM", "MISSION-3", 0, 0, ""},
		1466: {"LONG_TERM", "MISSION-4", 0, 21, "兆円"},
		1461: {"LONG_TERM", "MISSION-4", 2040, 75, "歳"},
		1463: {"LONG_TERM", "MISSION-4", 2050, 77, "兆円"},
		1545: {"LONG_TERM", "MISSION-5", 0, 1.8, ""},
		1674: {"LONG_TERM", "MISSION-6", 2050, 70, "兆円"},
		2072: {"LONG_TERM", "OS-4", 0, 0, ""},
		129:  {"KEY_MESSAGE", "", 2027, 115, "兆円"},
		133:  {"KEY_MESSAGE", "", 2030, 135, "兆円"},
	}
	for line, want := range wantT {
		if got := byLine[line]; got != want {
			t.Errorf("target at %d = %+v, want %+v", line, got, want)
		}
	}
	// each goal spans only its own lines: a line ending in ／ closes the goal
	// before, it does not open the next one, and a lone ／ (1244) is the
	// pillar's, no goal's
	spans := map[int]int{}
	for _, x := range pd.Targets {
		spans[x.LineStart] = x.LineEnd
	}
	for start, end := range map[int]int{1131: 1134, 1135: 1136, 1239: 1243, 1245: 1253, 1254: 1255,
		1346: 1357, 1358: 1363, 1364: 1366, 1461: 1462, 1463: 1465, 1466: 1470} {
		if spans[start] != end {
			t.Errorf("target at %d ends at %d, want %d", start, spans[start], end)
		}
	}
	if diff := cmp.Diff(map[string]int{"LONG_TERM": 19, "KEY_MESSAGE": 3}, kinds); diff != "" {
		t.Errorf("targets by kind (-want +got):\n%s", diff)
	}

	// every line is placed: nodes, furniture or skipped prose
	if u := unplaced25(dt, pd); len(u) > 0 {
		t.Errorf("unplaced lines %v", u)
	}
	for l, want := range map[int]string{
		1116: "furniture:vertical-label", 1138: "furniture:page-number", 1140: "furniture:table-header",
		452: "furniture:chart-number", 293: "furniture:page-number", 12: "skipped:macro-pages",
		1244: "pillar:2025:MISSION-2", 1459: "pillar:2025:MISSION-4", 1667: "pillar:2025:MISSION-6",
		// chart values glued to their label and unit ((総労働時間) / 922 /
		// 億時間, 総額 / 233 / 兆円) are not page numbers
		336: "furniture:chart-number", 347: "furniture:chart-number", 364: "furniture:chart-number",
		375: "furniture:chart-number", 838: "furniture:chart-number", 842: "furniture:chart-number",
		846: "furniture:chart-number", 850: "furniture:chart-number", 854: "furniture:chart-number",
		858: "furniture:chart-number", 980: "furniture:page-number",
	} {
		if pd.Placed[l] != want {
			t.Errorf("line %d placed %q, want %q", l, pd.Placed[l], want)
		}
	}

	// ids are unique and relationships point at nodes
	seen := map[string]bool{dt.DocID: true}
	for _, p := range pd.Pillars {
		seen[p.ID] = true
	}
	for _, d := range pd.Directions {
		seen[d.ID] = true
	}
	for _, g := range pd.Groups {
		if seen[g.ID] {
			t.Errorf("duplicate id %s", g.ID)
		}
		seen[g.ID] = true
	}
	for _, m := range pd.Measures {
		if seen[m.ID] {
			t.Errorf("duplicate id %s", m.ID)
		}
		seen[m.ID] = true
	}
	for _, x := range pd.Targets {
		if seen[x.ID] {
			t.Errorf("duplicate id %s", x.ID)
		}
		seen[x.ID] = true
	}
	for _, r := range pd.Rels {
		if !seen[r.Start] || !seen[r.End] || r.ID != relID(r.Type, r.Start, r.End) {
			t.Errorf("dangling or misnamed rel %s", r.ID)
		}
	}
}

// The parse is deterministic.
func TestParse2025Deterministic(t *testing.T) {
	_, a := load2025(t)
	_, b := load2025(t)
	if diff := cmp.Diff(a, b, cmpopts.IgnoreUnexported(parsedDoc{})); diff != "" {
		t.Errorf("two parses differ:\n%s", diff)
	}
}

func FuzzParse2025(f *testing.F) {
	for _, name := range []string{"columns.txt", "pages.txt", "directions.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "2025", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(" 康\n政策の方向性①\n（１）\n長期的目標 進捗\n〇\n("))
	f.Fuzz(func(t *testing.T, data []byte) {
		dt, err := newDocText("fuzz.txt", 2025, "doc:2025", data)
		if err != nil {
			return
		}
		pd, err := parse2025(dt)
		if err != nil {
			return
		}
		for l, id := range pd.Placed {
			if id != "" && (l < 1 || l > len(dt.rawSlice())) {
				t.Errorf("placed line %d out of range", l)
			}
		}
	})
}

// Mutated documents never panic (the fuzzer explores further; this runs
// in every test run).
func TestParse2025Mutations(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var seeds [][]byte
	for _, n := range []string{"columns.txt", "pages.txt", "directions.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "2025", n))
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	for i := 0; i < 2000; i++ {
		s := append([]byte(nil), seeds[r.Intn(len(seeds))]...)
		for j := 0; j < 1+r.Intn(20) && len(s) > 0; j++ {
			a := r.Intn(len(s))
			switch r.Intn(3) {
			case 0: // cut
				s = append(s[:a], s[min(len(s), a+r.Intn(200)):]...)
			case 1: // copy a piece elsewhere
				c := r.Intn(len(s))
				piece := append([]byte(nil), s[c:min(len(s), c+r.Intn(300))]...)
				s = append(s[:a], append(piece, s[a:]...)...)
			case 2: // flip a byte
				s[a] = byte(r.Intn(256))
			}
		}
		dt, err := newDocText("m.txt", 2025, "doc:2025", s)
		if err != nil {
			continue
		}
		pd, err := parse2025(dt)
		if err != nil {
			continue
		}
		for _, m := range pd.Measures {
			if m.LineStart < 1 || m.LineEnd < m.LineStart || m.LineEnd > len(dt.rawSlice()) {
				t.Fatalf("measure %s: lines %d-%d of %d", m.ID, m.LineStart, m.LineEnd, len(dt.rawSlice()))
			}
		}
	}
}
