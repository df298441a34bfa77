package loader

import "testing"

// TestKindAhead looks past blank lines and sub-headings from a 【】
// heading, as the 2023 grammar does to tell a theme over measures (the
// seed's lines 1480–1484 are such a heading, blank, （半導体）, blank, ⚫),
// within a window and skipping what it is told.
func TestKindAhead(t *testing.T) {
	const (
		blank itemKind = iota
		heading
		sub
		bullet
		text
	)
	lines := make([]slideLine, 7)
	for j, k := range []itemKind{heading, blank, sub, blank, bullet, text, bullet} {
		lines[j].kind = k
	}
	for _, c := range []struct {
		name   string
		i      int
		within int
		skip   []itemKind
		kind   itemKind
		ok     bool
	}{
		{"the bullet past a sub-heading", 0, 7, []itemKind{blank, sub}, bullet, true},
		{"the sub-heading, not skipped", 0, 7, []itemKind{blank}, sub, true},
		{"nothing skipped: the blank line", 0, 7, nil, blank, true},
		{"the bullet out of reach", 0, 3, []itemKind{blank, sub}, 0, false},
		{"the bullet just within reach", 0, 4, []itemKind{blank, sub}, bullet, true},
		{"all skipped to the end", 4, 7, []itemKind{text, bullet}, 0, false},
		{"the last line: none after it", 6, 7, nil, 0, false},
	} {
		kind, ok := kindAhead(lines, c.i, c.within, c.skip...)
		if kind != c.kind || ok != c.ok {
			t.Errorf("%s: kindAhead from %d within %d = %d, %v; want %d, %v", c.name, c.i, c.within, kind, ok, c.kind, c.ok)
		}
	}
}

// TestKindRun: the run of a package's purpose statement and its wrapped
// text lines (seed lines 2862–2863), of whatever kind it is told.
func TestKindRun(t *testing.T) {
	const (
		blank itemKind = iota
		bullet
		text
	)
	lines := make([]slideLine, 6)
	for j, k := range []itemKind{bullet, text, text, blank, text, bullet} {
		lines[j].kind = k
	}
	for _, c := range []struct {
		from int
		kind itemKind
		end  int
	}{
		{1, text, 3},
		{0, text, 0}, // a bullet: no run of text
		{0, bullet, 1},
		{3, blank, 4},
		{4, text, 5},
		{5, bullet, 6}, // to the end
		{6, bullet, 6},
	} {
		if end := kindRun(lines, c.from, c.kind); end != c.end {
			t.Errorf("kindRun from %d of kind %d = %d, want %d", c.from, c.kind, end, c.end)
		}
	}
}
