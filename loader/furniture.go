package loader

// Slide furniture every layout of the council prints, told from the shapes
// of the shared lexer (lex.go) and a line's neighbours: the pieces of a
// vertical label, printed page numbers, chart values. Which part of a
// document may hold which is the grammar's to say.

// verticalPiece: line i is one character next to another one-character
// line, a piece of a label printed vertically (ミ / ク / ロ).
func verticalPiece(lines []slideLine, i int) bool {
	return singleAt(lines, i) && (singleAt(lines, i-1) || singleAt(lines, i+1))
}

// singleAt: line i exists and is one character.
func singleAt(lines []slideLine, i int) bool {
	return i >= 0 && i < len(lines) && lines[i].shape == shapeSingle
}

// numericLine: line i holds numbers only (a lone number or chart values).
func numericLine(lines []slideLine, i int) bool {
	s := lines[i].shape
	return s == shapeNumber || s == shapeNumbers
}

// pageNumberAt: line i is a lone number printed as a page number, between
// blank lines and not among other numbers. A lone number glued to a line
// above or below is a chart value with its label and unit (（総労働時間） /
// 922 / 億時間, 総額 / 233 / 兆円); one next to other numbers is a value of
// the same chart.
func pageNumberAt(t *docText, lines []slideLine, i int) bool {
	return lines[i].shape == shapeNumber && !numericNeighbour(t, lines, i) && blankAround(t, i)
}

// blankAround: the lines before and after line i are blank (or absent).
func blankAround(t *docText, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < t.lineCount() && t.norm(j) != "" {
			return false
		}
	}
	return true
}

// numericNeighbour: the nearest non-blank line before or after line i
// holds numbers only (the one before decides when there is one).
func numericNeighbour(t *docText, lines []slideLine, i int) bool {
	for _, d := range []int{-1, 1} {
		for j := i + d; j >= 0 && j < t.lineCount(); j += d {
			if t.norm(j) == "" {
				continue
			}
			return numericLine(lines, j)
		}
	}
	return false
}
