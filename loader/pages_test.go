package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/policygraph/policygraph"
)

// TestFindPagesSeeds checks the slide page of known lines of the real
// documents, as the load gives them (the grammar's slides included). Each
// expectation was worked out by reading the seed text; why is the reading.
func TestFindPagesSeeds(t *testing.T) {
	tests := []struct {
		file      string
		line      int
		page      int
		confirmed bool
		why       string
	}{
		{file2023, 1187, 20, true, "the contents slide (line 1157) prints 「① 炭素中立型社会の実現 ･･･p.20」 and line 1187 is the first later slide titled ミッション①：炭素中立型社会の実現"},
		{file2023, 1153, 19, true, "line 1153 is a bare 「19」 after a three-blank-line gap, opening the contents slide"},
		{file2023, 1260, 22, true, "「22」 stands alone at line 1258 after a gap, two lines above this ミッション① これまでの施策 title; 「21」 at 1254 closes the slide before"},
		{file2023, 1298, 23, true, "the next ' '-led slide after p.22, and the one before ② デジタル社会の実現, which the contents puts on p.24 (line 1326)"},
		{file2023, 2059, 45, true, "line 2059 is the bare 「45」 closing ミッション⑤'s last slide"},
		{file2023, 2060, 46, true, "' '-led ミッション⑥ title right after 「45」; the contents prints ⑥ ･･･p.46"},
		{file2023, 2617, 62, true, "OS① これまでの施策 title two lines after the bare 「62」 at line 2615"},
		{file2023, 3350, 83, true, "contents: ⑤ 行政：EBPM ･･･p.83; the slide's last line (3392) ends in 「受講者数 83」"},
		{file2023, 2864, 70, true, "' 新規上場企業に占める / 女性社長の比率': between p.63 (contents, line 2633) and p.73 (contents, line 2989) the ' '-led breaks 2673…2960 and 2989 are exactly 10"},
		{file2023, 2860, 70, true, "女性起業家支援パッケージ, the title of that slide: it comes out after a three-blank gap, four lines before the ' '-led body"},
		{file2023, 2921, 71, true, "' ①ボーン・グローバルなスタートアップの創出', the next ' '-led slide (「Unicorn Challenge」 package)"},
		{file2023, 2960, 72, true, "' ①事業の拡大に向けた事業開発支援' (ディープテック package), the last slide before OS③ on p.73"},
		// The overview tables (新機軸の施策の柱, lines 364-1149), one a
		// slide: 「11」 is printed inside the second (line 503) and 「19」
		// opens the contents slide after the ninth (1153). The extraction
		// starts text boxes inside a table with a space (' 各分野（ミクロ）の
		// 主要施策', ' PHRを活用した…', ' 〇若者・女性の収入増…'): no slides.
		{file2023, 364, 10, true, "新機軸の, the header cell of the first overview table (GX), the slide before p.11's table"},
		{file2023, 386, 10, true, "GX's 長期的目標 cell 2050年CN実現, on its table's slide, above ' 各分野（ミクロ）の主要施策' (394)"},
		{file2023, 554, 12, true, "健康's 長期的目標 cell (2040年に健康寿命を75歳に) in the table that starts at 新機軸の (523), after p.11's"},
		{file2023, 871, 15, true, "' 〇若者・女性の収入増…', a row of the 地域 table that starts at ' 新機軸の' (780)"},
		{file2023, 1087, 18, true, "' 各分野（ミクロ）の主要施策' of the ninth table (新機軸の at 1052), the slide before 「19」"},
		// before p.11, key messages ①-⑦, the macro framework, the GX table
		{file2023, 42, 2, true, "' 「新機軸」のキーメッセージ②', the second slide; from p.1 to 「11」 (503) the breaks, none inside a table, are exactly 10"},
		{file2023, 233, 7, true, "キーメッセージ⑥ (218) is p.7: ①②③④⑤ and the ' （「新機軸」により…' slide (184) before it"},
		{file2023, 261, 8, true, "キーメッセージ⑦ (249) is p.8, the slide after ⑥"},
		{file2023, 288, 9, true, "the macro framework table (' 足下３年程度 ３～５年後…' at 268), the slide before the GX table"},
		{file2025, 995, 16, true, "政策の方向性① follows a three-blank gap; 「16」 stands alone at line 998 and 「15」 at line 980 on the slide before"},
		{file2025, 1069, 18, true, "政策の方向性③ follows the slide whose last line (1065) ends in 「17」; 「18」 stands alone at line 1072"},
		{file2025, 1, 1, false, "the first line; the first printed number (「7」 at line 293) is 6 pages on but 10 breaks are found before it"},
		// The pillar tables (長期目標に向けた施策の進捗), one a slide: 「20」
		// printed in GX's (1138), 「25」 in the sixth's (1680). Wrapped cell
		// lines that start with a space (1264, 1622) and the tables' own
		// ' 各分野（ミクロ）の主要施策' (1367, 1471) open no slide.
		{file2025, 1219, 21, true, "新機軸 / 施策の柱, the header of the DX table, after GX's p.20"},
		{file2025, 1264, 21, true, "' ウラノス・エコシステムの拡大に向…', a wrapped cell of the DX table"},
		{file2025, 1346, 22, true, "' 世界の課題解決を', the label that opens the 経済安全保障・対外経済 table"},
		{file2025, 1369, 22, true, "a row heading of the 経済安全保障・対外経済 table, below its ' 各分野（ミクロ）の主要施策' (1367)"},
		{file2025, 1459, 23, true, "' 康' (健康), the label that opens the 健康 table"},
		{file2025, 1545, 24, true, "' 地域の企業の成…', the 長期的目標 that opens the 地域の包摂的成長 table"},
		{file2025, 1622, 24, true, "' クリエイティブ産業振興に向け…', a wrapped cell of the 地域 table"},
		{file2025, 1649, 25, true, "新機軸施, the header of the sixth table, which prints 「25」 (1680)"},
	}
	pages := map[string]*pageMapping{}
	for _, d := range loadSeedDocs(t) {
		pages[d.t.File] = d.pd.Pages
	}
	for _, tc := range tests {
		page, ok := pages[tc.file].pageOf(tc.line)
		if page != tc.page || ok != tc.confirmed {
			t.Errorf("%s:%d: page %d (confirmed %v), want %d (%v): %s", tc.file, tc.line, page, ok, tc.page, tc.confirmed, tc.why)
		}
	}
	// and pages never fall
	for file, m := range pages {
		for l := 2; l <= len(m.page); l++ {
			if p, _ := m.pageOf(l); p < int(m.page[l-2]) {
				t.Errorf("%s:%d: p.%d after p.%d", file, l, p, m.page[l-2])
				break
			}
		}
	}
}

// TestFindPagesSynthetic checks the rules on small texts.
func TestFindPagesSynthetic(t *testing.T) {
	// six slides of three lines between a printed 1 and a printed 3
	const overCounted = " a\nb\nc\n\n1\n\n d\ne\nf\n g\nh\ni\n j\nk\nl\n m\nn\no\n p\nq\nr\n\n3"
	tests := []struct {
		name      string
		text      string
		slides    []oneSlide // what the layout knows
		pages     []int      // page per line
		confirmed []bool
	}{
		{
			name: "where the breaks over-count, pages never fall: counted back from the next printed number, but never below the line before",
			text: overCounted,
			// counted back from the 3, line 13 was p.1 after p.3
			pages:     []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
			confirmed: []bool{true, true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true},
		},
		{
			name:      "the slides the layout knows hold no break: the count agrees with the printed numbers",
			text:      overCounted,
			slides:    []oneSlide{{7, 15}, {16, 22}},
			pages:     []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3},
			confirmed: []bool{true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true},
		},
		{
			name:      "a slide the layout knows opens where it starts, a space or not",
			text:      " a\nb\nc\nT\nd\ne\n\n2",
			slides:    []oneSlide{{4, 6}},
			pages:     []int{1, 1, 1, 2, 2, 2, 2, 2},
			confirmed: []bool{true, true, true, true, true, true, true, true},
		},
		{
			name:  "space-led lines open pages; no printed number: all inferred",
			text:  " a\nb\nc\nd\n e\nf\ng\nh",
			pages: []int{1, 1, 1, 1, 2, 2, 2, 2},
		},
		{
			name:  "a title block of two lines before a space-led body is one page",
			text:  " a\nb\nc\nd\n\n\n\nT\n u\nv\nw\nx",
			pages: []int{1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2},
		},
		{
			name:      "a printed number that fits confirms the pages before it",
			text:      " a\nb\nc\n\n1\n\n d\ne\nf\n\n2\n",
			pages:     []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2},
			confirmed: []bool{true, true, true, true, true, true, true, true, true, true, true},
		},
		{
			name:      "where all breaks over-count, the leading-space ones alone can agree with the printed numbers; a title block after a gap opens the slide",
			text:      " a\nb\nc\n\n1\n\n\n\nT\nu\nv\n d\ne\nf\n\n2",
			pages:     []int{1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2},
			confirmed: []bool{true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true},
		},
		{
			name:  "a form feed ends a page, even on a line of its own",
			text:  "a\nb\nc\n\f\nd\ne\nf",
			pages: []int{1, 1, 1, 1, 2, 2, 2},
		},
		{
			name:  "a number larger than the pages so far is a chart value",
			text:  " a\nb\nc\n\n9\n\n d\ne\nf",
			pages: []int{1, 1, 1, 1, 1, 1, 2, 2, 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			txt, err := newDocText("x.txt", 2023, "doc", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			m := scanPageBreaks(txt).pages(txt, tc.slides)
			for i, want := range tc.pages {
				got, ok := m.pageOf(i + 1)
				wantOK := tc.confirmed != nil && tc.confirmed[i]
				if got != want || ok != wantOK {
					t.Errorf("line %d: page %d (confirmed %v), want %d (%v)", i+1, got, ok, want, wantOK)
				}
			}
		})
	}
}

// TestPageReportSeeds checks that the load report names the inferred pages:
// each edition's last slides, after its last printed number, and 2025's
// macro pages, which print few.
func TestPageReportSeeds(t *testing.T) {
	_, rep, err := LoadDir("../seed")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := rep.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"pages: 84 (printed page numbers that fit the page breaks: 20;",
		"inferred p. 84 (000_69167627890d1468.txt:3392-3432): no printed page number after line 3392",
		"inferred p. 31 (001_35a8d6215b8ea1a0.txt:2079-2156): no printed page number after line 2079",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	// the overview tables' slides confirm what the breaks alone left
	// inferred (2023 p. 1-11, 2025 p. 20-25)
	for _, gone := range []string{"(000_69167627890d1468.txt:1-502)", "(001_35a8d6215b8ea1a0.txt:1138-1679)"} {
		if strings.Contains(b.String(), gone) {
			t.Errorf("report still infers %s:\n%s", gone, b.String())
		}
	}
	for _, d := range rep.Documents {
		p := d.Pages
		if p.Nodes == 0 || p.InferredNodes == 0 || p.InferredNodes >= p.Nodes {
			t.Errorf("%s: %d of %d nodes on inferred pages; want some but not all", d.File, p.InferredNodes, p.Nodes)
		}
	}
}

// TestNodeCitations checks page and citation on loaded nodes: every node
// from text has both, and two known nodes cite as the manifest and the
// seed text say (see TestFindPagesSeeds for why lines 1260 and 1069 are on
// p.22 and p.18).
func TestNodeCitations(t *testing.T) {
	g, _, err := LoadDir("../seed")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*policygraph.Source{}
	var all []*policygraph.Source
	for _, x := range g.Pillars {
		byID[x.ID] = &x.Source
		all = append(all, &x.Source)
	}
	for _, x := range g.Groups {
		all = append(all, &x.Source)
	}
	for _, x := range g.Measures {
		all = append(all, &x.Source)
	}
	for _, x := range g.Targets {
		all = append(all, &x.Source)
	}
	for _, x := range g.Directions {
		byID[x.ID] = &x.Source
		all = append(all, &x.Source)
	}
	for _, s := range all {
		if s.Page < 1 || s.Edition == "" || s.DocumentTitle == "" || !strings.Contains(s.Citation, s.File) {
			t.Fatalf("node source without page or citation: %+v", s)
		}
	}
	tests := []struct {
		id, citation string
	}{
		// pillar heading ミッション①：炭素中立型社会の実現（これまでの施策、今後の施策）
		{"pillar:2023:MISSION-1", "経済産業省 産業構造審議会 経済産業政策新機軸部会「第2次中間整理」(2023年) p. 22（000_69167627890d1468.txt 1260行）"},
		// 政策の方向性③ ～成長投資を実現する経済基盤の強化～ and its subtitle line
		{"direction:2025:3", "経済産業省 産業構造審議会 経済産業政策新機軸部会「第4次中間整理」(2025年) p. 18（001_35a8d6215b8ea1a0.txt 1069–1070行）"},
	}
	for _, tc := range tests {
		s := byID[tc.id]
		if s == nil {
			t.Errorf("no node %s", tc.id)
			continue
		}
		if s.Citation != tc.citation {
			t.Errorf("%s: citation %q\n want %q", tc.id, s.Citation, tc.citation)
		}
	}
}

// TestFindPagesManyNumbers: a document of nothing but slides with a page
// number each stays fast (the chain search is bounded, not quadratic) and
// every number fits.
func TestFindPagesManyNumbers(t *testing.T) {
	var b strings.Builder
	const n = 50000
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, " title\nbody\nmore\n\n%d\n\n", i%1000)
	}
	txt, err := newDocText("x.txt", 2023, "doc", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	m := findPages(txt)
	if len(m.breaks) != n {
		t.Fatalf("%d breaks, want %d", len(m.breaks), n)
	}
	// numbers 1…999 fit, then 0 and the restart at 1 cannot
	if len(m.anchors) != 999 {
		t.Errorf("%d printed numbers believed, want 999", len(m.anchors))
	}
}
