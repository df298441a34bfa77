package loader

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/seed"
)

func mustMatcher(t testing.TB) *matcher {
	t.Helper()
	m, err := loadMatcher()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// found lists "id=surface-normalised" for the mentions in text.
func found(m *matcher, text string) []string {
	var out []string
	n := normalize(text)
	for _, mt := range m.find(n) {
		out = append(out, m.nodeID(mt.p)+"="+n[mt.Start:mt.End])
	}
	return out
}

func TestFindMentions(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		// Positives, with every spelling the texts use.
		{"GI基金の実施企業に対する取組状況の確認", []string{"fund:グリーンイノベーション基金=GI基金"}},
		{"グリーンイノベーション基金事業における更なる取組", []string{"fund:グリーンイノベーション基金=グリーンイノベーション基金"}},
		// broken over a line; 半導体 shares the GI fund's 基金 (2023 line 1098)
		{"EBPM（半導体・GI基\n金）（2022年～）", []string{"fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"大規模予算事業（半導体・GI基金）の検証シナリオ策定", []string{"fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"事業の半導体・GI基金", []string{"fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}}, // the word's end
		{"ポスト５Ｇ・先端半導体・GI基金", []string{"fund:ポスト5G基金=ポスト5G・先端半導体・GI基金", "fund:特定半導体基金=先端半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"製造基盤・GI基金", []string{"fund:グリーンイノベーション基金=GI基金"}}, // 製造基盤基金 is no fund
		{"GI基金・半導体・GI基金", []string{"fund:グリーンイノベーション基金=GI基金", "fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"半導体・製造基盤・GI基金", []string{"fund:グリーンイノベーション基金=GI基金"}}, // the list is read up to a word that is no fund
		// each fund once, and at most maxListWords words back: ポスト５Ｇ is
		// the ninth
		{strings.Repeat("半導体・", 3) + "GI基金", []string{"fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"ポスト５Ｇ・" + strings.Repeat("半導体・", 8) + "GI基金", []string{"fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"ポスト５Ｇ・" + strings.Repeat("半導体・", 7) + "GI基金", []string{"fund:ポスト5G基金=" + "ポスト5G・" + strings.Repeat("半導体・", 7) + "GI基金", "fund:特定半導体基金=半導体・GI基金", "fund:グリーンイノベーション基金=GI基金"}},
		{"ポスト５G基金の活用", []string{"fund:ポスト5G基金=ポスト5G基金"}},
		{"ポスト５Ｇ基金の活用", []string{"fund:ポスト5G基金=ポスト5G基金"}},
		{"ポスト5G基金等その他", []string{"fund:ポスト5G基金=ポスト5G基金"}},
		{"先端半導体基金や経済安保基金等を活用", []string{"fund:特定半導体基金=先端半導体基金", "fund:経済安保基金=経済安保基金"}},
		// The K Program is named for its fund (2023 lines 1494–1495).
		{"クラウド技術の開発（経済安全保障重要技術育成プログラムやポスト５Ｇ基金の活用）",
			[]string{"fund:経済安全保障重要技術育成基金=経済安全保障重要技術育成プログラム", "fund:ポスト5G基金=ポスト5G基金"}},
		{"独禁法に関する課題", []string{"law:独占禁止法=独禁法"}},
		{"独占禁止法等の適用関係", []string{"law:独占禁止法=独占禁止法"}},
		{"改正産競法に基づく設備投資等支援", []string{"law:産業競争力強化法=改正産競法"}},
		{"★★★産業競争力強化法などの法改正", []string{"law:産業競争力強化法=産業競争力強化法"}},
		{"下請法改正と執行強化", []string{"law:下請代金支払遅延等防止法=下請法"}},
		{"公正取引委員会と連携した下請代金法の執行", []string{"law:下請代金支払遅延等防止法=下請代金法"}},
		{"ＧＸ推進法の改正が成立", []string{"law:GX推進法=GX推進法"}},
		{"経済安全保障推進法に基づく特定重要物資", []string{"law:経済安全保障推進法=経済安全保障推進法"}},
		{"米国：CHIPS法（半導体）、インフレ削減法（GX投資）", []string{"law:CHIPS法=CHIPS法", "law:インフレ削減法=インフレ削減法"}},
		{"米国のIRAによる", []string{"law:インフレ削減法=IRA"}},
		{"「脱炭素成長型経済構造への円滑な移行の推進に関する法律及び資源の有効な利用の促進に関する法律の一部を改正する法律」",
			[]string{"law:GX推進法=脱炭素成長型経済構造への円滑な移行の推進に関する法律", "law:資源有効利用促進法=資源の有効な利用の促進に関する法律"}},
		{"下請けという名称をなくす下請法改正法案。早期事業再生法案も。",
			[]string{"law:下請代金支払遅延等防止法=下請法", "law:早期事業再生法=早期事業再生法案"}},
		{"外為法に基づく事前報告", []string{"law:外国為替及び外国貿易法=外為法"}},
		{"産学融合拠点事業、TLO法等", []string{"law:大学等技術移転促進法=TLO法"}},
		// Negatives: 法 and 基金 that are not a named law or fund.
		{"削減貢献量の評価手法の整備", nil},
		{"指導方法を整理", nil},
		{"法人税インセンティブを含む政策対応", nil},
		{"暗号資産についても、法令上・会計上", nil},
		{"JICの運用期限の延長（法改正も視野に検討）", nil},
		{"所得税法上の扱い", nil},
		{"評価の方法論を確立", nil},
		{"3R関連法制の拡充・強化", nil},
		{"財務・税務・法務に関する支援", nil},
		{"法的に義務付け", nil},
		{"基金を設置し、安定供給確保に向けた", nil},
		{"両基金の着実な執行", nil},
		{"本基金の執行状況", nil},
		{"当該基金については", nil},
		{"NEDO等の機関や基金を通じて", nil},
		{"AMEDの3,500億円の基金活用", nil},
		{"官民ファンド等による支援", nil},
		{"PIRATES", nil},       // IRA inside a longer ASCII word
		{"会社法人の設立", nil},       // 会社法 followed by 人 is 法人
		{"GX推進法人", nil},        // likewise
		{"経済安全保障推進法令の整備", nil}, // 法令
	} {
		got := found(m, tc.text)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.text, diff)
		}
	}
}

// TestAliasTableFromTexts checks that the table is the texts' own: every
// law and fund has a spelling that occurs in a seed document.
// TestListWord: the word a list of names ends with, at most maxListWord
// runes of it.
func TestListWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"（半導体", "半導体"},
		{"ポスト5G・半導体", "半導体"},
		{"事業 半導体", "半導体"},
		{"", ""},
		{"（", ""},
		{strings.Repeat("事", 1000), strings.Repeat("事", maxListWord)},
	} {
		if got := listWord(tc.in); got != tc.want {
			t.Errorf("listWord(%.20q) = %.20q (%d runes), want %.20q", tc.in, got, utf8.RuneCountInString(got), tc.want)
		}
	}
}

func TestAliasTableFromTexts(t *testing.T) {
	m := mustMatcher(t)
	var all strings.Builder
	for _, f := range []string{"000_69167627890d1468.txt", "001_35a8d6215b8ea1a0.txt"} {
		b, err := seedFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(normalize(string(b)))
	}
	text := all.String()
	for _, list := range [][]aliasEntry{m.table.Laws, m.table.Funds} {
		for _, e := range list {
			ok := false
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if strings.Contains(text, normalize(a)) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: no spelling occurs in the seed texts", e.Name)
			}
			if e.Note == "" {
				t.Errorf("%s: no note saying where the texts mention it", e.Name)
			}
		}
	}
}

func TestBadAliasTables(t *testing.T) {
	for _, data := range []string{
		`{`,
		`{"laws":[{"name":""}]}`,
		`{"laws":[{"name":"ＧＸ推進法"}]}`,
		`{"laws":[{"name":"法"}]}`,
		`{"laws":[{"name":"A法","aliases":["B法"]}],"funds":[{"name":"B法"}]}`,
		`{"pillars":[{"concept":"x"}]}`,
	} {
		if _, err := newMatcher([]byte(data)); err == nil {
			t.Errorf("newMatcher(%s) succeeded", data)
		}
	}
}

func seedFile(name string) ([]byte, error) {
	return fs.ReadFile(seed.FS(), name)
}

// TestMentionLinesAndSurface builds a parsed document by hand: a measure
// whose fund name is broken over two lines in a list of two funds sharing
// its 基金, a target with full-width spelling, a pillar goal citing a law,
// and repeated mentions.
func TestMentionLinesAndSurface(t *testing.T) {
	raw := "ミッション①\n" + // 1
		"長期的目標：GX推進法に基づき150兆円\n" + // 2
		"○ 大規模予算事業（半導体・GI基\n" + // 3
		"金）の検証、GI基金の拡充、独禁法\n" + // 4
		"の整理、独占禁止法の運用\n" + // 5
		"目標：ポスト５Ｇ基金で100億円\n" // 6
	txt, err := newDocText("t.txt", 2023, "doc:2023", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	pd := &parsedDoc{
		Pillars: []*policygraph.Pillar{{ID: "p", LongTermGoal: "GX推進法に基づき150兆円",
			Source: policygraph.Source{LineStart: 1, LineEnd: 1}}},
		Measures: []*policygraph.Measure{{ID: "m", Text: "大規模予算事業（半導体・GI基金）の検証、GI基金の拡充、独禁法の整理、独占禁止法の運用",
			Source: policygraph.Source{LineStart: 3, LineEnd: 5}}},
		Targets: []*policygraph.Target{{ID: "t", Text: "ポスト５Ｇ基金で100億円",
			Source: policygraph.Source{LineStart: 6, LineEnd: 6}}},
	}
	res := &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}
	findMentions(mustMatcher(t), newDocIndex(txt), pd, res)
	got := map[string]map[string]any{}
	for _, r := range res.rels {
		got[r.ID] = r.Properties
	}
	want := map[string]map[string]any{
		"CITES_LAW:p->law:GX推進法":          {"surface": "GX推進法", "line": 2},
		"USES_FUND:m->fund:グリーンイノベーション基金": {"surface": "GI基金", "line": 3},
		"USES_FUND:m->fund:特定半導体基金":       {"surface": "半導体・GI基金", "line": 3},
		"CITES_LAW:m->law:独占禁止法":          {"surface": "独禁法", "line": 4},
		"USES_FUND:t->fund:ポスト5G基金":       {"surface": "ポスト５Ｇ基金", "line": 6},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("relationships (-want +got):\n%s", diff)
	}
	if res.count != 7 {
		t.Errorf("count = %d, want 7 mentions", res.count)
	}
	if l := res.laws["law:独占禁止法"]; l == nil || l.Name != "独占禁止法" || l.Foreign || !hasString(l.Aliases, "独禁法") {
		t.Errorf("law node = %+v", l)
	}
	if len(res.laws) != 2 || len(res.funds) != 3 {
		t.Errorf("laws %d funds %d, want 2 and 3 (only the ones mentioned)", len(res.laws), len(res.funds))
	}
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDocIndexSurface(t *testing.T) {
	txt, _ := newDocText("t.txt", 0, "", []byte("前置き ＧＸ推\n 進法 と ㈱\n"))
	x := newDocIndex(txt)
	if x.s != "前置きGX推進法と(株)" {
		t.Fatalf("index = %q", x.s)
	}
	line, surface, ok := x.locate("GX推進法", 1, 2)
	if !ok || line != 1 || surface != "ＧＸ推進法" {
		t.Errorf("locate = %d %q %v", line, surface, ok)
	}
	line, surface, ok = x.locate("(株)", 1, 1) // outside the span: nearest
	if !ok || line != 2 || surface != "㈱" {
		t.Errorf("locate = %d %q %v", line, surface, ok)
	}
	if _, _, ok := x.locate("ない", 1, 2); ok {
		t.Error("found text that is not there")
	}
}

func TestFindOrgs(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		text string
		want []string // id=normalised surface
	}{
		// True positives, as the texts write them.
		{"NEXI融資保険を活用した輸出環境改善", []string{"org:NEXI=NEXI"}},
		{"JICや中小機構によるVCへのLP出資等", []string{"org:JIC=JIC", "org:SMRJ=中小機構"}},
		{"東証による資本コスト等を意識した「改善計画」の開示強化", []string{"org:TSE=東証"}},
		{"経済産業研究所（RIETI）が、深尾理事長ほか", []string{"org:RIETI=経済産業研究所", "org:RIETI=RIETI"}},
		{"RIETI産業構造推計モデル", []string{"org:RIETI=RIETI"}}, // a latin name before kanji
		{"DX（半導体・次世代計算基盤構築２兆円超（JASM支援、Rapidus支援等）", []string{"org:JASM=JASM", "org:Rapidus=Rapidus"}},
		{"日本医療研究開発機構（AMED）の3,500億円の基金活用", []string{"org:AMED=日本医療研究開発機構", "org:AMED=AMED"}},
		{"ＧＸ推進機構によるリスク補完", []string{"org:GX推進機構=GX推進機構"}},
		{"脱炭素成長型経済構造移行推進機構の出資により", []string{"org:GX推進機構=脱炭素成長型経済構造移行推進機構"}},
		{"産総研G-QuATの機能強化", []string{"org:AIST=産総研"}},
		{"公取委と連携した（旧）下請法の執行", []string{"org:JFTC=公取委"}},
		{"1WTO改革・WTOの補完", []string{"org:WTO=WTO", "org:WTO=WTO"}}, // ① is 1 under NFKC
		{"G7サミットでの合意", []string{"org:G7=G7"}},
		{"G20などの国際フォーラ", []string{"org:G20=G20"}},
		{"国連機関と連携した途上国の防災力向上", []string{"org:UN=国連"}},
		{"経済産業省と国連ハビタット福岡本部", []string{"org:UN-Habitat=国連ハビタット"}}, // the longer name wins
		{"日ASEAN友好協力50周年", []string{"org:ASEAN=ASEAN"}},
		{"OECD.statに実質賃金が掲載されていない", []string{"org:OECD=OECD"}},

		// False positives that must not match.
		{"JICAの円借款", nil},                       // JICA is its own body, not JIC
		{"UNITEの取組", nil},                       // NITE inside a latin word
		{"EUVリソグラフィ", nil},                      // EU inside a latin word
		{"ISO14001認証", []string{"org:ISO=ISO"}}, // a digit after a latin name is fine
		{"G200", nil},                           // G20 followed by a digit
		{"戦略的な有志国連携の推進", nil},                   // 国連 inside 有志国連携
		{"経済版2+2やQUAD等を通じた各国連携", []string{"org:QUAD=QUAD"}}, // …and inside 各国連携
		{"IPAの調査", nil},         // IPA is not named in the texts, so not in the table
		{"SUBARU・イニシアティブ", nil}, // an initiative's name, not the company
		{"CPTPPを含むEPA等", nil},   // agreements are not bodies
	} {
		var got []string
		n := normalize(tc.text)
		for _, mt := range m.findOrgs(n) {
			got = append(got, m.org(mt.p).ID+"="+n[mt.Start:mt.End])
		}
		if !cmp.Equal(got, tc.want) {
			t.Errorf("findOrgs(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestOrgTableErrors(t *testing.T) {
	for _, tc := range []struct{ name, json, want string }{
		{"unknown kind", `{"organisations":[{"id":"X","name":"エックス機構","kind":"CLUB"}]}`, "unknown kind"},
		{"duplicate id", `{"organisations":[{"id":"X","name":"エックス","kind":"OTHER"},{"id":"X","name":"ワイ","kind":"OTHER"}]}`, "unique id"},
		{"alias of two", `{"organisations":[{"id":"X","name":"エックス","kind":"OTHER"},{"id":"Y","name":"ワイ","aliases":["エックス"],"kind":"OTHER"}]}`, "alias of both"},
		{"too short", `{"organisations":[{"id":"X","name":"X","kind":"OTHER"}]}`, "too short"},
	} {
		if _, err := newMatcher([]byte(tc.json)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestOrgsCorpus pins which bodies each edition names. The lists come from
// grep over NFKC copies of the two files, independently of the matcher:
// latin acronyms (grep -oP '(?<![A-Za-z])[A-Z][A-Za-z]{1,7}(?![A-Za-z])'),
// then 機構|公庫|銀行|取引所|研究所|協会|会議所|庁|委員会, each hit read in context
// (IPEF, CPTPP, JCM are agreements or mechanisms; STOXX an index; ministries
// and generic 大学/地方銀行 are left out).
func TestOrgsCorpus(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	docOf := map[string]string{}
	for _, e := range g.Entities() {
		docOf[e.NodeID()] = policygraph.DocumentOf(e)
	}
	perDoc := map[string]map[string]bool{}
	rels := 0
	for _, r := range g.Relationships {
		if r.Type != policygraph.RelMentionsOrg {
			continue
		}
		rels++
		d := docOf[r.Start]
		if perDoc[d] == nil {
			perDoc[d] = map[string]bool{}
		}
		perDoc[d][strings.TrimPrefix(r.End, "org:")] = true
		// 国連 is named at 2023:684 and 2051 only; 有志国連携 (1512) and 各国連携 (1530) are not it.
		if r.End == "org:UN" && r.Properties["line"] != 684 && r.Properties["line"] != 2051 {
			t.Errorf("%s at line %v", r.ID, r.Properties["line"])
		}
	}
	want := map[string][]string{
		"doc:2023": {"AIST", "AMED", "ASEAN", "AZEC", "COP", "EU", "FSA", "G20", "G7", "GPIF", "GX推進機構", "IEA", "IMD", "IMF",
			"JASM", "JAXA", "JETRO", "JFC", "JIC", "JICPA", "JOGMEC", "JOIC", "Keidanren", "NEDO", "NEXI", "PHRサービス事業協会",
			"QUAD", "RIETI", "Rapidus", "TSE", "UN", "UN-Habitat", "WTO"},
		"doc:2025": {"AIST", "ASEAN", "AZEC", "AZEC-Centre", "BOJ", "DigitalAgency", "G7", "GX推進機構", "IEA", "IPSS", "ISO", "JETRO", "JFTC", "JIC",
			"NEDO", "NEXI", "NITE", "OECD", "RIETI", "SMRJ", "WTO", "WorldBank", "商工会議所"},
	}
	for d, ids := range want {
		var got []string
		for id := range perDoc[d] {
			got = append(got, id)
		}
		if diff := cmp.Diff(ids, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
			t.Errorf("%s organisations (-want +got):\n%s", d, diff)
		}
	}
	if len(g.Organisations) != 44 {
		t.Errorf("%d organisations, want 44 (the union of the two lists)", len(g.Organisations))
	}
	// One relationship per (node, organisation); 102 is what the load gives
	// (2023 OS-3 names 東証 in its prose at 3042 and 3101: one link).
	if rels != 102 {
		t.Errorf("%d MENTIONS_ORG, want 102", rels)
	}
}

// A mention's line is the occurrence that matched: 国連 inside 有志国連携
// on an earlier line of the same node does not take its place.
func TestOrgMentionLine(t *testing.T) {
	m := mustMatcher(t)
	dt, err := newDocText("t.txt", 2023, "doc:2023", []byte("○ 有志国連携の推進と\n国連機関と連携した支援"))
	if err != nil {
		t.Fatal(err)
	}
	pd := &parsedDoc{Doc: &policygraph.Document{ID: "doc:2023", Year: 2023}, Placed: placement{1: "measure:x", 2: "measure:x"},
		Measures: []*policygraph.Measure{{ID: "measure:x", Text: "○ 有志国連携の推進と国連機関と連携した支援",
			Source: policygraph.Source{LineStart: 1, LineEnd: 2}}}}
	res := &orgResult{orgs: map[string]*policygraph.Organisation{}}
	findOrgMentions(m, newDocIndex(dt), pd, res)
	if len(res.rels) != 1 || res.rels[0].End != "org:UN" || res.rels[0].Properties["line"] != 2 || res.rels[0].Properties["surface"] != "国連" {
		t.Errorf("rels = %v", res.rels)
	}
}

// TestAliasTableErrorsCollected: every problem of the laws, funds,
// organisations and pillar concepts is reported, each at the line of the
// value to fix, not only the first.
func TestAliasTableErrorsCollected(t *testing.T) {
	data := `{
  "laws": [
    {"name": "Ａ法"},
    {"name": "B法", "aliases": ["法"]},
    {"name": "C法", "alias": ["シー法"]}
  ],
  "funds": [
    {"name": "D基金",
     "aliases": ["B法"]}
  ],
  "organisations": [
    {"id": "X", "name": "エックス", "kind": "CLUB"},
    {"id": "X", "name": "ワイ", "kind": "OTHER"}
  ],
  "pillars": [{"concept": "x"}],
  "pilars": []
}`
	_, err := newMatcher([]byte(data))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want an ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		"aliases.json:3: alias table: name \"Ａ法\" is not in normalised form",
		"aliases.json:4: alias table: alias \"法\" of B法 is too short",
		"aliases.json:5: alias table: unknown key \"alias\"",
		"aliases.json:9: alias table: \"B法\" is an alias of both B法 and D基金",
		"aliases.json:12: alias table: organisation X has unknown kind \"CLUB\"",
		"aliases.json:13: alias table: organisation 1 needs a unique id",
		"aliases.json:15: alias table: pillar concept 0 needs a concept and keywords",
		"aliases.json:16: alias table: unknown key \"pilars\"",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("error %d = %q, want it to contain %q", i, got[i], want[i])
		}
	}
}

// TestLoadFSAliasTableErrors: a broken alias table stops the load with
// every problem in the report, in line order, as the editions' are.
func TestLoadFSAliasTableErrors(t *testing.T) {
	saved := loadMatcher
	t.Cleanup(func() { loadMatcher = saved })
	loadMatcher = func() (*matcher, error) {
		return newMatcher([]byte("{\n  \"pilars\": [],\n  \"laws\": [{\"name\": \"B法\", \"aliases\": [\"法\"]}]\n}"))
	}
	g, rep, err := LoadFS(seed.FS())
	var got []string
	for _, e := range rep.Errors {
		got = append(got, e.Error())
	}
	want := []string{
		`loader/aliases.json:2: alias table: unknown key "pilars"`,
		`loader/aliases.json:3: alias table: alias "法" of B法 is too short`,
	}
	if len(got) != len(want) || !strings.HasPrefix(got[0], want[0]) || !strings.HasPrefix(got[1], want[1]) {
		t.Errorf("report errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err == nil || !strings.HasPrefix(err.Error(), want[0]) || !strings.Contains(err.Error(), "(and 1 more errors)") {
		t.Errorf("err = %v, want the first problem and a count of the others", err)
	}
	if len(g.Documents) != 0 {
		t.Errorf("%d documents loaded without an alias table", len(g.Documents))
	}
}

// TestProseSpans: a prose run read as a span of the docIndex
// (indexedSpan) is normalize of its lines joined, on the corpus, where
// most runs are read so, and on lines whose indexed output is not their
// normal form (a U+2028 line, blank in Norm; a combining mark, which
// normalize composes across runes).
func TestProseSpans(t *testing.T) {
	man, err := seed.ReadManifest(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range man.Documents {
		d, err := loadDocument(seed.FS(), e)
		if err != nil {
			t.Fatal(err)
		}
		spans, srcs := 0, proseSources(d.pd.index, d.pd)
		for _, src := range srcs {
			want := normalize(strings.Join(d.t.normSlice()[src.from-1:src.to], ""))
			if got := d.pd.index.sourceText(src); got != want {
				t.Errorf("%s lines %d-%d: %q, want %q", e.File, src.from, src.to, got, want)
			}
			if src.norm != "" {
				spans++
			}
		}
		if len(srcs) == 0 || spans < len(srcs)*9/10 {
			t.Errorf("%s: %d of %d prose sources are spans", e.File, spans, len(srcs))
		}
	}
	dt := handText("ＧＸ 推進の", "\u2028", "支援", "か\u3099")
	x := newDocIndex(dt)
	for _, tc := range []struct {
		from, to int
		want     string
		ok       bool
	}{
		{1, 1, "GX推進の", true},
		{1, 2, "", false},
		{3, 3, "支援", true},
		{3, 4, "", false},
	} {
		if got, ok := x.indexedSpan(tc.from, tc.to); got != tc.want || ok != tc.ok {
			t.Errorf("indexedSpan(%d, %d) = %q, %v; want %q, %v", tc.from, tc.to, got, ok, tc.want, tc.ok)
		}
	}
}

// TestFindNamesOneWalk: findNames, which reads each text once for both
// kinds of names, finds what findMentions and findOrgMentions find apart,
// in their order, on both documents of the corpus; and findBoth is find
// and findOrgs on every corpus line and on texts where names overlap,
// touch or are cut short.
func TestFindNamesOneWalk(t *testing.T) {
	m := mustMatcher(t)
	for _, d := range loadSeedDocs(t) {
		res := &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}
		ores := &orgResult{orgs: map[string]*policygraph.Organisation{}}
		findNames(m, d.pd.index, d.pd, res, ores)
		wres := &mentionResult{laws: map[string]*policygraph.Law{}, funds: map[string]*policygraph.Fund{}}
		wores := &orgResult{orgs: map[string]*policygraph.Organisation{}}
		findMentions(m, d.pd.index, d.pd, wres)
		findOrgMentions(m, d.pd.index, d.pd, wores)
		if !reflect.DeepEqual(res, wres) || !reflect.DeepEqual(ores, wores) {
			t.Errorf("%s: findNames differs from findMentions and findOrgMentions", d.t.File)
		}
		if len(wres.rels) == 0 || len(wores.rels) == 0 {
			t.Errorf("%s: %d law and fund mentions, %d organisation mentions: the corpus has both", d.t.File, len(wres.rels), len(wores.rels))
		}
	}
	texts := []string{"", "GX推進法とJICAとJIC", "経済産業省経済産業政策局", "半導体・GI基金とNEDO", "国連", "有志国連携と国連機関", "GI基", "IRAIRA法人"}
	for _, d := range loadSeedDocs(t) {
		for _, l := range d.t.rawLines() {
			texts = append(texts, normalize(l))
		}
	}
	for _, s := range texts {
		names, orgs := m.findBoth(s, true)
		if wn, wo := m.find(s), m.findOrgs(s); !reflect.DeepEqual(names, wn) || !reflect.DeepEqual(orgs, wo) {
			t.Fatalf("findBoth(%q) = %v, %v; want %v, %v", s, names, orgs, wn, wo)
		}
		if names, orgs := m.findBoth(s, false); !reflect.DeepEqual(names, m.find(s)) || orgs != nil {
			t.Fatalf("findBoth(%q, false) = %v, %v", s, names, orgs)
		}
	}
}

// The two walks findNames makes one of, kept as its reference: the law
// and fund mentions alone, and the organisations alone.

// findMentions runs the alias matcher over the measures, targets and pillar
// goals of one parsed document and adds CITES_LAW / USES_FUND with the
// verbatim surface and the 1-based line of the first mention per
// (node, law/fund).
func findMentions(m *matcher, x *docIndex, pd *parsedDoc, res *mentionResult) {
	lm := lawMentions{newMentionScope(m, x, pd), res}
	for src := range mentionSources(x, pd) {
		text := x.sourceText(src)
		lm.add(src, text, m.find(text))
	}
}

// findOrgMentions adds MENTIONS_ORG from the same texts as the law and fund
// mentions (pillar goals included), with the verbatim surface and the line
// of the first mention per (node, organisation).
func findOrgMentions(m *matcher, x *docIndex, pd *parsedDoc, res *orgResult) {
	om := orgMentions{newMentionScope(m, x, pd), res}
	for src := range mentionSources(x, pd) {
		if src.fundsOnly {
			continue
		}
		n := x.sourceText(src)
		om.add(src, n, m.findOrgs(n))
	}
}
