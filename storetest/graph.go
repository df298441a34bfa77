package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

func (x *suite) testNeighbourhood(t *testing.T) {
	amM5, amM8 := relID("CITES_LAW", m5, lawAntiMon), relID("CITES_LAW", m8, lawAntiMon)
	for _, tc := range []struct {
		name          string
		id            string
		depth, limit  int
		nodes, rels   []string
		wantTruncated bool
	}{
		{"depth 0", m6, 0, 0, []string{m6}, nil, false},
		// Nodes by (distance, label order of policygraph.Labels, id);
		// relationships among them by id, HAS_GROUP included.
		{"depth 1", m6, 1, 0, []string{m6, p23OS1, gReskill, m3}, []string{
			relID("HAS_GROUP", p23OS1, gReskill), relID("HAS_MEASURE", p23OS1, m6),
			relID("IN_GROUP", m6, gReskill), relID("RELISTS", m6, m3),
		}, false},
		{"depth 2", lawAntiMon, 2, 0, []string{lawAntiMon, m5, m8, p23OS1, p25OS1, gReskill}, []string{
			amM5, amM8, relID("HAS_GROUP", p23OS1, gReskill),
			relID("HAS_MEASURE", p23OS1, m5), relID("HAS_MEASURE", p25OS1, m8),
			relID("IN_GROUP", m5, gReskill),
		}, false},
		{"limit equal to the size", lawAntiMon, 2, 6, []string{lawAntiMon, m5, m8, p23OS1, p25OS1, gReskill}, []string{
			amM5, amM8, relID("HAS_GROUP", p23OS1, gReskill),
			relID("HAS_MEASURE", p23OS1, m5), relID("HAS_MEASURE", p25OS1, m8),
			relID("IN_GROUP", m5, gReskill),
		}, false},
		{"truncated", lawAntiMon, 2, 4, []string{lawAntiMon, m5, m8, p23OS1}, []string{
			amM5, amM8, relID("HAS_MEASURE", p23OS1, m5),
		}, true},
		{"isolated node", lawEcoSec, 4, 0, []string{lawEcoSec}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Neighbourhood(t.Context(), tc.id, tc.depth, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got.Nodes, tc.nodes...)
			x.checkRels(t, got.Relationships, tc.rels...)
			if got.Truncated != tc.wantTruncated {
				t.Errorf("Truncated = %v, want %v", got.Truncated, tc.wantTruncated)
			}
		})
	}
	for _, tc := range []struct {
		name         string
		id           string
		depth, limit int
		code         string
	}{
		{"unknown id", "nope", 1, 0, policygraph.ENOTFOUND},
		{"negative depth", m1, -1, 0, policygraph.EINVALID},
		{"depth above MaxDepth", m1, policygraph.MaxDepth + 1, 0, policygraph.ELIMIT},
		{"negative limit", m1, 1, -1, policygraph.EINVALID},
		{"limit above MaxPage", m1, 1, policygraph.MaxPage + 1, policygraph.ELIMIT},
	} {
		t.Run("error/"+tc.name, func(t *testing.T) {
			_, err := x.s.Neighbourhood(t.Context(), tc.id, tc.depth, tc.limit)
			wantCode(t, err, tc.code)
		})
	}
}

func (x *suite) testPaths(t *testing.T) {
	// path is a Path by ids: nodes then relationships.
	type path struct{ Nodes, Rels []string }
	viaM1 := path{[]string{p23M1, m1, m7}, []string{relID("HAS_MEASURE", p23M1, m1), relID("EVOLVES_FROM", m7, m1)}}
	viaP25 := path{[]string{p23M1, p25M1, m7}, []string{relID("CONTINUES", p25M1, p23M1), relID("HAS_MEASURE", p25M1, m7)}}
	for _, tc := range []struct {
		name           string
		from, to       string
		maxHops, limit int
		want           []path
		avoid          []string
	}{
		{"through a shared law", m5, m8, 4, 0, []path{{
			[]string{m5, lawAntiMon, m8}, []string{relID("CITES_LAW", m5, lawAntiMon), relID("CITES_LAW", m8, lawAntiMon)},
		}}, nil},
		{"maxHops too small", m5, m8, 1, 0, nil, nil},
		{"maxHops zero", m5, m8, 0, 0, nil, nil},
		{"direct, against the direction", m1, m7, 8, 0, []path{{[]string{m1, m7}, []string{relID("EVOLVES_FROM", m7, m1)}}}, nil},
		{"all shortest, by node ids", p23M1, m7, 3, 0, []path{viaM1, viaP25}, nil},
		{"limit", p23M1, m7, 3, 1, []path{viaM1}, nil},
		{"three hops", doc23, lawAntiMon, 3, 0, []path{{
			[]string{doc23, p23OS1, m5, lawAntiMon},
			[]string{relID("HAS_PILLAR", doc23, p23OS1), relID("HAS_MEASURE", p23OS1, m5), relID("CITES_LAW", m5, lawAntiMon)},
		}}, nil},
		{"same node", m1, m1, 2, 0, []path{{[]string{m1}, nil}}, nil},
		{"unreachable", lawEcoSec, m1, policygraph.MaxHops, 0, nil, nil},
		{"avoid a label on the way", p23M1, m7, 3, 0, []path{viaP25}, []string{policygraph.LabelMeasure}},
		{"avoid: the ends may have the label", doc23, lawAntiMon, 3, 0, []path{{
			[]string{doc23, p23OS1, m5, lawAntiMon},
			[]string{relID("HAS_PILLAR", doc23, p23OS1), relID("HAS_MEASURE", p23OS1, m5), relID("CITES_LAW", m5, lawAntiMon)},
		}}, []string{policygraph.LabelDocument, policygraph.LabelLaw}},
		// Without the shared law the shortest way is through both editions.
		{"avoid: the shortest path that passes", m5, m8, 8, 0, []path{{
			[]string{m5, p23OS1, doc23, p23M1, p25M1, doc25, p25OS1, m8},
			[]string{relID("HAS_MEASURE", p23OS1, m5), relID("HAS_PILLAR", doc23, p23OS1), relID("HAS_PILLAR", doc23, p23M1),
				relID("CONTINUES", p25M1, p23M1), relID("HAS_PILLAR", doc25, p25M1), relID("HAS_PILLAR", doc25, p25OS1), relID("HAS_MEASURE", p25OS1, m8)},
		}}, []string{policygraph.LabelLaw}},
		{"avoid: none within maxHops", m5, m8, 6, 0, nil, []string{policygraph.LabelLaw}},
		{"avoid: no way round", m5, m8, 8, 0, nil, []string{policygraph.LabelLaw, policygraph.LabelDocument}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Paths(t.Context(), tc.from, tc.to, tc.maxHops, tc.limit, tc.avoid...)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []path
			for _, p := range got {
				var rels []string
				for _, r := range p.Relationships {
					x.checkRel(t, r)
					rels = append(rels, r.ID)
				}
				for _, n := range p.Nodes {
					x.checkEntity(t, n)
				}
				gotIDs = append(gotIDs, path{ids(p.Nodes), rels})
			}
			if diff := cmp.Diff(tc.want, gotIDs, cmpOpts...); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for _, tc := range []struct {
		name           string
		from, to       string
		maxHops, limit int
		code           string
	}{
		{"unknown from", "nope", m1, 2, 0, policygraph.ENOTFOUND},
		{"unknown to", m1, "nope", 2, 0, policygraph.ENOTFOUND},
		{"negative maxHops", m1, m7, -1, 0, policygraph.EINVALID},
		{"maxHops above MaxHops", m1, m7, policygraph.MaxHops + 1, 0, policygraph.ELIMIT},
		{"negative limit", m1, m7, 2, -1, policygraph.EINVALID},
		{"limit above MaxPage", m1, m7, 2, policygraph.MaxPage + 1, policygraph.ELIMIT},
	} {
		t.Run("error/"+tc.name, func(t *testing.T) {
			_, err := x.s.Paths(t.Context(), tc.from, tc.to, tc.maxHops, tc.limit)
			wantCode(t, err, tc.code)
		})
	}
}
