package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

func (x *suite) testRelated(t *testing.T) {
	out, in := policygraph.Outgoing, policygraph.Incoming
	for _, tc := range []struct {
		name string
		ids  []string
		q    policygraph.RelQuery
		want map[string][]hop
	}{
		{"outgoing, batched, missing ids absent", []string{m1, m7, m8, "nope", m2},
			policygraph.RelQuery{Type: policygraph.RelCitesLaw, Direction: out},
			map[string][]hop{
				m1: {{relID("CITES_LAW", m1, lawGX), lawGX}},
				m7: {{relID("CITES_LAW", m7, lawGX), lawGX}},
				m8: {{relID("CITES_LAW", m8, lawAntiMon), lawAntiMon}},
			}},
		{"incoming, across editions in document order", []string{lawGX, lawAntiMon, lawEcoSec},
			policygraph.RelQuery{Type: policygraph.RelCitesLaw, Direction: in},
			map[string][]hop{
				lawGX:      {{relID("CITES_LAW", m1, lawGX), m1}, {relID("CITES_LAW", m7, lawGX), m7}},
				lawAntiMon: {{relID("CITES_LAW", m5, lawAntiMon), m5}, {relID("CITES_LAW", m8, lawAntiMon), m8}},
			}},
		{"incoming, ordered by lineStart within a year", []string{m7, m1},
			policygraph.RelQuery{Type: policygraph.RelHasMeasure, Direction: in},
			map[string][]hop{
				m7: {{relID("HAS_MEASURE", dir1, m7), dir1}, {relID("HAS_MEASURE", p25M1, m7), p25M1}},
				m1: {{relID("HAS_MEASURE", p23M1, m1), p23M1}},
			}},
		{"outgoing from a pillar and a direction", []string{p23M1, dir1},
			policygraph.RelQuery{Type: policygraph.RelHasMeasure, Direction: out},
			map[string][]hop{
				p23M1: {{relID("HAS_MEASURE", p23M1, m1), m1}, {relID("HAS_MEASURE", p23M1, m2), m2}},
				dir1:  {{relID("HAS_MEASURE", dir1, m7), m7}},
			}},
		{"amounts held by a target, a fund and a document", []string{t2, fundGI, doc23, a1},
			policygraph.RelQuery{Type: policygraph.RelHasAmount, Direction: out},
			map[string][]hop{
				t2:     {{relID("HAS_AMOUNT", t2, a1), a1}},
				fundGI: {{relID("HAS_AMOUNT", fundGI, a1), a1}},
				doc23:  {{relID("HAS_AMOUNT", doc23, a3), a3}},
			}},
		{"holders of an amount, document order (the shared fund last)", []string{a1},
			policygraph.RelQuery{Type: policygraph.RelHasAmount, Direction: in},
			map[string][]hop{a1: {{relID("HAS_AMOUNT", t2, a1), t2}, {relID("HAS_AMOUNT", fundGI, a1), fundGI}}}},
		{"mentions of an organisation across editions", []string{orgNEDO, orgOECD},
			policygraph.RelQuery{Type: policygraph.RelMentionsOrg, Direction: in},
			map[string][]hop{
				orgNEDO: {{relID("MENTIONS_ORG", m1, orgNEDO), m1}, {relID("MENTIONS_ORG", m7, orgNEDO), m7}},
				orgOECD: {{relID("MENTIONS_ORG", doc25, orgOECD), doc25}},
			}},
		{"pillars in line order", []string{doc23},
			policygraph.RelQuery{Type: policygraph.RelHasPillar, Direction: out},
			map[string][]hop{doc23: {
				{relID("HAS_PILLAR", doc23, p23M1), p23M1},
				{relID("HAS_PILLAR", doc23, p23M2), p23M2},
				{relID("HAS_PILLAR", doc23, p23OS1), p23OS1},
			}}},
		{"with properties", []string{m1, m7},
			policygraph.RelQuery{Type: policygraph.RelEvolvesFrom, Direction: in},
			map[string][]hop{m1: {{relID("EVOLVES_FROM", m7, m1), m7}}}},
		{"duplicate ids", []string{m6, m6},
			policygraph.RelQuery{Type: policygraph.RelRelists, Direction: out},
			map[string][]hop{m6: {{relID("RELISTS", m6, m3), m3}}}},
		{"no ids", nil, policygraph.RelQuery{Type: policygraph.RelRelists, Direction: out}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Related(t.Context(), tc.ids, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			gotIDs := map[string][]hop{}
			for id, hs := range got {
				gotIDs[id] = x.hops(t, hs)
			}
			if diff := cmp.Diff(tc.want, gotIDs, cmpOpts...); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	_, err := x.s.Related(t.Context(), []string{m1}, policygraph.RelQuery{Type: "MENTIONS"})
	wantCode(t, err, policygraph.EINVALID)
	_, err = x.s.Related(t.Context(), manyIDs(policygraph.MaxBatch+1), policygraph.RelQuery{Type: policygraph.RelCitesLaw})
	wantCode(t, err, policygraph.EINVALID)
}

func (x *suite) testPillarsUsing(t *testing.T) {
	// use is a PillarUse by ids.
	type use struct {
		Pillar string
		Via    []hop
	}
	got, err := x.s.PillarsUsing(t.Context(), []string{lawGX, lawAntiMon, lawIRA, lawEcoSec, fundGI, fundEcoSec, orgNEDO, orgJIC, orgOECD, m1, "nope"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]use{
		lawGX: {
			{p23M1, []hop{{relID("CITES_LAW", m1, lawGX), m1}}},
			{p25M1, []hop{{relID("CITES_LAW", m7, lawGX), m7}}},
		},
		lawAntiMon: {
			{p23OS1, []hop{{relID("CITES_LAW", m5, lawAntiMon), m5}}},
			{p25OS1, []hop{{relID("CITES_LAW", m8, lawAntiMon), m8}}},
		},
		lawIRA: {{p25M1, []hop{{relID("CITES_LAW", p25M1, lawIRA), p25M1}}}}, // the pillar itself
		fundGI: {
			{p23M1, []hop{{relID("USES_FUND", m1, fundGI), m1}}},
			{p25M1, []hop{{relID("USES_FUND", t2, fundGI), t2}}}, // through a target
		},
		fundEcoSec: {{p23M2, []hop{{relID("USES_FUND", m3, fundEcoSec), m3}}}},
		orgNEDO: {
			{p23M1, []hop{{relID("MENTIONS_ORG", m1, orgNEDO), m1}}},
			{p25M1, []hop{{relID("MENTIONS_ORG", m7, orgNEDO), m7}}},
		},
		// The pillar itself and its target: one use, two mentions in document order.
		orgJIC: {{p25OS1, []hop{{relID("MENTIONS_ORG", p25OS1, orgJIC), p25OS1}, {relID("MENTIONS_ORG", t3, orgJIC), t3}}}},
		// orgOECD: only the Document mentions it, and a document is no pillar.
	}
	gotIDs := map[string][]use{}
	for id, uses := range got {
		for _, u := range uses {
			x.checkEntity(t, u.Pillar)
			gotIDs[id] = append(gotIDs[id], use{u.Pillar.ID, x.hops(t, u.Via)})
		}
	}
	if diff := cmp.Diff(want, gotIDs, cmpOpts...); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func (x *suite) testRelatedPillars(t *testing.T) {
	// rel is a PillarRelation by ids.
	type rel struct {
		Pillar            string
		Laws, Funds, Refs []string
		Score             int
	}
	refs := []string{relID("REFERS_TO", m4, gReskill), relID("RELISTS", m6, m3)}
	for _, tc := range []struct {
		pillar string
		want   []rel
	}{
		// Shares a law (through measures) and a fund (a measure here, a target there).
		{p23M1, []rel{{p25M1, []string{lawGX}, []string{fundGI}, nil, 2}}},
		{p25M1, []rel{{p23M1, []string{lawGX}, []string{fundGI}, nil, 2}}},
		// A REFERS_TO into the other's group and a RELISTS of the other's measure.
		{p23M2, []rel{{p23OS1, nil, nil, refs, 2}}},
		{p23OS1, []rel{{p23M2, nil, nil, refs, 2}, {p25OS1, []string{lawAntiMon}, nil, nil, 1}}},
		{p25OS1, []rel{{p23OS1, []string{lawAntiMon}, nil, nil, 1}}},
	} {
		t.Run(tc.pillar, func(t *testing.T) {
			got, err := x.s.RelatedPillars(t.Context(), tc.pillar)
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []rel
			for _, r := range got {
				x.checkEntity(t, r.Pillar)
				for _, l := range r.SharedLaws {
					x.checkEntity(t, l)
				}
				for _, f := range r.SharedFunds {
					x.checkEntity(t, f)
				}
				var refs []string
				for _, r := range r.References {
					x.checkRel(t, r)
					refs = append(refs, r.ID)
				}
				gotIDs = append(gotIDs, rel{r.Pillar.ID, ids(r.SharedLaws), ids(r.SharedFunds), refs, r.Score})
			}
			if diff := cmp.Diff(tc.want, gotIDs, cmpOpts...); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
	_, err := x.s.RelatedPillars(t.Context(), "pillar:1999:MISSION-1")
	wantCode(t, err, policygraph.ENOTFOUND)
	_, err = x.s.RelatedPillars(t.Context(), m1)
	wantCode(t, err, policygraph.EINVALID)
}
