package policygraph

import (
	"fmt"
	"strings"
	"testing"
)

func TestCite(t *testing.T) {
	meti := &Document{
		Title:     "産業構造審議会 経済産業政策新機軸部会 第2次中間整理",
		Edition:   "第2次中間整理",
		Year:      2023,
		Publisher: "経済産業省 産業構造審議会 経済産業政策新機軸部会",
	}
	tests := []struct {
		name string
		doc  *Document
		src  Source
		want string
	}{
		{"one line, the title without the publisher's 部会 repeated", meti,
			Source{File: "000_69167627890d1468.txt", LineStart: 1613, LineEnd: 1613, Page: 37},
			"経済産業省 産業構造審議会 経済産業政策新機軸部会「第2次中間整理」(2023年) p. 37（000_69167627890d1468.txt 1613行）"},
		{"a line range", meti,
			Source{File: "a.txt", LineStart: 10, LineEnd: 12, Page: 3},
			"経済産業省 産業構造審議会 経済産業政策新機軸部会「第2次中間整理」(2023年) p. 3（a.txt 10–12行）"},
		{"no page", meti,
			Source{File: "a.txt", LineStart: 10, LineEnd: 10},
			"経済産業省 産業構造審議会 経済産業政策新機軸部会「第2次中間整理」(2023年)（a.txt 10行）"},
		{"a title that does not repeat the publisher is kept whole",
			&Document{Title: "ものづくり白書", Year: 2024, Publisher: "経済産業省"},
			Source{File: "b.txt", LineStart: 1, LineEnd: 1, Page: 1},
			"経済産業省「ものづくり白書」(2024年) p. 1（b.txt 1行）"},
		{"a title that is only the publisher is kept whole",
			&Document{Title: "経済産業政策新機軸部会", Publisher: "経済産業省 経済産業政策新機軸部会"},
			Source{File: "b.txt", LineStart: 1, LineEnd: 1},
			"経済産業省 経済産業政策新機軸部会「経済産業政策新機軸部会」（b.txt 1行）"},
		{"no document", nil,
			Source{File: "b.txt", LineStart: 4, LineEnd: 5, Page: 2},
			"p. 2（b.txt 4–5行）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Cite(tc.doc, tc.src); got != tc.want {
				t.Errorf("Cite = %q\n want %q", got, tc.want)
			}
			// a Citer made once cites every source of its document alike
			c := NewCiter(tc.doc)
			for range 2 {
				if got := c.Cite(tc.src); got != tc.want {
					t.Errorf("Citer.Cite = %q\n want %q", got, tc.want)
				}
			}
		})
	}
}

func TestSetCitation(t *testing.T) {
	d := &Document{Title: "T", Edition: "E", Year: 2025, Publisher: "P"}
	s := Source{File: "f.txt", LineStart: 2, LineEnd: 2, Page: 5}
	s.SetCitation(d)
	if s.Edition != "E" || s.DocumentTitle != "T" || s.Citation != "P「T」(2025年) p. 5（f.txt 2行）" {
		t.Errorf("SetCitation: %+v", s)
	}
	s2 := Source{File: "f.txt", LineStart: 2, LineEnd: 2, Page: 5}
	if NewCiter(d).Set(&s2); s2 != s {
		t.Errorf("Citer.Set: %+v, SetCitation: %+v", s2, s)
	}
}

// citeFmt is Cite as it was written with fmt and strings.Join; Cite, built
// in one allocation, must answer as it does.
func citeFmt(d *Document, s Source) string {
	var b strings.Builder
	if d != nil {
		b.WriteString(d.Publisher)
		title := d.Title
		words := strings.Fields(d.Publisher)
		for i := range words {
			tail := strings.Join(words[i:], " ")
			if rest, ok := strings.CutPrefix(d.Title, tail+" "); ok && strings.TrimSpace(rest) != "" {
				title = strings.TrimSpace(rest)
				break
			}
		}
		fmt.Fprintf(&b, "「%s」", title)
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

func TestCiteAsFmt(t *testing.T) {
	pubs := []string{"", " ", "経済産業省", "経済産業省 産業構造審議会 経済産業政策新機軸部会", "  A\tB  C ", "A B"}
	titles := []string{"", "T", "産業構造審議会 経済産業政策新機軸部会 第2次中間整理", "B C  x", "B  C x", "A B ", "A B x", "B C\tx", "C x "}
	srcs := []Source{{File: "f.txt", LineStart: 3, LineEnd: 3}, {File: " g ", LineStart: 10, LineEnd: 12, Page: 7},
		{LineStart: -2, LineEnd: -5, Page: -1}, {File: "x", LineStart: 0, LineEnd: 1, Page: 1000000}}
	for _, p := range pubs {
		for _, ti := range titles {
			for _, y := range []int{0, 2023, -1} {
				for _, s := range srcs {
					d := &Document{Publisher: p, Title: ti, Year: y}
					if got, want := Cite(d, s), citeFmt(d, s); got != want {
						t.Errorf("Cite(%+v, %+v) = %q, want %q", d, s, got, want)
					}
				}
			}
		}
	}
	for _, s := range srcs {
		if got, want := Cite(nil, s), citeFmt(nil, s); got != want {
			t.Errorf("Cite(nil, %+v) = %q, want %q", s, got, want)
		}
	}
}
