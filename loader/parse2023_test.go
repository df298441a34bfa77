package loader

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/policygraph/policygraph"
)

const seed2023 = "../seed/000_69167627890d1468.txt"

func load2023(t *testing.T, path string) *docText {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dt, err := newDocText(filepath.Base(path), 2023, "doc:2023", data)
	if err != nil {
		t.Fatal(err)
	}
	return dt
}

func parse2023File(t *testing.T, path string) (*docText, *parsedDoc) {
	t.Helper()
	dt := load2023(t, path)
	pd, err := parse2023(dt)
	if err != nil {
		t.Fatalf("parse2023(%s): %v", path, err)
	}
	return dt, pd
}

func measureAt23(pd *parsedDoc, line int) *policygraph.Measure {
	for _, m := range pd.Measures {
		if m.LineStart == line {
			return m
		}
	}
	return nil
}

func targetAt23(pd *parsedDoc, line int) *policygraph.Target {
	for _, tg := range pd.Targets {
		if tg.LineStart == line {
			return tg
		}
	}
	return nil
}

// ---------------------------------------------------------------- fragments

func TestParse2023Detail(t *testing.T) {
	dt, pd := parse2023File(t, "testdata/2023/detail.txt")
	type mx struct {
		Status     string
		Start, End int
		Title      string
		Relist     bool
		Grouped    bool
		SY, EY     int
	}
	want := map[int]mx{
		// ○ with a wrapped second line
		16: {policygraph.StatusFuture, 16, 17, "排出量取引制度の導入", false, true, 2023, 0},
		// ⚫ broken mid-word across a blank line
		19: {policygraph.StatusPast, 19, 21, "2050年カーボンニュートラルCNに向けて重要となる戦略を策定", false, true, 0, 0},
		25: {policygraph.StatusPast, 25, 25, "スタートアップ育成5か年計画の着実な遂行", false, true, 2022, 0},
		27: {policygraph.StatusFuture, 27, 27, "ディープテック・スタートアップ政策パッケージ", true, true, 0, 0},
	}
	if len(pd.Measures) != len(want) {
		t.Fatalf("got %d measures, want %d", len(pd.Measures), len(want))
	}
	for line, w := range want {
		m := measureAt23(pd, line)
		if m == nil {
			t.Errorf("no measure at line %d", line)
			continue
		}
		got := mx{m.Status, m.LineStart, m.LineEnd, m.Title, m.Relist, m.GroupID != "", m.StartYear, m.EndYear}
		if d := cmp.Diff(w, got); d != "" {
			t.Errorf("measure at %d (-want +got):\n%s", line, d)
		}
	}
	m := measureAt23(pd, 19)
	if m == nil {
		t.Fatal("no measure at 19")
	}
	if m.Text != "2050年カーボンニュートラルCNに向けて重要となる戦略を策定（グリーン成長戦略等）。" {
		t.Errorf("joined text = %q", m.Text)
	}
	if m.Quote != strings.Join(dt.rawSlice()[18:21], "\n") {
		t.Errorf("quote = %q", m.Quote)
	}
	if len(pd.Groups) != 1 || pd.Groups[0].Name != "成長志向型カーボンプライシング構想" {
		t.Errorf("groups = %+v", pd.Groups)
	}
	// the 当面見据える長期目標 of the concept page
	tg := targetAt23(pd, 7)
	if tg == nil || tg.Kind != "LONG_TERM" || tg.Year != 2030 || tg.Value != 46 || tg.Unit != "％" || tg.LineEnd != 9 {
		t.Errorf("target at 7 = %+v", tg)
	}
	placed := map[int]string{11: "furniture:page-number", 29: "skipped:note", 31: "furniture:legend", 33: "furniture:page-number", 23: "skipped:subheading"}
	for l, w := range placed {
		if pd.Placed[l] != w {
			t.Errorf("Placed[%d] = %q, want %q", l, pd.Placed[l], w)
		}
	}
	assertAllPlaced23(t, dt, pd)
}

// TestParse2023TableEndsText: an overview table that ends the text is read
// like any other (its slide ended at an item past the last one: a panic).
func TestParse2023TableEndsText(t *testing.T) {
	dt, pd := parse2023File(t, "testdata/2023/summary-at-end.txt")
	if len(pd.slides) != 1 || pd.slides[0].from != 2 || pd.slides[0].to != len(dt.rawSlice()) {
		t.Errorf("slides %v, want the table's from line 2 to the last (%d)", pd.slides, len(dt.rawSlice()))
	}
	if len(pd.Measures) == 0 {
		t.Error("no measures")
	}
}

func TestParse2023Summary(t *testing.T) {
	dt, pd := parse2023File(t, "testdata/2023/summary.txt")
	pl := pd.Pillars[0]
	if pl.Key != "MISSION-1" || pl.LongTermGoal != "2050年CN実現／今後10年で150兆円超の官民投資" {
		t.Errorf("pillar = %s goal %q", pl.Key, pl.LongTermGoal)
	}
	// the cell of the goal split on ／
	var goals []string
	for _, tg := range pd.Targets {
		if tg.Kind == "LONG_TERM" {
			goals = append(goals, tg.Text)
		}
	}
	if d := cmp.Diff([]string{"2050年CN実現", "今後10年で150兆円超の官民投資"}, goals); d != "" {
		t.Errorf("long-term targets (-want +got):\n%s", d)
	}
	type cell struct {
		Line     int
		Text     string
		Horizon  string
		SY, EY   int
		Status   string
		HasGroup bool
	}
	var got []cell
	for _, m := range pd.Measures {
		if m.Overview {
			got = append(got, cell{m.LineStart, m.Text, m.Horizon, m.StartYear, m.EndYear, m.Status, m.GroupID != ""})
		}
	}
	want := []cell{
		{24, "10年間20兆円規模の先行投資支援（2023-32年度）", interim2023.horizonNearRaw, 2023, 2032, policygraph.StatusFuture, true},
		{26, "ＧＸリーグにおける排出量取引制度の試行（2023年度～）", interim2023.horizonNearRaw, 2023, 0, policygraph.StatusFuture, false},
		{27, "排出量取引制度の本格稼働（2026年度～）", interim2023.horizonMidRaw, 2026, 0, policygraph.StatusFuture, false},
		{29, "GI基金の着実な事業の執行（2022年度～）", interim2023.horizonNearRaw, 2022, 0, policygraph.StatusFuture, false},
		{29, "両基金の着実な執行（～2030年度頃）、必要に応じた追加的支援", "", 0, 2030, policygraph.StatusFuture, false}, // no start year: no horizon
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summary cells (-want +got):\n%s", d)
	}
	// the 〇 heading of the table is the same group as the 【】 of the detail page
	if len(pd.Groups) != 1 {
		t.Errorf("groups = %d, want 1 (〇 and 【】 merged)", len(pd.Groups))
	}
	for l, w := range map[int]string{6: "furniture:vertical-label", 34: "skipped:same-as-left-cell", 36: "furniture:page-number", 22: "furniture:section-title"} {
		if pd.Placed[l] != w {
			t.Errorf("Placed[%d] = %q, want %q", l, pd.Placed[l], w)
		}
	}
	assertAllPlaced23(t, dt, pd)
}

// A dated label over summary cells ("2025年大阪・関西万博", seed line 591) is
// not a cell and is not glued to the cell under it; a cell broken after
// "2030年までに" is still one cell.
func TestParse2023SummaryLabel(t *testing.T) {
	dt, pd := parse2023File(t, "testdata/2023/sumlabel.txt")
	type cell struct {
		A, B int
		Text string
	}
	var got []cell
	for _, m := range pd.Measures {
		if m.Overview {
			got = append(got, cell{m.LineStart, m.LineEnd, m.Text})
		}
	}
	want := []cell{
		{22, 23, "グローバルヘルスケアスタートアップコンテストの実施"},
		{24, 25, "PHRを活用した新たな体験の提供"},
		{27, 28, "2030年までに海外市場獲得のための認証取得等を支援"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summary cells (-want +got):\n%s", d)
	}
	if pd.Placed[21] != "skipped:summary-label" {
		t.Errorf("Placed[21] = %q", pd.Placed[21])
	}
	assertAllPlaced23(t, dt, pd)
}

func TestParse2023KeyMessages(t *testing.T) {
	dt, pd := parse2023File(t, "testdata/2023/keymsg.txt")
	m1 := pd.Pillars[0]
	if m1.Key != "MISSION-1" || !contains23(m1.Aliases, "ＧＸ") {
		t.Errorf("MISSION-1 aliases = %v", m1.Aliases)
	}
	var kms []*policygraph.Target
	for _, tg := range pd.Targets {
		if tg.Kind == "KEY_MESSAGE" {
			kms = append(kms, tg)
		}
	}
	// ＧＸ states two goals (150兆円超の官民投資, 20兆円規模の政府支援): one target each
	if len(kms) != 3 {
		t.Fatalf("key-message targets = %d, want 3", len(kms))
	}
	if kms[0].Value != 150 || kms[0].Unit != "兆円" || kms[0].PillarID != "pillar:2023:MISSION-1" {
		t.Errorf("ＧＸ target = %+v", kms[0])
	}
	if kms[1].Value != 20 || kms[1].Unit != "兆円" || kms[1].Text != kms[0].Text || kms[1].ID == kms[0].ID {
		t.Errorf("ＧＸ second goal = %+v", kms[1])
	}
	kms = kms[1:]
	if kms[1].Value != 15 || kms[1].Year != 2030 || kms[1].LineEnd != 15 || kms[1].PillarID != "pillar:2023:MISSION-2" {
		t.Errorf("ＤＸ target = %+v", kms[1])
	}
	if m := measureAt23(pd, 23); m == nil || m.Status != policygraph.StatusPast || m.PillarID != "pillar:2023:MISSION-2" {
		t.Errorf("measure at 23 = %+v", m)
	}
	assertAllPlaced23(t, dt, pd)
}

func TestParse2023Errors(t *testing.T) {
	dt := load2023(t, "testdata/2023/nopillar.txt")
	_, err := parse2023(dt)
	if err == nil || !strings.HasPrefix(err.Error(), "nopillar.txt:3: ") {
		t.Errorf("err = %v, want one naming nopillar.txt:3", err)
	}
	if _, err := parse2023(nil); err == nil {
		t.Error("nil document: want an error")
	}
}

// ---------------------------------------------------------------- helpers

// ---------------------------------------------------------------- the real document

func TestParse2023Seed(t *testing.T) {
	dt, pd := parse2023File(t, seed2023)

	// 13 pillars, one node each, with the name of the contents.
	wantPillars := []struct{ key, name string }{
		{"MISSION-1", "炭素中立型社会の実現"},
		{"MISSION-2", "デジタル社会の実現"},
		{"MISSION-3", "経済安全保障の実現"},
		{"MISSION-4", "新しい健康社会の実現"},
		{"MISSION-5", "災害に対するレジリエンス社会の実現"},
		{"MISSION-6", "バイオものづくり革命の実現"},
		{"MISSION-7", "成長志向型の資源自律経済の確立"},
		{"MISSION-8", "少子化対策としての地域の包摂的成長"},
		{"OS-1", "人材"},
		{"OS-2", "スタートアップ・イノベーション"},
		{"OS-3", "価値創造経営"},
		{"OS-4", "徹底した日本社会のグローバル化"},
		{"OS-5", "行政：EBPM・データ駆動型行政"},
	}
	if len(pd.Pillars) != len(wantPillars) {
		t.Fatalf("pillars = %d, want 13", len(pd.Pillars))
	}
	for i, w := range wantPillars {
		p := pd.Pillars[i]
		if p.Key != w.key || p.Name != w.name || p.ID != pillarID(2023, w.key) {
			t.Errorf("pillar %d = %s %q, want %s %q", i, p.Key, p.Name, w.key, w.name)
		}
		if p.Quote == "" || p.Quote != dt.rawSlice()[p.LineStart-1] && !strings.HasPrefix(p.Quote, dt.rawSlice()[p.LineStart-1]) {
			t.Errorf("pillar %s quote %q", p.Key, p.Quote)
		}
	}
	byKey := map[string]*policygraph.Pillar{}
	for _, p := range pd.Pillars {
		byKey[p.Key] = p
	}
	// provenance: the heading of the pillar's (これまでの施策、今後の施策) pages
	for key, lines := range map[string][2]int{
		"MISSION-1": {1260, 1260}, "MISSION-2": {1516, 1516}, "MISSION-8": {2363, 2364},
		"OS-3": {3097, 3097}, "OS-5": {3393, 3393},
	} {
		if p := byKey[key]; p.LineStart != lines[0] || p.LineEnd != lines[1] {
			t.Errorf("%s source lines %d-%d, want %v", key, p.LineStart, p.LineEnd, lines)
		}
	}
	// spellings seen across the tables, lists and headings
	for key, aliases := range map[string][]string{
		"MISSION-1": {"ＧＸ"},
		"MISSION-2": {"ＤＸ"},
		"MISSION-7": {"成長志向型の資源自律経済", "資源自律経済"},
		"MISSION-8": {"少子化対策に資する地域の包摂的成長", "地域の包摂的成長"},
		"OS-4":      {"グローバル化", "日本社会のグローバル化"},
		"OS-5":      {"EBPM・データ駆動型行政"},
		"MISSION-5": {"レジリエンス社会の実現", "レジリエンス"},
	} {
		for _, a := range aliases {
			if !contains23(byKey[key].Aliases, a) {
				t.Errorf("%s aliases %v lack %q", key, byKey[key].Aliases, a)
			}
		}
	}
	for key, goal := range map[string]string{
		"MISSION-1": "2050年CN実現／今後10年で150兆円超の官民投資、20兆円規模の政府支援",
		"OS-1":      "人手不足への対応／物価上昇を超える賃上げの持続的な実現／人的投資・人材競争力強化",
		"OS-5":      "政策の新陳代謝及び高度化",
	} {
		if byKey[key].LongTermGoal != goal {
			t.Errorf("%s LongTermGoal = %q", key, byKey[key].LongTermGoal)
		}
	}

	// ⚫/● and ○/〇 items of the detail pages per pillar, counted by hand
	// (OS-2's three ⚫ package purpose statements are prose, not measures).
	wantCounts := map[string][2]int{
		"MISSION-1": {2, 14}, "MISSION-2": {15, 27}, "MISSION-3": {4, 6}, "MISSION-4": {5, 10},
		"MISSION-5": {4, 5}, "MISSION-6": {1, 11}, "MISSION-7": {0, 7}, "MISSION-8": {1, 18},
		"OS-1": {8, 7}, "OS-2": {3, 58}, "OS-3": {9, 12}, "OS-4": {8, 14}, "OS-5": {3, 8},
	}
	got := map[string][2]int{}
	for _, m := range pd.Measures {
		if m.Overview || m.PillarID == "" {
			continue // summary-table cells, macro-framework cells
		}
		key := strings.TrimPrefix(m.PillarID, "pillar:2023:")
		c := got[key]
		switch m.Status {
		case policygraph.StatusPast:
			c[0]++
		case policygraph.StatusFuture:
			c[1]++
		default:
			t.Errorf("detail measure at %d has status %s", m.LineStart, m.Status)
		}
		got[key] = c
	}
	if d := cmp.Diff(wantCounts, got); d != "" {
		t.Errorf("detail counts (-want +got):\n%s", d)
	}

	// the macro framework's policy cells (lines 288–352), read by hand:
	// measures of its direction, titled by the table's title (line 347)
	if len(pd.Directions) != 1 || pd.Directions[0].ID != "direction:2023:1" ||
		pd.Directions[0].Title != "マクロ（結果としての経済全体）のフレームワーク" || pd.Directions[0].LineStart != 347 {
		t.Errorf("directions %+v, want the macro framework at line 347", pd.Directions)
	}
	macro := map[int][2]string{ // first line → last line, title
		288: {"289", "少子化対策としての地方投資推進（中堅企業の集中支援、成長志向の中小企業創出）／人手不足対策としての省人化投資促進"},
		291: {"291", "戦略分野（GX、 DX等）への世界水準の長期大規模支援"},
		293: {"294", "企業活動を高付加価値化し、経済産業構造を転換"},
		296: {"296", "投資に必要な産業用地/ｲﾝﾌﾗの整備"},
		298: {"298", "高付加価値化のための事業構造改革、新陳代謝促進"},
		300: {"300", "世界水準のイノベーション投資環境整備"},
		302: {"304", "スタートアップ：育成5カ年計画の着実な推進と強化"}, // with its （JIC運用期限延長、…） paragraph
		306: {"306", "案件の具体化"},
		314: {"314", "戦略分野のイノベーションの世界水準の支援"}, // not glued to 315, the head of the goal list
		332: {"333", "将来の成長期待に基づく民間投資の促進"},
		337: {"337", "成長分野への労働力、資金流入の推進"},
		339: {"339", "投資推進のための必要となる施策を随時実施"},
		349: {"349", "地方における良質な雇用創出"},
		351: {"352", "賃上げ環境の整備"},
	}
	gotMacro := map[int][2]string{}
	for _, m := range pd.Measures {
		if m.PillarID == "" {
			gotMacro[m.LineStart] = [2]string{strconv.Itoa(m.LineEnd), m.Title}
			if m.Status != policygraph.StatusFuture || m.Overview || m.GroupID != "" {
				t.Errorf("macro cell at %d: status %s, overview %v, group %q", m.LineStart, m.Status, m.Overview, m.GroupID)
			}
		}
	}
	if d := cmp.Diff(macro, gotMacro); d != "" {
		t.Errorf("macro-framework cells (-want +got):\n%s", d)
	}
	for _, l := range []int{308, 315, 326, 343} { // ● observations, a goal list's head, a connector
		if v := pd.Placed[l]; v != "skipped:macro-framework" {
			t.Errorf("Placed[%d] = %q, want skipped:macro-framework", l, v)
		}
	}

	// a sample of measures read by hand
	sample := []struct {
		line, end int
		pillar    string
		status    string
		horizon   string
		title     string
	}{
		{1264, 1265, "MISSION-1", policygraph.StatusFuture, "", "GX重点分野の「道行き」明示"},
		{1291, 1291, "MISSION-1", policygraph.StatusPast, "", "2030年度排出量46%削減目標の提示と、それに向けた対策を策定"},
		{1484, 1485, "MISSION-2", policygraph.StatusPast, "", "半導体・製造装置・部素材・原料の製造基盤整備"},
		{1570, 1570, "MISSION-2", policygraph.StatusFuture, "", "ドローン航路や自動運転支援道の設定、インフラ管理のDX等について、先行地域での取組を開始"},
		{1741, 1741, "MISSION-3", policygraph.StatusPast, "", "経済安全保障推進法に基づき、政府として11の特定重要物資を指定"},
		{1934, 1934, "MISSION-4", policygraph.StatusPast, "", "AMEDを通じて、認定ベンチャーキャピタルが出資する創薬ベンチャーが行う革新的な医薬品の実用化開発を支援"},
		{2034, 2035, "MISSION-5", policygraph.StatusPast, "", "スマート保安の導入に向けた環境整備"},
		{2129, 2129, "MISSION-6", policygraph.StatusFuture, "", "両プロジェクトの着実な執行"},
		{2239, 2241, "MISSION-7", policygraph.StatusFuture, "", "GX先行投資支援"},
		{2387, 2388, "MISSION-8", policygraph.StatusFuture, "", "地域経済を牽引する中堅企業に対する集中支援"},
		{2584, 2586, "OS-1", policygraph.StatusPast, "", "パートタイム労働者の活躍支援"},
		{2790, 2790, "OS-2", policygraph.StatusPast, "", "懸賞金型研究開発事業を試行的に導入"},
		{2885, 2886, "OS-2", policygraph.StatusFuture, "", "J-Startupにおける女性起業家の割合を今後10年で20%を目指す"},
		{3161, 3163, "OS-3", policygraph.StatusPast, "", "「役員報酬の手引き」の改訂"},
		{3273, 3274, "OS-4", policygraph.StatusPast, "", "輸出環境の改善"},
		{3417, 3417, "OS-5", policygraph.StatusFuture, "", "経済産業省における行政手続きのオンライン化"},
		// summary-table cells: horizon from their own start year, status from
		// the detail bullets they digest (PAST when all are ●)
		{398, 398, "MISSION-1", policygraph.StatusFuture, interim2023.horizonNearRaw, "ＧＸリーグにおける排出量取引制度の試行"},
		{399, 399, "MISSION-1", policygraph.StatusFuture, interim2023.horizonMidRaw, "排出量取引制度の本格稼働"},
		{566, 566, "MISSION-3", policygraph.StatusFuture, interim2023.horizonNearRaw, "経済安全保障重要技術育成基金の執行を通じた先端重要技術の育成"},
		{577, 577, "MISSION-4", policygraph.StatusFuture, "", "PHRを活用した新たなサービスの創出に向けた実証"},
		{932, 932, "OS-2", policygraph.StatusPast, interim2023.horizonNearRaw, "スタートアップ育成5か年計画の着実な遂行"},
		{1115, 1115, "OS-4", policygraph.StatusPast, "", "NEXI融資保険を活用した輸出環境改善"},
	}
	for _, s := range sample {
		m := measureAt23(pd, s.line)
		if m == nil {
			t.Errorf("no measure at line %d", s.line)
			continue
		}
		if m.LineEnd != s.end || m.PillarID != pillarID(2023, s.pillar) || m.Status != s.status || m.Horizon != s.horizon || !strings.HasPrefix(m.Title, s.title) {
			t.Errorf("measure at %d = lines %d-%d %s %s %q %q", s.line, m.LineStart, m.LineEnd, m.PillarID, m.Status, m.Horizon, m.Title)
		}
		if m.Quote != strings.Join(dt.rawSlice()[m.LineStart-1:m.LineEnd], "\n") {
			t.Errorf("measure at %d: quote is not the raw lines", s.line)
		}
	}

	// audit: "2025年大阪・関西万博" (591) labels the cells below it in the
	// M4 summary table; it is not glued to the first of them
	if m := measureAt23(pd, 591); m != nil {
		t.Errorf("measure at 591 = %q, want none (a label)", m.Text)
	}
	if m := measureAt23(pd, 592); m == nil || m.LineEnd != 593 || m.Text != "グローバルヘルスケアスタートアップコンテストの実施" || m.PillarID != pillarID(2023, "MISSION-4") {
		t.Errorf("measure at 592 = %+v", m)
	}
	if pd.Placed[591] != "skipped:summary-label" {
		t.Errorf("Placed[591] = %q", pd.Placed[591])
	}

	// （再掲） items
	var relists []int
	for _, m := range pd.Measures {
		if m.Relist {
			relists = append(relists, m.LineStart)
		}
	}
	if d := cmp.Diff([]int{941, 952, 1030, 2816}, relists); d != "" {
		t.Errorf("relists (-want +got):\n%s", d)
	}

	// years of a sample
	for line, w := range map[int][2]int{
		396: {2023, 2032}, 932: {2022, 2027}, 566: {2022, 2031}, 691: {2022, 0},
		1765: {2022, 2031}, 2129: {0, 2030}, 3417: {0, 2025}, 1625: {2024, 0}, 1623: {2023, 2023}, 2249: {2023, 0},
	} {
		m := measureAt23(pd, line)
		if m == nil || m.StartYear != w[0] || m.EndYear != w[1] {
			t.Errorf("years at %d = %+v, want %v", line, m, w)
		}
	}

	// targets by kind, and a few read by hand
	kinds := map[string]int{}
	for _, tg := range pd.Targets {
		kinds[tg.Kind]++
	}
	if d := cmp.Diff(map[string]int{"KEY_MESSAGE": 18, "LONG_TERM": 58, "MID_TERM": 7, "INDICATOR": 3}, kinds); d != "" {
		t.Errorf("targets by kind (-want +got):\n%s", d)
	}
	// A key message's goal without a number is a goal too (the two lists
	// of each pillar's goals, 231-248 and 257-267), with an id of its own:
	// the pillar's long-term goal stating it again keeps its id.
	for _, w := range []struct {
		line     int
		id, text string
	}{
		{238, "target:2023:MISSION-3:60836e30-key-message", "自律性向上、優位性・不可欠性確保、国際秩序維持"},
		{259, "target:2023:OS-1:def7b40e-key-message", "物価上昇を超える賃上げの持続的な実現"},
		{545, "target:2023:MISSION-3:60836e30", "自律性向上、優位性・不可欠性確保、国際秩序維持"},
		{833, "target:2023:OS-1:def7b40e", "物価上昇を超える賃上げの持続的な実現"},
	} {
		if tg := targetAt23(pd, w.line); tg == nil || tg.ID != w.id || tg.Text != w.text {
			t.Errorf("target at %d = %+v, want %s %s", w.line, tg, w.id, w.text)
		}
	}
	if tg := targetAt23(pd, 267); tg != nil {
		t.Errorf("target at 267 (EBPM・データ駆動型行政, a label with no goal): %+v", tg)
	}
	type value2023 struct {
		year  int
		value float64
		unit  string
	}
	for line, w := range map[int]value2023{
		1890: {2040, 75, "歳"}, 2119: {2030, 92, "兆円"}, 2729: {2027, 10, "倍"}, 3253: {2030, 80, "兆円"},
		1473: {2026, 230, "万人"}, 263: {2030, 8, "割"}, 328: {2027, 115, "兆円"},
		// audit: the goal, not the whole (2219) or the investment that is its means (1443, 1447);
		// the other goals of a statement are targets of their own (TestGoalTargetsOnTheCorpus)
		2219: {0, 4.13, "億トンCO2"}, 1443: {2030, 15, "兆円"}, 1447: {2030, 150, "GWh/年"},
		562: {0, 13, "兆円"}, 1252: {2030, 46, "％"}, 1461: {2030, 10, "兆円/年"},
	} {
		tg := targetAt23(pd, line)
		if tg == nil || (value2023{tg.Year, tg.Value, tg.Unit}) != w {
			t.Errorf("target at %d = %+v, want %+v", line, tg, w)
		}
	}
	if tg := targetAt23(pd, 328); tg != nil && tg.PillarID != "" {
		t.Errorf("macro target has pillar %s", tg.PillarID)
	}

	assertAllPlaced23(t, dt, pd)
	assertConsistent23(t, pd)
}

func TestParse2023Deterministic(t *testing.T) {
	_, a := parse2023File(t, seed2023)
	_, b := parse2023File(t, seed2023)
	if d := cmp.Diff(a, b, cmpopts.IgnoreUnexported(parsedDoc{})); d != "" {
		t.Errorf("two parses differ:\n%s", d)
	}
}

// assertAllPlaced23: every non-blank line is placed.
func assertAllPlaced23(t *testing.T, dt *docText, pd *parsedDoc) {
	t.Helper()
	for i, n := range dt.normSlice() {
		if n != "" && pd.Placed[i+1] == "" {
			t.Errorf("line %d unplaced: %q", i+1, dt.rawSlice()[i])
		}
	}
}

// assertConsistent23: unique ids, relationships between existing nodes.
func assertConsistent23(t *testing.T, pd *parsedDoc) {
	t.Helper()
	ids := map[string]bool{"doc:2023": true}
	add := func(id string) {
		if ids[id] {
			t.Errorf("duplicate id %s", id)
		}
		ids[id] = true
	}
	for _, n := range pd.Pillars {
		add(n.ID)
	}
	for _, n := range pd.Groups {
		add(n.ID)
	}
	for _, n := range pd.Directions {
		add(n.ID)
	}
	for _, n := range pd.Measures {
		add(n.ID)
		if n.Text == "" || n.Title == "" {
			t.Errorf("measure %s at %d: empty text or title", n.ID, n.LineStart)
		}
	}
	for _, n := range pd.Targets {
		add(n.ID)
	}
	rels := map[string]bool{}
	for _, r := range pd.Rels {
		if !ids[r.Start] || !ids[r.End] {
			t.Errorf("relationship %s has a dangling end", r.ID)
		}
		if r.ID != relID(r.Type, r.Start, r.End) || rels[r.ID] {
			t.Errorf("relationship id %s bad or duplicate", r.ID)
		}
		rels[r.ID] = true
	}
	var placedIDs []string
	for _, v := range pd.Placed {
		if v != "" && !strings.HasPrefix(v, "skipped:") && !strings.HasPrefix(v, "furniture:") && !ids[v] {
			placedIDs = append(placedIDs, v)
		}
	}
	sort.Strings(placedIDs)
	if len(placedIDs) > 0 {
		t.Errorf("placed lines point at unknown ids: %v", placedIDs)
	}
}

func contains23(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func FuzzParse2023(f *testing.F) {
	for _, p := range []string{"testdata/2023/detail.txt", "testdata/2023/summary.txt", "testdata/2023/keymsg.txt", "testdata/2023/nopillar.txt", "testdata/2023/sumlabel.txt", "testdata/2023/summary-at-end.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("ミッション①：x（考え方）\n⚫ 当面見据える長期目標\n➢ \n"))
	f.Add([]byte("新機軸の\n長期的目標 足下３年程度 ３～５年後\nミ\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dt, err := newDocText("fuzz.txt", 2023, "doc:2023", data)
		if err != nil {
			return
		}
		pd, err := parse2023(dt)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt:") {
				t.Errorf("error does not name the file: %v", err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Errorf("parser panicked: %v", err)
			}
			return
		}
		assertConsistent23(t, pd)
	})
}
