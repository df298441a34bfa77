package storetest

import (
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// allMeasures is the fixture's document order: year, lineStart, id.
var allMeasures = []string{m1, m2, m3, m4, m5, m6, m7, m8}

func (x *suite) testMeasures(t *testing.T) {
	type F = policygraph.MeasureFilter
	for _, tc := range []struct {
		name string
		f    F
		want []string
	}{
		{"all", F{}, allMeasures},
		{"document", F{DocumentID: doc25}, []string{m7, m8}},
		{"pillar", F{PillarID: p23OS1}, []string{m5, m6}},
		{"group", F{GroupID: gDigital}, []string{m3, m4}},
		{"status", F{Statuses: []string{policygraph.StatusPast}}, []string{m1, m3}},
		{"statuses", F{Statuses: []string{policygraph.StatusTodo, policygraph.StatusFuture}}, []string{m2, m5, m6, m8}},
		{"status unknown", F{Statuses: []string{policygraph.StatusUnknown}}, []string{m4}},
		{"status progress", F{Statuses: []string{policygraph.StatusProgress}}, []string{m7}},
		{"law across editions", F{LawID: lawAntiMon}, []string{m5, m8}},
		{"law cited only by a pillar", F{LawID: lawIRA}, nil},
		{"fund (a target's use does not count)", F{FundID: fundGI}, []string{m1}},
		{"relist", F{Relist: ptr(true)}, []string{m6}},
		{"originals", F{Relist: ptr(false)}, []string{m1, m2, m3, m4, m5, m7, m8}},
		{"overview cells", F{Overview: ptr(true)}, []string{m2}},
		{"detail items", F{Overview: ptr(false)}, []string{m1, m3, m4, m5, m6, m7, m8}},
		// m2 SUMMARIZES m1: counted once while m1 is in the result
		{"distinct", F{Distinct: true}, []string{m1, m3, m4, m5, m6, m7, m8}},
		{"distinct in a pillar", F{PillarID: p23M1, Distinct: true}, []string{m1}},
		{"distinct keeps a cell whose bullet is filtered out", F{Statuses: []string{policygraph.StatusFuture}, Distinct: true}, []string{m2, m5, m6}},
		// Spans: m1 2023-32, m2 2024, m3 2021-23, m5 2024-28, m7 2026, m8 2025-27; m4 and m6 none.
		{"yearFrom keeps spans ending after it", F{YearFrom: 2030}, []string{m1}},
		{"yearTo keeps spans starting before it", F{YearTo: 2022}, []string{m3}},
		{"one year", F{YearFrom: 2025, YearTo: 2025}, []string{m1, m5, m8}},
		{"single-year measure", F{YearFrom: 2026, YearTo: 2026}, []string{m1, m5, m7, m8}},
		{"range edges touch", F{YearFrom: 2023, YearTo: 2023}, []string{m1, m3}},
		{"text, full-width query", F{Text: "ＧＸ経済移行債"}, []string{m1, m7}},
		{"text, half-width query", F{Text: "gx経済移行債"}, []string{m1, m7}},
		{"text, full-width in the data", F{Text: "5G"}, []string{m3}},
		{"text, full-width both", F{Text: "５Ｇ"}, []string{m3}},
		{"text ignores stray spaces", F{Text: "アンモニアのサプライ"}, []string{m2}},
		{"text in title", F{Text: "再掲"}, []string{m6}},
		{"text, no match", F{Text: "量子"}, nil},
		{"combined", F{DocumentID: doc23, Statuses: []string{policygraph.StatusFuture}, YearFrom: 2024}, []string{m2, m5}},
		{"unknown ids match nothing", F{PillarID: "pillar:1999:MISSION-1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Measures(t.Context(), tc.f, policygraph.MeasureOrder{}, policygraph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
			n, err := x.s.CountMeasures(t.Context(), tc.f)
			if err != nil || n != len(tc.want) {
				t.Errorf("CountMeasures = %d, %v; want %d", n, err, len(tc.want))
			}
		})
	}
	for _, tc := range []struct {
		name string
		f    F
	}{
		{"unknown status", F{Statuses: []string{"DONE"}}},
		{"lower-case status", F{Statuses: []string{"past"}}},
		{"yearFrom after yearTo", F{YearFrom: 2030, YearTo: 2020}},
	} {
		t.Run("invalid/"+tc.name, func(t *testing.T) {
			_, err := x.s.Measures(t.Context(), tc.f, policygraph.MeasureOrder{}, policygraph.Page{})
			wantCode(t, err, policygraph.EINVALID)
			_, err = x.s.CountMeasures(t.Context(), tc.f)
			wantCode(t, err, policygraph.EINVALID)
		})
	}
}

func (x *suite) testMeasuresOrder(t *testing.T) {
	for _, tc := range []struct {
		by   string
		want []string
	}{
		{"", allMeasures},
		{"DOCUMENT", allMeasures},
		// Titles by code point: katakana ス デ リ, then 半 (m3 is a prefix of m6), 水, Ｇ.
		{"TITLE", []string{m8, m4, m5, m3, m6, m2, m1, m7}},
		// startYear, unknown last, ties (m2, m5: 2024) in document order.
		{"START_YEAR", []string{m3, m1, m2, m5, m8, m7, m4, m6}},
	} {
		t.Run(tc.by, func(t *testing.T) {
			got, err := x.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{By: tc.by}, policygraph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
			// Desc is the exact reverse, tie-breakers included.
			got, err = x.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{By: tc.by, Desc: true}, policygraph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, reversed(tc.want)...)
		})
	}
	t.Run("order with filter and page", func(t *testing.T) {
		got, err := x.s.Measures(t.Context(), policygraph.MeasureFilter{DocumentID: doc23},
			policygraph.MeasureOrder{By: "START_YEAR", Desc: true}, policygraph.Page{Offset: 1, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		// doc:2023 by START_YEAR desc: m6, m4, m5, m2, m1, m3.
		checkEntities(t, x, got, m4, m5, m2)
	})
	_, err := x.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{By: "RANDOM"}, policygraph.Page{})
	wantCode(t, err, policygraph.EINVALID)
}

func (x *suite) testMeasuresPage(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    policygraph.Page
		want []string
	}{
		{"zero limit means MaxPage", policygraph.Page{}, allMeasures},
		{"first", policygraph.Page{Limit: 3}, []string{m1, m2, m3}},
		{"middle", policygraph.Page{Offset: 2, Limit: 3}, []string{m3, m4, m5}},
		{"last, short", policygraph.Page{Offset: 7, Limit: 5}, []string{m8}},
		{"at the end", policygraph.Page{Offset: 8, Limit: 5}, nil},
		{"past the end", policygraph.Page{Offset: 100}, nil},
		{"MaxPage", policygraph.Page{Offset: 6, Limit: policygraph.MaxPage}, []string{m7, m8}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{}, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
		})
	}
	for _, p := range []policygraph.Page{{Limit: policygraph.MaxPage + 1}, {Offset: -1}, {Limit: -1}} {
		_, err := x.s.Measures(t.Context(), policygraph.MeasureFilter{}, policygraph.MeasureOrder{}, p)
		wantCode(t, err, policygraph.EINVALID)
		_, err = x.s.Targets(t.Context(), policygraph.TargetFilter{}, p)
		wantCode(t, err, policygraph.EINVALID)
	}
}

func (x *suite) testCountMeasures(t *testing.T) {
	want := map[string]int{
		policygraph.StatusPast: 2, policygraph.StatusFuture: 3, policygraph.StatusProgress: 1,
		policygraph.StatusTodo: 1, policygraph.StatusUnknown: 1,
	}
	for st, n := range want {
		got, err := x.s.CountMeasures(t.Context(), policygraph.MeasureFilter{Statuses: []string{st}})
		if err != nil || got != n {
			t.Errorf("CountMeasures(%s) = %d, %v; want %d", st, got, err, n)
		}
	}
	if got, err := x.s.CountMeasures(t.Context(), policygraph.MeasureFilter{}); err != nil || got != 8 {
		t.Errorf("CountMeasures() = %d, %v; want 8", got, err)
	}
}

func (x *suite) testTargets(t *testing.T) {
	type F = policygraph.TargetFilter
	for _, tc := range []struct {
		name string
		f    F
		p    policygraph.Page
		want []string
	}{
		{"all, document order", F{}, policygraph.Page{}, []string{t1, t5, t4, t2, t3}},
		{"page", F{}, policygraph.Page{Offset: 1, Limit: 2}, []string{t5, t4}},
		{"past the end", F{}, policygraph.Page{Offset: 5}, nil},
		{"document", F{DocumentID: doc23}, policygraph.Page{}, []string{t1, t5, t4}},
		{"pillar", F{PillarID: p25OS1}, policygraph.Page{}, []string{t3}},
		{"kind", F{Kind: "INDICATOR"}, policygraph.Page{}, []string{t2}},
		{"yearFrom (no year dropped)", F{YearFrom: 2028}, policygraph.Page{}, []string{t1, t5, t2}},
		{"yearTo", F{YearTo: 2028}, policygraph.Page{}, []string{t3}},
		{"year range", F{YearFrom: 2027, YearTo: 2030}, policygraph.Page{}, []string{t1, t3}},
		{"text", F{Text: "150兆円"}, policygraph.Page{}, []string{t2}},
		{"text, full-width query", F{Text: "４６％"}, policygraph.Page{}, []string{t1}},
		{"text, shared", F{Text: "投資"}, policygraph.Page{}, []string{t5, t4, t2, t3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Targets(t.Context(), tc.f, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
			n, err := x.s.CountTargets(t.Context(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if tc.p == (policygraph.Page{}) && n != len(tc.want) {
				t.Errorf("CountTargets = %d, want %d", n, len(tc.want))
			}
		})
	}
	for _, f := range []F{{Kind: "GOAL"}, {YearFrom: 2030, YearTo: 2020}} {
		_, err := x.s.Targets(t.Context(), f, policygraph.Page{})
		wantCode(t, err, policygraph.EINVALID)
		_, err = x.s.CountTargets(t.Context(), f)
		wantCode(t, err, policygraph.EINVALID)
	}
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}
