package loader

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplitGoalCell reads 長期的目標 cells of both editions, as printed.
func TestSplitGoalCell(t *testing.T) {
	lines := func(from int, texts ...string) []cellLine {
		out := make([]cellLine, len(texts))
		for i, s := range texts {
			out[i] = cellLine{from + i, s}
		}
		return out
	}
	tests := []struct {
		name  string
		seps  string
		cell  []cellLine
		whole string
		goals []goalPiece
		bare  []int
	}{
		{"2025 GX: a line ending in ／ closes its goal", goalSeparators25,
			lines(1131, "10年で150兆円", "超の官民投資、", "20兆円規模の政", "府支援／", "2050年でCNを実", "現"),
			"10年で150兆円超の官民投資、20兆円規模の政府支援／2050年でCNを実現",
			[]goalPiece{{"10年で150兆円超の官民投資、20兆円規模の政府支援", 1131, 1134}, {"2050年でCNを実現", 1135, 1136}}, nil},
		{"2025 DX: a lone ／ is no goal's", goalSeparators25,
			lines(1242, "上高（半導体関", "連）を15兆円超", "／", "2030年度までに"),
			"上高（半導体関連）を15兆円超／2030年度までに",
			[]goalPiece{{"上高（半導体関連）を15兆円超", 1242, 1243}, {"2030年度までに", 1245, 1245}}, []int{1244}},
		{"2023 人材: ／ inside lines", goalSeparators23,
			lines(832, "人手不足への", "対応／物価上", "昇を超える賃上", "げの持続的な", "実現／人的投", "資・人材競争", "力強化"),
			"人手不足への対応／物価上昇を超える賃上げの持続的な実現／人的投資・人材競争力強化",
			[]goalPiece{{"人手不足への対応", 832, 833}, {"物価上昇を超える賃上げの持続的な実現", 833, 836}, {"人的投資・人材競争力強化", 836, 838}}, nil},
		{"2023: ASCII / parts goals too", goalSeparators23,
			lines(10, "A目標/B目標"),
			"A目標/B目標",
			[]goalPiece{{"A目標", 10, 10}, {"B目標", 10, 10}}, nil},
		{"one goal, no ／", goalSeparators23,
			lines(554, "2040年に健", "康寿命を75歳", "に"),
			"2040年に健康寿命を75歳に",
			[]goalPiece{{"2040年に健康寿命を75歳に", 554, 556}}, nil},
		{"2025: ASCII / is inside a goal (円/時間)", goalSeparators25,
			lines(10, "賃金1,500円/時間", "を実現／", "事業/政策の評価"),
			"賃金1,500円/時間を実現／事業/政策の評価",
			[]goalPiece{{"賃金1,500円/時間を実現", 10, 11}, {"事業/政策の評価", 12, 12}}, nil},
		{"separators only", goalSeparators23, lines(1, "／", " ／ "), "／／", nil, []int{1, 2}},
		{"empty", goalSeparators25, nil, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole, goals, bare := splitGoalCell(tt.cell, tt.seps)
			if whole != tt.whole {
				t.Errorf("whole = %q, want %q", whole, tt.whole)
			}
			if diff := cmp.Diff(tt.goals, goals, cmp.AllowUnexported(goalPiece{})); diff != "" {
				t.Errorf("goals (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bare, bare); diff != "" {
				t.Errorf("bare (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGroupName cleans group headings of both editions.
func TestGroupName(t *testing.T) {
	for in, want := range map[string]string{
		"〇公正な移行、中堅・中小企業を含む社会全体のGX": "公正な移行、中堅・中小企業を含む社会全体のGX", // 2025 row
		"○ 国際展開戦略":              "国際展開戦略",
		"① 高付加価値な成長投資の促進":       "高付加価値な成長投資の促進",
		"データ利活用の推進（続き）":         "データ利活用の推進",
		"戦略分野への投資（主にミッション①に貢献）": "戦略分野への投資",
		"良質な雇用の創出（若者・女性の「可処分時間の増加」に繋がる働き方改革や規制改革）": "良質な雇用の創出（若者・女性の「可処分時間の増加」に繋がる働き方改革や規制改革）", // a note is （主に…） only
		"（主に何か）": "（主に何か）", // nothing before the note: kept
	} {
		if got := groupName(in); got != want {
			t.Errorf("groupName(%q) = %q, want %q", in, got, want)
		}
	}
}
