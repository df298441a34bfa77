package loader

import "strings"

// A bullet of a slide and the lines its text wraps onto, read as one item:
// the extraction breaks a bullet wherever the slide's text box did, and a
// line broken mid-word may even go on after a blank line. Which lines are
// plain text, blank, a heading or another bullet is the layout's to say
// (its grammar's kinds); how a bullet is read from them is not, so any
// layout's grammar can call this (the 2023 one does today).

// wrapRole is what a line is to the bullet read above it.
type wrapRole uint8

const (
	wrapStop     wrapRole = iota // ends the bullet: another bullet, a heading, a title
	wrapBlank                    // a blank line: the bullet may go on after it
	wrapText                     // plain text: continues the bullet
	wrapEnclosed                 // （…） wholly on a line: continues the bullet right under its last line only
)

// wrappedBullet is a bullet read with its wrapped lines: its joined text,
// its first and last lines (numbers) and the index of its last item.
type wrappedBullet struct {
	text     string
	from, to int
	last     int
}

// readWrapped reads the bullet at item i of t, whose text after the bullet
// is body, and the items after it that continue it, as role tells what
// item j is: plain text continues it, a （…） line right under its last
// line does too, and with acrossBlank one blank line does not end it when
// the text so far does not end a sentence (endsComplete) and plain text
// follows. It reads no further than item n-1.
func readWrapped(t *docText, n, i int, body string, acrossBlank bool, role func(j int) wrapRole) wrappedBullet {
	var tj lineJoiner
	tj.add(body)
	b := wrappedBullet{from: i + 1, to: i + 1, last: i}
	for j := i + 1; j < n; j++ {
		r := role(j)
		if r == wrapBlank {
			if !acrossBlank || endsComplete(tj.last) || j+1 >= n {
				break
			}
			// one blank line, then a plain continuation
			if role(j+1) != wrapText {
				break
			}
			j++
			r = wrapText
		}
		if r != wrapText && !(r == wrapEnclosed && j == b.last+1) {
			break
		}
		tj.add(trimSpaces(t.raw(j)))
		b.to, b.last = j+1, j
	}
	b.text = tj.String()
	return b
}

// endsComplete: a line ending in r ends a sentence or a parenthesis, so
// what follows a blank line is not its continuation.
func endsComplete(r rune) bool {
	return strings.ContainsRune("。）)」】", r)
}

// wrapKinds tells readWrapped what a line is by its kind (slideLine.kind),
// for a grammar whose kinds say it alone: blank, plain text, or （…）
// wholly on a line; a line of any other kind ends the bullet.
type wrapKinds struct {
	blank, text, enclosed itemKind
}

// role is what a line of kind is to the bullet above it.
func (k *wrapKinds) role(kind itemKind) wrapRole {
	switch kind {
	case k.blank:
		return wrapBlank
	case k.text:
		return wrapText
	case k.enclosed:
		return wrapEnclosed
	}
	return wrapStop
}
