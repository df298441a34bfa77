package loader

import (
	"strings"
	"testing"
)

// shapeWrapRoles tells readWrapped what a line is by its shape alone, as
// a layout with no words of its own would: text continues, （…） continues
// right under, blank may be crossed, anything else ends the bullet.
func shapeWrapRoles(lines []slideLine) func(int) wrapRole {
	return func(j int) wrapRole {
		switch lines[j].shape {
		case shapeBlank:
			return wrapBlank
		case shapeText:
			return wrapText
		case shapeEnclosed:
			return wrapEnclosed
		}
		return wrapStop
	}
}

// TestReadWrapped reads bullets of the 2023 detail pages (the lines of
// testdata/2023/detail.txt and of the seed) with their wrapped lines.
func TestReadWrapped(t *testing.T) {
	for _, c := range []struct {
		name        string
		lines       []string // the bullet first
		acrossBlank bool
		text        string
		to          int // last line read (1-based)
	}{
		{"wrapped onto the next line", []string{
			"○ 排出量取引制度の導入（ＧＸリーグにおいて2023年度から「排出量取引制度」を試行的に開始し、2026年度から本格稼働。",
			"発電事業者には、2033年度から段階的に「有償オークション」を導入（特定事業者負担金））",
			"",
			"⚫ 2050年カーボンニュートラルCNに向けて重要となる戦略を策"}, true,
			"排出量取引制度の導入（ＧＸリーグにおいて2023年度から「排出量取引制度」を試行的に開始し、2026年度から本格稼働。発電事業者には、2033年度から段階的に「有償オークション」を導入（特定事業者負担金））", 2},
		{"broken mid-word across a blank line", []string{
			"⚫ 2050年カーボンニュートラルCNに向けて重要となる戦略を策", "", "定（グリーン成長戦略等）。", "", "（半導体）"}, true,
			"2050年カーボンニュートラルCNに向けて重要となる戦略を策定（グリーン成長戦略等）。", 3},
		{"no blank crossed without acrossBlank", []string{
			"⚫ 2050年カーボンニュートラルCNに向けて重要となる戦略を策", "", "定（グリーン成長戦略等）。"}, false,
			"2050年カーボンニュートラルCNに向けて重要となる戦略を策", 1},
		{"a finished bullet ends at a blank line", []string{
			"● スタートアップ育成5か年計画の着実な遂行（2022年度から開始）", "", "定（グリーン成長戦略等）。"}, true,
			"スタートアップ育成5か年計画の着実な遂行（2022年度から開始）", 1},
		{"a blank then a sub-heading ends it", []string{
			"○ 発電事業者には、2033年度から段階的に", "", "（半導体）"}, true,
			"発電事業者には、2033年度から段階的に", 1},
		{"a （…） line right under continues it", []string{
			"○ 女性起業家支援の強化", "（子育て支援・女性活躍支援に取り組む企業への補助金審査の際の加点措置導入）", "次の行"}, true,
			"女性起業家支援の強化（子育て支援・女性活躍支援に取り組む企業への補助金審査の際の加点措置導入）次の行", 3},
		{"the next bullet ends it", []string{
			"○ ディープテック・スタートアップ政策パッケージ（再掲）", "● スタートアップ育成5か年計画の着実な遂行"}, true,
			"ディープテック・スタートアップ政策パッケージ（再掲）", 1},
		{"a blank line ending the text ends it", []string{"○ 賃上げ税制の拡充の", ""}, true, "賃上げ税制の拡充の", 1},
	} {
		dt, err := newDocTextString("wrapped.txt", 2023, "doc:2023", strings.Join(c.lines, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		lines := lexSlides(dt)
		b := readWrapped(dt, len(lines), 0, lines[0].body(dt.raw(0)), c.acrossBlank, shapeWrapRoles(lines))
		if b.text != c.text || b.from != 1 || b.to != c.to || b.last != c.to-1 {
			t.Errorf("%s: read %q, lines %d–%d (last item %d); want %q, lines 1–%d", c.name, b.text, b.from, b.to, b.last, c.text, c.to)
		}
	}
}

// TestWrapKinds: a grammar's kinds told as wrap roles (the 2023 detail
// pages' blank, text and （…） kinds), and the same kinds told otherwise.
func TestWrapKinds(t *testing.T) {
	const (
		blank itemKind = iota
		text
		sub
		bullet
	)
	for _, c := range []struct {
		kinds wrapKinds
		want  [4]wrapRole // of blank, text, sub, bullet
	}{
		{wrapKinds{blank: blank, text: text, enclosed: sub}, [4]wrapRole{wrapBlank, wrapText, wrapEnclosed, wrapStop}},
		{wrapKinds{blank: blank, text: sub, enclosed: text}, [4]wrapRole{wrapBlank, wrapEnclosed, wrapText, wrapStop}},
		{wrapKinds{blank: bullet, text: text, enclosed: blank}, [4]wrapRole{wrapEnclosed, wrapText, wrapStop, wrapBlank}},
	} {
		for k, want := range c.want {
			if got := c.kinds.role(itemKind(k)); got != want {
				t.Errorf("%+v: role of kind %d = %d, want %d", c.kinds, k, got, want)
			}
		}
	}
}
