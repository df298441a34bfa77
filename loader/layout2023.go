package loader

import (
	"regexp"
	"strings"

	"github.com/policygraph/policygraph"
)

// interim2023 is the interim-2023 layout (第2次中間整理) as data: the words
// it prints to mark its structure, which its lexer (lex2023.go) types lines
// by and its grammar (parse2023.go, its delegates) reads sections by. It is
// one package value the 2023 code reads directly, not a parameter: another
// wording of this layout would be a change here, not a second value, and
// the lexer's fast paths still hold the shape of its headings (ordinals
// 1-9, the colon, the parenthesised suffix). macrocells.go still spells
// the macro table's few marks (★, のフレームワーク, ・) itself.
//
// Words are compared in flat form (normalize: NFKC, no spaces) unless a
// field says raw. The regexps are not run when loading: they say what the
// lexer's fast paths (pillarHeading23, tocOrdinal23 and the list-title
// guard) read, and are their tests' oracles (fastpaths_test.go).
var interim2023 = layoutWords2023{
	keyMessage:         "「新機軸」のキーメッセージ",
	keyMessageRare:     "機軸",
	keyMessageRareByte: 0x9F,
	pillarKinds: []pillarKindWords{
		{prefix: "ミッション", kind: policygraph.KindMission, most: 8, tableLabel: "ミッション"},
		{prefix: "OS", kind: policygraph.KindOS, most: 5, tableLabel: "社会基盤"},
	},
	conceptSuffix:      "考え方",
	detailSuffix:       "これまでの施策、今後の施策",
	detailHeadLine:     "(これまでの施策、今後の施策)",
	pillarHeading:      regexp.MustCompile(`^(ミッション|OS)([1-9]):(.+?)(?:\((考え方|これまでの施策、今後の施策)\))?$`),
	headingSuffixesRaw: []string{"（考え方）", "（これまでの施策、今後の施策）"},

	listTitlePrefixes: []string{"ミッション志向の産業政策(", "社会基盤(OS)の組"},
	listTitle:         regexp.MustCompile(`^(ミッション志向の産業政策|社会基盤\(OS\)の組[替換]え)\((\d+)分野\):$`),
	missionWord:       "ミッション",
	tocLeader:         "・・・p.",
	tocLeaderRaw:      "･",
	toc:               regexp.MustCompile(`^([1-9])(.+?)・・・p\.\d+$`),

	tableHeader:     [2]string{"3~5年後", "足下3年程度"},
	tableHeaderRare: '~',
	pillarColumn:    [2]string{"新機軸の", "施策の柱"},
	microTitle:      "各分野(ミクロ)の主要施策",
	horizonNearRaw:  "足下３年程度",
	horizonMidRaw:   "３～５年後",
	nameCellRunes:   9,
	sameAsLeft:      "左同",
	cellEndWords:    []string{"の実施", "の検討", "の強化", "の提供", "に係る支援", "の拡充"},

	keyGoalTitles:  []string{"目標", "需要の例"},
	macroGoalLabel: "目標:",
	macroGoalHead:  "スタートアップ投資額:",

	statusLabel:      "これまでの施策例",
	packageTitleEnds: []string{"パッケージ", "パッケージ)"},
	packageSideLabel: "支援パッケージ",

	targets: targetWords{
		head:             "当面見据える",
		midTerm:          "中期",
		indicatorHead:    "(関連指標)",
		indicatorHeadRaw: "（関連指標）",
		indicatorBullet:  "・",
		explanations:     []string{"KPI", "指標として"},
	},

	legendBullet: '●',
	legend:       [2]string{"これまでに実施した施策", "今後実施する施策"},
	pastBullets:  "⚫●",
	futureBullet: '○',
	rowBullet:    '〇',
	keyBullet:    '\uf070',
}

// layoutWords2023 is the type of interim2023: what each word marks.
type layoutWords2023 struct {
	// keyMessage heads the key-message pages (「新機軸」のキーメッセージ①).
	// keyMessageRare is a piece of it few lines hold and keyMessageRareByte
	// a byte of that few runes end with: the lexer, which asks every line,
	// looks for them first (hasKeyMsg23).
	keyMessage         string
	keyMessageRare     string
	keyMessageRareByte byte

	// A pillar heading is a kind's prefix, an ordinal, ：, the name, and
	// (考え方) on its concept pages or (これまでの施策、今後の施策) on its
	// detail pages, the latter sometimes on a line of its own
	// (detailHeadLine). pillarHeading is the whole, as a regexp.
	pillarKinds                 []pillarKindWords
	conceptSuffix, detailSuffix string
	detailHeadLine              string
	pillarHeading               *regexp.Regexp
	// headingSuffixesRaw: the suffixes as printed, cut off a heading's name.
	headingSuffixesRaw []string

	// The contents page lists the pillars under two titles (ミッション志向の
	// 産業政策（8分野）：, 社会基盤（ＯＳ）の組替え（5分野）：), one a line
	// (① 炭素中立型社会の実現 ･･･p.20): listTitlePrefixes guard listTitle,
	// a title starting with missionWord lists missions, the others
	// OS; a contents line ends in tocLeader and a page (toc), its name
	// before the raw leader's first tocLeaderRaw.
	listTitlePrefixes []string
	listTitle         *regexp.Regexp
	missionWord       string
	tocLeader         string
	tocLeaderRaw      string
	toc               *regexp.Regexp

	// The overview tables: a column header line holding both tableHeader
	// words (長期的目標 足下３年程度 ３～５年後; the macro table's too), a
	// header cell of one pillarColumn word a line (新機軸の / 施策の柱), the
	// cells' title microTitle. The horizons are the raw column names a
	// cell's date places it in (cellHorizon). tableHeaderRare is a byte of
	// the header few lines hold, looked for first.
	tableHeader                   [2]string
	tableHeaderRare               byte
	pillarColumn                  [2]string
	microTitle                    string
	horizonNearRaw, horizonMidRaw string
	// A pillar's name is a block of lines of at most nameCellRunes runes
	// (the name column is narrow); a cell of sameAsLeft holds nothing of
	// its own.
	nameCellRunes int
	sameAsLeft    string
	// cellEndWords: a cell line ending in one of them ends its cell
	// (cellEnds), as do closing parentheses; so do the macro table's.
	cellEndWords []string

	// The key messages list goals under a ＜…＞ title holding one of
	// keyGoalTitles (＜ミッションの目標の例＞; the missions' if it holds
	// missionWord, else OS's). The macro table states a goal on a line
	// holding macroGoalLabel or starting with macroGoalHead.
	keyGoalTitles                 []string
	macroGoalLabel, macroGoalHead string

	// A 【…】 heading holding statusLabel (【これまでの施策例】) labels the
	// status of the bullets under it rather than a theme. OS②'s appendix
	// pages have titles ending in one of packageTitleEnds (…パッケージ,
	// …パッケージ）), and the side label packageSideLabel.
	statusLabel      string
	packageTitleEnds []string
	packageSideLabel string

	// The concept pages list their goals under a ⚫ heading (⚫ 当面見据え
	// る長期目標, 中期目標) and their indicators after a head, one a line
	// ((関連指標) ・a …); some goals listed explain the indicator chosen.
	targets targetWords

	// The legend (●…これまでに実施した施策、○…今後実施する施策): a
	// legendBullet line holding both legend words. It tells the bullets:
	// pastBullets mark measures done, futureBullet measures to come;
	// rowBullet marks a row (group) of an overview table, keyBullet the
	// items of the key messages' lists.
	legendBullet rune
	legend       [2]string
	pastBullets  string
	futureBullet rune
	rowBullet    rune
	keyBullet    rune
}

// pillarKindWords is a kind of pillar as the layout prints it: the
// prefix of its headings before the ordinal, the most pillars the kind has
// (the contents' （8分野）, （5分野）), and how the vertical label of an
// overview table over its pillars begins.
type pillarKindWords struct {
	prefix, kind string
	most         int
	tableLabel   string
}

// pillarKind is the kind of pillar whose headings start with prefix (nil
// if none).
func (w *layoutWords2023) pillarKind(prefix string) *pillarKindWords {
	for i := range w.pillarKinds {
		if w.pillarKinds[i].prefix == prefix {
			return &w.pillarKinds[i]
		}
	}
	return nil
}

// most is the most pillars of kind the layout has (0 for no kind of it).
func (w *layoutWords2023) most(kind string) int {
	for _, k := range w.pillarKinds {
		if k.kind == kind {
			return k.most
		}
	}
	return 0
}

// keyGoalsKind is the kind of pillar a key-message title (flat) lists the
// goals of: "" when it lists none (no keyGoalTitles word), the missions'
// when it holds missionWord, else OS's.
func (w *layoutWords2023) keyGoalsKind(flat string) string {
	switch {
	case !containsAny(flat, w.keyGoalTitles):
		return ""
	case strings.Contains(flat, w.missionWord):
		return policygraph.KindMission
	}
	return policygraph.KindOS
}

// isPackageTitle reports whether a line (flat) is worded as a package's
// title: it ends in one of packageTitleEnds and is not the side label.
func (w *layoutWords2023) isPackageTitle(flat string) bool {
	return flat != w.packageSideLabel && hasAnySuffix(flat, w.packageTitleEnds)
}
