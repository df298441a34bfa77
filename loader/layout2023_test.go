package loader

import (
	"os"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

// TestInterim2023Words: every word the layout value names is printed in
// the 2023 seed, in the form the field says (flat, or raw), and its
// regexps match the lines they are written for: the value describes this
// layout, not a guess at one.
func TestInterim2023Words(t *testing.T) {
	data, err := os.ReadFile(seed2023)
	if err != nil {
		t.Fatal(err)
	}
	raw := string(data)
	var flat strings.Builder
	for _, l := range strings.Split(raw, "\n") {
		flat.WriteString(normalize(l))
		flat.WriteByte('\n')
	}
	w := &interim2023
	flatWords := []string{w.keyMessage, w.keyMessageRare, w.conceptSuffix, w.detailSuffix, w.detailHeadLine,
		w.missionWord, w.tocLeader, w.tableHeader[0], w.tableHeader[1], w.pillarColumn[0], w.pillarColumn[1],
		w.microTitle, w.legend[0], w.legend[1], w.sameAsLeft, w.macroGoalLabel, w.macroGoalHead, w.statusLabel,
		w.packageSideLabel, w.targets.head, w.targets.midTerm, w.targets.indicatorHead}
	flatWords = append(flatWords, w.listTitlePrefixes...)
	flatWords = append(flatWords, w.cellEndWords...)
	flatWords = append(flatWords, w.keyGoalTitles...)
	flatWords = append(flatWords, w.packageTitleEnds...)
	flatWords = append(flatWords, w.targets.explanations...)
	for _, k := range w.pillarKinds {
		flatWords = append(flatWords, k.prefix, k.tableLabel)
	}
	for _, s := range flatWords {
		if s == "" || !strings.Contains(flat.String(), s) {
			t.Errorf("flat word %q is not in the 2023 seed", s)
		}
	}
	// the fast paths' guards are pieces of the words they guard
	if !strings.Contains(w.keyMessage, w.keyMessageRare) || strings.IndexByte(w.keyMessageRare, w.keyMessageRareByte) < 0 ||
		strings.IndexByte(w.tableHeader[0], w.tableHeaderRare) < 0 {
		t.Errorf("a guard (%q, %x, %q) is no piece of the word it guards", w.keyMessageRare, w.keyMessageRareByte, w.tableHeaderRare)
	}
	rawWords := append([]string{w.tocLeaderRaw, w.horizonNearRaw, w.horizonMidRaw, w.targets.indicatorHeadRaw, w.targets.indicatorBullet}, w.headingSuffixesRaw...)
	for _, r := range []rune{w.legendBullet, w.futureBullet, w.rowBullet, w.keyBullet} {
		rawWords = append(rawWords, string(r))
	}
	for _, r := range w.pastBullets {
		rawWords = append(rawWords, string(r))
	}
	for _, s := range rawWords {
		if s == "" || !strings.Contains(raw, s) {
			t.Errorf("raw word %q is not in the 2023 seed", s)
		}
	}
	for _, c := range []struct {
		name string
		re   interface{ MatchString(string) bool }
		line string
	}{
		{"pillarHeading", w.pillarHeading, "ミッション①：炭素中立型社会の実現（考え方）"},
		{"pillarHeading", w.pillarHeading, "OS⑤：EBPM・データ駆動型行政 （これまでの施策、今後の施策）"},
		{"listTitle", w.listTitle, "社会基盤（ＯＳ）の組替え（5分野）："},
		{"toc", w.toc, "① 炭素中立型社会の実現 ･･･p.20"},
	} {
		if !c.re.MatchString(flatten(c.line, normalize(c.line))) {
			t.Errorf("%s does not match %q", c.name, c.line)
		}
	}
	if w.most(policygraph.KindMission) != 8 || w.most(policygraph.KindOS) != 5 || w.most("DIR") != 0 {
		t.Errorf("most: %d missions, %d OS, %d DIR; want 8, 5 (the contents' (8分野), (5分野)), 0", w.most(policygraph.KindMission), w.most(policygraph.KindOS), w.most("DIR"))
	}
}

// TestWordHelpers: the word-list matchers the grammar reads the layout's
// lists by, on 2023 phrases.
func TestWordHelpers(t *testing.T) {
	w := &interim2023
	for _, c := range []struct {
		s                        string
		prefix, suffix, contains bool
		words                    []string
	}{
		{"ミッション志向の産業政策(8分野):", true, false, true, w.listTitlePrefixes},
		{"社会基盤(OS)の組換え(5分野):", true, false, true, w.listTitlePrefixes},
		{"社会基盤", false, false, false, w.listTitlePrefixes},
		{"女性起業家支援パッケージ", false, true, true, w.packageTitleEnds},
		{"(女性起業家支援パッケージ)", false, true, true, w.packageTitleEnds},
		{"パッケージの内容", true, false, true, w.packageTitleEnds},
		{"指標としてKPIを設定", true, false, true, w.targets.explanations},
		{"KPIの設定", true, false, true, w.targets.explanations},
		{"進捗のKPI", false, true, true, w.targets.explanations},
		{"2030年に46%削減", false, false, false, w.targets.explanations},
		{"", false, false, false, w.targets.explanations},
	} {
		if got := hasAnyPrefix(c.s, c.words); got != c.prefix {
			t.Errorf("hasAnyPrefix(%q, %q) = %v", c.s, c.words, got)
		}
		if got := hasAnySuffix(c.s, c.words); got != c.suffix {
			t.Errorf("hasAnySuffix(%q, %q) = %v", c.s, c.words, got)
		}
		if got := containsAny(c.s, c.words); got != c.contains {
			t.Errorf("containsAny(%q, %q) = %v", c.s, c.words, got)
		}
	}
}

// TestKeyGoalsKind: the key messages' titles of the 2023 seed (lines 231,
// 257 list goals, 156 none).
func TestKeyGoalsKind(t *testing.T) {
	for title, want := range map[string]string{
		"＜各ミッションで長期的に創出される需要の例＞": policygraph.KindMission,
		"＜各分野の目標の例＞":             policygraph.KindOS,
		"＜14テーマの再構成＞":            "",
	} {
		if got := interim2023.keyGoalsKind(normalize(title)); got != want {
			t.Errorf("keyGoalsKind(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestIsPackageTitle: the titles of OS②'s package pages (seed lines 2860,
// 2915, 2955), their side label (2867) and a bullet naming a package
// (2769).
func TestIsPackageTitle(t *testing.T) {
	for line, want := range map[string]bool{
		"女性起業家支援パッケージ": true,
		"「Unicorn Challenge」（グローバルユニコーン創出に向けた集中支援パッケージ）": true,
		"ディープテックスタートアップ政策パッケージ":                          true,
		"支援パッケージ": false,
		"○ ディープテック・スタートアップ政策パッケージ（P72参照）": false,
	} {
		if got := interim2023.isPackageTitle(flatten(line, normalize(line))); got != want {
			t.Errorf("isPackageTitle(%q) = %v, want %v", line, got, want)
		}
	}
}
