package textsearch

import "testing"

func TestFulltextQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"・", ""},
		{"法", "*法*"},
		{"g", "*g*"},
		{"推進法", "推進 AND 進法"},
		{"ＧＸ推進法", "*gx* AND 推進 AND 進法"}, // x推 crosses scripts: left out
		{"5G", "*5g*"},
		{"GX-ETS", "*gx* AND *et* AND *ts*"},
		{"基金基金", "基金 AND 金基"},
	} {
		if got := FulltextQuery(tc.in); got != tc.want {
			t.Errorf("FulltextQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
