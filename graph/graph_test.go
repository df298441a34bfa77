package graph_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/storetest"
)

// Ids of storetest.Fixture.
const (
	doc23      = "doc:2023"
	doc25      = "doc:2025"
	p23M1      = "pillar:2023:MISSION-1"
	p23M2      = "pillar:2023:MISSION-2"
	p23OS1     = "pillar:2023:OS-1"
	p25M1      = "pillar:2025:MISSION-1"
	p25OS1     = "pillar:2025:OS-1"
	gReskill   = "group:2023:OS-1:bbbb2222"
	m1         = "measure:2023:MISSION-1:3f2a9c1b"
	m2         = "measure:2023:MISSION-1:4b5c6d7e"
	m3         = "measure:2023:MISSION-2:5c6d7e8f"
	m4         = "measure:2023:MISSION-2:6d7e8f90"
	m5         = "measure:2023:OS-1:7e8f90a1"
	m6         = "measure:2023:OS-1:8f90a1b2"
	m7         = "measure:2025:MISSION-1:90a1b2c3"
	m8         = "measure:2025:OS-1:a1b2c3d4"
	t1         = "target:2023:MISSION-1:c1d2e3f4"
	t2         = "target:2025:MISSION-1:d2e3f4a5"
	t4         = "target:2023:OS-1:f4a5b6c7"
	t5         = "target:2023:MISSION-1:a5b6c7d8"
	lawGX      = "law:GX推進法"
	lawAntiMon = "law:独占禁止法"
	lawIRA     = "law:インフレ削減法"
	fundGI     = "fund:グリーンイノベーション基金"
	dir1       = "direction:2025:1"
)

// logBuffer is a concurrency-safe log sink.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newHandler is the GraphQL handler of the tests: the schema over store
// with the error presenter, the recover func and per-operation caches.
func newHandler(t testing.TB, store policygraph.Store, logs *logBuffer) http.Handler {
	t.Helper()
	var w interface{ Write([]byte) (int, error) } = &logBuffer{}
	if logs != nil {
		w = logs
	}
	logger := slog.New(slog.NewTextHandler(w, nil))
	srv := handler.New(graph.New(store, logger))
	srv.AddTransport(transport.POST{})
	srv.SetErrorPresenter(graph.ErrorPresenter(logger))
	srv.SetRecoverFunc(graph.RecoverFunc(logger))
	srv.Use(graph.RequestCache{Store: store})
	return srv
}

func fixtureStore(t testing.TB) policygraph.Store {
	t.Helper()
	s, err := inmem.New(storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// run posts q and decodes data into out; it returns the errors.
func run(t testing.TB, c *client.Client, q string, out any, opts ...client.Option) []gqlError {
	t.Helper()
	resp, err := c.RawPost(q, opts...)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	var errs []gqlError
	if len(resp.Errors) > 0 {
		if err := json.Unmarshal(resp.Errors, &errs); err != nil {
			t.Fatalf("errors: %v", err)
		}
	}
	if out != nil && resp.Data != nil {
		b, _ := json.Marshal(resp.Data)
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("data %s: %v", b, err)
		}
	}
	return errs
}

// mustRun is run that fails on any error.
func mustRun(t testing.TB, c *client.Client, q string, out any, opts ...client.Option) {
	t.Helper()
	if errs := run(t, c, q, out, opts...); len(errs) > 0 {
		t.Fatalf("query %s: errors %+v", q, errs)
	}
}

type idOnly struct {
	ID string `json:"id"`
}

func ids(xs []idOnly) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.ID
	}
	return out
}

func TestNode(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		Node *struct {
			Typename string `json:"__typename"`
			ID       string `json:"id"`
			Key      string `json:"key"`
			Kind     string `json:"kind"`
			Source   struct {
				File      string
				LineStart int
				LineEnd   int
				Quote     string
			} `json:"source"`
		} `json:"node"`
		Missing *idOnly   `json:"missing"`
		Nodes   []*idOnly `json:"nodes"`
	}
	mustRun(t, c, `query($id: ID!) {
		node(id: $id) { __typename id ... on Pillar { key kind source { file lineStart lineEnd quote } } }
		missing: node(id: "pillar:none") { id }
		nodes(ids: ["`+m1+`", "nope", "`+lawGX+`"]) { id }
	}`, &got, client.Var("id", p23M1))
	if got.Node == nil || got.Node.Typename != "Pillar" || got.Node.Key != "MISSION-1" || got.Node.Kind != "MISSION" {
		t.Fatalf("node = %+v", got.Node)
	}
	if s := got.Node.Source; s.File != "000_69167627890d1468.txt" || s.LineStart != 10 || s.LineEnd != 11 || !strings.Contains(s.Quote, "炭素中立型社会") {
		t.Errorf("source = %+v", s)
	}
	if got.Missing != nil {
		t.Errorf("unknown id: node = %+v, want null", got.Missing)
	}
	if len(got.Nodes) != 3 || got.Nodes[0].ID != m1 || got.Nodes[1] != nil || got.Nodes[2].ID != lawGX {
		t.Errorf("nodes = %+v", got.Nodes)
	}
}

func TestTypedLookupNotFound(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct{ Measure *idOnly }
	errs := run(t, c, `{ measure(id: "`+lawGX+`") { id } }`, &got)
	if got.Measure != nil || len(errs) != 1 || errs[0].Extensions["code"] != "NOT_FOUND" {
		t.Fatalf("measure of a law id: %+v %+v", got, errs)
	}
}

func TestPillars(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		Pillars []idOnly
		OS      []idOnly `json:"os"`
		Doc     struct {
			Pillars    []idOnly
			Directions []struct {
				ID       string
				Measures []idOnly
			}
		} `json:"doc"`
	}
	mustRun(t, c, `{
		pillars(document: "`+doc23+`") { id }
		os: pillars(kind: OS) { id }
		doc: document(id: "`+doc25+`") { pillars { id } directions { id measures { id } } }
	}`, &got)
	if diff := cmp.Diff([]string{p23M1, p23M2, p23OS1}, ids(got.Pillars)); diff != "" {
		t.Errorf("pillars(document) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{p23OS1, p25OS1}, ids(got.OS)); diff != "" {
		t.Errorf("pillars(kind: OS) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{p25M1, p25OS1}, ids(got.Doc.Pillars)); diff != "" {
		t.Errorf("Document.pillars (-want +got):\n%s", diff)
	}
	if len(got.Doc.Directions) != 1 || got.Doc.Directions[0].ID != dir1 || cmp.Diff([]string{m7}, ids(got.Doc.Directions[0].Measures)) != "" {
		t.Errorf("Document.directions = %+v", got.Doc.Directions)
	}
}

type mention struct {
	Node    idOnly
	Surface string
	Line    int
}

func TestPillarRelations(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type uses struct {
		Law      *idOnly
		Fund     *idOnly
		Mentions []mention
	}
	var got struct {
		Pillar struct {
			Document     idOnly
			LongTermGoal *string
			Measures     struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   idOnly
				}
			}
			Groups      []idOnly
			Targets     []idOnly
			Laws        []uses
			Funds       []uses
			Continues   []idOnly
			ContinuedBy []idOnly
		}
		New struct {
			Laws      []uses
			Funds     []uses
			Continues []idOnly
		} `json:"new"`
	}
	mustRun(t, c, `{
		pillar(id: "`+p23M1+`") {
			document { id } longTermGoal
			measures { totalCount edges { cursor node { id } } }
			groups { id } targets { id }
			laws { law { id } mentions { node { id } surface line } }
			funds { fund { id } mentions { node { id } surface line } }
			continues { id } continuedBy { id }
		}
		new: pillar(id: "`+p25M1+`") {
			laws { law { id } mentions { node { id } surface line } }
			funds { fund { id } mentions { node { id } surface line } }
			continues { id }
		}
	}`, &got)
	p := got.Pillar
	if p.Document.ID != doc23 || p.LongTermGoal == nil || *p.LongTermGoal != "2050年カーボンニュートラルの実現" {
		t.Errorf("document, longTermGoal = %v, %v", p.Document, p.LongTermGoal)
	}
	if p.Measures.TotalCount != 2 || len(p.Measures.Edges) != 2 || p.Measures.Edges[0].Node.ID != m1 || p.Measures.Edges[1].Node.ID != m2 {
		t.Errorf("measures = %+v", p.Measures)
	}
	if diff := cmp.Diff([]string{t1, t5}, ids(p.Targets)); diff != "" {
		t.Errorf("targets: %s", diff)
	}
	wantLaws := []uses{{Law: &idOnly{lawGX}, Mentions: []mention{{idOnly{m1}, "ＧＸ推進法", 12}}}}
	if diff := cmp.Diff(wantLaws, p.Laws); diff != "" {
		t.Errorf("laws (-want +got):\n%s", diff)
	}
	wantFunds := []uses{{Fund: &idOnly{fundGI}, Mentions: []mention{{idOnly{m1}, "グリーンイノベーション 基金", 13}}}}
	if diff := cmp.Diff(wantFunds, p.Funds); diff != "" {
		t.Errorf("funds (-want +got):\n%s", diff)
	}
	if len(p.Continues) != 0 || cmp.Diff([]string{p25M1}, ids(p.ContinuedBy)) != "" {
		t.Errorf("continues, continuedBy = %v, %v", p.Continues, p.ContinuedBy)
	}
	// The 2025 GX pillar cites the IRA itself and GX推進法 through m7; it uses
	// the GI fund through target t2.
	wantNewLaws := []uses{
		{Law: &idOnly{lawIRA}, Mentions: []mention{{idOnly{p25M1}, "インフレ削減法", 5}}},
		{Law: &idOnly{lawGX}, Mentions: []mention{{idOnly{m7}, "GX推進法", 10}}},
	}
	if diff := cmp.Diff(wantNewLaws, got.New.Laws); diff != "" {
		t.Errorf("2025 laws (-want +got):\n%s", diff)
	}
	wantNewFunds := []uses{{Fund: &idOnly{fundGI}, Mentions: []mention{{idOnly{t2}, "ＧＸ投資", 6}}}}
	if diff := cmp.Diff(wantNewFunds, got.New.Funds); diff != "" {
		t.Errorf("2025 funds (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{p23M1}, ids(got.New.Continues)); diff != "" {
		t.Errorf("continues: %s", diff)
	}
}

func TestMeasureRelations(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type evo struct {
		Measure idOnly
		Score   float64
	}
	var got struct {
		M7 struct {
			Status      string
			StartYear   *int
			EndYear     *int
			Horizon     *string
			Pillar      idOnly
			Group       *idOnly
			Document    idOnly
			Laws        []idOnly
			LawMentions []struct {
				Law     idOnly
				Surface string
				Line    int
			}
			EvolvesFrom []evo
			Directions  []idOnly
		} `json:"m7"`
		M1 struct {
			EvolvedInto  []evo
			Funds        []idOnly
			FundMentions []struct {
				Fund    idOnly
				Surface string
				Line    int
			}
			Horizon *string
		} `json:"m1"`
		M6 struct {
			Relist   bool
			RelistOf *idOnly
		} `json:"m6"`
		M3 struct {
			RelistOf   *idOnly
			RelistedAs []idOnly
		} `json:"m3"`
		M4 struct {
			RefersTo []struct {
				From idOnly
				To   struct {
					Typename string `json:"__typename"`
					ID       string
				}
				Via *string
			}
		} `json:"m4"`
		Group struct {
			ReferencedBy []struct{ From idOnly }
			Measures     []idOnly
			Pillar       idOnly
		}
	}
	mustRun(t, c, `{
		m7: measure(id: "`+m7+`") {
			status startYear endYear horizon pillar { id } group { id } document { id }
			laws { id } lawMentions { law { id } surface line }
			evolvesFrom { measure { id } score } directions { id }
		}
		m1: measure(id: "`+m1+`") { evolvedInto { measure { id } score } funds { id } fundMentions { fund { id } surface line } horizon }
		m6: measure(id: "`+m6+`") { relist relistOf { id } }
		m3: measure(id: "`+m3+`") { relistOf { id } relistedAs { id } }
		m4: measure(id: "`+m4+`") { refersTo { from { id } to { __typename id } via } }
		group: node(id: "`+gReskill+`") { ... on MeasureGroup { referencedBy { from { id } } measures { id } pillar { id } } }
	}`, &got)
	m := got.M7
	if m.Status != "PROGRESS" || m.StartYear == nil || *m.StartYear != 2026 || m.EndYear != nil || m.Horizon != nil {
		t.Errorf("m7 status/years/horizon = %s %v %v %v", m.Status, m.StartYear, m.EndYear, m.Horizon)
	}
	if m.Pillar.ID != p25M1 || m.Group == nil || m.Document.ID != doc25 {
		t.Errorf("m7 pillar/group/document = %v %v %v", m.Pillar, m.Group, m.Document)
	}
	if len(m.LawMentions) != 1 || m.LawMentions[0].Law.ID != lawGX || m.LawMentions[0].Surface != "GX推進法" || m.LawMentions[0].Line != 10 {
		t.Errorf("m7 lawMentions = %+v", m.LawMentions)
	}
	if diff := cmp.Diff([]evo{{idOnly{m1}, 0.82}}, m.EvolvesFrom); diff != "" {
		t.Errorf("evolvesFrom: %s", diff)
	}
	if diff := cmp.Diff([]evo{{idOnly{m7}, 0.82}}, got.M1.EvolvedInto); diff != "" {
		t.Errorf("evolvedInto: %s", diff)
	}
	if diff := cmp.Diff([]string{dir1}, ids(m.Directions)); diff != "" {
		t.Errorf("directions: %s", diff)
	}
	if got.M1.Horizon == nil || *got.M1.Horizon != "足下３年程度" || len(got.M1.FundMentions) != 1 || got.M1.FundMentions[0].Line != 13 {
		t.Errorf("m1 = %+v", got.M1)
	}
	if !got.M6.Relist || got.M6.RelistOf == nil || got.M6.RelistOf.ID != m3 {
		t.Errorf("m6 = %+v", got.M6)
	}
	if got.M3.RelistOf != nil || cmp.Diff([]string{m6}, ids(got.M3.RelistedAs)) != "" {
		t.Errorf("m3 = %+v", got.M3)
	}
	if r := got.M4.RefersTo; len(r) != 1 || r[0].From.ID != m4 || r[0].To.ID != gReskill || r[0].To.Typename != "MeasureGroup" || r[0].Via == nil || *r[0].Via != "後掲" {
		t.Errorf("m4 refersTo = %+v", r)
	}
	if g := got.Group; len(g.ReferencedBy) != 1 || g.ReferencedBy[0].From.ID != m4 || cmp.Diff([]string{m5, m6}, ids(g.Measures)) != "" || g.Pillar.ID != p23OS1 {
		t.Errorf("group = %+v", g)
	}
}

func TestLawAndFund(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type pillarUse struct {
		Pillar   idOnly
		Mentions []mention
	}
	var got struct {
		Law struct {
			Aliases  []string
			Foreign  bool
			Measures []idOnly
			Targets  []idOnly
			Pillars  []pillarUse
			Mentions []mention
		}
		IRA  struct{ Pillars []pillarUse } `json:"ira"`
		Fund struct {
			Measures []idOnly
			Targets  []idOnly
			Pillars  []pillarUse
		}
		Foreign []idOnly `json:"foreign"`
		Funds   []idOnly
	}
	mustRun(t, c, `{
		law(id: "`+lawGX+`") { aliases foreign measures { id } targets { id }
			pillars { pillar { id } mentions { node { id } surface line } }
			mentions { node { id } surface line } }
		ira: law(id: "`+lawIRA+`") { pillars { pillar { id } mentions { node { id } surface line } } }
		fund(id: "`+fundGI+`") { measures { id } targets { id } pillars { pillar { id } mentions { node { id } surface line } } }
		foreign: laws(foreign: true) { id }
		funds { id }
	}`, &got)
	if diff := cmp.Diff([]string{m1, m7}, ids(got.Law.Measures)); diff != "" {
		t.Errorf("law measures: %s", diff)
	}
	want := []pillarUse{
		{idOnly{p23M1}, []mention{{idOnly{m1}, "ＧＸ推進法", 12}}},
		{idOnly{p25M1}, []mention{{idOnly{m7}, "GX推進法", 10}}},
	}
	if diff := cmp.Diff(want, got.Law.Pillars); diff != "" {
		t.Errorf("law pillars (-want +got):\n%s", diff)
	}
	if len(got.Law.Mentions) != 2 || got.Law.Foreign || cmp.Diff([]string{"GX推進法"}, got.Law.Aliases) != "" {
		t.Errorf("law = %+v", got.Law)
	}
	if diff := cmp.Diff([]pillarUse{{idOnly{p25M1}, []mention{{idOnly{p25M1}, "インフレ削減法", 5}}}}, got.IRA.Pillars); diff != "" {
		t.Errorf("IRA pillars: %s", diff)
	}
	if cmp.Diff([]string{m1}, ids(got.Fund.Measures)) != "" || cmp.Diff([]string{t2}, ids(got.Fund.Targets)) != "" || len(got.Fund.Pillars) != 2 {
		t.Errorf("fund = %+v", got.Fund)
	}
	if diff := cmp.Diff([]string{lawIRA}, ids(got.Foreign)); diff != "" {
		t.Errorf("laws(foreign): %s", diff)
	}
	if len(got.Funds) != 2 {
		t.Errorf("funds = %v", got.Funds)
	}
}

func TestTargets(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type target struct {
		ID    string
		Kind  string
		Year  *int
		Value *float64
		Unit  *string
	}
	var got struct {
		Targets struct {
			TotalCount int
			Nodes      []target
		}
	}
	mustRun(t, c, `{ targets(filter: {document: "`+doc23+`"}) { totalCount nodes { id kind year value unit } } }`, &got)
	if got.Targets.TotalCount != 3 || len(got.Targets.Nodes) != 3 {
		t.Fatalf("targets = %+v", got.Targets)
	}
	a, b := got.Targets.Nodes[0], got.Targets.Nodes[2]
	if a.ID != t1 || a.Kind != "LONG_TERM" || *a.Year != 2030 || *a.Value != 46 || *a.Unit != "％" {
		t.Errorf("t1 = %+v", a)
	}
	if b.ID != t4 || b.Year != nil || b.Value != nil || b.Unit != nil {
		t.Errorf("t4 = %+v", b)
	}
}

// TestTargetRevisions reads REVISES from both ends: the later target's
// earlier goal and values, and the earlier target's revisions.
func TestTargetRevisions(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type revision struct {
		Target             idOnly
		FromValue, ToValue float64
		Unit               string
		Score              float64
	}
	var got struct {
		Later   struct{ Revises, RevisedBy []revision }
		Earlier struct{ Revises, RevisedBy []revision }
	}
	mustRun(t, c, `{
		later: node(id: "`+t2+`") { ... on Target { revises { target { id } fromValue toValue unit score } revisedBy { target { id } } } }
		earlier: node(id: "`+t5+`") { ... on Target { revises { target { id } } revisedBy { target { id } fromValue toValue unit score } } }
	}`, &got)
	want := []revision{{Target: idOnly{t5}, FromValue: 100, ToValue: 150, Unit: "兆円", Score: 0.8}}
	if diff := cmp.Diff(want, got.Later.Revises); diff != "" || len(got.Later.RevisedBy) != 0 {
		t.Errorf("later: revises (-want +got):\n%s\nrevisedBy %v", diff, got.Later.RevisedBy)
	}
	want[0].Target = idOnly{t2}
	if diff := cmp.Diff(want, got.Earlier.RevisedBy); diff != "" || len(got.Earlier.Revises) != 0 {
		t.Errorf("earlier: revisedBy (-want +got):\n%s\nrevises %v", diff, got.Earlier.Revises)
	}
}

type pageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

type measurePage struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []struct {
		Cursor string
		Node   idOnly
	}
}

func (p measurePage) ids() []string {
	out := make([]string, len(p.Edges))
	for i, e := range p.Edges {
		out[i] = e.Node.ID
	}
	return out
}

const pageFields = `{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }`

func TestMeasuresPagination(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct{ Measures measurePage }
	mustRun(t, c, `{ measures(first: 3) `+pageFields+` }`, &got)
	p := got.Measures
	if diff := cmp.Diff([]string{m1, m2, m3}, p.ids()); diff != "" || p.TotalCount != 8 || !p.PageInfo.HasNextPage || p.PageInfo.HasPreviousPage {
		t.Fatalf("page 1 = %+v %s", p, diff)
	}
	mustRun(t, c, `query($after: String) { measures(first: 3, after: $after) `+pageFields+` }`, &got, client.Var("after", *p.PageInfo.EndCursor))
	p = got.Measures
	if diff := cmp.Diff([]string{m4, m5, m6}, p.ids()); diff != "" || !p.PageInfo.HasNextPage || !p.PageInfo.HasPreviousPage {
		t.Fatalf("page 2 = %+v %s", p, diff)
	}
	mustRun(t, c, `query($after: String) { measures(first: 3, after: $after) `+pageFields+` }`, &got, client.Var("after", *p.PageInfo.EndCursor))
	p = got.Measures
	if diff := cmp.Diff([]string{m7, m8}, p.ids()); diff != "" || p.PageInfo.HasNextPage {
		t.Fatalf("page 3 = %+v %s", p, diff)
	}
	// Backwards.
	mustRun(t, c, `{ measures(last: 2) `+pageFields+` }`, &got)
	p = got.Measures
	if diff := cmp.Diff([]string{m7, m8}, p.ids()); diff != "" || !p.PageInfo.HasPreviousPage {
		t.Fatalf("last 2 = %+v %s", p, diff)
	}
	mustRun(t, c, `query($before: String) { measures(last: 2, before: $before) `+pageFields+` }`, &got, client.Var("before", *p.PageInfo.StartCursor))
	p = got.Measures
	if diff := cmp.Diff([]string{m5, m6}, p.ids()); diff != "" || !p.PageInfo.HasNextPage || !p.PageInfo.HasPreviousPage {
		t.Fatalf("last 2 before = %+v %s", p, diff)
	}
}

func TestMeasuresFilter(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		Future  measurePage `json:"future"`
		GX      measurePage `json:"gx"`
		Relists measurePage `json:"relists"`
		Years   measurePage `json:"years"`
		Text    measurePage `json:"text"`
		Titles  measurePage `json:"titles"`
		Pillar  struct {
			Future   measurePage `json:"future"`
			AntiMon  measurePage `json:"antiMon"`
			Original measurePage `json:"original"`
		}
	}
	mustRun(t, c, `{
		future: measures(filter: {status: [FUTURE]}) `+pageFields+`
		gx: measures(filter: {law: "`+lawGX+`"}) `+pageFields+`
		relists: measures(filter: {relist: true}) `+pageFields+`
		years: measures(filter: {yearFrom: 2025, yearTo: 2026}) `+pageFields+`
		text: measures(filter: {text: "GX推進法"}) `+pageFields+`
		titles: measures(orderBy: {field: START_YEAR}, first: 2) `+pageFields+`
		pillar(id: "`+p23OS1+`") {
			future: measures(filter: {status: [FUTURE], relist: false}) `+pageFields+`
			antiMon: measures(filter: {law: "`+lawAntiMon+`"}) `+pageFields+`
			original: measures(filter: {relist: false}, first: 1) `+pageFields+`
		}
	}`, &got)
	for _, tc := range []struct {
		name string
		got  measurePage
		want []string
	}{
		{"status", got.Future, []string{m2, m5, m6}},
		{"law", got.GX, []string{m1, m7}},
		{"relist", got.Relists, []string{m6}},
		{"years", got.Years, []string{m1, m5, m7, m8}},
		{"text (NFKC)", got.Text, []string{m1, m7}},
		{"order", got.Titles, []string{m3, m1}},
		{"pillar status", got.Pillar.Future, []string{m5}},
		{"pillar law", got.Pillar.AntiMon, []string{m5}},
		{"pillar relist page", got.Pillar.Original, []string{m5}},
	} {
		if diff := cmp.Diff(tc.want, tc.got.ids()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
		if tc.got.TotalCount < len(tc.want) {
			t.Errorf("%s: totalCount %d", tc.name, tc.got.TotalCount)
		}
	}
}

// TestOverviewCells: Measure.overview, summarizes/summarizedBy and the
// distinct filter (fixture: m2 is an overview cell that SUMMARIZES m1).
func TestOverviewCells(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		M2 struct {
			Overview   bool
			Summarizes []idOnly
		} `json:"m2"`
		M1 struct {
			Overview     bool
			SummarizedBy []idOnly
		} `json:"m1"`
		All      measurePage `json:"all"`
		Distinct measurePage `json:"distinct"`
		Cells    measurePage `json:"cells"`
		Pillar   struct {
			All      measurePage `json:"all"`
			Distinct measurePage `json:"distinct"`
			Detail   measurePage `json:"detail"`
		}
	}
	mustRun(t, c, `{
		m2: measure(id: "`+m2+`") { overview summarizes { id } }
		m1: measure(id: "`+m1+`") { overview summarizedBy { id } }
		all: measures(filter: {document: "`+doc23+`"}) `+pageFields+`
		distinct: measures(filter: {document: "`+doc23+`", distinct: true}) `+pageFields+`
		cells: measures(filter: {overview: true}) `+pageFields+`
		pillar(id: "`+p23M1+`") {
			all: measures `+pageFields+`
			distinct: measures(filter: {distinct: true}) `+pageFields+`
			detail: measures(filter: {overview: false}) `+pageFields+`
		}
	}`, &got)
	if !got.M2.Overview || cmp.Diff([]string{m1}, ids(got.M2.Summarizes)) != "" {
		t.Errorf("m2 = %+v", got.M2)
	}
	if got.M1.Overview || cmp.Diff([]string{m2}, ids(got.M1.SummarizedBy)) != "" {
		t.Errorf("m1 = %+v", got.M1)
	}
	for _, tc := range []struct {
		name  string
		got   measurePage
		want  []string
		total int
	}{
		{"document", got.All, []string{m1, m2, m3, m4, m5, m6}, 6},
		{"document distinct", got.Distinct, []string{m1, m3, m4, m5, m6}, 5},
		{"cells", got.Cells, []string{m2}, 1},
		{"pillar", got.Pillar.All, []string{m1, m2}, 2},
		{"pillar distinct", got.Pillar.Distinct, []string{m1}, 1},
		{"pillar detail", got.Pillar.Detail, []string{m1}, 1},
	} {
		if diff := cmp.Diff(tc.want, tc.got.ids()); diff != "" || tc.got.TotalCount != tc.total {
			t.Errorf("%s: totalCount %d (want %d) (-want +got):\n%s", tc.name, tc.got.TotalCount, tc.total, diff)
		}
	}
}

// TestSearchMarked: the default markers cannot be told from the text's own
// brackets no more (【リスキリング支援】 is a bracket of the text); the old
// ones are an argument away.
func TestSearchMarked(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	for _, tc := range []struct{ name, args, want string }{
		{"default", "", "デジタル人材の育成（後掲【⟦リスキリング⟧支援】参照）"},
		{"the old default", `(open: "【", close: "】")`, "デジタル人材の育成（後掲【【リスキリング】支援】参照）"},
		{"HTML", `(open: "<mark>", close: "</mark>")`, "デジタル人材の育成（後掲【<mark>リスキリング</mark>支援】参照）"},
		{"only open", `(open: "[")`, "デジタル人材の育成（後掲【[リスキリング⟧支援】参照）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got struct {
				Search []struct {
					Node   idOnly
					Marked string
				}
			}
			mustRun(t, c, `{ search(query: "リスキリング", types: [MEASURE]) { node { id } marked`+tc.args+` } }`, &got)
			for _, h := range got.Search {
				if h.Node.ID == m4 {
					if h.Marked != tc.want {
						t.Errorf("marked = %q, want %q", h.Marked, tc.want)
					}
					return
				}
			}
			t.Errorf("no hit %s in %+v", m4, got.Search)
		})
	}
}

func TestSearchNeighbourhoodPaths(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		Search []struct {
			Node       idOnly
			Score      float64
			Field      string
			Snippet    string
			Highlights []struct{ Start, End int }
			Marked     string
		}
		Neighbourhood struct {
			Nodes []struct {
				ID      string
				Label   string
				Caption string
				Node    idOnly
			}
			Edges []struct {
				ID         string
				Type       string
				Source     string
				Target     string
				Properties map[string]any
			}
			Truncated bool
		}
		Paths []struct {
			Length int
			Nodes  []struct{ ID string }
			Edges  []struct{ Type string }
		}
		RelatedPillars []struct {
			Pillar      idOnly
			SharedLaws  []idOnly
			SharedFunds []idOnly
			Score       int
		}
		Stats struct {
			TotalNodes         int
			TotalRelationships int
			Nodes              []struct {
				Label string
				Count int
			}
			Documents []struct {
				Document idOnly
			}
		}
	}
	mustRun(t, c, `{
		search(query: "リスキリング", types: [MEASURE]) { node { id } score field snippet highlights { start end } marked }
		neighbourhood(id: "`+m1+`", depth: 1) { nodes { id label caption node { id } } edges { id type source target properties } truncated }
		paths(from: "`+m1+`", to: "`+m7+`") { length nodes { id } edges { type } }
		relatedPillars(id: "`+p23M1+`") { pillar { id } sharedLaws { id } sharedFunds { id } score }
		stats { totalNodes totalRelationships nodes { label count } documents { document { id } } }
	}`, &got)
	if len(got.Search) == 0 || got.Search[0].Node.ID != m5 || len(got.Search[0].Highlights) == 0 || !strings.Contains(got.Search[0].Marked, "⟦リスキリング⟧") {
		t.Errorf("search = %+v", got.Search)
	}
	nb := got.Neighbourhood
	seen := map[string]string{}
	for _, n := range nb.Nodes {
		seen[n.ID] = n.Label
		if n.Caption == "" || n.Node.ID != n.ID {
			t.Errorf("graph node %+v", n)
		}
	}
	for id, label := range map[string]string{m1: "Measure", p23M1: "Pillar", lawGX: "Law", fundGI: "Fund", m7: "Measure"} {
		if seen[id] != label {
			t.Errorf("neighbourhood lacks %s %s: %v", label, id, seen)
		}
	}
	var cites bool
	for _, e := range nb.Edges {
		if e.Type == "CITES_LAW" && e.Source == m1 && e.Target == lawGX && e.Properties["surface"] == "ＧＸ推進法" {
			cites = true
		}
	}
	if !cites {
		t.Errorf("neighbourhood edges lack m1 CITES_LAW GX with its surface: %+v", nb.Edges)
	}
	if len(got.Paths) != 1 || got.Paths[0].Length != 1 || got.Paths[0].Edges[0].Type != "EVOLVES_FROM" || len(got.Paths[0].Nodes) != 2 {
		t.Errorf("paths = %+v", got.Paths)
	}
	if len(got.RelatedPillars) == 0 || got.RelatedPillars[0].Pillar.ID != p25M1 || cmp.Diff([]string{lawGX}, ids(got.RelatedPillars[0].SharedLaws)) != "" {
		t.Errorf("relatedPillars = %+v", got.RelatedPillars)
	}
	if got.Stats.TotalNodes != 36 || len(got.Stats.Nodes) != 10 || len(got.Stats.Documents) != 2 || got.Stats.Documents[0].Document.ID != doc23 {
		t.Errorf("stats = %+v", got.Stats)
	}
}

func TestErrorCodes(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	for _, tc := range []struct {
		query, code string
	}{
		{`{ measures(first: 501) { totalCount } }`, "LIMIT_EXCEEDED"},
		{`{ measures(first: -1) { totalCount } }`, "BAD_USER_INPUT"},
		{`{ measures(after: "not a cursor") { totalCount } }`, "BAD_USER_INPUT"},
		{`{ measures(first: 1, last: 1) { totalCount } }`, "BAD_USER_INPUT"},
		{`{ measures(filter: {yearFrom: 2030, yearTo: 2020}) { totalCount } }`, "BAD_USER_INPUT"},
		{`{ neighbourhood(id: "` + m1 + `", depth: 9) { truncated } }`, "LIMIT_EXCEEDED"},
		{`{ neighbourhood(id: "nope") { truncated } }`, "NOT_FOUND"},
		{`{ paths(from: "` + m1 + `", to: "` + m7 + `", maxHops: 99) { length } }`, "LIMIT_EXCEEDED"},
		{`{ search(query: "") { score } }`, "BAD_USER_INPUT"},
		{`{ search(query: "x", first: 1000) { score } }`, "LIMIT_EXCEEDED"},
		{`{ relatedPillars(id: "` + m1 + `") { score } }`, "BAD_USER_INPUT"},
		{`{ pillar(id: "nope") { id } }`, "NOT_FOUND"},
		// A forged cursor near MaxInt must not overflow offset arithmetic.
		{`{ measures(after: "` + forgedCursor + `") { totalCount } }`, "BAD_USER_INPUT"},
		{`{ search(query: "` + strings.Repeat("基金", 200) + `") { score } }`, "BAD_USER_INPUT"},
		{`{ neighbourhood(id: "` + m1 + `", limit: 501) { truncated } }`, "LIMIT_EXCEEDED"},
	} {
		errs := run(t, c, tc.query, nil)
		if len(errs) != 1 || errs[0].Extensions["code"] != tc.code {
			t.Errorf("%s: errors %+v, want one %s", tc.query, errs, tc.code)
		}
	}
}

// forgedCursor is base64url("offset:9223372036854775807").
var forgedCursor = base64.RawURLEncoding.EncodeToString([]byte("offset:9223372036854775807"))

// TestForgedCursorNested sends the forged cursor to the batched
// Pillar.measures path: every pillar answers BAD_USER_INPUT, none panics.
func TestForgedCursorNested(t *testing.T) {
	logs := &logBuffer{}
	c := client.New(newHandler(t, fixtureStore(t), logs))
	errs := run(t, c, `{ pillars { measures(after: "`+forgedCursor+`") { nodes { id } } } }`, nil)
	if len(errs) == 0 {
		t.Fatal("forged cursor accepted")
	}
	for _, e := range errs {
		if e.Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("error %+v, want BAD_USER_INPUT", e)
		}
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a resolver panicked:\n%s", logs.String())
	}
}

// TestNeighbourhoodLimitBound: the largest limit the schema documents works.
func TestNeighbourhoodLimitBound(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	mustRun(t, c, `{ neighbourhood(id: "`+m1+`", depth: 2, limit: 500) { truncated } }`, nil)
}

// failingStore fails or panics in Documents.
type failingStore struct {
	policygraph.Store
	err   error
	panic bool
}

func (s failingStore) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	if s.panic {
		panic("boom: secret-panic-detail")
	}
	return nil, s.err
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	for _, tc := range []struct {
		name          string
		store         failingStore
		code, message string
	}{
		{"plain error", failingStore{err: context.DeadlineExceeded}, "TIMEOUT", "request timed out"},
		{"foreign error", failingStore{err: errSecret}, "INTERNAL", "internal error"},
		{"internal", failingStore{err: &policygraph.Error{Code: policygraph.EINTERNAL, Message: "bolt: secret-detail", Err: errSecret}}, "INTERNAL", "internal error"},
		{"unavailable", failingStore{err: &policygraph.Error{Code: policygraph.EUNAVAILABLE, Message: "database unavailable", Err: errSecret}}, "UNAVAILABLE", "database unavailable"},
		{"panic", failingStore{panic: true}, "INTERNAL", "internal error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.store.Store = fixtureStore(t)
			logs := &logBuffer{}
			c := client.New(newHandler(t, tc.store, logs))
			resp, err := c.RawPost(`{ documents { id } }`)
			if err != nil {
				t.Fatal(err)
			}
			body := string(resp.Errors)
			var errs []gqlError
			_ = json.Unmarshal(resp.Errors, &errs)
			if len(errs) != 1 || errs[0].Extensions["code"] != tc.code || errs[0].Message != tc.message {
				t.Errorf("errors = %s, want %s %q", body, tc.code, tc.message)
			}
			if strings.Contains(body, "secret") {
				t.Errorf("response leaks internals: %s", body)
			}
			if tc.code == "INTERNAL" && !strings.Contains(logs.String(), "secret") {
				t.Errorf("the cause is not logged: %s", logs.String())
			}
		})
	}
}

var errSecret = &secretError{}

type secretError struct{}

func (*secretError) Error() string { return "dial tcp 10.0.0.1:7687: secret-password rejected" }

// TestSourceCitation checks the citation fields of Source: the fixture's
// pillar p23M1 starts on line 10 (page 10/10+1 = 2 in storetest.Fixture) of
// the 2023 document, published by 経済産業省; m4's page is unknown and reads
// as null, and its citation then has no page.
func TestSourceCitation(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	type src struct {
		Page          *int
		Edition       string
		DocumentTitle string
		Citation      string
	}
	var got struct {
		P struct{ Source src } `json:"p"`
		M struct{ Source src } `json:"m"`
	}
	const sel = `source { page edition documentTitle citation }`
	mustRun(t, c, `{
		p: node(id: "`+p23M1+`") { ... on Pillar { `+sel+` } }
		m: node(id: "`+m4+`") { ... on Measure { `+sel+` } }
	}`, &got)
	two := 2
	want := src{Page: &two, Edition: "第2次中間整理", DocumentTitle: "経済産業政策新機軸部会 第２次中間整理",
		Citation: "経済産業省「経済産業政策新機軸部会 第２次中間整理」(2023年) p. 2（000_69167627890d1468.txt 10–11行）"}
	if diff := cmp.Diff(want, got.P.Source); diff != "" {
		t.Errorf("pillar source (-want +got):\n%s", diff)
	}
	if s := got.M.Source; s.Page != nil || s.Citation != "経済産業省「経済産業政策新機軸部会 第２次中間整理」(2023年)（000_69167627890d1468.txt 48行）" {
		t.Errorf("measure with unknown page: %+v", s)
	}
}

// TestPathsAvoid checks that avoid names NodeType values: without the law
// the two measures share, the only way round goes through both Documents,
// and avoiding DOCUMENT too leaves none.
func TestPathsAvoid(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	var got struct {
		Direct, NoLaw, Neither []struct {
			Length int
			Nodes  []struct{ ID, Label string }
		}
	}
	const args = `from: "` + m5 + `", to: "` + m8 + `", maxHops: 8`
	mustRun(t, c, `{
		direct: paths(`+args+`) { length nodes { id label } }
		noLaw: paths(`+args+`, avoid: [LAW]) { length nodes { id label } }
		neither: paths(`+args+`, avoid: [LAW, DOCUMENT]) { length nodes { id label } }
	}`, &got)
	if len(got.Direct) != 1 || got.Direct[0].Length != 2 || got.Direct[0].Nodes[1].Label != "Law" {
		t.Errorf("direct = %+v", got.Direct)
	}
	if len(got.NoLaw) != 1 || got.NoLaw[0].Length != 7 {
		t.Fatalf("avoiding LAW = %+v", got.NoLaw)
	}
	docs := 0
	for _, n := range got.NoLaw[0].Nodes {
		if n.Label == "Law" {
			t.Errorf("avoiding LAW, the path goes through %s", n.ID)
		}
		if n.Label == "Document" {
			docs++
		}
	}
	if docs != 2 {
		t.Errorf("avoiding LAW, the path goes through %d Documents, want both: %+v", docs, got.NoLaw[0].Nodes)
	}
	if len(got.Neither) != 0 {
		t.Errorf("avoiding LAW and DOCUMENT = %+v", got.Neither)
	}
}

// TestEmptyPageHasNextPage: a page of first: 0 holds no edges, and
// hasNextPage says whether items follow where it starts (Relay: edges after
// the cursors hold more than first), whichever way the connection is
// resolved — the store's page (Query.measures, Query.targets, a filtered
// Pillar.measures) or the walked list (Pillar.measures by status).
func TestEmptyPageHasNextPage(t *testing.T) {
	c := client.New(newHandler(t, fixtureStore(t), nil))
	last := base64.RawURLEncoding.EncodeToString([]byte("offset:7")) // m8, the last of the fixture's 8 measures
	for _, tc := range []struct {
		name, query string
		want        bool
	}{
		{"measures", `{ x: measures(first: 0) { pageInfo { hasNextPage } } }`, true},
		{"measures after the last", `{ x: measures(first: 0, after: "` + last + `") { pageInfo { hasNextPage } } }`, false},
		{"measures filtered", `{ x: measures(first: 0, filter: {law: "` + lawGX + `"}) { pageInfo { hasNextPage } } }`, true},
		{"measures filtered to nothing", `{ x: measures(first: 0, filter: {text: "no such words"}) { pageInfo { hasNextPage } } }`, false},
		{"targets", `{ x: targets(first: 0) { pageInfo { hasNextPage } } }`, true},
		{"pillar walked", `{ x: pillar(id: "` + p23OS1 + `") { measures(first: 0) { pageInfo { hasNextPage } } } }`, true},
		{"pillar by the store", `{ x: pillar(id: "` + p23OS1 + `") { measures(first: 0, filter: {law: "` + lawAntiMon + `"}) { pageInfo { hasNextPage } } } }`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got struct {
				X struct {
					PageInfo pageInfo
					Measures struct{ PageInfo pageInfo }
				}
			}
			mustRun(t, c, tc.query, &got)
			has := got.X.PageInfo.HasNextPage || got.X.Measures.PageInfo.HasNextPage
			if has != tc.want {
				t.Errorf("hasNextPage = %v, want %v", has, tc.want)
			}
		})
	}
}
