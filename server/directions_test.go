package server_test

import (
	"slices"
	"testing"

	"github.com/policygraph/policygraph/server"
)

// TestDirectionGroups: each 政策の方向性 of 2025 reaches its （n） headings
// through groups (and each heading its direction), and the bullets of those groups are exactly the
// direction's measures, so a frontend can show a direction as headings with
// their bullets (24 bullets under 11 headings in the seed).
func TestDirectionGroups(t *testing.T) {
	f := newFixture(t, server.Config{}, seedStore(t))
	var r struct {
		Document struct {
			Directions []struct {
				ID       string
				Measures []struct{ ID string }
				Groups   []struct {
					ID        string
					Name      string
					Pillar    *struct{ ID string }
					Direction *struct{ ID string }
					Measures  []struct{ ID string }
				}
			}
		}
	}
	mustQuery(t, f, `{ document(id: "doc:2025") { directions { id measures { id } groups { id name pillar { id } direction { id } measures { id } } } } }`, &r)
	groups, bullets := 0, 0
	for _, d := range r.Document.Directions {
		var direct, grouped []string
		for _, m := range d.Measures {
			direct = append(direct, m.ID)
		}
		for _, g := range d.Groups {
			if g.Name == "" || g.Pillar != nil || len(g.Measures) == 0 || g.Direction == nil || g.Direction.ID != d.ID {
				t.Errorf("%s: group %+v: want a name, no pillar, measures, and the direction back", d.ID, g)
			}
			for _, m := range g.Measures {
				grouped = append(grouped, m.ID)
			}
		}
		slices.Sort(direct)
		slices.Sort(grouped)
		if !slices.Equal(direct, grouped) {
			t.Errorf("%s: measures %v, measures of its groups %v", d.ID, direct, grouped)
		}
		groups += len(d.Groups)
		bullets += len(direct)
	}
	if len(r.Document.Directions) != 3 || groups != 11 || bullets != 24 {
		t.Errorf("%d directions, %d groups, %d bullets; the seed has 3, 11, 24", len(r.Document.Directions), groups, bullets)
	}
	var pl struct {
		Pillar struct {
			Groups []struct{ Direction *struct{ ID string } }
		}
	}
	mustQuery(t, f, `{ pillar(id: "pillar:2025:MISSION-1") { groups { direction { id } } } }`, &pl)
	for _, g := range pl.Pillar.Groups {
		if g.Direction != nil {
			t.Errorf("a pillar's group has direction %s", g.Direction.ID)
		}
	}
	if len(pl.Pillar.Groups) == 0 {
		t.Error("pillar:2025:MISSION-1 has no groups")
	}
}

// TestGroupDirectionAlone asks MeasureGroup.direction on its own, through
// node(id:), for a direction's heading and for a pillar's group.
func TestGroupDirectionAlone(t *testing.T) {
	f := newFixture(t, server.Config{}, seedStore(t))
	var d struct {
		Document struct {
			Directions []struct {
				ID     string
				Groups []struct{ ID string }
			}
		}
	}
	mustQuery(t, f, `{ document(id: "doc:2025") { directions { id groups { id } } } }`, &d)
	if len(d.Document.Directions) == 0 || len(d.Document.Directions[0].Groups) == 0 {
		t.Fatal("no direction with a group in the seed")
	}
	dir, group := d.Document.Directions[0].ID, d.Document.Directions[0].Groups[0].ID
	var n struct {
		Node struct{ Direction *struct{ ID string } }
	}
	mustQuery(t, f, `{ node(id: "`+group+`") { ... on MeasureGroup { direction { id } } } }`, &n)
	if n.Node.Direction == nil || n.Node.Direction.ID != dir {
		t.Errorf("node(%s).direction = %+v, want %s", group, n.Node.Direction, dir)
	}
	var p struct {
		Pillar struct{ Groups []struct{ ID string } }
	}
	mustQuery(t, f, `{ pillar(id: "pillar:2023:MISSION-1") { groups { id } } }`, &p)
	if len(p.Pillar.Groups) == 0 {
		t.Fatal("pillar:2023:MISSION-1 has no groups")
	}
	n.Node.Direction = nil
	mustQuery(t, f, `{ node(id: "`+p.Pillar.Groups[0].ID+`") { ... on MeasureGroup { direction { id } } } }`, &n)
	if n.Node.Direction != nil {
		t.Errorf("a pillar's group has direction %s", n.Node.Direction.ID)
	}
}
