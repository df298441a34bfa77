package loader

import (
	"regexp"
	"strings"
)

// A list of sub-bullets under a heading (➢ 経済的目標：… / ➢ 社会的目標：…,
// or a list of indicators, one a line), read up to the next heading:
// an item's wrapped lines continue it even across blank lines, as the
// pages that print such lists are double-spaced, and a lead-in item that
// ends in 、 joins the next one. Which line is a sub-bullet, text, a remark
// or a heading is the layout's to say (its grammar's kinds); how a list is
// read from them is not, so any layout's grammar can call this (the 2023
// one does today).

// listRole is what a line is to a list being read.
type listRole uint8

const (
	listStop  listRole = iota // ends the list: a heading, another kind of bullet
	listBlank                 // skipped: the list goes on after it
	listItem                  // a sub-bullet: opens an item
	listText                  // plain text or a （…） line: continues an item
	listNote                  // ⇒… or ※…: continues an item
)

// listedItem is one item of a list: its text and its first and last lines.
type listedItem struct {
	text     string
	from, to int
}

// readList reads the list whose first line is item i, reading no further
// than item n-1, as role tells what item j is and body gives its text
// (after its bullet). With oneALine every sub-bullet or text line is an
// item of its own (a list of indicators); else text opens no item and a
// list that starts with text is empty. It returns the items and the index
// of the first item not read.
func readList(n, i int, oneALine bool, role func(j int) listRole, body func(j int) string) ([]listedItem, int) {
	var list []listedItem
	var cur lineJoiner
	open := false // cur holds an item, from..to
	from, to := 0, 0
	push := func() {
		if open {
			list = append(list, listedItem{cur.String(), from, to})
		}
		cur, open = lineJoiner{}, false
	}
	pending := "" // a lead-in ending in "、" joins the next item
	pendFrom := 0
	j := i
loop:
	for ; j < n; j++ {
		line := j + 1
		switch r := role(j); {
		case r == listBlank:
			continue
		case oneALine && (r == listItem || r == listText):
			push()
			cur.add(body(j))
			open, from, to = true, line, line
		case r == listItem:
			push()
			b := body(j)
			open, from, to = true, line, line
			if pending != "" {
				cur.add(pending)
				from, pending = pendFrom, ""
			}
			cur.add(b)
			if strings.HasSuffix(b, "、") {
				pending, pendFrom = cur.String(), from
				cur, open = lineJoiner{}, false
			}
		case r == listText || r == listNote:
			if !open {
				break loop
			}
			cur.add(body(j))
			to = line
		default:
			break loop
		}
	}
	push()
	return list, j
}

// reTrailingPage is a page number glued to the end of the last line of a
// page.
var reTrailingPage = regexp.MustCompile(`\s+\d{1,3}$`)

// cutTrailingPage is s without a page number glued to its end, trimmed.
func cutTrailingPage(s string) string {
	return trimSpaces(reTrailingPage.ReplaceAllString(s, ""))
}

// listKinds tells a list's reader what a line is by its kind
// (slideLine.kind), for a grammar whose kinds say it alone: blank, a
// sub-bullet, text (of either of two kinds) or a remark; a line of any
// other kind ends the list.
type listKinds struct {
	blank, item, note itemKind
	text              [2]itemKind
}

// role is what a line of kind is to the list.
func (k *listKinds) role(kind itemKind) listRole {
	switch kind {
	case k.blank:
		return listBlank
	case k.item:
		return listItem
	case k.text[0], k.text[1]:
		return listText
	case k.note:
		return listNote
	}
	return listStop
}
