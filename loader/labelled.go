package loader

import (
	"strings"
	"unicode/utf8"
)

// cutLabel reads a labelled text, a label and a colon before it (full- or
// half-width): "ＧＸ：今後10年で150兆円超の官民投資" is the label ＧＸ and
// the text after the colon, both trimmed; a pillar heading's name follows
// its ミッション①： label alike. found is false when s holds no colon.
func cutLabel(s string) (label, text string, found bool) {
	i := strings.IndexAny(s, "：:")
	if i < 0 {
		return s, "", false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return trimSpaces(s[:i]), trimSpaces(s[i+n:]), true
}
