package loader

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/internal/nfkc"
	"github.com/policygraph/policygraph/seed"
)

func TestParseYen(t *testing.T) {
	for _, tc := range []struct {
		in   string // normalised number without 円
		want int64  // worked out by hand: 兆 = 10^12, 億 = 10^8, 万 = 10^4
		bad  bool
	}{
		{in: "20兆", want: 20_000_000_000_000},
		{in: "0.4兆", want: 400_000_000_000},
		{in: "1.6兆", want: 1_600_000_000_000},
		{in: "12.7兆", want: 12_700_000_000_000},
		{in: "2500億", want: 250_000_000_000},
		{in: "3,500億", want: 350_000_000_000},
		{in: "1兆2000億", want: 1_200_000_000_000},
		{in: "1兆2,000億5000万", want: 1_200_050_000_000},
		{in: "4000兆", want: 4_000_000_000_000_000},
		{in: "100億", want: 10_000_000_000},
		{in: "5000万", want: 50_000_000},
		{in: "1,980", want: 1980},
		{in: "", bad: true},
		{in: "0", bad: true},                 // no sum
		{in: "0.00000000000001兆", bad: true}, // not whole yen
		{in: "1.5", bad: true},               // 1.5 yen
		{in: "99999999兆", bad: true},         // beyond maxYen
		{in: "兆2000億", bad: true},
	} {
		got, err := parseYen(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("parseYen(%q) = %d, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("parseYen(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

// amountsIn runs the amount finder over a small document of the given lines.
func amountsIn(t *testing.T, placed map[int]string, lines ...string) []policygraph.Amount {
	t.Helper()
	return amountsOfEdition(t, 2023, placed, lines...)
}

// amountsOfEdition is amountsIn for a document of the edition year.
func amountsOfEdition(t *testing.T, year int, placed map[int]string, lines ...string) []policygraph.Amount {
	t.Helper()
	dt, err := newDocText("t.txt", year, fmt.Sprintf("doc:%d", year), []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	pd := &parsedDoc{Doc: &policygraph.Document{ID: dt.DocID, Year: year}, Placed: placementOf(dt, placed)}
	var out []policygraph.Amount
	for _, fa := range findAmounts(newDocIndex(dt), pd) {
		out = append(out, *fa.a)
	}
	return out
}

// placementOf is a placement of dt's lines from a map of line → id.
func placementOf(dt *docText, placed map[int]string) placement {
	p := make(placement, len(dt.rawSlice())+1)
	for l, id := range placed {
		p[l] = id
	}
	return p
}

// short is an amount as "surface yen qualifier year start-end".
func short(a policygraph.Amount) string {
	return fmt.Sprintf("%s %d %s y%d %d-%d", a.Surface, a.Yen, a.Qualifier, a.Year, a.StartYear, a.EndYear)
}

func TestFindAmounts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string // phrases from the two editions (file:line)
		want  []string
		year  int // the edition's; 0 for 2023
	}{
		{"key message, two amounts (2023:56)",
			[]string{"➢ GX（20兆円規模の先行投資支援等の成長志向型カーボンプライシング構想の具体化・実行（既に1.6兆円が拠出決定済））"},
			[]string{"20兆円 20000000000000 規模 y0 0-0", "1.6兆円 1600000000000  y0 0-0"}, 0},
		{"full-width digits, 超, decimal (2023:58)",
			[]string{"➢ DX（半導体・次世代計算基盤構築２兆円超（JASM支援、Rapidus支援等）、蓄電池0.4兆円等）"},
			[]string{"２兆円 2000000000000 超 y0 0-0", "0.4兆円 400000000000  y0 0-0"}, 0},
		{"億円 (2023:60)",
			[]string{"➢ 経済安保（特定重要物資の指定、経済安全保障重要技術育成基金に2500億円計上（既に800億円について採択済））"},
			[]string{"2500億円 250000000000  y0 0-0", "800億円 80000000000  y0 0-0"}, 0},
		{"thousands comma (2023:2832)",
			[]string{"○ バイオ分野（日本医療研究開発機構（AMED）の3,500億円の基金活用"},
			[]string{"3,500億円 350000000000  y0 0-0"}, 0},
		{"合計 (2023:66)",
			[]string{"➢ 中小企業の成長（事業再構築補助金（合計2.4兆円）、ものづくり補助金等）"},
			[]string{"2.4兆円 2400000000000 合計 y0 0-0"}, 0},
		{"years before each amount (2023:1892)",
			[]string{"➢ 公的保険外のヘルスケア産業市場（国内）2020年24兆円⇒2050年77兆円"},
			[]string{"24兆円 24000000000000  y2020 0-0", "77兆円 77000000000000  y2050 0-0"}, 0},
		{"year range after, 年間 after a number is a span (2023:396)",
			[]string{"10年間20兆円規模の先行投資支援（2023-32年度）"},
			[]string{"20兆円 20000000000000 規模 y0 2023-2032"}, 0},
		{"年間 as a yearly rate (2023:2121)",
			[]string{"➢ バイオ関連投資（国内）：2030年までに年間3兆円"},
			[]string{"3兆円 3000000000000 年間 y2030 0-0"}, 0},
		{"最大約 (2023:2018)",
			[]string{"➢ 途上国の適応市場（2050年に最大約77兆円/年間）を含め世界市場を獲得。"},
			[]string{"77兆円 77000000000000 最大約 y2050 0-0"}, 0},
		{"超規模, a date set off by 、 dates the sentence (2023:1443)",
			[]string{"➢ 半導体：2030年までに、10兆円超規模の官民による追加投資を行い"},
			[]string{"10兆円 10000000000000 超規模 y2030 0-0"}, 0},
		{"a 、 after a clause that is not only a date ends the search",
			[]string{"➢ 半導体：2030年までに国内で、10兆円超規模の官民による追加投資を行い"},
			[]string{"10兆円 10000000000000 超規模 y0 0-0"}, 0},
		{"a parenthesis ends no phrase (2023:235-236)",
			[]string{"例えば、2030年までに国内で半導体を生産す", "る企業の合計売上高（半導体関連）15兆円超を目指す。"},
			[]string{"15兆円 15000000000000 超 y2030 0-0"}, 0},
		{"a year in a parenthesis dates what it is said of, not the amount",
			[]string{"GX経済移行債（2023年度から10年間）20兆円"},
			[]string{"20兆円 20000000000000  y0 0-0"}, 0},
		{"a year outside the parenthesis still dates it",
			[]string{"2022年度補正予算（2050年を見据え）で1兆円"},
			[]string{"1兆円 1000000000000  y2022 0-0"}, 0},
		{"a year in the paragraph before dates nothing; the sentence's own span does (2023:2729-2731)",
			[]string{"– スタートアップ：投資額を今後5年（2027年まで）で10倍", "", "– 研究開発投資： 官⺠合わせた研究開発投資の総額を今後5年で約 120 兆円にする"},
			[]string{"120 兆円 120000000000000 約 y0 2023-2027"}, 0},
		{"a table cell broken every few characters (2023:457-462)",
			[]string{"2030年までに", "国内で半導体", "を生産する企", "業の合計売上", "高（半導体関", "連）を15兆円", "超"},
			[]string{"15兆円 15000000000000 超 y2030 0-0"}, 0},
		{"number and unit on two lines (2023:391-392)",
			[]string{"官民投資、20", "兆円規模の政"},
			[]string{"20兆円 20000000000000 規模 y0 0-0"}, 0},
		{"space inside (2023:2731)",
			[]string{"– 研究開発投資： 官⺠合わせた研究開発投資の総額を今後5年で約 120 兆円にする"},
			[]string{"120 兆円 120000000000000 約 y0 2023-2027"}, 0},
		{"range (2025:1469-1470)",
			[]string{"世界の医薬品市", "場のうち25～30", "兆円"},
			[]string{"25～30兆円 25000000000000 ～ y0 0-0"}, 0},
		{"open range (2023:755)",
			[]string{"GX先行投資支援（資源循環分野において、官民合わせて今後10年間で2兆円～）"},
			[]string{"2兆円 2000000000000 ～ y0 2023-2032"}, 0},
		{"約…以上 (2025:1829-1830)",
			[]string{"資源循環分野における、官民合わせて今後10年間で約２兆", "円以上の投資という目標の実現に向け"},
			[]string{"２兆円 2000000000000 約…以上 y0 2025-2034"}, 2025},
		{"を超える (2025:1249-1250)",
			[]string{"後10年間で50兆", "円を超える官民投"},
			[]string{"50兆円 50000000000000 を超える y0 0-0"}, 2025}, // 今後 is on the line before
		{"a span relative to the edition, across lines (2025:1248-1251)",
			[]string{"的支援を行い、今", "後10年間で50兆", "円を超える官民投", "資を促し、約160", "兆円の経済波及"},
			[]string{"50兆円 50000000000000 を超える y0 2025-2034", "160兆円 160000000000000 約 y0 2025-2034"}, 2025},
		{"the span of the sentence, not of the clause (2023:233)",
			[]string{"ＧＸ：今後10年で150兆円超の官民投資、そのために20兆円規模の政府支援。２兆円"},
			[]string{"150兆円 150000000000000 超 y0 2023-2032", "20兆円 20000000000000 規模 y0 2023-2032", "２兆円 2000000000000  y0 0-0"}, 0},
		{"a span after a clause break (2023:1250)",
			[]string{"➢ 経済的目標：今後10年間で、150兆円超の官民ＧＸ投資を実現する。"},
			[]string{"150兆円 150000000000000 超 y0 2023-2032"}, 0},
		{"a span in parentheses is said of what it follows", []string{"GX経済移行債（今後10年間）20兆円"},
			[]string{"20兆円 20000000000000  y0 0-0"}, 0},
		{"今後N年以内 is a deadline (2023:2078)", []string{"今後10年以内に約4000兆円分の既存製造活動を置き換える"},
			[]string{"4000兆円 4000000000000000 約 y0 0-0"}, 0},
		{"a span of another clause does not spread a level", []string{"今後3年間で人材育成を進め、企業の売上高1兆円を目指す"},
			[]string{"1兆円 1000000000000  y0 0-0"}, 0},
		{"a clause that is more than the span, set off by 、", []string{"今後3年間で人材育成を進め、1兆円を投じる"},
			[]string{"1兆円 1000000000000  y0 0-0"}, 0},
		{"the span is not carried past the sentence", []string{"今後10年で150兆円超の官民投資。20兆円規模の政府支援"},
			[]string{"150兆円 150000000000000 超 y0 2023-2032", "20兆円 20000000000000 規模 y0 0-0"}, 0},
		{"nor past a blank line", []string{"今後10年で150兆円超の官民投資", "", "20兆円規模の政府支援"},
			[]string{"150兆円 150000000000000 超 y0 2023-2032", "20兆円 20000000000000 規模 y0 0-0"}, 0},
		{"nor past a blank line after a sum that ends its line", []string{"今後10年で150兆円", "", "", "20兆円規模の政府支援"},
			[]string{"150兆円 150000000000000  y0 2023-2032", "20兆円 20000000000000 規模 y0 0-0"}, 0},
		{"nor into the next ・ item of a list", []string{"・今後10年で150兆円超の官民投資", "・半導体に3.9兆円"},
			[]string{"150兆円 150000000000000 超 y0 2023-2032", "3.9兆円 3900000000000  y0 0-0"}, 0},
		{"a span of no years is none", []string{"今後0年間で、1兆円"}, []string{"1兆円 1000000000000  y0 0-0"}, 0},
		{"a long clause keeps its span", []string{"今後10年間で" + strings.Repeat("官", 200) + "1兆円"},
			[]string{"1兆円 1000000000000  y0 2023-2032"}, 0},
		{"a count of fiscal years is no span", []string{"今後3年度で5兆円"}, []string{"5兆円 5000000000000  y0 0-0"}, 0},
		{"a year of its own outranks the span (2025:1311-1312)",
			[]string{"2030年度までの７年間に10兆円、今後10年間で50兆円"},
			[]string{"10兆円 10000000000000  y2030 0-0", "50兆円 50000000000000  y0 2025-2034"}, 2025},
		{"decade is not a year (2025:1361-1363)",
			[]string{"2030年代前半の", "できるだけ早期に", "150兆円とする／"},
			[]string{"150兆円 150000000000000  y0 0-0"}, 0},
		{"億円 target (2025:1577)",
			[]string{"売上高100億円という高い目標に向け"},
			[]string{"100億円 10000000000  y0 0-0"}, 0},
		{"composite 兆億", []string{"総額1兆2000億円の補正予算"}, []string{"1兆2000億円 1200000000000 総額 y0 0-0"}, 0},

		// Not amounts.
		{"unit labels without a number (2025:608, 324)", []string{"(兆円)", "＜円/時間＞"}, nil, 0},
		{"100億企業 has no 円 (2025:43)", []string{"中堅・中小企業支援（100億企業創出、省力化投資等）に1兆円。"},
			[]string{"1兆円 1000000000000  y0 0-0"}, 0},
		{"ドル (2023:2078)", []string{"30兆ドル）分の既存製造活動", "足元年平均2兆ドル程度"}, nil, 0},
		{"percentages", []string{"GPIFの国内株式の価値が11.2%増加", "名目+4％で"}, nil, 0},
		{"円 in words (2023:2561)", []string{"新陳代謝を進めるためにも、円", "滑な労働移動", "円安・円高", "中堅円卓会議"}, nil, 0},
		{"page number glued to the next line", []string{"12", "20兆円規模"}, []string{"20兆円 20000000000000 規模 y0 0-0"}, 0},
		{"chart data label alone on its line (2025:837-839)", []string{"総額", "233", "兆円"}, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			year := tc.year
			if year == 0 {
				year = 2023
			}
			for _, a := range amountsOfEdition(t, year, nil, tc.lines...) {
				got = append(got, short(a))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("amounts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindAmountsSkipsFurniture(t *testing.T) {
	got := amountsIn(t, map[int]string{2: "furniture:chart-number"}, "本文に3兆円", "10兆円")
	if len(got) != 1 || got[0].Surface != "3兆円" {
		t.Errorf("amounts = %v, want only 3兆円 (line 2 is furniture)", got)
	}
}

func TestAmountIDsAndProvenance(t *testing.T) {
	got := amountsIn(t, nil, "前文", "A 1兆円、B 2兆円", "C 3", "兆円")
	want := []policygraph.Amount{
		{ID: "amount:2023:2:1", DocumentID: "doc:2023", Yen: 1e12, Surface: "1兆円",
			Source: policygraph.Source{File: "t.txt", LineStart: 2, LineEnd: 2, Quote: "A 1兆円、B 2兆円"}},
		{ID: "amount:2023:2:2", DocumentID: "doc:2023", Yen: 2e12, Surface: "2兆円",
			Source: policygraph.Source{File: "t.txt", LineStart: 2, LineEnd: 2, Quote: "A 1兆円、B 2兆円"}},
		{ID: "amount:2023:3:1", DocumentID: "doc:2023", Yen: 3e12, Surface: "3兆円",
			Source: policygraph.Source{File: "t.txt", LineStart: 3, LineEnd: 4, Quote: "C 3\n兆円"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("amounts (-want +got):\n%s", diff)
	}
}

// TestAmountsCorpus pins the amounts of the real documents.
//
// Counted independently of the parser, on NFKC copies of the files
// (perl -MUnicode::Normalize -ne 'print NFKC($_)') with all whitespace
// removed, so sums split over lines join up:
//
//	perl -CSD -Mutf8 -0777 -ne 's/\s+//g; $n = () = /\d[\d,.]*(?:兆|億|万)?(?:\d[\d,]*(?:億|万))?円/g; print "$n\n"'
//
// gives 77 for 2023 and 35 for 2025. Each was then read in context: all 77
// of 2023 are sums in sentences (2020年24兆円⇒2050年77兆円 is two); of 2025's
// 35, six are chart data labels (総額 / 233 / 兆円 on lines 837-859), left out.
func TestAmountsCorpus(t *testing.T) {
	g, rep, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	perDoc := map[string]int{}
	byID := map[string]*policygraph.Amount{}
	for _, a := range g.Amounts {
		perDoc[a.DocumentID]++
		byID[a.ID] = a
	}
	if want := map[string]int{"doc:2023": 77, "doc:2025": 29}; !cmp.Equal(perDoc, want) {
		t.Errorf("amounts per document = %v, want %v", perDoc, want)
	}
	holders := map[string][]string{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelHasAmount {
			holders[r.End] = append(holders[r.End], r.Start)
			if r.Properties["line"] != byID[r.End].LineStart {
				t.Errorf("%s: line %v, want %d", r.ID, r.Properties["line"], byID[r.End].LineStart)
			}
		}
	}
	for _, a := range g.Amounts {
		if len(holders[a.ID]) == 0 {
			t.Errorf("%s (%s) is held by nothing", a.ID, a.Surface)
		}
	}
	// Checked against the text: what holds each amount.
	for _, tc := range []struct {
		id      string
		yen     int64
		surface string
		holders []string
	}{
		// The document's own summary (key messages before the pillars).
		{"amount:2023:56:1", 20e12, "20兆円", []string{"doc:2023"}},
		// 経済安全保障重要技術育成基金に2500億円計上: the fund is in the phrase.
		{"amount:2023:60:1", 2500e8, "2500億円", []string{"doc:2023", "fund:経済安全保障重要技術育成基金"}},
		// The GX pillar's concept prose (line 1234, between its heading and its measures).
		{"amount:2023:1234:1", 20e12, "20兆円", []string{"pillar:2023:MISSION-1"}},
		// A measure: 10年間20兆円規模の先行投資支援（2023-32年度）.
		{"amount:2023:396:1", 20e12, "20兆円", []string{"measure:2023:MISSION-1:5e02518c"}},
		// A target of the 2025 health row: 医療機器…21兆円、医薬品…25～30兆円
		// is two goals, and the amount is the 医薬品 goal's (25).
		{"amount:2025:1469:1", 25e12, "25～30兆円", []string{"target:2025:MISSION-4:784492d7"}},
	} {
		a := byID[tc.id]
		if a == nil {
			t.Errorf("no %s", tc.id)
			continue
		}
		if a.Yen != tc.yen || a.Surface != tc.surface || !cmp.Equal(holders[tc.id], tc.holders) {
			t.Errorf("%s = %d %q held by %v; want %d %q held by %v", tc.id, a.Yen, a.Surface, holders[tc.id], tc.yen, tc.surface, tc.holders)
		}
	}
	if a := byID["amount:2023:396:1"]; a == nil || a.StartYear != 2023 || a.EndYear != 2032 {
		t.Errorf("amount:2023:396:1 years: %+v", a)
	}
	// The report lists exactly the amounts the document holds (a fund
	// named beside one does not say which part of the text it belongs to).
	loose := 0
	for _, hs := range holders {
		if strings.HasPrefix(hs[0], "doc:") {
			loose++
		}
	}
	if len(rep.LooseAmounts) != loose || loose == 0 {
		t.Errorf("report lists %d loose amounts, the graph has %d", len(rep.LooseAmounts), loose)
	}
}

// The quote reaches the line of a qualifier printed after a line break
// (2025:1131-1132).
func TestAmountQuoteHoldsQualifier(t *testing.T) {
	got := amountsIn(t, nil, "10年で150兆円", "超の官民投資、")
	if len(got) != 1 || got[0].Qualifier != "超" || got[0].LineStart != 1 || got[0].LineEnd != 2 || got[0].Quote != "10年で150兆円\n超の官民投資、" {
		t.Errorf("amounts = %+v", got)
	}
}

// TestAmountStart: amountRe run from amountStart finds what it finds on
// the whole window before the 円.
func TestAmountStart(t *testing.T) {
	for _, s := range []string{"予算1兆2000億円", "円滑な", "25~30兆円", "約3,500億円", "0.4兆円", "abc円",
		"〜円", "1円", "円", "2030年までに150兆円", "1.5.2兆円", ",000円", "兆円", "\xe5\x86円", "12~~3円"} {
		yen := strings.LastIndex(s, "円")
		want := amountRe.FindStringSubmatchIndex(s)
		from := amountStart(s, 0, yen)
		got := amountRe.FindStringSubmatchIndex(s[from:])
		for i := range got {
			if got[i] >= 0 {
				got[i] += from
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: from %d: %v, want %v", s, from, got, want)
		}
	}
}

// TestAmountsOfGoals: a statement of several goals (one Target each) holds
// each goal's amount in one text; the amount goes to its own goal
// (対日直接投資残高…2030年に120兆円、…早期に150兆円: 150兆円 to the 150 goal),
// and an amount no goal states stays with the first (2020年24兆円⇒2050年77兆円).
func TestAmountsOfGoals(t *testing.T) {
	g, _ := seedGraph()
	targets := map[string]*policygraph.Target{}
	for _, x := range g.Targets {
		targets[x.ID] = x
	}
	amounts := map[string]*policygraph.Amount{}
	for _, a := range g.Amounts {
		amounts[a.ID] = a
	}
	type statement struct {
		doc, text string
		line      int
	}
	goals := map[statement][]*policygraph.Target{}
	for _, x := range g.Targets {
		k := statement{x.DocumentID, x.Text, x.LineStart}
		goals[k] = append(goals[k], x)
	}
	for _, r := range g.Relationships {
		holder, a := targets[r.Start], amounts[r.End]
		if r.Type != policygraph.RelHasAmount || holder == nil {
			continue
		}
		var own *policygraph.Target // the goal of the statement the amount is the value of
		for _, x := range goals[statement{holder.DocumentID, holder.Text, holder.LineStart}] {
			if spells(x, a) {
				own = x
			}
		}
		if own != nil && own != holder {
			t.Errorf("%s (%d yen) held by %s (%v %s), not %s (%v %s)", a.ID, a.Yen, holder.ID, holder.Value, holder.Unit, own.ID, own.Value, own.Unit)
		}
	}
	// A goal stated on an amount's line whose value the amount spells
	// holds it, a measure's own goal too (2025:1829 約２兆円以上の投資という
	// 目標, a MEASURE_GOAL: the measure holds it as well).
	heldBy := map[string]map[string]bool{}
	for _, r := range g.Relationships {
		if r.Type == policygraph.RelHasAmount {
			if heldBy[r.End] == nil {
				heldBy[r.End] = map[string]bool{}
			}
			heldBy[r.End][r.Start] = true
		}
	}
	spelled := 0
	for _, a := range g.Amounts {
		for _, x := range g.Targets {
			if x.DocumentID != a.DocumentID || a.LineStart < x.LineStart || a.LineStart > x.LineEnd || !spells(x, a) ||
				x.Kind == KindMeasureGoal && x.Qualifier != a.Qualifier { // a measure's goal: its own sum (TestMeasureGoalAmounts)
				continue
			}
			spelled++
			if !heldBy[a.ID][x.ID] {
				t.Errorf("%s (%s, line %d) spells the goal of %s (%v %s) and is not held by it", a.ID, a.Surface, a.LineStart, x.ID, x.Value, x.Unit)
			}
		}
	}
	if !heldBy["amount:2025:1829:1"]["measure:2025:MISSION-8:0d9256c7"] {
		t.Errorf("amount:2025:1829:1 not held by its measure too: %v", heldBy["amount:2025:1829:1"])
	}
	if spelled < 20 {
		t.Errorf("only %d amounts spell a goal on their lines: the check reads too little", spelled)
	}
	for amount, want := range map[string]float64{"amount:2025:1363:1": 150, "amount:2025:1360:1": 120, "amount:2023:1892:1": 77,
		// yearly goals (…年間取引総額) and a line of two goals made a target a clause
		"amount:2023:1465:1": 10, "amount:2023:1465:2": 100, "amount:2025:133:1": 135, "amount:2025:133:2": 200} {
		held := false
		for _, r := range g.Relationships {
			if r.Type == policygraph.RelHasAmount && r.End == amount && targets[r.Start] != nil {
				held = true
				if targets[r.Start].Value != want {
					t.Errorf("%s held by %s, a goal of %v", amount, r.Start, targets[r.Start].Value)
				}
			}
		}
		if !held {
			t.Errorf("%s held by no target", amount)
		}
	}
	// A goal's amount its own phrase does not date takes the goal's year,
	// read from the same sentence across a page's line break (2023:1443-1445).
	if a := amounts["amount:2023:1445:1"]; a == nil || a.Year != 2030 {
		t.Errorf("amount:2023:1445:1 = %+v, want year 2030 as its goal", a)
	}
}

// spells reports whether amount a's surface writes goal g's value in g's
// unit, a yearly goal's (兆円/年) without the year: 100兆円 is the 100
// 兆円/年 goal's. Read off the text, not through yenOf.
func spells(g *policygraph.Target, a *policygraph.Amount) bool {
	unit := strings.TrimSuffix(g.Unit, "/年")
	num, ok := strings.CutSuffix(strings.ReplaceAll(nfkc.String(a.Surface), ",", ""), unit)
	return ok && unit != "" && num == strconv.FormatFloat(g.Value, 'f', -1, 64)
}

// TestAmountOfWrappedTarget: an amount on a line its placed target does
// not state goes to the target on that line that does, also when that
// target started on the line before (a goal wrapped onto the next line).
func TestAmountOfWrappedTarget(t *testing.T) {
	txt, err := newDocText("t.txt", 2023, "doc:2023", []byte("2030年度135兆円、2040年度\n200兆円を設定\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := &policygraph.Target{ID: "target:a", Text: "2030年度135兆円", Source: policygraph.Source{LineStart: 1, LineEnd: 1}}
	b := &policygraph.Target{ID: "target:b", Text: "2040年度200兆円を設定", Source: policygraph.Source{LineStart: 1, LineEnd: 2}}
	pd := &parsedDoc{Doc: &policygraph.Document{ID: "doc:2023", Year: 2023}, Targets: []*policygraph.Target{a, b},
		Placed: placementOf(txt, map[int]string{1: a.ID, 2: a.ID})}
	res := &amountResult{}
	attachAmounts(mustMatcher(t), newDocIndex(txt), pd, &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}, res)
	got := map[string]string{}
	for _, r := range res.rels {
		got[r.End] = r.Start
	}
	want := map[string]string{"amount:2023:1:1": "target:a", "amount:2023:2:1": "target:b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("amounts' holders (-want +got):\n%s", diff)
	}
}

// TestMeasureGoalAmounts: a measure's goal (MEASURE_GOAL) holds the sum
// that is its value, besides the measure; not a sum of the same value the
// text cites otherwise (a past record before the goal), nor the sum of
// another measure on the goal's lines.
func TestMeasureGoalAmounts(t *testing.T) {
	type measure struct {
		text       string
		start, end int
	}
	tests := []struct {
		name     string
		text     string            // the document
		measures []measure         // the first states the goal; a line is placed in the last measure holding it
		want     map[string]string // amount → "goal" when the goal holds it, else ""
	}{
		{
			name:     "its goal",
			text:     "今後10年間で約２兆円以上の投資という目標の実現に向け支援を開始\n",
			measures: []measure{{"今後10年間で約２兆円以上の投資という目標の実現に向け支援を開始", 1, 1}},
			want:     map[string]string{"amount:2025:1:1": "goal"},
		},
		{
			name:     "a past sum of the same value",
			text:     "これまで2兆円の民間投資を呼び込んだ実績を踏まえ、今後10年間で2兆円以上の投資という目標の実現に向け支援\n",
			measures: []measure{{"これまで2兆円の民間投資を呼び込んだ実績を踏まえ、今後10年間で2兆円以上の投資という目標の実現に向け支援", 1, 1}},
			want:     map[string]string{"amount:2025:1:1": "", "amount:2025:1:2": "goal"},
		},
		{
			name: "another measure's sum on the goal's lines",
			text: "今後10年間で2兆円以上の投資という目標に向け\n2兆円を投資\n",
			measures: []measure{{"今後10年間で2兆円以上の投資という目標に向け2兆円を投資", 1, 2},
				{"2兆円を投資", 2, 2}},
			want: map[string]string{"amount:2025:1:1": "goal", "amount:2025:2:1": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			txt, err := newDocText("t.txt", 2025, "doc:2025", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			pd := &parsedDoc{Doc: &policygraph.Document{ID: "doc:2025", Year: 2025}}
			placed := map[int]string{}
			for k, ms := range tt.measures {
				m := &policygraph.Measure{ID: fmt.Sprintf("measure:2025:P:%d", k), DocumentID: "doc:2025", PillarID: "pillar:2025:P",
					Text: ms.text, Source: policygraph.Source{LineStart: ms.start, LineEnd: ms.end}}
				pd.Measures = append(pd.Measures, m)
				for l := ms.start; l <= ms.end; l++ {
					placed[l] = m.ID
				}
			}
			addMeasureGoals(pd, 2025)
			goals := map[string]bool{}
			for _, g := range pd.Targets {
				if g.Text == tt.measures[0].text {
					goals[g.ID] = true
				}
			}
			if len(goals) != 1 {
				t.Fatalf("%d goals of the first measure, want 1", len(goals))
			}
			pd.Placed = placementOf(txt, placed)
			res := &amountResult{}
			attachAmounts(mustMatcher(t), newDocIndex(txt), pd, &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}, res)
			got := map[string]string{}
			for _, a := range res.amounts {
				got[a.ID] = ""
			}
			for _, r := range res.rels {
				if goals[r.Start] {
					got[r.End] = "goal"
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("amounts held by the goal (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSpanReaders: spanIn and spanAdverbial read 今後N年 by hand as the
// regexps 今後(\d{1,2})年 and ^今後(\d{1,2})年間?(?:で|に|には)?$ did.
func TestSpanReaders(t *testing.T) {
	for _, tc := range []struct {
		clause     string
		start, end int // spanIn from 2023
		adverbial  int // spanAdverbial's N, -1 for not one
	}{
		{"今後10年間で", 2023, 2032, 10},
		{"今後5年で", 2023, 2027, 5},
		{"今後10年には", 2023, 2032, 10},
		{"今後10年", 2023, 2032, 10},
		{"官民合わせて今後10年間で", 2023, 2032, -1},
		{"今後3年度で", 0, 0, -1},
		{"今後10年以内に", 0, 0, -1},
		{"今後123年で", 0, 0, -1},
		{"今後年で", 0, 0, -1},
		{"今後0年で", 0, 0, 0},
		{"今後5年で、今後10年以内に", 2023, 2027, -1}, // the last span that is one
		{"今後3年で人材を育て、今後10年で", 2023, 2032, -1},
		{"今後１０年で", 0, 0, -1}, // full-width: docIndex text is NFKC, so never seen
		{"", 0, 0, -1},
	} {
		if s, e := spanIn(tc.clause, 2023); s != tc.start || e != tc.end {
			t.Errorf("spanIn(%q) = %d-%d, want %d-%d", tc.clause, s, e, tc.start, tc.end)
		}
		n, ok := spanAdverbial(tc.clause)
		if !ok {
			n = -1
		}
		if n != tc.adverbial {
			t.Errorf("spanAdverbial(%q) = %d, want %d", tc.clause, n, tc.adverbial)
		}
	}
}

// TestTargetsHoldingOnALine: the targets stated on a line are found by
// their first lines, in line order, up to maxTargetLines back, also when
// the targets come out of line order.
func TestTargetsHoldingOnALine(t *testing.T) {
	txt, err := newDocText("t.txt", 2023, "doc:2023", []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	x := newDocIndex(txt)
	tg := func(id string, from, to int, text string) *policygraph.Target {
		return &policygraph.Target{ID: id, Text: text, Source: policygraph.Source{LineStart: from, LineEnd: to}}
	}
	ts := []*policygraph.Target{
		tg("late", 90, 90, "5兆円"), tg("long", 10, 200, "5兆円"), tg("wrapped", 20, 21, "5兆円"), tg("other", 21, 21, "7兆円"),
	}
	for _, tc := range []struct {
		line int
		want string
	}{
		{21, "long"}, // line order: long (10) before wrapped (20)
		{22, "long"},
		{73, "long"}, // long's 64th line
		{74, ""},     // past maxTargetLines of long
		{90, "late"},
		{5, ""},
	} {
		tx := targetIndex{targets: ts}
		if got := tx.holding(x, tc.line, "5兆円"); got != tc.want {
			t.Errorf("line %d: %q, want %q", tc.line, got, tc.want)
		}
	}
}
