package loader

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/policygraph/policygraph/internal/nfkc"

	"github.com/policygraph/policygraph/seed"
)

func TestIDSetUniqueAs(t *testing.T) {
	s := idSet{}
	steps := []struct{ id, role, want string }{
		{"m:1", "PROGRESS", "m:1"},    // the first keeps the bare id
		{"m:1", "TODO", "m:1-todo"},   // a repeat is named by its role
		{"m:1", "TODO", "m:1-todo-2"}, // the same role again: a counter
		{"t:1", "KEY_MESSAGE", "t:1"}, //
		{"t:1", "LONG_TERM", "t:1-long-term"},
		{"t:1", "", "t:1-2"}, // no role: a counter
	}
	for i, st := range steps {
		if got := s.uniqueAs(st.id, st.role); got != st.want {
			t.Errorf("step %d: uniqueAs(%q, %q) = %q, want %q", i, st.id, st.role, got, st.want)
		}
	}
}

// TestIDsNotByPosition: no node id of the corpus is told apart from
// another by a position counter (-2, -3 …); repeats are named by role.
func TestIDsNotByPosition(t *testing.T) {
	g, _, err := LoadFS(seed.FS())
	if err != nil {
		t.Fatal(err)
	}
	counter := regexp.MustCompile(`:[0-9a-f]{8}(-[a-z-]+)?-[0-9]+$`)
	for _, n := range g.Entities() {
		if id := n.NodeID(); counter.MatchString(id) {
			t.Errorf("%s: id by position", id)
		}
	}
}

// TestNormalizeOnePass: normalize, which maps and drops spaces in one pass,
// is dropSpaces(nfkc.String(s)) — on every line of both documents, on
// neighbouring lines joined (as node texts are), and on the cases where
// the one pass hands over to the two steps part way.
func TestNormalizeOnePass(t *testing.T) {
	texts := []string{"", " ", "\t\r\n", "GX推進法", "ＧＸ 推進\u3000法", "ＧＸ推進法 ｶﾞｽ", "① 施策…", "か\u3099",
		"ＧＸか\u3099", "a\u3000b\u2028c", "\u3000", "Ⅱ期 ", "２０３０年度　４６％削減", "\uf070 GI基金"}
	for _, year := range []int{2023, 2025} {
		raw := corpusText(t, year).rawSlice()
		texts = append(texts, raw...)
		for i := 1; i < len(raw); i++ {
			texts = append(texts, raw[i-1]+raw[i], strings.Join(raw[max(0, i-5):i], "\n"))
		}
	}
	for _, s := range texts {
		if got, want := normalize(s), dropSpaces(nfkc.String(s)); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestOnlyFormOfKei: the relist checks (wholeRelist,
// stripRelistMarkers) skip normalize for a text without 掲, which is right
// only if no other rune's NFKC form holds 掲.
func TestOnlyFormOfKei(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == '掲' || !utf8.ValidRune(r) {
			continue
		}
		if strings.Contains(normalize(string(r)), "掲") {
			t.Errorf("%U %q normalises to %q", r, r, normalize(string(r)))
		}
	}
}
