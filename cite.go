package policygraph

import (
	"fmt"
	"strings"
)

// Cite returns the Japanese-style citation of source s in document d:
//
//	{publisher}「{title}」({year}年) p. {page}（{file} {lines}行）
//
// for example
//
//	経済産業省 産業構造審議会 経済産業政策新機軸部会「第2次中間整理」(2023年) p. 37（000_69167627890d1468.txt 1613行）
//
// The title drops a leading part that repeats the end of the publisher
// (the manifest titles the report "産業構造審議会 経済産業政策新機軸部会
// 第2次中間整理" and names the 部会 as publisher), as the manifest's own
// attribution does. lines is "1613" or "1613–1620" (en dash). Without a page
// (0) the " p. N" part is left out; without a year, the "(N年)" part.
func Cite(d *Document, s Source) string {
	var b strings.Builder
	if d != nil {
		b.WriteString(d.Publisher)
		fmt.Fprintf(&b, "「%s」", citeTitle(d.Publisher, d.Title))
		if d.Year > 0 {
			fmt.Fprintf(&b, "(%d年)", d.Year)
		}
	}
	if s.Page > 0 {
		fmt.Fprintf(&b, " p. %d", s.Page)
	}
	lines := fmt.Sprint(s.LineStart)
	if s.LineEnd > s.LineStart {
		lines = fmt.Sprintf("%d–%d", s.LineStart, s.LineEnd)
	}
	fmt.Fprintf(&b, "（%s %s行）", s.File, lines)
	return strings.TrimSpace(b.String())
}

// citeTitle strips from title the longest space-separated tail of publisher
// that it starts with.
func citeTitle(publisher, title string) string {
	words := strings.Fields(publisher)
	for i := range words {
		tail := strings.Join(words[i:], " ")
		if rest, ok := strings.CutPrefix(title, tail+" "); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

// SetCitation fills the document fields of s (edition, title, citation)
// from d; Page must be set first.
func (s *Source) SetCitation(d *Document) {
	s.Edition, s.DocumentTitle = d.Edition, d.Title
	s.Citation = Cite(d, *s)
}
