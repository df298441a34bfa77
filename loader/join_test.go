package loader

import (
	"strings"
	"testing"
)

// TestJoinLines: both editions' wrapped lines join the same way.
func TestJoinLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"2025 lines 1148–1149: Japanese break, no space", []string{"「ＧＸ２０４０ビジョン」・「第７次エネルギー基本計画」・", "「地球温暖化対策計画」を一体的に策定"},
			"「ＧＸ２０４０ビジョン」・「第７次エネルギー基本計画」・「地球温暖化対策計画」を一体的に策定"},
		{"2023 lines 2853–2854: two ASCII words keep a space", []string{"…計算基盤を整備・拡充するとともに、 AI ", "Japan（人工知能研究開発ネットワーク）も活用し"},
			"…計算基盤を整備・拡充するとともに、 AI Japan（人工知能研究開発ネットワーク）も活用し"},
		{"ASCII then Japanese", []string{"Web3.0", "の事業環境整備"}, "Web3.0の事業環境整備"},
		{"digits on both sides", []string{"2030年度までに100", "50件"}, "2030年度までに100 50件"},
		{"blank and space-only lines are dropped", []string{"", "　", "GX", "  ", "推進"}, "GX推進"},
		{"ideographic spaces trimmed", []string{"　中堅・中小企業の　", "　GX推進　"}, "中堅・中小企業のGX推進"},
		{"nothing", nil, ""},
	} {
		if got := joinLines(tc.parts); got != tc.want {
			t.Errorf("%s: joinLines = %q, want %q", tc.name, got, tc.want)
		}
		var j lineJoiner
		for _, p := range tc.parts {
			j.add(p)
		}
		if got := j.String(); got != tc.want {
			t.Errorf("%s: lineJoiner = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLineJoinerLast: last is the last rune kept, what the 2023 detail
// rule reads to tell a finished sentence (endsComplete).
func TestLineJoinerLast(t *testing.T) {
	var j lineJoiner
	for _, s := range []string{"施策を実施。", "  "} {
		j.add(s)
	}
	if j.last != '。' || !endsComplete(j.last) {
		t.Errorf("last %q after a sentence and a blank line: want 。, complete", j.last)
	}
	j.add("続き")
	if endsComplete(j.last) || !strings.HasSuffix(j.String(), "続き") {
		t.Errorf("last %q after 続き: want incomplete", j.last)
	}
}
