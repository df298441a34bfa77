package loader

import "strings"

// A vertical label: a side label of a slide printed one character a line
// (ミ / ッ / シ / ョ / ン / 志 / 向 / …), which the extraction gives as a
// run of one-character lines. A run shorter than minVerticalRun is no
// label: a chart mark, or a lone ／ between the goals of a cell. The 2023
// grammar reads its labels so (its side labels and overview-table heads);
// the 2025 one has its own rule (verticalPiece: a run of two, or one
// character opening a page), as its extraction cut labels shorter.

const minVerticalRun = 3

// verticalRun is the end (exclusive) of the run of one-character lines
// that starts at lines[i]: i itself when lines[i] is none.
func verticalRun(lines []slideLine, i int) int {
	j := i
	for j < len(lines) && lines[j].shape == shapeSingle {
		j++
	}
	return j
}

// verticalText is the label lines[i:end] spell, in matching form.
func verticalText(lines []slideLine, i, end int) string {
	var label strings.Builder
	for k := i; k < end; k++ {
		label.WriteString(lines[k].flat)
	}
	return label.String()
}

// placeVerticalLabel places the run of one-character lines from item i of
// b as a vertical label, and returns what it spells and the index of its
// last line; a run shorter than minVerticalRun is no label (ok false):
// its first line is placed as a chart mark, and is the last read.
func (b *docBuilder) placeVerticalLabel(i int) (label string, last int, ok bool) {
	j := verticalRun(b.lines, i)
	if j-i < minVerticalRun {
		b.place(i+1, "furniture:chart-mark")
		return "", i, false
	}
	b.placeRange(i+1, j, "furniture:vertical-label")
	return verticalText(b.lines, i, j), j - 1, true
}
