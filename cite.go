package policygraph

import (
	"strconv"
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
	// One allocation: every source of a load is cited.
	var b strings.Builder
	var num [20]byte
	n := len(s.File) + 64
	if d != nil {
		n += len(d.Publisher) + len(d.Title)
	}
	b.Grow(n)
	if d != nil {
		b.WriteString(d.Publisher)
		b.WriteString("「")
		b.WriteString(citeTitle(d.Publisher, d.Title))
		b.WriteString("」")
		if d.Year > 0 {
			b.WriteString("(")
			b.Write(strconv.AppendInt(num[:0], int64(d.Year), 10))
			b.WriteString("年)")
		}
	}
	if s.Page > 0 {
		b.WriteString(" p. ")
		b.Write(strconv.AppendInt(num[:0], int64(s.Page), 10))
	}
	b.WriteString("（")
	b.WriteString(s.File)
	b.WriteString(" ")
	b.Write(strconv.AppendInt(num[:0], int64(s.LineStart), 10))
	if s.LineEnd > s.LineStart {
		b.WriteString("–")
		b.Write(strconv.AppendInt(num[:0], int64(s.LineEnd), 10))
	}
	b.WriteString("行）")
	return strings.TrimSpace(b.String())
}

// citeTitle strips from title the longest space-separated tail of publisher
// that it starts with.
func citeTitle(publisher, title string) string {
	words := strings.Fields(publisher)
	for i := range words {
		if rest, ok := cutWords(title, words[i:]); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return title
}

// cutWords is strings.CutPrefix(title, strings.Join(words, " ")+" ")
// without building the prefix.
func cutWords(title string, words []string) (string, bool) {
	for i, w := range words {
		if i > 0 {
			if !strings.HasPrefix(title, " ") {
				return title, false
			}
			title = title[1:]
		}
		if !strings.HasPrefix(title, w) {
			return title, false
		}
		title = title[len(w):]
	}
	return strings.CutPrefix(title, " ")
}

// SetCitation fills the document fields of s (edition, title, citation)
// from d; Page must be set first.
func (s *Source) SetCitation(d *Document) {
	s.Edition, s.DocumentTitle = d.Edition, d.Title
	s.Citation = Cite(d, *s)
}
