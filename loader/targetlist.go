package loader

import "strings"

// A list of targets under a heading: goals under a heading that says their
// term (⚫ 当面見据える長期目標, 中期目標), a sub-bullet each (readList),
// or indicators after a head, one a line ((関連指標) ・a … / ・b / ・c 83).
// Which kind of line is a sub-bullet, text or a remark is the grammar's to
// say (listKinds), the words that head and explain the lists are the
// layout's (targetWords); how a list is read from them is not, so any
// layout's grammar can call this (the 2023 one does today).

// targetWords are the words a layout heads and explains its lists of
// targets with, in flat form unless said.
type targetWords struct {
	// A heading holding head heads goals, long-term ones unless it holds
	// midTerm too.
	head, midTerm string
	// A line starting with indicatorHead (indicatorHeadRaw as printed)
	// lists indicators, each after indicatorBullet (raw).
	indicatorHead, indicatorHeadRaw, indicatorBullet string
	// A listed goal holding one of explanations explains the indicator
	// chosen: it is no goal.
	explanations []string
}

// goalsHeaded is the kind of target a heading (flat) heads goals of:
// LONG_TERM, MID_TERM, or "" when it heads none.
func (w *targetWords) goalsHeaded(flat string) string {
	switch {
	case !strings.Contains(flat, w.head):
		return ""
	case strings.Contains(flat, w.midTerm):
		return "MID_TERM"
	}
	return "LONG_TERM"
}

// headsIndicators reports whether a line (flat) starts a list of
// indicators.
func (w *targetWords) headsIndicators(flat string) bool {
	return strings.HasPrefix(flat, w.indicatorHead)
}

// readTargets reads the list of targets whose first line is lines[i] of
// t (readList), as kinds tells what a line is: with indicators, one an
// item a line, each without the head, its bullet and a page number glued
// to it; else goals, which a line heading indicators ends. It returns the
// goals, the items that explain an indicator instead, and the index of
// the first line not read.
func (w *targetWords) readTargets(t *docText, lines []slideLine, i int, indicators bool, kinds *listKinds) (goals, explained []listedItem, next int) {
	role := func(j int) listRole {
		r := kinds.role(lines[j].kind)
		if r == listText && !indicators && w.headsIndicators(lines[j].flat) {
			return listStop // the indicators after the goals
		}
		return r
	}
	body := func(j int) string {
		k := lines[j].kind
		b := trimSpaces(t.raw(j))
		if k == kinds.item {
			b = lines[j].body(t.raw(j))
		}
		if indicators && k != kinds.note {
			b = cutTrailingPage(strings.TrimPrefix(trimSpaces(strings.TrimPrefix(b, w.indicatorHeadRaw)), w.indicatorBullet))
		}
		return b
	}
	list, next := readList(len(lines), i, indicators, role, body)
	goals = list[:0] // the goals in place: explanations are few
	for _, it := range list {
		if !indicators && containsAny(it.text, w.explanations) {
			explained = append(explained, it)
			continue
		}
		goals = append(goals, it)
	}
	return goals, explained, next
}
