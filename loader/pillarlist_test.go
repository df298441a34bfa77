package loader

import (
	"slices"
	"testing"

	"github.com/policygraph/policygraph"
)

// TestPillarList counts the items of lists of pillars as the 2023 key
// messages print them (the missions' names, lines 168–175, then the OS
// names 179–183; the goals under ＜…需要の例＞, 233–248), a list of
// another kind counting the other kind's pillars.
func TestPillarList(t *testing.T) {
	const mission, os = policygraph.KindMission, policygraph.KindOS
	for _, c := range []struct {
		name string
		ops  []string // "open KIND", "close" or "next"
		want []string // what each next read: a key, or "-" for no list open
	}{
		{"items before a list are none", []string{"next", "open " + mission, "next", "next"},
			[]string{"-", "MISSION-1", "MISSION-2"}},
		{"the same items in a list of the other kind", []string{"next", "open " + os, "next", "next"},
			[]string{"-", "OS-1", "OS-2"}},
		{"a new list counts from one", []string{"open " + mission, "next", "next", "next", "open " + os, "next"},
			[]string{"MISSION-1", "MISSION-2", "MISSION-3", "OS-1"}},
		{"closed, then opened again", []string{"open " + os, "next", "close", "next", "open " + os, "next"},
			[]string{"OS-1", "-", "OS-1"}},
		{"opening no kind closes", []string{"open " + mission, "next", "open ", "next"},
			[]string{"MISSION-1", "-"}},
	} {
		var l pillarList
		var got []string
		for _, op := range c.ops {
			switch {
			case op == "close":
				l.close()
			case op == "next":
				key, ok := l.next()
				if !ok {
					key = "-"
				}
				got = append(got, key)
			default:
				l.open(op[len("open "):])
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: read %q, want %q", c.name, got, c.want)
		}
	}
}
