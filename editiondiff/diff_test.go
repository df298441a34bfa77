package editiondiff_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/editiondiff"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

// The fixture's ids (storetest/fixture.go).
const (
	doc23  = "doc:2023"
	doc25  = "doc:2025"
	p23M1  = "pillar:2023:MISSION-1"
	p23M2  = "pillar:2023:MISSION-2"
	p23OS1 = "pillar:2023:OS-1"
	p25M1  = "pillar:2025:MISSION-1"
	p25OS1 = "pillar:2025:OS-1"
	m2     = "measure:2023:MISSION-1:4b5c6d7e" // FUTURE
	m5     = "measure:2023:OS-1:7e8f90a1"      // FUTURE
	m7     = "measure:2025:MISSION-1:90a1b2c3" // PROGRESS, EVOLVES_FROM m1 (PAST)
	m8     = "measure:2025:OS-1:a1b2c3d4"      // TODO
	t2     = "target:2025:MISSION-1:d2e3f4a5"
	t5     = "target:2023:MISSION-1:a5b6c7d8"
	t3     = "target:2025:OS-1:e3f4a5b6" // 10兆円 for 2027
	tk     = "target:2023:OS-1:kept"     // added by withKept
	t1     = "target:2023:MISSION-1:c1d2e3f4"
	tk2    = "target:2025:OS-1:kept-again" // added by withTwiceAndDoc
	tdoc   = "target:2025:KEY:doc"
	dir25b = "direction:2025:2"
	dir25  = "direction:2025:1" // lists m7 (of p25M1) too
	// Added by withDirections: a 2023 direction with a planned measure
	// mx, and two 2025 direction measures: my continues mx, mz is copied
	// by m8, a table cell of p25OS1.
	dir23 = "direction:2023:1"
	mx    = "measure:2023:DIR-1:aa"
	my    = "measure:2025:DIR-1:bb"
	mz    = "measure:2025:DIR-1:cc"
)

// withKept adds a 2023 goal of 10兆円 for 2027 to OS-1, which t3, the
// fixture's 2025 OS-1 goal of 10兆円 for 2027, KEEPS.
func withKept(g *policygraph.Graph) {
	g.Targets = append(g.Targets, &policygraph.Target{ID: tk, DocumentID: doc23, PillarID: p23OS1, Kind: "MID_TERM",
		Text: "スタートアップへの投資額を2027年度に10兆円規模", Year: 2027, Value: 10, Unit: "兆円",
		Source: policygraph.Source{File: "000_69167627890d1468.txt", LineStart: 90, LineEnd: 90, Quote: "2027年度に10兆円規模"}})
	g.Relationships = append(g.Relationships,
		&policygraph.Relationship{ID: "HAS_TARGET:" + p23OS1 + "->" + tk, Type: policygraph.RelHasTarget, Start: p23OS1, End: tk},
		&policygraph.Relationship{ID: "KEEPS:" + t3 + "->" + tk, Type: policygraph.RelKeeps, Start: t3, End: tk,
			Properties: map[string]any{"value": 10.0, "unit": "兆円", "score": 0.8}})
}

// withTwiceAndDoc adds to withKept a second 2025 statement of the kept goal
// (tk2, also OS-1), a 2025 goal the document holds itself (tdoc) that
// KEEPS t1, and a second 2025 direction listing my (withDirections adds
// it), so my is under two directions.
func withTwiceAndDoc(g *policygraph.Graph) {
	withKept(g)
	withDirections(g)
	tgt := func(id, doc, pillar string, v float64, unit string) *policygraph.Target {
		return &policygraph.Target{ID: id, DocumentID: doc, PillarID: pillar, Kind: "MID_TERM", Text: id, Value: v, Unit: unit,
			Source: policygraph.Source{LineStart: 500, LineEnd: 500}} // after the fixture's
	}
	g.Targets = append(g.Targets, tgt(tk2, doc25, p25OS1, 10, "兆円"), tgt(tdoc, doc25, "", 46, "％"))
	g.Directions = append(g.Directions, &policygraph.PolicyDirection{ID: dir25b, DocumentID: doc25, Ordinal: 2, Title: "二つ目"})
	rel := func(typ, start, end string, props map[string]any) {
		g.Relationships = append(g.Relationships, &policygraph.Relationship{ID: typ + ":" + start + "->" + end, Type: typ, Start: start, End: end, Properties: props})
	}
	rel(policygraph.RelHasTarget, p25OS1, tk2, nil)
	rel(policygraph.RelHasTarget, doc25, tdoc, nil)
	rel(policygraph.RelKeeps, tk2, tk, map[string]any{"value": 10.0, "unit": "兆円", "score": 0.7})
	rel(policygraph.RelKeeps, tdoc, t1, map[string]any{"value": 46.0, "unit": "％", "score": 0.9})
	rel(policygraph.RelHasDirection, doc25, dir25b, nil)
	rel(policygraph.RelHasMeasure, dir25b, my, nil)
}

// withDirections adds dir23, mx, my and mz to the fixture.
func withDirections(g *policygraph.Graph) {
	g.Directions = append(g.Directions, &policygraph.PolicyDirection{ID: dir23, DocumentID: doc23, Ordinal: 1, Title: "マクロのフレームワーク"})
	g.Measures = append(g.Measures,
		&policygraph.Measure{ID: mx, DocumentID: doc23, Title: "賃上げ環境の整備", Text: "賃上げ環境の整備", Status: policygraph.StatusFuture},
		&policygraph.Measure{ID: my, DocumentID: doc25, Title: "賃上げ環境の更なる整備", Text: "賃上げ環境の更なる整備", Status: policygraph.StatusTodo},
		&policygraph.Measure{ID: mz, DocumentID: doc25, Title: "人への投資", Text: "人への投資", Status: policygraph.StatusTodo})
	rel := func(typ, start, end string, props map[string]any) {
		g.Relationships = append(g.Relationships, &policygraph.Relationship{ID: typ + ":" + start + "->" + end, Type: typ, Start: start, End: end, Properties: props})
	}
	rel(policygraph.RelHasDirection, doc23, dir23, nil)
	rel(policygraph.RelHasMeasure, dir23, mx, nil)
	rel(policygraph.RelHasMeasure, dir25, my, nil)
	rel(policygraph.RelHasMeasure, dir25, mz, nil)
	rel(policygraph.RelEvolvesFrom, my, mx, map[string]any{"score": 0.4})
	rel(policygraph.RelRelists, m8, mz, map[string]any{"marked": false})
}

// group is a Group as text: pillars, each planned measure with its outcome
// and evidence, new measures, revisions.
type group struct {
	Earlier, Later []string
	// EarlierDirections, LaterDirections: the directions group's.
	EarlierDirections, LaterDirections []string
	Planned                            []string // "id OUTCOME [later@score …]"
	New                                []string
	Revised                            []string // "later->earlier from→to unit"
	Kept                               []string // "later->earlier value unit"
	Totals                             editiondiff.Totals
}

func summary(d *editiondiff.Diff) []group {
	var out []group
	for _, g := range d.Groups {
		var s group
		for _, p := range g.Earlier {
			s.Earlier = append(s.Earlier, p.ID)
		}
		for _, p := range g.Later {
			s.Later = append(s.Later, p.ID)
		}
		for _, x := range g.EarlierDirections {
			s.EarlierDirections = append(s.EarlierDirections, x.ID)
		}
		for _, x := range g.LaterDirections {
			s.LaterDirections = append(s.LaterDirections, x.ID)
		}
		for _, pl := range g.Planned {
			line := pl.Measure.ID + " " + pl.Outcome
			for _, e := range pl.Evidence {
				line += fmt.Sprintf(" %s@%.2f", e.Later.ID, e.Score)
			}
			s.Planned = append(s.Planned, line)
		}
		for _, m := range g.New {
			s.New = append(s.New, m.ID)
		}
		for _, r := range g.Revised {
			s.Revised = append(s.Revised, fmt.Sprintf("%s->%s %g→%g %s", r.Later.ID, r.Earlier.ID, r.FromValue, r.ToValue, r.Unit))
		}
		for _, k := range g.Kept {
			s.Kept = append(s.Kept, fmt.Sprintf("%s->%s %g %s", k.Later.ID, k.Earlier.ID, k.Value, k.Unit))
		}
		s.Totals = g.Totals
		out = append(out, s)
	}
	return out
}

func evolves(later, earlier string, score float64) *policygraph.Relationship {
	return &policygraph.Relationship{ID: "EVOLVES_FROM:" + later + "->" + earlier, Type: policygraph.RelEvolvesFrom,
		Start: later, End: earlier, Properties: map[string]any{"score": score}}
}

func TestCompute(t *testing.T) {
	revised := []string{t2 + "->" + t5 + " 100→150 兆円"}
	tests := []struct {
		name   string
		extra  []*policygraph.Relationship
		more   func(*policygraph.Graph) // adds nodes and links, or nil
		pillar string
		want   []group
		totals editiondiff.Totals
	}{
		{
			name: "the fixture: nothing planned is continued, m8 is new",
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}},
				{Later: []string{p25OS1}, New: []string{m8}, Totals: editiondiff.Totals{New: 1}},
				{Earlier: []string{p23M2}},
				// m6 is a 再掲 repeat of m3: not counted again.
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}},
				// m7, listed under dir25 too, counts in its pillar's group.
				{LaterDirections: []string{dir25}},
			},
			totals: editiondiff.Totals{Planned: 2, NotMentioned: 2, New: 1, Revised: 1},
		},
		{
			name: "successors decide: best score first, progress before todo on a tie",
			extra: []*policygraph.Relationship{
				evolves(m7, m2, 0.6), evolves(m8, m2, 0.6), // a tie: m7 (PROGRESS) wins
				evolves(m8, m5, 0.5),
			},
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " PROGRESS " + m7 + "@0.60 " + m8 + "@0.60"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, Progress: 1, Revised: 1}},
				{Later: []string{p25OS1}},
				{Earlier: []string{p23M2}},
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " TODO " + m8 + "@0.50"}, Totals: editiondiff.Totals{Planned: 1, Todo: 1}},
				{LaterDirections: []string{dir25}},
			},
			totals: editiondiff.Totals{Planned: 2, Progress: 1, Todo: 1, Revised: 1},
		},
		{
			name: "the directions: planned measures continued, a copied one not new",
			more: withDirections,
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}},
				{Later: []string{p25OS1}, New: []string{m8}, Totals: editiondiff.Totals{New: 1}},
				{Earlier: []string{p23M2}},
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}},
				// my continues mx; mz is counted as m8, the cell that copies it.
				{EarlierDirections: []string{dir23}, LaterDirections: []string{dir25}, Planned: []string{mx + " TODO " + my + "@0.40"},
					Totals: editiondiff.Totals{Planned: 1, Todo: 1}},
			},
			totals: editiondiff.Totals{Planned: 3, NotMentioned: 2, Todo: 1, New: 1, Revised: 1},
		},
		{
			name: "a goal kept with its value",
			more: withKept,
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}},
				// t3's pillar continues nothing: the goal is kept in the
				// group of its own pillar.
				{Later: []string{p25OS1}, New: []string{m8}, Kept: []string{t3 + "->" + tk + " 10 兆円"}, Totals: editiondiff.Totals{New: 1, Kept: 1}},
				{Earlier: []string{p23M2}},
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}},
				{LaterDirections: []string{dir25}},
			},
			totals: editiondiff.Totals{Planned: 2, NotMentioned: 2, New: 1, Revised: 1, Kept: 1},
		},
		{
			name: "each goal and measure once; the document's own goals in the last group",
			more: withTwiceAndDoc,
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}},
				// tk kept by t3 and tk2: once, the first statement's.
				{Later: []string{p25OS1}, New: []string{m8}, Kept: []string{t3 + "->" + tk + " 10 兆円"}, Totals: editiondiff.Totals{New: 1, Kept: 1}},
				{Earlier: []string{p23M2}},
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}},
				// my under two directions: no new measure, continued once; tdoc
				// the document's.
				{EarlierDirections: []string{dir23}, LaterDirections: []string{dir25, dir25b}, Planned: []string{mx + " TODO " + my + "@0.40"},
					Kept: []string{tdoc + "->" + t1 + " 46 ％"}, Totals: editiondiff.Totals{Planned: 1, Todo: 1, Kept: 1}},
			},
			totals: editiondiff.Totals{Planned: 3, NotMentioned: 2, Todo: 1, New: 1, Revised: 1, Kept: 2},
		},
		{
			name: "a 再掲 item does not make its original a copy",
			more: func(g *policygraph.Graph) {
				withDirections(g)
				for _, m := range g.Measures {
					if m.ID == m8 {
						m.Relist = true
					}
				}
				for _, r := range g.Relationships {
					if r.Type == policygraph.RelRelists && r.Start == m8 {
						r.Properties["marked"] = true
					}
				}
			},
			want: []group{
				{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
					Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}},
				{Later: []string{p25OS1}},
				{Earlier: []string{p23M2}},
				{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}},
				// m8 is a 再掲 repeat of mz: mz, the original, is the new measure.
				{EarlierDirections: []string{dir23}, LaterDirections: []string{dir25}, Planned: []string{mx + " TODO " + my + "@0.40"},
					New: []string{mz}, Totals: editiondiff.Totals{Planned: 1, Todo: 1, New: 1}},
			},
			totals: editiondiff.Totals{Planned: 3, NotMentioned: 2, Todo: 1, New: 1, Revised: 1},
		},
		{
			name:   "a direction names the directions group",
			more:   withDirections,
			pillar: dir23,
			want: []group{{EarlierDirections: []string{dir23}, LaterDirections: []string{dir25}, Planned: []string{mx + " TODO " + my + "@0.40"},
				Totals: editiondiff.Totals{Planned: 1, Todo: 1}}},
			totals: editiondiff.Totals{Planned: 1, Todo: 1},
		},
		{
			name:   "one pillar's group",
			pillar: p23OS1,
			want:   []group{{Earlier: []string{p23OS1}, Planned: []string{m5 + " NOT_MENTIONED"}, Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1}}},
			totals: editiondiff.Totals{Planned: 1, NotMentioned: 1},
		},
		{
			name:   "a later pillar names its group too",
			pillar: p25M1,
			want: []group{{Earlier: []string{p23M1}, Later: []string{p25M1}, Planned: []string{m2 + " NOT_MENTIONED"}, Revised: revised,
				Totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1}}},
			totals: editiondiff.Totals{Planned: 1, NotMentioned: 1, Revised: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := storetest.Fixture()
			g.Relationships = append(g.Relationships, tt.extra...)
			if tt.more != nil {
				tt.more(g)
			}
			s, err := inmem.New(g)
			if err != nil {
				t.Fatal(err)
			}
			d, err := editiondiff.Compute(t.Context(), s, doc23, doc25, tt.pillar)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summary(d)); diff != "" {
				t.Errorf("groups (-want +got):\n%s", diff)
			}
			if d.Totals != tt.totals {
				t.Errorf("totals = %+v, want %+v", d.Totals, tt.totals)
			}
			if d.From.ID != doc23 || d.To.ID != doc25 {
				t.Errorf("from, to = %s, %s", d.From.ID, d.To.ID)
			}
		})
	}
}

func TestComputeRejects(t *testing.T) {
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to, pillar string }{
		{"same document", doc23, doc23, ""},
		{"later first", doc25, doc23, ""},
		{"not a document", p23M1, doc25, ""},
		{"unknown id", "doc:1999", doc25, ""},
		{"pillar of neither", doc23, doc25, "pillar:2030:OS-1"},
		{"not a pillar", doc23, doc25, m2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := editiondiff.Compute(t.Context(), s, tc.from, tc.to, tc.pillar)
			if policygraph.ErrorCode(err) != policygraph.EINVALID {
				t.Errorf("error %v, want %s", err, policygraph.EINVALID)
			}
		})
	}
}

// countingStore counts the store calls a diff makes.
type countingStore struct {
	policygraph.Store
	calls int
}

func (s *countingStore) Nodes(ctx context.Context, ids []string) ([]policygraph.Entity, error) {
	s.calls++
	return s.Store.Nodes(ctx, ids)
}

func (s *countingStore) Pillars(ctx context.Context, f policygraph.PillarFilter) ([]*policygraph.Pillar, error) {
	s.calls++
	return s.Store.Pillars(ctx, f)
}

func (s *countingStore) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	s.calls++
	return s.Store.Related(ctx, ids, q)
}

// TestComputeStoreCalls: Compute's doc promises at most 13 store calls
// while every walk fits in one batch, whatever the number of pillars,
// directions and measures (a walk of no ids makes none).
func TestComputeStoreCalls(t *testing.T) {
	for _, more := range []func(*policygraph.Graph){nil, withDirections} {
		g := storetest.Fixture()
		if more != nil {
			more(g)
		}
		s, err := inmem.New(g)
		if err != nil {
			t.Fatal(err)
		}
		cs := &countingStore{Store: s}
		if _, err := editiondiff.Compute(t.Context(), cs, doc23, doc25, ""); err != nil {
			t.Fatal(err)
		}
		if cs.calls > 13 {
			t.Errorf("%d store calls, want at most 13", cs.calls)
		}
	}
}
