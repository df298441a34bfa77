package loader

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

// Cells of the 2025 tables (testdata/2025/columns.txt), by what their
// width says under the 2025 rules.
var (
	narrowWrapped = []string{"「ＧＸ２０４０ビジョン」・「第７次エネルギー基本計画」・", "「地球温暖化対策計画」を一体的に策定"} // 56 wide
	wideWrapped   = []string{"省エネの徹底に加え、再エネ、原子力などエネルギー自給率向上に資する脱炭素エネルギー供給拡",
		"大のための事業環境整備等・低炭素水素等やCCSなどの新たな脱炭素技術の社会実装を推進"} // 88 wide
	wideOneLine = []string{"公正取引委員会と連携して複数社連携における課題対応を引き続き実施"} // 64 wide
	pastOneLine = []string{"ＧＸ推進法の改正が成立"}                      // 22 wide: the wording says progress
	todoOneLine = []string{"バイオ人材の育成・確保に向けた取組を引き続き実施"}         // 48 wide: the wording says TODO
	bareOneLine = []string{"量子コンピュータの産業化"}                     // nothing says
)

func cellsOf(texts ...[]string) []*tableCell {
	out := make([]*tableCell, len(texts))
	for i, t := range texts {
		out[i] = &tableCell{lines: textItems(10*i+1, t...)}
	}
	return out
}

// The 2025 column rules with one field changed.
func columnRules2025(change func(*columnRules)) columnRules {
	r := interim2025Tables.columns
	if change != nil {
		change(&r)
	}
	return r
}

func TestColumnOf(t *testing.T) {
	tests := []struct {
		name   string
		change func(*columnRules)
		cell   []string
		want   tableColumn
	}{
		{"narrow wrap", nil, narrowWrapped, columnNarrow},
		{"wide wrap", nil, wideWrapped, columnWide},
		{"one line too wide for the narrow column", nil, wideOneLine, columnWide},
		{"one short line", nil, pastOneLine, columnUnknown},
		{"narrow wrap, narrower wide column", func(r *columnRules) { r.wrappedWideMin = 50 }, narrowWrapped, columnWide},
		{"wide one line, wider narrow column", func(r *columnRules) { r.oneLineWideMin = 65 }, wideOneLine, columnUnknown},
		{"short line, narrower narrow column", func(r *columnRules) { r.oneLineWideMin = 20 }, pastOneLine, columnWide},
	}
	for _, tt := range tests {
		r := columnRules2025(tt.change)
		if got := r.columnOf(cellsOf(tt.cell)[0]); got != tt.want {
			t.Errorf("%s: column %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestStatuses: a cell whose width does not tell takes its neighbours'
// column, the one before first, else its wording says.
func TestStatuses(t *testing.T) {
	P, T, U := policygraph.StatusProgress, policygraph.StatusTodo, policygraph.StatusUnknown
	tests := []struct {
		name   string
		change func(*columnRules)
		cells  [][]string
		want   []string
	}{
		{"between narrow cells", nil, [][]string{narrowWrapped, todoOneLine, narrowWrapped}, []string{P, P, P}},
		{"after a run", nil, [][]string{wideWrapped, pastOneLine, narrowWrapped}, []string{T, T, P}},
		{"before a run", nil, [][]string{pastOneLine, bareOneLine, wideOneLine}, []string{T, T, T}},
		{"past wording", nil, [][]string{pastOneLine}, []string{P}},
		{"past wording before 。", nil, [][]string{{"ＧＸ推進法の改正が成立。"}}, []string{P}},
		{"todo wording", nil, [][]string{todoOneLine}, []string{T}},
		{"no wording", nil, [][]string{bareOneLine}, []string{U}},
		{"no cells", nil, nil, []string{}},
		{"statuses swapped", func(r *columnRules) { r.narrowStatus, r.wideStatus = T, P },
			[][]string{narrowWrapped, wideWrapped, pastOneLine}, []string{T, P, P}},
		{"other cues", func(r *columnRules) {
			r.narrowCue, r.wideCue = regexp.MustCompile(`産業化$`), regexp.MustCompile(`成立`)
		},
			[][]string{pastOneLine, {"x"}, {"量子コンピュータの産業化。"}, {"x"}}, []string{T, U, P, U}},
		{"a wider narrow column", func(r *columnRules) { r.wrappedWideMin = 90 },
			[][]string{wideWrapped, pastOneLine}, []string{P, P}},
	}
	for _, tt := range tests {
		r := columnRules2025(tt.change)
		if diff := cmp.Diff(tt.want, r.statuses(cellsOf(tt.cells...))); diff != "" {
			t.Errorf("%s: statuses (-want +got):\n%s", tt.name, diff)
		}
	}
}
