package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/policygraph/policygraph"
)

func (x *suite) testPing(t *testing.T) {
	if err := x.s.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

func (x *suite) testNode(t *testing.T) {
	for id := range x.nodes {
		got, err := x.s.Node(t.Context(), id)
		if err != nil {
			t.Errorf("Node(%q): %v", id, err)
			continue
		}
		x.checkEntity(t, got)
	}
	_, err := x.s.Node(t.Context(), "measure:2023:MISSION-1:00000000")
	wantCode(t, err, policygraph.ENOTFOUND)
	_, err = x.s.Node(t.Context(), "")
	wantCode(t, err, policygraph.ENOTFOUND)
}

func (x *suite) testNodes(t *testing.T) {
	got, err := x.s.Nodes(t.Context(), []string{m7, "nope", lawAntiMon, m7, dir1})
	if err != nil {
		t.Fatalf("Nodes: %v", err)
	}
	if len(got) != 5 {
		t.Fatalf("len = %d, want 5", len(got))
	}
	if got[1] != nil {
		t.Errorf("missing id gave %v, want nil", got[1])
	}
	checkEntities(t, x, []policygraph.Entity{got[0], got[2], got[3], got[4]}, m7, lawAntiMon, m7, dir1)

	got, err = x.s.Nodes(t.Context(), nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Nodes(nil) = %v, %v; want empty", got, err)
	}
	if _, err := x.s.Nodes(t.Context(), manyIDs(policygraph.MaxBatch)); err != nil {
		t.Errorf("Nodes(MaxBatch ids): %v", err)
	}
	_, err = x.s.Nodes(t.Context(), manyIDs(policygraph.MaxBatch+1))
	wantCode(t, err, policygraph.EINVALID)
}

func (x *suite) testDocuments(t *testing.T) {
	got, err := x.s.Documents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	checkEntities(t, x, got, doc23, doc25)
}

func (x *suite) testPillars(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    policygraph.PillarFilter
		want []string
	}{
		{"all, by year then MISSION before OS", policygraph.PillarFilter{}, []string{p23M1, p23M2, p23OS1, p25M1, p25OS1}},
		{"document", policygraph.PillarFilter{DocumentID: doc25}, []string{p25M1, p25OS1}},
		{"kind", policygraph.PillarFilter{Kind: policygraph.KindOS}, []string{p23OS1, p25OS1}},
		{"both", policygraph.PillarFilter{DocumentID: doc23, Kind: policygraph.KindMission}, []string{p23M1, p23M2}},
		{"unknown document", policygraph.PillarFilter{DocumentID: "doc:1999"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Pillars(t.Context(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
		})
	}
	_, err := x.s.Pillars(t.Context(), policygraph.PillarFilter{Kind: "VISION"})
	wantCode(t, err, policygraph.EINVALID)
}

func (x *suite) testLaws(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    policygraph.LawFilter
		want []string
	}{
		{"all, by name", policygraph.LawFilter{}, []string{lawIRA, lawAntiMon, lawEcoSec, lawGX}},
		{"foreign", policygraph.LawFilter{Foreign: ptr(true)}, []string{lawIRA}},
		{"domestic", policygraph.LawFilter{Foreign: ptr(false)}, []string{lawAntiMon, lawEcoSec, lawGX}},
		{"alias", policygraph.LawFilter{Text: "独禁法"}, []string{lawAntiMon}},
		{"alias, full-width query", policygraph.LawFilter{Text: "ＧＸ推進法"}, []string{lawGX}},
		{"alias, full-width query, half-width alias", policygraph.LawFilter{Text: "ＩＲＡ"}, []string{lawIRA}},
		{"name", policygraph.LawFilter{Text: "安全保障の確保"}, []string{lawEcoSec}},
		{"shared substring", policygraph.LawFilter{Text: "推進"}, []string{lawEcoSec, lawGX}},
		{"text and foreign", policygraph.LawFilter{Text: "法", Foreign: ptr(true)}, []string{lawIRA}},
		{"no match", policygraph.LawFilter{Text: "基金"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Laws(t.Context(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
		})
	}
}

func (x *suite) testOrganisations(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    policygraph.OrgFilter
		want []string // by name, code point order: 新 (U+65B0) < 産 (U+7523) < 経 (U+7D4C)
	}{
		{"all, by name", policygraph.OrgFilter{}, []string{orgNEDO, orgJIC, orgOECD}},
		{"kind", policygraph.OrgFilter{Kind: policygraph.OrgInternational}, []string{orgOECD}},
		{"alias, full-width query", policygraph.OrgFilter{Text: "ＮＥＤＯ"}, []string{orgNEDO}},
		{"name", policygraph.OrgFilter{Text: "開発機構"}, []string{orgNEDO, orgOECD}},
		{"text and kind", policygraph.OrgFilter{Text: "機構", Kind: policygraph.OrgAgency}, []string{orgNEDO, orgJIC}},
		{"no match", policygraph.OrgFilter{Text: "基金"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := x.s.Organisations(t.Context(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			checkEntities(t, x, got, tc.want...)
		})
	}
	_, err := x.s.Organisations(t.Context(), policygraph.OrgFilter{Kind: "CLUB"})
	wantCode(t, err, policygraph.EINVALID)
}

func (x *suite) testFunds(t *testing.T) {
	got, err := x.s.Funds(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	checkEntities(t, x, got, fundGI, fundEcoSec)
}

func (x *suite) testStats(t *testing.T) {
	got, err := x.s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := &policygraph.Stats{
		Labels: map[string]int{
			"Document": 2, "Pillar": 5, "MeasureGroup": 3, "Measure": 8,
			"Target": 5, "Law": 4, "Fund": 2, "PolicyDirection": 1,
			"Amount": 3, "Organisation": 3,
		},
		RelTypes: map[string]int{
			"HAS_PILLAR": 5, "HAS_DIRECTION": 1, "HAS_GROUP": 3, "IN_GROUP": 5,
			"HAS_MEASURE": 9, "HAS_TARGET": 5, "CITES_LAW": 5, "USES_FUND": 3,
			"RELISTS": 1, "REFERS_TO": 1, "CONTINUES": 1, "EVOLVES_FROM": 1, "REVISES": 1, "RESTATES": 0, "KEEPS": 0, "SUMMARIZES": 1,
			"HAS_AMOUNT": 4, "MENTIONS_ORG": 5,
		},
		PerDocument: map[string]map[string]int{
			doc23: {"Pillar": 3, "MeasureGroup": 2, "Measure": 6, "Target": 3, "PolicyDirection": 0, "Amount": 1},
			doc25: {"Pillar": 2, "MeasureGroup": 1, "Measure": 2, "Target": 2, "PolicyDirection": 1, "Amount": 2},
		},
		Degrees:     DegreesOf(Fixture()),
		UseMentions: UseMentionsOf(Fixture()),
		UsePillars:  UsePillarsOf(Fixture()),
	}
	// By hand: doc:2023 has three pillars; no node has two CONTINUES.
	if d := want.Degrees[policygraph.RelQuery{Type: "HAS_PILLAR"}]; d != 3 {
		t.Fatalf("fixture HAS_PILLAR out-degree %d, want 3", d)
	}
	if d := want.Degrees[policygraph.RelQuery{Type: "CONTINUES", Direction: policygraph.Incoming}]; d != 1 {
		t.Fatalf("fixture CONTINUES in-degree %d, want 1", d)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Stats mismatch (-want +got):\n%s", diff)
	}
}

// UseMentionsOf is Stats.UseMentions of g, counted the slow, obvious way:
// for each mention type, node and pillar, the mentions of the node by the
// pillar itself or by a measure or target it holds (HAS_MEASURE,
// HAS_TARGET).
func UseMentionsOf(g *policygraph.Graph) map[string]int {
	out := map[string]int{}
	for _, t := range []string{policygraph.RelCitesLaw, policygraph.RelUsesFund, policygraph.RelMentionsOrg} {
		out[t] = 0
		for _, e := range g.Entities() {
			for _, p := range g.Pillars {
				n := 0
				for _, r := range g.Relationships {
					if r.Type != t || r.End != e.NodeID() {
						continue
					}
					held := r.Start == p.ID
					for _, h := range g.Relationships {
						if h.Start == p.ID && h.End == r.Start && (h.Type == policygraph.RelHasMeasure || h.Type == policygraph.RelHasTarget) {
							held = true
						}
					}
					if held {
						n++
					}
				}
				out[t] = max(out[t], n)
			}
		}
	}
	return out
}

// UsePillarsOf is Stats.UsePillars of g, counted the slow, obvious way:
// for each mention type and node, the pillars that mention it themselves or
// hold a measure or target that does.
func UsePillarsOf(g *policygraph.Graph) map[string]int {
	out := map[string]int{}
	for _, t := range []string{policygraph.RelCitesLaw, policygraph.RelUsesFund, policygraph.RelMentionsOrg} {
		out[t] = 0
		for _, e := range g.Entities() {
			n := 0
			for _, p := range g.Pillars {
				if usesNode(g, t, p.ID, e.NodeID()) {
					n++
				}
			}
			out[t] = max(out[t], n)
		}
	}
	return out
}

// usesNode reports whether pillar p, or a measure or target it holds, has a
// relationship of type t to node.
func usesNode(g *policygraph.Graph, t, p, node string) bool {
	for _, r := range g.Relationships {
		if r.Type != t || r.End != node {
			continue
		}
		if r.Start == p {
			return true
		}
		for _, h := range g.Relationships {
			if h.Start == p && h.End == r.Start && (h.Type == policygraph.RelHasMeasure || h.Type == policygraph.RelHasTarget) {
				return true
			}
		}
	}
	return false
}

// DegreesOf is Stats.Degrees of g, counted the slow, obvious way: for each
// walk and each node, the relationships of that type at that end.
func DegreesOf(g *policygraph.Graph) map[policygraph.RelQuery]int {
	out := map[policygraph.RelQuery]int{}
	for _, t := range policygraph.RelTypes {
		for _, d := range []policygraph.Direction{policygraph.Outgoing, policygraph.Incoming} {
			q := policygraph.RelQuery{Type: t, Direction: d}
			out[q] = 0
			for _, e := range g.Entities() {
				n := 0
				for _, r := range g.Relationships {
					end := r.Start
					if d == policygraph.Incoming {
						end = r.End
					}
					if r.Type == t && end == e.NodeID() {
						n++
					}
				}
				out[q] = max(out[q], n)
			}
		}
	}
	return out
}

// testPages checks that page and the citation fields of every node with
// provenance read back as loaded, and that an unknown page (m4) stays 0.
func (x *suite) testPages(t *testing.T) {
	for id, want := range x.nodes {
		ws, ok := policygraph.SourceOf(want)
		if !ok {
			continue
		}
		got, err := x.s.Node(t.Context(), id)
		if err != nil {
			t.Fatalf("Node(%s): %v", id, err)
		}
		gs, ok := policygraph.SourceOf(got)
		if !ok {
			t.Fatalf("Node(%s) = %T without provenance", id, got)
		}
		if gs.Page != ws.Page || gs.Edition != ws.Edition || gs.DocumentTitle != ws.DocumentTitle || gs.Citation != ws.Citation {
			t.Errorf("%s: page %d %q %q %q, want %d %q %q %q", id, gs.Page, gs.Edition, gs.DocumentTitle, gs.Citation,
				ws.Page, ws.Edition, ws.DocumentTitle, ws.Citation)
		}
		if id == m4 {
			if gs.Page != 0 || strings.Contains(gs.Citation, " p. ") {
				t.Errorf("%s: unknown page read back as %d (%q)", id, gs.Page, gs.Citation)
			}
		} else if gs.Page < 1 || !strings.Contains(gs.Citation, fmt.Sprintf(" p. %d（", gs.Page)) {
			t.Errorf("%s: page %d, citation %q", id, gs.Page, gs.Citation)
		}
	}
}
