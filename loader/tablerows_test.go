package loader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of line a grammar might give, for TestReadTableRows.
const (
	trBlank itemKind = iota
	trText
	trTitle
	trPage
	trRow   // a row heading: the grammar's own
	trLabel // a side label, one character a line: the grammar's own, read with the next line
	trHead  // the next table's header
)

// TestReadTableRows walks an overview table's body made of the 2023
// seed's lines (574–628, shortened), as the 2023 grammar tells its kinds
// of line, and told otherwise.
func TestReadTableRows(t *testing.T) {
	type line struct {
		kind itemKind
		text string
	}
	body := []line{
		{trText, "機微なデータのより適切な管理や情報通信技術サービスの安全性・信頼性確保に向けた対策の検討"}, // 1
		{trBlank, ""},
		{trTitle, "各分野（ミクロ）の主要施策"},
		{trText, "PHRを活用した新たなサービスの創出に向けた実証"},
		{trText, "PHRサービス事業協会と連携し、医療機関等におけるPHR"}, // 5
		{trText, "の利活用促進に向けたデータ標準化及びルール整備"},
		{trBlank, ""},
		{trText, "左同"},
		{trText, "プログラム医療機器の開発及び研究開発に係る支援"},
		{trRow, "〇サプライチェーンの強靱化、技術優位性の確保"}, // 10
		{trText, "経済的威圧に関して政府全体で検討する体制・枠組みの構築"},
		{trLabel, "ミ"},
		{trLabel, "ッ"},
		{trText, "経済安全保障に係る情報を収集・集約・発信"},
		{trPage, "21"}, // 15
		{trHead, "新機軸の"},
		{trText, "施策の柱"},
	}
	layout := tableRowKinds{blank: trBlank, ends: []itemKind{trHead}, own: []itemKind{trRow, trLabel},
		placed:    []kindPlacement{{trTitle, "furniture:section-title"}, {trPage, "furniture:page-number"}},
		emptyCell: "左同", emptyAs: "skipped:same-as-left-cell"}
	noEmptyCell := layout
	noEmptyCell.emptyCell = ""
	noEnd := layout
	noEnd.ends = nil
	titleEnds := layout
	titleEnds.ends = []itemKind{trTitle}
	for _, c := range []struct {
		name  string
		kinds tableRowKinds
		want  []string // the paragraphs, lines the grammar read, placements, and where the walk stopped
	}{
		{"the 2023 grammar's kinds", layout, []string{
			"cells [1]", "3 furniture:section-title", "cells [4 5 6]", "8 skipped:same-as-left-cell", "cells [9]",
			"own 10", "cells [11]", "own 12-13", "cells [14]", "15 furniture:page-number", "stop 14"}},
		{"no empty cell", noEmptyCell, []string{
			"cells [1]", "3 furniture:section-title", "cells [4 5 6]", "cells [8 9]",
			"own 10", "cells [11]", "own 12-13", "cells [14]", "15 furniture:page-number", "stop 14"}},
		{"nothing ends the table", noEnd, []string{
			"cells [1]", "3 furniture:section-title", "cells [4 5 6]", "8 skipped:same-as-left-cell", "cells [9]",
			"own 10", "cells [11]", "own 12-13", "cells [14]", "15 furniture:page-number", "cells [16 17]", "stop 17"}},
		{"the title ends the table", titleEnds, []string{"cells [1]", "stop 1"}},
	} {
		raw := make([]string, len(body))
		for j, l := range body {
			raw[j] = l.text
		}
		dt, err := newDocTextString("table.txt", 2023, "doc:2023", strings.Join(raw, "\n")+"\n")
		if err != nil {
			t.Fatal(err)
		}
		b := newDocBuilder(dt)
		for j, l := range body {
			b.lines[j].kind = l.kind
		}
		var got []string
		lastPlaced := 0
		notePlaced := func(upTo int) { // what the walk placed before line upTo
			for ; lastPlaced+1 < upTo && lastPlaced+1 <= len(body); lastPlaced++ {
				if id := b.pd.Placed.at(lastPlaced + 1); id != "" {
					got = append(got, fmt.Sprint(lastPlaced+1, " ", id))
				}
			}
		}
		own := func(j int) int {
			notePlaced(j + 1)
			if b.lines[j].kind == trLabel { // the label's run
				end := j
				for end+1 < len(body) && b.lines[end+1].kind == trLabel {
					end++
				}
				got = append(got, fmt.Sprintf("own %d-%d", j+1, end+1))
				lastPlaced = end + 1
				return end
			}
			got = append(got, fmt.Sprint("own ", j+1))
			lastPlaced = j + 1
			return j
		}
		cells := func(lines []int) {
			notePlaced(lines[0])
			got = append(got, fmt.Sprint("cells ", lines))
			lastPlaced = lines[len(lines)-1]
		}
		stop := b.readTableRows(0, &c.kinds, own, cells)
		notePlaced(len(body) + 1)
		got = append(got, fmt.Sprint("stop ", stop))
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, d)
		}
	}
}
