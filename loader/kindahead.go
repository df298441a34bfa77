package loader

import "slices"

// kindAhead is the kind of the first line after lines[i], among the next
// within lines, whose kind is not one of skip: what a heading is over, past
// blank lines and sub-headings. ok is false when every line within is of a
// kind skipped (or there is none).
func kindAhead(lines []slideLine, i, within int, skip ...itemKind) (kind itemKind, ok bool) {
	for j := i + 1; j < len(lines) && j <= i+within; j++ {
		if !slices.Contains(skip, lines[j].kind) {
			return lines[j].kind, true
		}
	}
	return 0, false
}

// kindRun is the end (exclusive) of the run of lines of kind that starts
// at lines[i]: i itself when lines[i] is of another kind.
func kindRun(lines []slideLine, i int, kind itemKind) int {
	for i < len(lines) && lines[i].kind == kind {
		i++
	}
	return i
}
