package loader

import (
	"regexp"

	"github.com/policygraph/policygraph"
)

// interim2025Tables is how the interim-2025 layout (第4次中間整理) prints
// its pillar tables, read off the seed's slides: （参考）長期目標に向けた施策
// の進捗…, then per pillar the columns 長期的目標 | 第３次以降の進捗 |
// 今後検討が必要となる施策.
var interim2025Tables = tableLayout{
	sectionLines:  []string{"(参考)"},
	sectionPhrase: "長期目標に向けた施策の進捗",
	headerRow:     [2]string{"長期的目標", "進捗"},
	headerCells:   []string{"新機軸", "施策の柱", "新機軸施", "策の柱", "新機軸の"},
	microHeader:   "各分野(ミクロ)の主要施策",
	groupMarks:    []string{"〇", "○"},
	groupWrap:     "(",
	kindLabels: []kindLabel{
		{"ミッション志向", policygraph.KindMission},
		{"OS", policygraph.KindOS},
		{"社会基盤", policygraph.KindOS},
	},
	labelMaxRunes:  5, // ＧＸ, ＤＸ, " EBPM"
	goalMaxWidth:   20,
	pageDigits:     2, // the slides number up to 99
	goalSeparators: goalSeparators25,
	cells: cellRules{
		shortLinePercent:  80,
		sentenceEnd:       "。",
		continuation:      "をにのがはでともへや、。）",
		continuationWords: []string{"また、"},
		// wider than the 今後検討 column: two cells glued; the rest of
		// the line fits the 第３次以降の進捗 column
		widest:       104,
		gluedTailMax: 64,
		gluedHeadMin: 20,
		endWords:     []string{"継続", "実施", "推進", "検討", "着手", "策定", "構築", "整備", "促進", "強化", "支援", "措置"},
	},
	columns: columnRules{
		// 第３次以降の進捗 wraps at about 56-62, 今後検討が必要となる施策 at
		// about 80-94
		wrappedWideMin: 70,
		oneLineWideMin: 63,
		narrowStatus:   policygraph.StatusProgress,
		wideStatus:     policygraph.StatusTodo,
		// past-tense achievements are progress
		narrowCue:   regexp.MustCompile(`(した|った|んだ|得た|成立|閣議決定|施行|を策定|を創設|を新設|を開始|に着手|を措置|公表|提言|ている)$`),
		wideCue:     regexp.MustCompile(`(検討|継続|引き続き|更なる|進める|目指す|図る|ていく|努める)`),
		sentenceEnd: "。",
	},
}
