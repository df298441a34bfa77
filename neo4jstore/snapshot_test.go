package neo4jstore_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/neo4jstore"
	"github.com/policygraph/policygraph/neo4jstore/neo4jtest"
	snapshotstore "github.com/policygraph/policygraph/snapshot"
	"github.com/policygraph/policygraph/storetest"
)

// flat is a graph as comparable values: node properties by id, and
// relationships as text by id.
func flat(t *testing.T, g *policygraph.Graph) (map[string]map[string]any, map[string]string) {
	t.Helper()
	nodes := map[string]map[string]any{}
	for _, e := range g.Entities() {
		p, err := policygraph.Properties(e)
		if err != nil {
			t.Fatal(err)
		}
		p["label"] = e.Label()
		nodes[e.NodeID()] = p
	}
	rels := map[string]string{}
	for _, r := range g.Relationships {
		props := r.Properties
		if len(props) == 0 {
			props = nil
		}
		rels[r.ID] = fmt.Sprintf("%s %s->%s %v", r.Type, r.Start, r.End, props)
	}
	return nodes, rels
}

// TestReadGraphIsTheLoadedGraph checks that reading the whole graph back
// gives exactly what was loaded: the snapshot mode serves this copy.
func TestReadGraphIsTheLoadedGraph(t *testing.T) {
	s := neo4jtest.Open(t)
	g := corpus(t)
	load(t, s, g)
	got, fp, err := s.ReadGraph(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	fp2, err := s.Fingerprint(t.Context())
	if err != nil || fp == "" || fp != fp2 {
		t.Fatalf("fingerprints %q and %q, %v", fp, fp2, err)
	}
	wantN, wantR := flat(t, g)
	gotN, gotR := flat(t, got)
	if d := cmp.Diff(wantN, gotN); d != "" {
		t.Errorf("nodes differ (-loaded +read):\n%.3000s", d)
	}
	if d := cmp.Diff(wantR, gotR); d != "" {
		t.Errorf("relationships differ (-loaded +read):\n%.3000s", d)
	}
}

// openSnapshot loads g into Neo4j and serves it through a snapshot.
func openSnapshot(s *neo4jstore.Store) storetest.Opener {
	return func(t *testing.T, g *policygraph.Graph) policygraph.Store {
		load(t, s, g)
		snap := snapshotstore.New(s, snapshotstore.Options{})
		if err := snap.Refresh(t.Context()); err != nil {
			t.Fatal(err)
		}
		return snap
	}
}

// TestSnapshotContract runs the store contract and the corpus invariants on
// the snapshot mode of serving from Neo4j.
func TestSnapshotContract(t *testing.T) {
	s := neo4jtest.Open(t)
	t.Run("contract", func(t *testing.T) { storetest.Run(t, openSnapshot(s)) })
	t.Run("corpus", func(t *testing.T) { storetest.RunCorpus(t, corpus(t), openSnapshot(s)) })
}

// TestSnapshotFollowsLoads checks that a load is picked up by the next
// refresh and an unchanged database is not read again.
func TestSnapshotFollowsLoads(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := t.Context()
	g := storetest.Fixture()
	load(t, s, g)
	snap := snapshotstore.New(s, snapshotstore.Options{})
	if err := snap.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if err := snap.Refresh(ctx); err != nil || snap.Reloads() != 1 {
		t.Fatalf("unchanged: reloads %d, %v", snap.Reloads(), err)
	}
	g2 := storetest.Fixture()
	g2.Documents[0].Title = "a new title"
	if _, err := s.LoadGraph(ctx, g2); err != nil {
		t.Fatal(err)
	}
	if err := snap.Refresh(ctx); err != nil || snap.Reloads() != 2 {
		t.Fatalf("changed: reloads %d, %v", snap.Reloads(), err)
	}
	d, err := snap.Node(ctx, g2.Documents[0].ID)
	if err != nil || d.(*policygraph.Document).Title != "a new title" {
		t.Fatalf("after the load: %v, %v", d, err)
	}
}

// TestWrongPasswordIsPermanent: refused credentials are a permanent error
// with a clear message (the snapshot backs off on it), and after a few
// refused attempts the right password still works: the account is not
// locked.
func TestWrongPasswordIsPermanent(t *testing.T) {
	good := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	cfg.Password = "not-the-password"
	cfg.MaxRetryTime = 100 * time.Millisecond
	bad, err := neo4jstore.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close(t.Context())
	snap := snapshotstore.New(bad, snapshotstore.Options{})
	// One login attempt, refused; the next refreshes do not try again
	// (Neo4j locks an account after a few refusals in a row).
	for i := range 3 {
		before := bad.RoundTrips()
		err := snap.Refresh(t.Context())
		if err == nil || !neo4jstore.Permanent(err) {
			t.Fatalf("refresh with a wrong password: %v (permanent %v)", err, neo4jstore.Permanent(err))
		}
		if sent := bad.RoundTrips() - before; i > 0 && sent != 0 {
			t.Fatalf("refresh %d sent %d queries with refused credentials", i+1, sent)
		}
	}
	if err := snap.Ping(t.Context()); err == nil || !strings.Contains(policygraph.ErrorMessage(err), "credentials") {
		t.Errorf("readiness with a wrong password: %v", err)
	}
	if _, err := good.Fingerprint(t.Context()); err != nil {
		t.Errorf("the right password after refusals: %v", err)
	}
}
