package loader

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

// TestRevisesOnTheCorpus pins REVISES against a reading of every target
// with a value in both editions (78 targets; 2025 has 16 with a value):
//
//   - 2025 対日直接投資残高 2030年に120兆円 (MISSION-3) revises 2023's
//     対内直接投資残高 2030年に80兆円 (OS-4, stated three times in 2023; the
//     key message is the most similar wording);
//   - 2025 世界の医療機器市場のうち21兆円 revises 2023's 13兆円 (MISSION-4);
//   - 2025 対日直接投資残高 2030年代前半のできるだけ早期に150兆円 (line 1358,
//     the statement's second goal) revises 2023's 早期に100兆円 (line 265).
//
// The second goal of a 2025 statement does not revise what its first goal
// revises: 医薬品 25～30兆円 (line 1466) is a new goal, not the 医療機器 one.
//
// Not revisions: the targets 2025 repeats with the same value (GX 150兆円,
// 半導体 15兆円, 健康寿命75歳, 保険外サービス77兆円, 希望出生率1.8, 適応市場
// 約70兆円 — 2023 also says 最大約77兆円 of that market elsewhere, but 70 is
// the same statement) and the new goals (AI・半導体 10兆円以上の公的支援, the
// 設備投資 milestones 2030年度135兆円 and 2040年度200兆円, whose extracted
// text does not name the goal).
func TestRevisesOnTheCorpus(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	type revision struct {
		From, To string
		Old, New float64
		Unit     string
	}
	var got []revision
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelRevises {
			got = append(got, revision{r.Start, r.End, r.Properties["fromValue"].(float64), r.Properties["toValue"].(float64), unitOfLink(r)})
		}
	}
	want := []revision{
		{"target:2025:MISSION-3:144bdcc3", "target:2023:OS-4:79b82a99", 100, 150, "兆円"},
		{"target:2025:MISSION-3:e1e136c7", "target:2023:OS-4:9d8da8e6", 80, 120, "兆円"},
		{"target:2025:MISSION-4:5db158d3", "target:2023:MISSION-4:7f86c950", 13, 21, "兆円"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("REVISES (-want +got):\n%s", diff)
	}
	// KEEPS: the 2025 goals that 2023 stated with the same value, each
	// linked to that statement (by line: 2025 → 2023).
	type kept struct {
		From, To int
		Value    float64
		Unit     string
	}
	line := map[string]int{}
	for _, tg := range g.Targets {
		line[tg.ID] = tg.LineStart
	}
	var keeps []kept
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelKeeps {
			keeps = append(keeps, kept{line[r.Start], line[r.End], r.Properties["value"].(float64), unitOfLink(r)})
		}
	}
	sort.Slice(keeps, func(i, j int) bool {
		a, b := keeps[i], keeps[j]
		return a.From < b.From || a.From == b.From && a.Value < b.Value
	})
	wantKeeps := []kept{
		{1131, 389, 20, "兆円"},   // 20兆円規模の政府支援
		{1131, 389, 150, "兆円"},  // 150兆円超の官民投資
		{1239, 457, 15, "兆円"},   // 半導体の合計売上高15兆円超
		{1284, 1473, 230, "万人"}, // デジタル推進人材230万人
		{1339, 1473, 230, "万人"},
		{1461, 554, 75, "歳"},  // 健康寿命75歳
		{1463, 240, 77, "兆円"}, // 公的保険外サービス77兆円
		{1545, 803, 1.8, ""},  // 希望出生率1.8: word for word, no unit
		{1674, 649, 70, "兆円"}, // 途上国の適応市場約70兆円
	}
	if diff := cmp.Diff(wantKeeps, keeps); diff != "" {
		t.Errorf("KEEPS (-want +got):\n%s", diff)
	}
}

func TestGoalText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2030年に対内直接投資残高を80兆円、早期に100兆円に", "に対内直接投資残高を早期にに"},
		{"世界の医療機器市場のうち２１兆円", "世界の医療機器市場のうち"},
		{"健康寿命2016年72歳⇒2040年75歳以上", "健康寿命以上"},
		{"希望出生率1.8を回復", "希望出生率を回復"},
		{"廃棄物関係で4.13億トンCO2の削減貢献", "廃棄物関係での削減貢献"},
		{"排出量を3億トン削減", "排出量を削減"},
	} {
		if got := goalText(tc.in); got != tc.want {
			t.Errorf("goalText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRestatesOnTheCorpus pins RESTATES: every repeated statement of a goal
// within one pillar of 2023, each linked to the goal's first statement, as
// read in the document (the key message, the long-term goals and the KPI
// table of a pillar say the same goal in other words); 2025 states each of
// its goals once in its tables. The 希望出生率1.8 statements (no unit) are
// one goal too: the key message (248), the long-term goal (322), the
// concept page (803) and the KPI table (2356). A statement's second goal restates the second goal of an earlier
// statement (20兆円規模の政府支援, lines 389 → 233; サーキュラーエコノミー
// 2050年に120兆円, 741 and 2221 → 246; 対内直接投資 早期に100兆円, 1073 and
// 3253 → 265); the 半導体 investment 10兆円 (1443, a means: 追加投資を行い)
// does not restate or get restated by the デジタルライフライン 10兆円 (1461).
// A measure's goal restates its pillar's: GX 2030年度46%削減 (1291 → 1252),
// デジタル推進人材230万人 (2025 1339 → 1284); the macro table's 設備投資
// 2027年度115兆円 (328) restates the key message's (74).
func TestRestatesOnTheCorpus(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelRestates {
			got = append(got, [2]string{r.Start, r.End})
		}
	}
	want := [][2]string{
		{"target:2023:KEY:7c8d7b87", "target:2023:KEY:61b59361"},                       // 設備投資 2027年度115兆円
		{"target:2023:MISSION-1:47ddd09d", "target:2023:MISSION-1:34fdd3ac"},           // GX 150兆円超の官民投資
		{"target:2023:MISSION-1:49249b8f", "target:2023:MISSION-1:d5d25219"},           // GX 2030年度46%削減
		{"target:2023:MISSION-1:5e49a561", "target:2023:MISSION-1:d332cb51"},           // GX 20兆円規模の政府支援
		{"target:2023:MISSION-1:69ef690b", "target:2023:MISSION-1:34fdd3ac"},           //
		{"target:2023:MISSION-2:37300adf", "target:2023:MISSION-2:aafebcbc"},           // 半導体 売上高15兆円超
		{"target:2023:MISSION-2:a3da56df", "target:2023:MISSION-2:aafebcbc"},           //
		{"target:2023:MISSION-4:78bdc926", "target:2023:MISSION-4:cc441da3"},           // 健康寿命75歳
		{"target:2023:MISSION-4:846f6769", "target:2023:MISSION-4:972b7ade"},           // 公的保険外 77兆円
		{"target:2023:MISSION-4:972b7ade-long-term", "target:2023:MISSION-4:972b7ade"}, //
		{"target:2023:MISSION-4:db30c185", "target:2023:MISSION-4:7f86c950"},           // 医療機器 13兆円
		{"target:2023:MISSION-5:40bb1525", "target:2023:MISSION-5:eabc6ccb"},           // 適応市場 約70兆円
		{"target:2023:MISSION-6:074d25dc", "target:2023:MISSION-6:58a073b4"},           // バイオ市場 92兆円
		{"target:2023:MISSION-6:51a7d131", "target:2023:MISSION-6:58a073b4"},           //
		{"target:2023:MISSION-6:9bd29d7c", "target:2023:MISSION-6:fc52fb61"},           // バイオ国内投資 年間3兆円
		{"target:2023:MISSION-7:34cc17c2", "target:2023:MISSION-7:0e8658f4"},           // サーキュラーエコノミー 2050年 120兆円
		{"target:2023:MISSION-7:46c9480a", "target:2023:MISSION-7:0e8658f4"},           //
		{"target:2023:MISSION-7:86876d39", "target:2023:MISSION-7:238baa97"},           // サーキュラーエコノミー 80兆円
		{"target:2023:MISSION-7:d13950f4", "target:2023:MISSION-7:238baa97"},           //
		{"target:2023:MISSION-8:44ec9bbd", "target:2023:MISSION-8:54225c3e"},           // 希望出生率1.8
		{"target:2023:MISSION-8:46b684b9", "target:2023:MISSION-8:54225c3e"},           //
		{"target:2023:MISSION-8:5e88d657", "target:2023:MISSION-8:54225c3e"},           //
		{"target:2023:OS-2:a7b48fd0-long-term", "target:2023:OS-2:a7b48fd0"},           // スタートアップ投資 10倍
		{"target:2023:OS-2:e09408e1", "target:2023:OS-2:a7b48fd0"},                     //
		{"target:2023:OS-3:7d2566f5", "target:2023:OS-3:63259867"},                     // PBR1倍超 8割
		{"target:2023:OS-3:ce10781a", "target:2023:OS-3:63259867"},                     //
		{"target:2023:OS-4:12d6a266", "target:2023:OS-4:79b82a99"},                     // 対内直接投資 早期に100兆円
		{"target:2023:OS-4:2c56b8cf", "target:2023:OS-4:9d8da8e6"},                     // 対内直接投資 80兆円
		{"target:2023:OS-4:8201d3fd", "target:2023:OS-4:9d8da8e6"},                     //
		{"target:2023:OS-4:b1eb7c20", "target:2023:OS-4:79b82a99"},                     //
		{"target:2025:MISSION-2:c2a5679a", "target:2025:MISSION-2:d44f2fea"},           // デジタル推進人材230万人
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RESTATES (-want +got):\n%s", diff)
	}
}

// TestRestatesReadsEachText: a target is a means or not by its own text's
// goals, even when a target without a unit comes between two texts (the
// goals of the text before were reused for the second target of a text
// whose first has none: 10兆円 of a market restated 10兆円 of an investment).
func TestRestatesReadsEachText(t *testing.T) {
	target := func(id string, line int, text string, value float64, unit string) *policygraph.Target {
		return &policygraph.Target{ID: id, DocumentID: "doc:2023", PillarID: "pillar:2023:MISSION-2", Text: text,
			Value: value, Unit: unit, Source: policygraph.Source{LineStart: line, LineEnd: line}}
	}
	ts := []*policygraph.Target{
		target("t1", 1, "2030年までに、10兆円超規模の官民による追加投資を行い、国内で半導体を生産する企業の合計売上高を15兆円超とする", 10, "兆円"),
		target("t2", 2, "デジタルライフラインの市場規模を10兆円とする", 0, ""), // the same text, no unit read
		target("t3", 3, "デジタルライフラインの市場規模を10兆円とする", 10, "兆円"),
	}
	if !isMeans(ts[0]) || isMeans(ts[2]) {
		t.Fatalf("isMeans: t1 %v, t3 %v; the test needs a means and a goal", isMeans(ts[0]), isMeans(ts[2]))
	}
	for _, r := range linkRestates(ts) {
		t.Errorf("%s RESTATES %s: a goal restates no means", r.Start, r.End)
	}
}

// unitOfLink is a REVISES or KEEPS link's unit, "" for a goal without one
// (the link then has no unit property).
func unitOfLink(r *policygraph.Relationship) string {
	u, _ := r.Properties["unit"].(string)
	return u
}
