package loader

import "testing"

// TestFurniture tells the furniture of the 2025 macro pages: the chart
// value 922 glued to its label and unit, a page number between blank
// lines, a page number's twin next to chart values, a vertical label.
func TestFurniture(t *testing.T) {
	dt := handText(
		"（総労働時間）",  // 1
		"922",      // 2: a chart value with its label and unit
		"億時間",      // 3
		"",         // 4
		"15",       // 5: a page number
		"",         // 6
		"ミ",        // 7: a vertical label
		"ク",        // 8
		"ロ",        // 9
		"",         // 10
		" 康",       // 11: one character, alone
		"2.3 ▲1.5", // 12: chart values
		"",         // 13
		"40",       // 14: between blank lines, but next to chart values
		"",         // 15
	)
	lines := lexSlides(dt)
	tests := []struct {
		line                            int
		vertical, single, numeric, page bool
	}{
		{1, false, false, false, false},
		{2, false, false, true, false},
		{5, false, false, true, true},
		{7, true, true, false, false},
		{8, true, true, false, false},
		{9, true, true, false, false},
		{11, false, true, false, false},
		{12, false, false, true, false},
		{14, false, false, true, false},
	}
	for _, tt := range tests {
		i := tt.line - 1
		if got := verticalPiece(lines, i); got != tt.vertical {
			t.Errorf("line %d: verticalPiece %v, want %v", tt.line, got, tt.vertical)
		}
		if got := singleAt(lines, i); got != tt.single {
			t.Errorf("line %d: singleAt %v, want %v", tt.line, got, tt.single)
		}
		if got := numericLine(lines, i); got != tt.numeric {
			t.Errorf("line %d: numericLine %v, want %v", tt.line, got, tt.numeric)
		}
		if got := pageNumberAt(dt, lines, i); got != tt.page {
			t.Errorf("line %d: pageNumberAt %v, want %v", tt.line, got, tt.page)
		}
	}
	if singleAt(lines, -1) || singleAt(lines, len(lines)) {
		t.Error("singleAt outside the lines")
	}
}
