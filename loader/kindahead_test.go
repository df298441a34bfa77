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
