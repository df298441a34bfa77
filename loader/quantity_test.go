package loader

import (
	"github.com/policygraph/policygraph"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/policygraph/policygraph/seed"
)

// g is a goal as the tests write it: year, value, unit.
type g struct {
	Year  int
	Value float64
	Unit  string
}

// TestGoals: the goals of target texts of both editions (edition, line of
// the seed file), the main one first.
func TestGoals(t *testing.T) {
	for _, tc := range []struct {
		edition, line int
		text          string
		want          []g
	}{
		// one goal: the "to" of a from⇒to pair, not the whole, not PBR1倍
		{2023, 1890, "健康寿命2016年72歳⇒2040年75歳以上", []g{{2040, 75, "歳"}}},
		{2023, 2119, "バイオ関連市場（グローバル）：2018年60兆円⇒2030年92兆円", []g{{2030, 92, "兆円"}}},
		{2023, 2356, "希望出生率 2021年1.6⇒2030年1.8", []g{{2030, 1.8, ""}}},
		{2023, 3078, "2030年に日本の代表的企業（TOPIX500企業を想定）のPBR１倍以上の割合を約６割から約８割", []g{{2030, 8, "割"}}},
		{2023, 1017, "2030年に日本の代表的企業の8割がPBR1倍超え", []g{{2030, 8, "割"}}},
		{2023, 1473, "デジタル推進人材：2026年度末までに政府全体でデジタル推進人材230万人を育成する。", []g{{2026, 230, "万人"}}},
		{2023, 2729, "スタートアップ：投資額を今後5年（2027年まで）で10倍", []g{{2027, 10, "倍"}}},
		{2023, 2219, "日本の温室効果ガス排出量11.49億トンCO2のうち、廃棄物関係で4.13億トンCO2（36％）の削減貢献。", []g{{0, 4.13, "億トンCO2"}}},
		{2023, 562, "世界の医療機器市場のうち13兆円", []g{{0, 13, "兆円"}}},
		{2023, 649, "災害大国日本として、途上国の適応市場（2050年約70兆円）含め世界市場を獲得", []g{{2050, 70, "兆円"}}},
		{2025, 1545, "希望出生率1.8を回復し", []g{{0, 1.8, ""}}},
		{2025, 0, "賃上げ率５．３％", []g{{0, 5.3, "％"}}},
		{2023, 0, "AMEDの3,500億円の基金", []g{{0, 3500, "億円"}}},
		// relative: 今後N年 ends N years on from the edition's year
		{2023, 261, "スタートアップへの投資額を今後5年で10倍", []g{{2027, 10, "倍"}}},
		// per year
		{2023, 665, "2030年までに年間3兆円のバイオ関連国内投資", []g{{2030, 3, "兆円/年"}}},
		{2023, 2018, "途上国の適応市場（2050年に最大約77兆円/年間）を含め世界市場を獲得。", []g{{2050, 77, "兆円/年"}}},
		{2023, 0, "10年間20兆円規模の先行投資支援", []g{{0, 20, "兆円"}}},                       // a span, not a rate
		{2023, 0, "今後10年間で20兆円規模の投資。製品の年間売上を公表", []g{{2032, 20, "兆円"}}},          // の年間 in the next sentence
		{2023, 0, "今後10年間で20兆円規模の投資を実施し、CO2の年間排出量を削減する。", []g{{2032, 20, "兆円"}}}, // a verb between: it sizes the investment
		{2023, 0, "2030年までに10兆円の投資を行い、企業の年間売上を拡大する。", []g{{2030, 10, "兆円"}}},
		{2023, 0, "10年間20兆円規模の先行投資支援の年間執行額", []g{{0, 20, "兆円"}}},                            // after N年間: a span
		{2023, 0, "2030年に80GWhの製造能力、10兆円の年間売上", []g{{2030, 80, "GWh"}, {2030, 10, "兆円/年"}}}, // a total of another unit between
		// a year of something else, a decade: no goal year
		{2023, 1457, "2030年頃に実用化が見込まれるオール光ネットワーク技術の活用も視野に入れつつ、データやエネルギーの「地産地消」の事業モデルを実現する。", []g{{}}},
		{2023, 386, "2050年CN実現", []g{{2050, 0, ""}}},
		{2023, 0, "自律性向上、優位性・不可欠性確保、国際秩序維持", []g{{}}},
		{2023, 0, "Web3.0・ブロックチェーン：事業環境整備", []g{{}}},
		// several goals; a means (…を行い, …を促し) is not the main one
		{2023, 246, "2030年に80兆円、2050年に120兆円のサーキュラーエコノミー市場を実現。", []g{{2030, 80, "兆円"}, {2050, 120, "兆円"}}},
		{2023, 265, "2030年に対内直接投資残高を80兆円、早期に100兆円に", []g{{2030, 80, "兆円"}, {0, 100, "兆円"}}},
		{2023, 1252, "社会的目標：2030 年度の温室効果ガス 46％削減、さらには2050 年カーボンニュートラルを実現する。", []g{{2030, 46, "％"}, {2050, 0, ""}}},
		{2023, 1443, "半導体：2030年までに、10兆円超規模の官民による追加投資を行い、国内で半導体を生産する企業の合計売上高（半導体関連）を15兆円超とする。", []g{{2030, 15, "兆円"}, {2030, 10, "兆円"}}},
		{2023, 1447, "蓄電池：今後10年間で７兆円超規模の官民による追加投資を行い、遅くとも2030年までに、蓄電池・材料の国内製造基盤150GWh/年を確立、2030年に我が国企業全体でグローバル市場において600GWh/年（シェア20%以上）の製造能力を確保する。",
			[]g{{2030, 150, "GWh/年"}, {2032, 7, "兆円"}, {2030, 600, "GWh/年"}}},
		{2023, 1461, "データ連携基盤について、2030年度頃には10兆円規模の、2050年度頃には100兆円規模の製品・サービスの年間取引総額を実現する。", []g{{2030, 10, "兆円/年"}, {2050, 100, "兆円/年"}}},
		{2023, 233, "今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。", []g{{2032, 150, "兆円"}, {2032, 20, "兆円"}}},
		{2025, 1245, "2030年度までにAI・半導体分野に10兆円以上の公的支援を行い、今後10年間で50兆円を超える官民投資を促し、約160兆円の経済波及効果を実現",
			[]g{{2034, 160, "兆円"}, {2030, 10, "兆円"}, {2034, 50, "兆円"}}},
		{2025, 1358, "対日直接投資残高について、2030年に120兆円、2030年代前半のできるだけ早期に150兆円とする", []g{{2030, 120, "兆円"}, {0, 150, "兆円"}}},
		{2025, 1466, "世界の医療機器市場のうち21兆円、世界の医薬品市場のうち25～30兆円", []g{{0, 21, "兆円"}, {0, 25, "兆円"}}},
		{2025, 1131, "10年で150兆円超の官民投資、20兆円規模の政府支援", []g{{0, 150, "兆円"}, {0, 20, "兆円"}}},
	} {
		gs, main := goals(tc.text, tc.edition)
		got := []g{{gs[main].year, gs[main].value, gs[main].unit}}
		for k, x := range gs {
			if k != main {
				got = append(got, g{x.year, x.value, x.unit})
			}
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%d:%d goals(%q) (-want +got):\n%s", tc.edition, tc.line, tc.text, d)
		}
	}
}

// TestGoalQualifiers: what is written next to a goal's number is kept,
// as Amount.Qualifier keeps it for sums; a range is ～ (its lower bound is
// the value).
func TestGoalQualifiers(t *testing.T) {
	for _, tc := range []struct {
		edition, line int
		text          string
		want          []string // per goal, in order
	}{
		{2023, 233, "今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。", []string{"超", "規模"}},
		{2023, 1890, "健康寿命2016年72歳⇒2040年75歳以上", []string{"以上"}},
		{2023, 2018, "途上国の適応市場（2050年に最大約77兆円/年間）を含め世界市場を獲得。", []string{"最大約"}},
		{2023, 1447, "今後10年間で７兆円超規模の官民による追加投資を行い", []string{"超規模"}},
		{2025, 1245, "今後10年間で50兆円を超える官民投資を促し", []string{"を超える"}},
		{2025, 1466, "世界の医薬品市場のうち25～30兆円", []string{"～"}},
		{2023, 0, "2030年に投資額10兆円～を目指す", []string{"～"}}, // open-ended, as an amount's
		{2025, 1829, "今後10年間で約２兆円以上の投資という目標", []string{"約…以上"}},
		{2023, 1473, "2026年度末までに政府全体でデジタル推進人材230万人を育成する。", []string{""}},
	} {
		gs, _ := goals(tc.text, tc.edition)
		var got []string
		for _, x := range gs {
			got = append(got, x.qualifier)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%d:%d goals(%q) qualifiers (-want +got):\n%s", tc.edition, tc.line, tc.text, d)
		}
	}
}

// TestStatedGoals: goals a measure or a key message states as goals.
func TestStatedGoals(t *testing.T) {
	for _, tc := range []struct {
		edition, line int
		text          string
		want          []g
	}{
		{2023, 2885, "J-Startupにおける女性起業家の割合を今後10年で20%を目指す（現在8.8％）", []g{{2032, 20, "％"}}},
		{2023, 74, "経団連も2027年度に設備投資額115兆円目標 ⇒国内投資が拡大し始めている", []g{{2027, 115, "兆円"}}},
		{2023, 1291, "2030年度排出量46%削減目標の提示と、それに向けた対策を策定（地球温暖化対策計画等）。", []g{{2030, 46, "％"}}},
		{2025, 1284, "デジタル推進人材230万人育成目標の実現に向け、デジタル人材育成施策を推進", []g{{0, 230, "万人"}}},
		{2025, 1829, "資源循環分野における、官民合わせて今後10年間で約２兆円以上の投資という目標の実現に向け、GＸ移行債を活用した、技術開発から実証・実装までの一貫した支援を開始", []g{{2034, 2, "兆円"}}},
		// the goal of the firms the measure supports, not the measure's
		{2025, 1577, "売上高100億円という高い目標に向け、挑戦を行う中小企業に対し、成長を加速させるため支援措置を創設", nil},
		{2023, 0, "10年間20兆円規模の先行投資支援", nil},
	} {
		var got []g
		for _, x := range statedGoals(tc.text, tc.edition) {
			got = append(got, g{x.year, x.value, x.unit})
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%d:%d statedGoals(%q) (-want +got):\n%s", tc.edition, tc.line, tc.text, d)
		}
	}
}

// TestGoalTargetsOnTheCorpus: the targets issue 10 lists, as loaded — one
// per quantified goal (in any order: the targets of one line sort by id).
func TestGoalTargetsOnTheCorpus(t *testing.T) {
	gr, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	type tg struct {
		Kind, Pillar string
		Year         int
		Value        float64
		Unit         string
	}
	got := map[[2]int][]tg{}
	for _, x := range gr.Targets {
		y := 2023
		if x.DocumentID == "doc:2025" {
			y = 2025
		}
		p := ""
		if x.PillarID != "" {
			p = x.PillarID[len("pillar:2023:"):]
		}
		got[[2]int{y, x.LineStart}] = append(got[[2]int{y, x.LineStart}], tg{x.Kind, p, x.Year, x.Value, x.Unit})
	}
	const lt, km, mg = "LONG_TERM", "KEY_MESSAGE", KindMeasureGoal
	for k, want := range map[[2]int][]tg{
		// several goals
		{2023, 246}:  {{km, "MISSION-7", 2030, 80, "兆円"}, {km, "MISSION-7", 2050, 120, "兆円"}},
		{2023, 265}:  {{km, "OS-4", 2030, 80, "兆円"}, {km, "OS-4", 0, 100, "兆円"}},
		{2023, 741}:  {{lt, "MISSION-7", 2030, 80, "兆円"}, {lt, "MISSION-7", 2050, 120, "兆円"}},
		{2023, 1073}: {{lt, "OS-4", 2030, 80, "兆円"}, {lt, "OS-4", 0, 100, "兆円"}},
		{2023, 1252}: {{lt, "MISSION-1", 2030, 46, "％"}, {lt, "MISSION-1", 2050, 0, ""}},
		{2023, 1447}: {{lt, "MISSION-2", 2030, 150, "GWh/年"}, {lt, "MISSION-2", 2032, 7, "兆円"}, {lt, "MISSION-2", 2030, 600, "GWh/年"}},
		{2023, 1461}: {{lt, "MISSION-2", 2030, 10, "兆円/年"}, {lt, "MISSION-2", 2050, 100, "兆円/年"}},
		{2023, 2221}: {{lt, "MISSION-7", 2030, 80, "兆円"}, {lt, "MISSION-7", 2050, 120, "兆円"}},
		{2023, 3253}: {{"MID_TERM", "OS-4", 2030, 80, "兆円"}, {"MID_TERM", "OS-4", 0, 100, "兆円"}},
		{2025, 1245}: {{lt, "MISSION-2", 2034, 160, "兆円"}, {lt, "MISSION-2", 2030, 10, "兆円"}, {lt, "MISSION-2", 2034, 50, "兆円"}},
		{2025, 1358}: {{lt, "MISSION-3", 2030, 120, "兆円"}, {lt, "MISSION-3", 0, 150, "兆円"}},
		{2025, 1466}: {{lt, "MISSION-4", 0, 21, "兆円"}, {lt, "MISSION-4", 0, 25, "兆円"}},
		// per year; a year that is a technology's, not the goal's
		{2023, 665}:  {{lt, "MISSION-6", 2030, 3, "兆円/年"}},
		{2023, 2018}: {{lt, "MISSION-5", 2050, 77, "兆円/年"}},
		{2023, 2121}: {{lt, "MISSION-6", 2030, 3, "兆円/年"}},
		{2023, 1457}: {{lt, "MISSION-2", 0, 0, ""}},
		// missing before
		{2023, 74}:   {{km, "", 2027, 115, "兆円"}},
		{2023, 316}:  {{lt, "MISSION-1", 2050, 0, ""}},
		{2023, 317}:  {{lt, "MISSION-2", 0, 0, ""}},
		{2023, 318}:  {{lt, "MISSION-3", 0, 0, ""}},
		{2023, 319}:  {{lt, "MISSION-4", 0, 0, ""}},
		{2023, 320}:  {{lt, "MISSION-5", 0, 0, ""}},
		{2023, 321}:  {{lt, "MISSION-7", 0, 0, ""}},
		{2023, 322}:  {{lt, "MISSION-8", 0, 1.8, ""}},
		{2023, 330}:  {{lt, "", 0, 0, ""}},
		{2023, 341}:  {{lt, "", 0, 0, ""}},
		{2023, 2885}: {{mg, "OS-2", 2032, 20, "％"}},
		{2025, 1284}: {{mg, "MISSION-2", 0, 230, "万人"}},
		{2025, 1339}: {{mg, "MISSION-2", 0, 230, "万人"}},
		{2025, 1829}: {{mg, "MISSION-8", 2034, 2, "兆円"}},
	} {
		byValue := cmpopts.SortSlices(func(a, b tg) bool { return a.Value < b.Value || a.Value == b.Value && a.Year < b.Year })
		if d := cmp.Diff(want, got[k], byValue); d != "" {
			t.Errorf("targets at %d:%d (-want +got):\n%s", k[0], k[1], d)
		}
	}
}

// FuzzExtractors: the scanners read any text without panicking, and a goal
// list always has its main goal.
//
//	go test -run '^$' -fuzz FuzzExtractors -fuzztime 20s ./loader
func FuzzExtractors(f *testing.F) {
	for _, s := range []string{"2022-27年度", "令和", "R7年末まで", "今後10年", "年間3兆円", "25～30兆円", "(現在8.8％", "2030年代", "本年", "夏まで", "PBR1倍", "1.", "3,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		measurePeriod(s, 2023)
		statedGoals(s, 2025)
		if gs, main := goals(s, 2023); main < 0 || main >= len(gs) {
			t.Fatalf("goals(%q): main %d of %d", s, main, len(gs))
		}
	})
}

// TestMeasureGoalsWithoutPillar: a goal stated by a measure in no pillar (a
// 政策の方向性 bullet) is a target the measure alone holds; one stated in a
// pillar is held by the pillar and the measure.
func TestMeasureGoalsWithoutPillar(t *testing.T) {
	text := "デジタル推進人材230万人育成目標の実現に向け、デジタル人材育成施策を推進"
	pd := &parsedDoc{Measures: []*policygraph.Measure{
		{ID: "m:dir", DocumentID: "doc:2025", Text: text, Title: "dir", Source: policygraph.Source{LineStart: 7, LineEnd: 7}},
		{ID: "m:pillar", DocumentID: "doc:2025", PillarID: "pillar:2025:OS-1", Text: text, Source: policygraph.Source{LineStart: 9, LineEnd: 9}},
	}}
	addMeasureGoals(pd, 2025)
	holders := map[string][]string{} // target → its holders
	for _, r := range pd.Rels {
		if r.Type == policygraph.RelHasTarget {
			holders[r.End] = append(holders[r.End], r.Start)
		}
	}
	if len(pd.Targets) != 2 {
		t.Fatalf("targets %+v, want one per measure", pd.Targets)
	}
	for _, tg := range pd.Targets {
		var want []string
		switch tg.PillarID {
		case "":
			want = []string{"m:dir"}
		case "pillar:2025:OS-1":
			want = []string{"pillar:2025:OS-1", "m:pillar"}
		}
		if !slices.Equal(holders[tg.ID], want) || tg.Value != 230 {
			t.Errorf("%s (pillar %q): held by %v, want %v, value 230", tg.ID, tg.PillarID, holders[tg.ID], want)
		}
	}
	if len(pd.Unresolved) != 0 {
		t.Errorf("unresolved %+v, want none: every goal has a holder", pd.Unresolved)
	}
}

// TestHoldsAim: holdsAim answers as the two searches it replaces.
func TestHoldsAim(t *testing.T) {
	texts := []string{"", "目", "目標", "目指す", "目的と標準", "項目の指標", "目、標", "2030年に5兆円目標", "注目", "目目標"}
	for _, d := range loadSeedDocs(t) {
		for _, l := range d.t.rawLines() {
			texts = append(texts, l)
		}
	}
	for _, s := range texts {
		if got, want := holdsAim(s), strings.Contains(s, "目標") || strings.Contains(s, "目指"); got != want {
			t.Errorf("holdsAim(%q) = %v, want %v", s, got, want)
		}
	}
}
