package snapshot_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/snapshot"
	"github.com/policygraph/policygraph/storetest"
)

// fakeSource is a database holding one graph at a time.
type fakeSource struct {
	mu    sync.Mutex
	g     *policygraph.Graph
	fp    string
	down  error
	reads int
}

func (f *fakeSource) set(g *policygraph.Graph, fp string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.g, f.fp = g, fp
}

func (f *fakeSource) fail(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = err
}

func (f *fakeSource) Fingerprint(ctx context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.fp, f.down
}

func (f *fakeSource) ReadGraph(ctx context.Context) (*policygraph.Graph, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down != nil {
		return nil, "", f.down
	}
	f.reads++
	return f.g, f.fp, nil
}

// clock is a settable time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestContract runs the store contract on a snapshot of the fixture.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, g *policygraph.Graph) policygraph.Store {
		s := snapshot.New(&fakeSource{g: g, fp: "1"}, snapshot.Options{})
		if err := s.Refresh(t.Context()); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestRefresh(t *testing.T) {
	ctx := t.Context()
	src := &fakeSource{}
	src.set(storetest.Fixture(), "v1")
	c := &clock{t: time.Unix(1000, 0)}
	s := snapshot.New(src, snapshot.Options{MaxStale: time.Minute, Now: c.now})

	// No snapshot yet: not ready, queries unavailable.
	if err := s.Ping(ctx); policygraph.ErrorCode(err) != policygraph.EUNAVAILABLE {
		t.Fatalf("ping before the first refresh: %v", err)
	}
	if _, err := s.Documents(ctx); policygraph.ErrorCode(err) != policygraph.EUNAVAILABLE {
		t.Fatalf("documents before the first refresh: %v", err)
	}

	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx)
	if err != nil || len(docs) != 2 {
		t.Fatalf("documents = %d, %v", len(docs), err)
	}

	// Unchanged fingerprint: confirmed, not read again.
	c.add(30 * time.Second)
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if src.reads != 1 || s.Reloads() != 1 {
		t.Fatalf("reads %d, reloads %d after an unchanged check", src.reads, s.Reloads())
	}
	if age, ok := s.Age(); !ok || age != 0 {
		t.Fatalf("age after a confirmation = %v, %v", age, ok)
	}

	// A load changed the database: the next refresh swaps the graph.
	g := storetest.Fixture()
	g.Documents = g.Documents[:1]
	g.Documents[0].Title = "changed"
	var kept []*policygraph.Relationship
	// Drop the 2025 document's nodes and relationships.
	g2 := &policygraph.Graph{Documents: g.Documents, Laws: g.Laws, Funds: g.Funds}
	for _, p := range g.Pillars {
		if p.DocumentID == g.Documents[0].ID {
			g2.Pillars = append(g2.Pillars, p)
		}
	}
	for _, m := range g.Measures {
		if m.DocumentID == g.Documents[0].ID {
			g2.Measures = append(g2.Measures, m)
		}
	}
	for _, gr := range g.Groups {
		if gr.DocumentID == g.Documents[0].ID {
			g2.Groups = append(g2.Groups, gr)
		}
	}
	for _, tg := range g.Targets {
		if tg.DocumentID == g.Documents[0].ID {
			g2.Targets = append(g2.Targets, tg)
		}
	}
	ids := map[string]bool{}
	for _, e := range g2.Entities() {
		ids[e.NodeID()] = true
	}
	for _, r := range g.Relationships {
		if ids[r.Start] && ids[r.End] {
			kept = append(kept, r)
		}
	}
	g2.Relationships = kept
	src.set(g2, "v2")
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err = s.Documents(ctx)
	if err != nil || len(docs) != 1 || docs[0].Title != "changed" || s.Reloads() != 2 {
		t.Fatalf("after a change: %d documents, %v, reloads %d", len(docs), err, s.Reloads())
	}

	// The database goes away: the snapshot serves until MaxStale, then
	// says why it does not.
	src.fail(&policygraph.Error{Code: policygraph.EUNAVAILABLE, Message: "database unavailable"})
	c.add(50 * time.Second)
	if err := s.Refresh(ctx); err == nil {
		t.Fatal("refresh with the source down succeeded")
	}
	if _, err := s.Documents(ctx); err != nil {
		t.Fatalf("within MaxStale: %v", err)
	}
	c.add(20 * time.Second)
	_, err = s.Documents(ctx)
	if policygraph.ErrorCode(err) != policygraph.EUNAVAILABLE || s.Ping(ctx) == nil {
		t.Fatalf("past MaxStale: %v", err)
	}
	var app *policygraph.Error
	if !errors.As(err, &app) || app.Message != "the snapshot of the database is 1m10s old (limit 1m0s): database unavailable" {
		t.Fatalf("message: %v", err)
	}

	// Back: one refresh and it serves again, without a reread.
	src.fail(nil)
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err != nil || s.Reloads() != 2 {
		t.Fatalf("after recovery: %v, reloads %d", err, s.Reloads())
	}
}

// TestPin: calls made with a pinned context answer from the copy of the
// moment it was pinned, across a swap.
func TestPin(t *testing.T) {
	ctx := t.Context()
	src := &fakeSource{}
	src.set(storetest.Fixture(), "v1")
	s := snapshot.New(src, snapshot.Options{})
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	pinned := s.Pin(ctx)
	g := storetest.Fixture()
	g.Documents[0].Title = "new"
	src.set(g, "v2")
	if err := s.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	old, err := s.Node(pinned, g.Documents[0].ID)
	if err != nil || old.(*policygraph.Document).Title == "new" {
		t.Errorf("pinned context sees %v, %v; want the old copy", old, err)
	}
	cur, err := s.Node(ctx, g.Documents[0].ID)
	if err != nil || cur.(*policygraph.Document).Title != "new" {
		t.Errorf("unpinned context sees %v, %v; want the new copy", cur, err)
	}
}
