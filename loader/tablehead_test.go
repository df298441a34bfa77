package loader

import (
	"fmt"
	"slices"
	"testing"
)

// TestTableHead tells the heads of the 2023 seed's tables: an overview
// table's 新機軸の / 施策の柱 cell over its column header (lines 364–367),
// the macro framework's column header (268) with none above it.
func TestTableHead(t *testing.T) {
	for _, c := range []struct {
		name  string
		lines string // c: the cell, h: the column header, b: blank, o: any other line
		want  []string
	}{
		{"an overview table", "occbhob", []string{"table from 2"}},
		{"cells apart, blank lines between", "cbbcbh", []string{"table from 1"}},
		{"a cell far above", "cbohch", []string{"no table", "table from 5"}},
		{"no cell", "obh", []string{"no table"}},
		{"one cell, two headers", "chbh", []string{"table from 1", "no table"}},
	} {
		var h tableHead
		var got []string
		for j, r := range c.lines {
			line := j + 1
			switch r {
			case 'c':
				h.cell(line)
			case 'h':
				if top, ok := h.header(); ok {
					got = append(got, fmt.Sprint("table from ", top))
				} else {
					got = append(got, "no table")
				}
			case 'o':
				h.other()
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
