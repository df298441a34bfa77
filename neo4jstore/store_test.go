package neo4jstore_test

// These tests need a Neo4j: see package neo4jtest for the environment
// (NEO4J_URI …; skipped when unset unless POLICYGRAPH_REQUIRE_NEO4J=1).
// THEY WIPE THE TARGET DATABASE.

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	"github.com/policygraph/policygraph/storetest"
)

// load wipes the database, loads g and returns the store.
func load(t *testing.T, s *neo4jstore.Store, g *policygraph.Graph) {
	t.Helper()
	if err := s.Wipe(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadGraph(t.Context(), g); err != nil {
		t.Fatalf("LoadGraph: %v", err)
	}
}

// snapshot is what a load leaves: every node id with its element id and
// properties, and every relationship id.
type snapshot struct {
	Nodes  map[string]string // id → elementId
	Props  map[string]string // id → properties as text
	Labels map[string]string // id → label
	Rels   []string          // relationship ids, sorted
	Counts *neo4jstore.Counts
}

func snap(t *testing.T, s *neo4jstore.Store) snapshot {
	t.Helper()
	ctx := t.Context()
	sn := snapshot{Nodes: map[string]string{}, Props: map[string]string{}, Labels: map[string]string{}}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sn.Counts = c
	nodes, rels, err := neo4jstore.Dump(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		sn.Nodes[n.ID] = n.ElementID
		sn.Props[n.ID] = n.Props
		sn.Labels[n.ID] = n.Label
	}
	sn.Rels = rels
	return sn
}

// ids returns the node ids of a snapshot, sorted.
func (sn snapshot) ids() []string {
	var out []string
	for id := range sn.Nodes {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func TestLoadTwiceIsIdempotent(t *testing.T) {
	s := neo4jtest.Open(t)
	g := storetest.Fixture()
	load(t, s, g)
	first := snap(t, s)
	if len(first.Nodes) != len(g.Entities()) || len(first.Rels) != len(g.Relationships) {
		t.Fatalf("loaded %d nodes, %d relationships; want %d, %d",
			len(first.Nodes), len(first.Rels), len(g.Entities()), len(g.Relationships))
	}

	// Unchanged documents are skipped.
	res, err := s.LoadGraph(t.Context(), storetest.Fixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Loaded) != 0 || len(res.Skipped) != 2 {
		t.Errorf("second load: loaded %v, skipped %v; want nothing loaded, both skipped", res.Loaded, res.Skipped)
	}
	if diff := cmp.Diff(first, snap(t, s)); diff != "" {
		t.Errorf("second load changed the graph (-first +second):\n%s", diff)
	}

	// A forced reload rewrites every document with the same ids and counts.
	res, err = s.LoadGraph(t.Context(), storetest.Fixture(), neo4jstore.LoadOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Loaded) != 2 {
		t.Errorf("forced load: loaded %v, want both", res.Loaded)
	}
	again := snap(t, s)
	if diff := cmp.Diff(first.ids(), again.ids()); diff != "" {
		t.Errorf("forced reload changed node ids:\n%s", diff)
	}
	if diff := cmp.Diff(first.Props, again.Props); diff != "" {
		t.Errorf("forced reload changed properties:\n%s", diff)
	}
	if diff := cmp.Diff(first.Rels, again.Rels); diff != "" {
		t.Errorf("forced reload changed relationships:\n%s", diff)
	}
	if diff := cmp.Diff(first.Counts, again.Counts); diff != "" {
		t.Errorf("forced reload changed counts:\n%s", diff)
	}
	// Shared nodes were merged, not recreated.
	for id, el := range first.Nodes {
		if first.Labels[id] == policygraph.LabelLaw || first.Labels[id] == policygraph.LabelFund {
			if again.Nodes[id] != el {
				t.Errorf("shared node %s was recreated", id)
			}
		}
	}
}

// without returns g without the nodes whose ids pass drop and the
// relationships touching them.
func without(g *policygraph.Graph, drop func(id string) bool) *policygraph.Graph {
	del := func(id string) bool { return drop(id) }
	g.Pillars = slices.DeleteFunc(g.Pillars, func(n *policygraph.Pillar) bool { return del(n.ID) })
	g.Groups = slices.DeleteFunc(g.Groups, func(n *policygraph.MeasureGroup) bool { return del(n.ID) })
	g.Measures = slices.DeleteFunc(g.Measures, func(n *policygraph.Measure) bool { return del(n.ID) })
	g.Targets = slices.DeleteFunc(g.Targets, func(n *policygraph.Target) bool { return del(n.ID) })
	g.Laws = slices.DeleteFunc(g.Laws, func(n *policygraph.Law) bool { return del(n.ID) })
	g.Funds = slices.DeleteFunc(g.Funds, func(n *policygraph.Fund) bool { return del(n.ID) })
	g.Directions = slices.DeleteFunc(g.Directions, func(n *policygraph.PolicyDirection) bool { return del(n.ID) })
	g.Relationships = slices.DeleteFunc(g.Relationships, func(r *policygraph.Relationship) bool {
		return del(r.Start) || del(r.End)
	})
	return g
}

const (
	m8      = "measure:2025:OS-1:a1b2c3d4"
	m5      = "measure:2023:OS-1:7e8f90a1"
	lawIRA  = "law:インフレ削減法"
	lawAnti = "law:独占禁止法"
)

func TestReloadChangedDocument(t *testing.T) {
	s := neo4jtest.Open(t)
	load(t, s, storetest.Fixture())
	before := snap(t, s)

	// 2025 loses a measure and its citation of the IRA (the law itself
	// leaves the graph too): only doc:2025 is rewritten.
	g := without(storetest.Fixture(), func(id string) bool { return id == m8 || id == lawIRA })
	res, err := s.LoadGraph(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Loaded, []string{"doc:2025"}) || !slices.Equal(res.Skipped, []string{"doc:2023"}) {
		t.Errorf("loaded %v, skipped %v; want doc:2025 loaded, doc:2023 skipped", res.Loaded, res.Skipped)
	}
	after := snap(t, s)
	for id, el := range before.Nodes {
		switch {
		case id == m8 || id == lawIRA:
			if _, ok := after.Nodes[id]; ok {
				t.Errorf("%s is still there", id)
			}
		case strings.Contains(id, ":2023:") || id == "doc:2023":
			if after.Nodes[id] != el {
				t.Errorf("%s (doc:2023) was rewritten", id)
			}
		case before.Labels[id] == policygraph.LabelLaw || before.Labels[id] == policygraph.LabelFund:
			if after.Nodes[id] != el {
				t.Errorf("shared node %s was deleted or recreated", id)
			}
		default:
			if _, ok := after.Nodes[id]; !ok {
				t.Errorf("%s is gone", id)
			}
		}
	}
	// Cross-document relationships survive the reload of their start document.
	for _, want := range []string{
		"CONTINUES:pillar:2025:MISSION-1->pillar:2023:MISSION-1",
		"EVOLVES_FROM:measure:2025:MISSION-1:90a1b2c3->measure:2023:MISSION-1:3f2a9c1b",
	} {
		if !slices.Contains(after.Rels, want) {
			t.Errorf("cross-document relationship %s lost", want)
		}
	}
	if slices.Contains(after.Rels, "CITES_LAW:"+m8+"->"+lawAnti) {
		t.Errorf("relationship of the dropped measure is still there")
	}

	// Now 2023 changes (m5 goes): its reload must restore the incoming
	// cross-document relationships from 2025, which DETACH DELETE removed.
	g = without(storetest.Fixture(), func(id string) bool { return id == m8 || id == lawIRA || id == m5 })
	res, err = s.LoadGraph(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Loaded, []string{"doc:2023"}) {
		t.Errorf("loaded %v, want doc:2023", res.Loaded)
	}
	final := snap(t, s)
	var wantRels []string
	for _, r := range g.Relationships {
		wantRels = append(wantRels, r.ID)
	}
	sort.Strings(wantRels)
	if diff := cmp.Diff(wantRels, final.Rels); diff != "" {
		t.Errorf("relationships after reloading doc:2023 (-want +got):\n%s", diff)
	}
	if _, ok := final.Nodes[lawAnti]; !ok {
		t.Errorf("shared law %s was deleted", lawAnti)
	}
	if _, ok := final.Nodes[lawIRA]; ok {
		t.Errorf("shared law %s, no longer in the graph, is still there", lawIRA)
	}
	if !slices.Equal(res.RemovedShared, nil) {
		t.Errorf("second reload pruned %v again", res.RemovedShared)
	}
}

// TestFailedLoadKeepsPreviousGraph fails a load at every one of its write
// batches in turn (batches of 4 rows, so every step has several), and
// cancels one midway: each time the database keeps the previous corpus
// exactly, and the same load then goes through.
func TestFailedLoadKeepsPreviousGraph(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.LoadBatchSize = 4
	s := neo4jtest.OpenConfig(t, cfg)
	load(t, s, storetest.Fixture())
	before := snap(t, s)
	// Both documents change: doc:2025 loses a measure, doc:2023 a title.
	g := without(storetest.Fixture(), func(id string) bool { return id == m8 })
	g.Documents[0].Title = "changed"

	// Count the batches of the load, failing its last one.
	boom := errors.New("injected failure")
	total := 0
	steps := map[string]bool{}
	neo4jstore.SetBatchHook(s, func(step string, i int) error {
		total, steps[step] = i, true
		if step == "prune shared" {
			return boom
		}
		return nil
	})
	if _, err := s.LoadGraph(t.Context(), g); !errors.Is(err, boom) {
		t.Fatalf("LoadGraph = %v, want the injected failure", err)
	}
	if len(steps) != 6 || total < 12 {
		t.Fatalf("the load has %d batches in steps %v: want every step, several batches", total, steps)
	}
	for n := 1; n <= total; n++ {
		neo4jstore.SetBatchHook(s, func(step string, i int) error {
			if i == n {
				return boom
			}
			return nil
		})
		if _, err := s.LoadGraph(t.Context(), g); !errors.Is(err, boom) {
			t.Fatalf("batch %d: LoadGraph = %v, want the injected failure", n, err)
		}
		if diff := cmp.Diff(before, snap(t, s)); diff != "" {
			t.Fatalf("failing batch %d changed the graph (-before +after):\n%s", n, diff)
		}
	}

	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		neo4jstore.SetBatchHook(s, func(step string, i int) error {
			if step == "create relationships" {
				cancel() // the next query of the transaction fails
			}
			return nil
		})
		if _, err := s.LoadGraph(ctx, g); err == nil {
			t.Fatal("LoadGraph with a cancelled context succeeded")
		}
		if diff := cmp.Diff(before, snap(t, s)); diff != "" {
			t.Errorf("cancelled load changed the graph (-before +after):\n%s", diff)
		}
	})

	// And the same load without the failure goes through.
	neo4jstore.SetBatchHook(s, nil)
	res, err := s.LoadGraph(t.Context(), g)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Loaded) != 2 {
		t.Errorf("loaded %v, want both documents", res.Loaded)
	}
	after := snap(t, s)
	if _, ok := after.Nodes[m8]; ok {
		t.Errorf("%s still there after a successful load", m8)
	}
	if len(after.Rels) != len(g.Relationships) {
		t.Errorf("%d relationships after the load, want %d", len(after.Rels), len(g.Relationships))
	}
}

// TestFailedFreshLoadLeavesNothing is TestFailedLoadKeepsPreviousGraph for
// a load into an empty database, which takes the short path (two steps,
// everything created): a failure at any batch leaves the database empty.
func TestFailedFreshLoadLeavesNothing(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.LoadBatchSize = 4
	s := neo4jtest.OpenConfig(t, cfg)
	if err := s.Wipe(t.Context()); err != nil {
		t.Fatal(err)
	}
	g := storetest.Fixture()
	boom := errors.New("injected failure")
	total := 0
	steps := map[string]bool{}
	neo4jstore.SetBatchHook(s, func(step string, i int) error {
		total, steps[step] = i, true
		return nil
	})
	if _, err := s.LoadGraph(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"create nodes": true, "create relationships": true}; !maps.Equal(steps, want) || total < 4 {
		t.Fatalf("a fresh load wrote %d batches in steps %v, want several in %v", total, steps, want)
	}
	for n := 1; n <= total; n++ {
		if err := s.Wipe(t.Context()); err != nil {
			t.Fatal(err)
		}
		neo4jstore.SetBatchHook(s, func(step string, i int) error {
			if i == n {
				return boom
			}
			return nil
		})
		if _, err := s.LoadGraph(t.Context(), g); !errors.Is(err, boom) {
			t.Fatalf("batch %d: LoadGraph = %v, want the injected failure", n, err)
		}
		if sn := snap(t, s); len(sn.Nodes) != 0 || len(sn.Rels) != 0 {
			t.Fatalf("failing batch %d left %d nodes and %d relationships", n, len(sn.Nodes), len(sn.Rels))
		}
	}
	neo4jstore.SetBatchHook(s, nil)
	if _, err := s.LoadGraph(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	if sn := snap(t, s); len(sn.Nodes) != len(g.Entities()) || len(sn.Rels) != len(g.Relationships) {
		t.Errorf("after the load: %d nodes and %d relationships, want %d and %d",
			len(sn.Nodes), len(sn.Rels), len(g.Entities()), len(g.Relationships))
	}
}

// TestRoundTrips checks that what a server sends to Neo4j costs a fixed
// number of queries whatever the size of the graph: the refresh check one
// (the fingerprints), a snapshot read four (fingerprints, nodes,
// relationships, fingerprints again).
func TestRoundTrips(t *testing.T) {
	s := neo4jtest.Open(t)
	for _, g := range []*policygraph.Graph{storetest.Fixture(), corpus(t)} {
		load(t, s, g)
		for _, tc := range []struct {
			name string
			call func() error
			want int64
		}{
			{"Fingerprint", func() error { _, err := s.Fingerprint(t.Context()); return err }, 1},
			{"ReadGraph", func() error { _, _, err := s.ReadGraph(t.Context()); return err }, 4},
		} {
			before := s.RoundTrips()
			if err := tc.call(); err != nil {
				t.Fatal(err)
			}
			if n := s.RoundTrips() - before; n != tc.want {
				t.Errorf("%s of %d nodes took %d round trips, want %d", tc.name, len(g.Entities()), n, tc.want)
			}
		}
	}
}

// TestUnavailable needs no Neo4j: nothing listens on the port, and the
// store must say EUNAVAILABLE, quickly.
func TestUnavailable(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the driver's retries")
	}
	s, err := neo4jstore.Open(t.Context(), neo4jstore.Config{
		URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x",
		MaxRetryTime: time.Second, ConnectTimeout: time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	err = s.Ping(t.Context())
	if got := policygraph.ErrorCode(err); got != policygraph.EUNAVAILABLE {
		t.Fatalf("Ping = %v (code %q), want %s", err, got, policygraph.EUNAVAILABLE)
	}
	if !strings.Contains(policygraph.ErrorMessage(err), "unavailable") {
		t.Errorf("message %q does not say unavailable", policygraph.ErrorMessage(err))
	}
	// The breaker is open: reads fail at once, without a query sent.
	before := s.RoundTrips()
	for range 5 {
		_, err = s.Fingerprint(t.Context())
		if got := policygraph.ErrorCode(err); got != policygraph.EUNAVAILABLE {
			t.Errorf("Fingerprint = %v, want %s", err, policygraph.EUNAVAILABLE)
		}
	}
	if n := s.RoundTrips() - before; n != 0 {
		t.Errorf("%d queries sent to a database known to be down", n)
	}
}

func TestOpenRejectsBadURI(t *testing.T) {
	for _, uri := range []string{"", "not a uri", "http://127.0.0.1:7474"} {
		s, err := neo4jstore.Open(t.Context(), neo4jstore.Config{URI: uri})
		if err == nil {
			s.Close(context.Background())
			t.Errorf("Open(%q) succeeded", uri)
		}
	}
}

func TestSchema(t *testing.T) {
	s := neo4jtest.Open(t)
	// What an earlier version created, and an index of the user's own.
	for _, stmt := range []string{
		"CREATE INDEX pg_measure_status IF NOT EXISTS FOR (n:Measure) ON (n.status)",
		"CREATE FULLTEXT INDEX pg_search IF NOT EXISTS FOR (n:Measure|Law) ON EACH [n.title, n.name]",
		"CREATE INDEX user_measure_title IF NOT EXISTS FOR (n:Measure) ON (n.title)",
	} {
		if err := neo4jstore.Exec(t.Context(), s, stmt); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { _ = neo4jstore.Exec(context.Background(), s, "DROP INDEX user_measure_title IF EXISTS") })
	// EnsureSchema is idempotent, and drops what earlier versions created.
	if err := s.EnsureSchema(t.Context(), 0); err != nil {
		t.Fatal(err)
	}
	info, err := s.SchemaInfo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(info, "\n")
	for _, want := range []string{"pg_measure_id", "pg_policynode_id", "pg_policynode_pg_doc"} {
		if !strings.Contains(text, want) {
			t.Errorf("schema lacks %s:\n%s", want, text)
		}
	}
	for _, gone := range []string{"pg_measure_status", "pg_search"} {
		if strings.Contains(text, gone) {
			t.Errorf("schema still has %s:\n%s", gone, text)
		}
	}
	if !strings.Contains(text, "user_measure_title") {
		t.Errorf("the user's own index was dropped:\n%s", text)
	}
	if testing.Verbose() {
		t.Logf("schema:\n%s", text)
	}
}
