package loader

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Where the cells of a table break, once the extraction has flattened it
// into paragraphs of lines: a line ends its cell when it closes a
// parenthesis or ends in one of the layout's final words (cellEnds), a
// line can hold two cells side by side (splitTwoCells), and a short dated
// line over the cells labels them rather than opening one (isDatedLabel,
// endsKana). Nothing here is one layout's but the words its cells end
// with, which the caller passes (interim2023.cellEndWords); the 2023
// overview and macro tables are read with it today.

// reCellBreak is a break between two cells on one line: a closing
// bracket, spaces, and the next cell's first rune.
var reCellBreak = regexp.MustCompile(`[）)][ 　]+[^（(\s]`)

// reDatedLabel is a short dated label of a table ("2025年大阪・関西万博"):
// a year and a name, no verb, no parenthesis.
var reDatedLabel = regexp.MustCompile(`^(?:19|20)\d{2}年[^()、。:]{1,12}$`)

// isDatedLabel is reDatedLabel.MatchString(n), run only on a text that
// starts as it requires: the backtracker is slow on the long lines of a
// table, which all reach it.
func isDatedLabel(n string) bool {
	return (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) && reDatedLabel.MatchString(n)
}

// cellBreak is reCellBreak.FindStringIndex(raw), run only on a line
// holding a closing bracket then a space, which a match starts with.
func cellBreak(raw string) []int {
	if !strings.Contains(raw, ") ") && !strings.Contains(raw, ")　") && !strings.Contains(raw, "） ") && !strings.Contains(raw, "）　") {
		return nil
	}
	return reCellBreak.FindStringIndex(raw)
}

// splitTwoCells cuts a line holding two cells side by side ("…（2022年度～）
// 両基金の…") after the first one's closing bracket: the two cells,
// trimmed, and false when the line holds one.
func splitTwoCells(raw string) (left, right string, ok bool) {
	loc := cellBreak(raw)
	if loc == nil {
		return "", "", false
	}
	cut := loc[0] + len("）")
	if raw[loc[0]] == ')' {
		cut = loc[0] + 1
	}
	return trimSpaces(raw[:cut]), trimSpaces(raw[cut:]), true
}

// endsKana: the line ends in hiragana (a particle or verb ending:
// "2030年までに" is the start of a broken sentence, not a label).
func endsKana(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimSpaces(s))
	return unicode.Is(unicode.Hiragana, r)
}

// cellEnds reports whether a table line ends its cell: it closes a
// parenthesis or ends in one of words, the final words of the layout's
// cells (…の実施, …の強化).
func cellEnds(s string, words []string) bool {
	s = trimSpaces(s)
	if strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")") {
		return true
	}
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
