package loader

import (
	"regexp"
	"testing"

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
