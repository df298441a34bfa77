package loader

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadList reads lists of goals and indicators of the 2023 concept
// pages (seed lines 1248–1252, 1441–1446, 3388–3392), telling lines by
// their shapes alone as a layout with no words of its own would.
func TestReadList(t *testing.T) {
	for _, c := range []struct {
		name     string
		lines    []string // the list, from its first line
		oneALine bool
		want     []listedItem
		next     int // index of the first line not read
	}{
		{"double-spaced goals, wrapped across blanks", []string{
			"➢ 半導体：2030年までに、10兆円超規模の官民による追加投資を行い、国内で半導体を生産する企業の合計売上",
			"",
			"高（半導体関連）を15兆円超とする。",
			"",
			"➢ 蓄電池：今後10年間で７兆円超規模の官民による追加投資を行う。",
			"",
			"⚫ 当面見据える中期目標",
		}, false, []listedItem{
			{"半導体：2030年までに、10兆円超規模の官民による追加投資を行い、国内で半導体を生産する企業の合計売上高（半導体関連）を15兆円超とする。", 1, 3},
			{"蓄電池：今後10年間で７兆円超規模の官民による追加投資を行う。", 5, 5},
		}, 6},
		{"a lead-in ending in 、 joins the next item", []string{
			"➢ 若者（特に地域）の可処分所得・可処分時間の拡大を通じて、",
			"➢ 出生率を向上する。",
			"※ 注記",
			"21",
		}, false, []listedItem{
			{"若者（特に地域）の可処分所得・可処分時間の拡大を通じて、出生率を向上する。※ 注記", 1, 3},
		}, 3},
		{"text before any item: no list", []string{
			"21", "➢ 経済的目標：今後10年間で、150兆円超の官民ＧＸ投資を実現する。",
		}, false, nil, 0},
		{"indicators, one a line", []string{
			"（関連指標） ・新たな政策評価方針に基づく適切なミッション・KPI・メトリクス設定の数",
			"",
			"・因果推論を含む効果検証を実施した予算事業数",
			"",
			"・デジタル技術の活用を含めたデータに関する研修の受講者数 83",
			" OS⑤：EBPM・データ駆動型行政 （これまでの施策、今後の施策）",
		}, true, []listedItem{
			{"（関連指標） ・新たな政策評価方針に基づく適切なミッション・KPI・メトリクス設定の数", 1, 1},
			{"・因果推論を含む効果検証を実施した予算事業数", 3, 3},
			{"・デジタル技術の活用を含めたデータに関する研修の受講者数 83", 5, 5},
			{"OS⑤：EBPM・データ駆動型行政 （これまでの施策、今後の施策）", 6, 6},
		}, 6},
	} {
		dt, err := newDocTextString("list.txt", 2023, "doc:2023", strings.Join(c.lines, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		lines := lexSlides(dt)
		role := func(j int) listRole {
			switch lines[j].shape {
			case shapeBlank:
				return listBlank
			case shapeBullet:
				if strings.ContainsRune("➢–•✓", lines[j].bullet()) {
					return listItem
				}
			case shapeText, shapeEnclosed:
				return listText
			case shapeNote:
				return listNote
			}
			return listStop
		}
		body := func(j int) string {
			if lines[j].shape == shapeBullet {
				return lines[j].body(dt.raw(j))
			}
			return trimSpaces(dt.raw(j))
		}
		got, next := readList(len(lines), 0, c.oneALine, role, body)
		if d := cmp.Diff(c.want, got, cmp.AllowUnexported(listedItem{})); d != "" || next != c.next {
			t.Errorf("%s: next %d, want %d; items (-want +got):\n%s", c.name, next, c.next, d)
		}
	}
}

// TestCutTrailingPage: a page number glued to a slide's last line goes,
// one of the text stays.
func TestCutTrailingPage(t *testing.T) {
	for in, want := range map[string]string{
		"・デジタル技術の活用を含めたデータに関する研修の受講者数 83": "・デジタル技術の活用を含めたデータに関する研修の受講者数",
		"・因果推論を含む効果検証を実施した予算事業数":          "・因果推論を含む効果検証を実施した予算事業数",
		"2050年 カーボンニュートラル":                "2050年 カーボンニュートラル",
		"今後10年で 1000":                     "今後10年で 1000",
	} {
		if got := cutTrailingPage(in); got != want {
			t.Errorf("cutTrailingPage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestListKinds: a grammar's kinds told as list roles (the 2023 concept
// pages' blank, ➢, text, （…） and ※ kinds), and the same kinds told
// otherwise.
func TestListKinds(t *testing.T) {
	const (
		blank itemKind = iota
		arrow
		text
		sub
		note
		heading
	)
	for _, c := range []struct {
		kinds listKinds
		want  [6]listRole // of blank … heading
	}{
		{listKinds{blank: blank, item: arrow, text: [2]itemKind{text, sub}, note: note},
			[6]listRole{listBlank, listItem, listText, listText, listNote, listStop}},
		{listKinds{blank: blank, item: text, text: [2]itemKind{arrow, arrow}, note: heading},
			[6]listRole{listBlank, listText, listItem, listStop, listStop, listNote}},
	} {
		for k, want := range c.want {
			if got := c.kinds.role(itemKind(k)); got != want {
				t.Errorf("%+v: role of kind %d = %d, want %d", c.kinds, k, got, want)
			}
		}
	}
}
