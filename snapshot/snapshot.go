// Package snapshot serves a policygraph.Store from an in-memory copy of a
// database that changes only through loads (Neo4j, written by
// `policygraph load`).
//
// The copy is an inmem.Store built from one read transaction of the whole
// graph, so it is always one state of the database. Every Interval the
// snapshot asks the source for its fingerprint (one small query): unchanged,
// the copy is confirmed fresh; changed, the whole graph is read again and
// swapped in atomically; each GraphQL operation is pinned to the copy of its
// start (Pin), so it sees the old graph or the new one, never a mix. If the source cannot be reached the copy keeps serving until
// it is older than MaxStale (time since it was last confirmed), then
// queries fail with EUNAVAILABLE and Ping (readiness) says why.
//
// The trade-off against reading through on every request: answers are at
// in-memory speed, but a load becomes visible up to Interval later, and
// the server holds the graph in memory (a few MB for the two editions).
package snapshot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
)

// Source is the database a snapshot copies (neo4jstore.Store).
type Source interface {
	// Fingerprint changes whenever the loaded graph changes.
	Fingerprint(ctx context.Context) (string, error)
	// ReadGraph reads the whole graph and its fingerprint at one moment.
	ReadGraph(ctx context.Context) (*policygraph.Graph, string, error)
}

// Options tune a snapshot.
type Options struct {
	// Interval between fingerprint checks (default 5s).
	Interval time.Duration
	// MaxStale is how old (since last confirmed) the copy may be and still
	// serve (default 1m; negative: no bound).
	MaxStale time.Duration
	Logger   *slog.Logger
	// Now is the clock (tests); time.Now when nil.
	Now func() time.Time
	// Permanent tells the errors retrying cannot cure (refused
	// credentials, no such database): after one, Run waits twice as long
	// before each next attempt, up to MaxBackoff, instead of Interval.
	Permanent func(error) bool
	// MaxBackoff bounds that wait (default 5m).
	MaxBackoff time.Duration
}

// Defaults of Options.
const (
	DefaultInterval   = 5 * time.Second
	DefaultMaxStale   = time.Minute
	DefaultMaxBackoff = 5 * time.Minute
)

// Store is a policygraph.Store served from the latest snapshot.
type Store struct {
	src  Source
	opts Options

	cur     atomic.Pointer[copyOf]
	lastErr atomic.Pointer[error]
	reloads atomic.Int64
	refresh sync.Mutex // one refresh at a time
}

// copyOf is one snapshot and when it was last known to be current.
type copyOf struct {
	store     *inmem.Store
	fp        string
	confirmed time.Time
}

var _ policygraph.Store = (*Store)(nil)

// New returns a Store with no snapshot yet: call Refresh (or Run).
func New(src Source, opts Options) *Store {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.MaxStale == 0 {
		opts.MaxStale = DefaultMaxStale
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Permanent == nil {
		opts.Permanent = func(error) bool { return false }
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = DefaultMaxBackoff
	}
	return &Store{src: src, opts: opts}
}

// Refresh asks the source whether the graph changed and, when it did (or
// there is no copy yet), reads it again and swaps it in. On error the
// current copy stays.
func (s *Store) Refresh(ctx context.Context) error {
	s.refresh.Lock()
	defer s.refresh.Unlock()
	err := s.refreshLocked(ctx)
	if err != nil {
		s.lastErr.Store(&err)
	} else {
		s.lastErr.Store(nil)
	}
	return err
}

func (s *Store) refreshLocked(ctx context.Context) error {
	now := s.opts.Now()
	cur := s.cur.Load()
	if cur != nil {
		fp, err := s.src.Fingerprint(ctx)
		if err != nil {
			return fmt.Errorf("snapshot: check fingerprint: %w", err)
		}
		if fp == cur.fp {
			s.cur.Store(&copyOf{store: cur.store, fp: cur.fp, confirmed: now})
			return nil
		}
	}
	g, fp, err := s.src.ReadGraph(ctx)
	if err != nil {
		return fmt.Errorf("snapshot: read graph: %w", err)
	}
	st, err := inmem.New(g)
	if err != nil {
		return fmt.Errorf("snapshot: index graph: %w", err)
	}
	s.cur.Store(&copyOf{store: st, fp: fp, confirmed: now})
	s.reloads.Add(1)
	s.opts.Logger.Info("snapshot loaded", "documents", len(g.Documents), "nodes", len(g.Entities()), "relationships", len(g.Relationships), "fingerprint", fp[:min(12, len(fp))])
	return nil
}

// Run refreshes every Interval until ctx ends. A failure is logged when it
// differs from the previous one, not per attempt; after a permanent one
// (Options.Permanent) the wait doubles up to MaxBackoff, so a wrong
// password never hammers the database into locking the account.
func (s *Store) Run(ctx context.Context) {
	var last string
	wait := s.opts.Interval
	for {
		err := s.Refresh(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			if err.Error() != last {
				s.opts.Logger.Warn("snapshot refresh failed; serving the last snapshot while it is fresh enough",
					"err", err, "maxStale", s.opts.MaxStale, "permanent", s.opts.Permanent(err))
				last = err.Error()
			}
		case err == nil && last != "":
			s.opts.Logger.Info("snapshot refresh recovered")
			last = ""
		}
		wait = nextWait(wait, err != nil && s.opts.Permanent(err), s.opts.Interval, s.opts.MaxBackoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// nextWait is the pause before the next refresh: Interval, or after a
// permanent failure the previous pause doubled, at most max.
func nextWait(prev time.Duration, permanent bool, interval, max time.Duration) time.Duration {
	if !permanent {
		return interval
	}
	if prev > max/2 {
		return max
	}
	return prev * 2
}

// Age is the time since the copy was last confirmed current; ok is false
// when there is no copy yet.
func (s *Store) Age() (age time.Duration, ok bool) {
	cur := s.cur.Load()
	if cur == nil {
		return 0, false
	}
	return s.opts.Now().Sub(cur.confirmed), true
}

// Reloads counts the snapshots read (the first included).
func (s *Store) Reloads() int64 { return s.reloads.Load() }

// pinKey keys the copy an operation was pinned to (Pin).
type pinKey struct{ s *Store }

// Pin returns ctx carrying the copy being served now: every call of this
// store made with that context answers from it, so one GraphQL operation
// (many store calls) never sees two versions of the graph, even when a
// refresh swaps the copy meanwhile. The API pins each operation.
func (s *Store) Pin(ctx context.Context) context.Context {
	if cur := s.cur.Load(); cur != nil {
		return context.WithValue(ctx, pinKey{s}, cur)
	}
	return ctx
}

// current is the copy to serve from (the pinned one, if ctx has it), or
// EUNAVAILABLE with the reason.
func (s *Store) current(ctx context.Context) (*inmem.Store, error) {
	cur, _ := ctx.Value(pinKey{s}).(*copyOf)
	if cur == nil {
		cur = s.cur.Load()
	}
	why := "no snapshot of the database yet"
	if cur != nil {
		age := s.opts.Now().Sub(cur.confirmed)
		if s.opts.MaxStale < 0 || age <= s.opts.MaxStale {
			return cur.store, nil
		}
		why = fmt.Sprintf("the snapshot of the database is %s old (limit %s)", age.Round(time.Second), s.opts.MaxStale)
	}
	e := &policygraph.Error{Code: policygraph.EUNAVAILABLE, Message: why, Op: "snapshot"}
	if p := s.lastErr.Load(); p != nil {
		e.Err = *p
		// The cause's client-safe message, when it has one (wrong
		// password, unknown database …).
		var app *policygraph.Error
		if errors.As(*p, &app) {
			e.Message += ": " + app.Message
		}
	}
	return nil, e
}

// Ping reports whether queries can be answered: a snapshot fresh enough.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.current(ctx)
	return err
}

func (s *Store) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Node(ctx, id)
}

func (s *Store) Nodes(ctx context.Context, ids []string) ([]policygraph.Entity, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Nodes(ctx, ids)
}

func (s *Store) Documents(ctx context.Context) ([]*policygraph.Document, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Documents(ctx)
}

func (s *Store) Pillars(ctx context.Context, f policygraph.PillarFilter) ([]*policygraph.Pillar, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Pillars(ctx, f)
}

func (s *Store) Measures(ctx context.Context, f policygraph.MeasureFilter, o policygraph.MeasureOrder, p policygraph.Page) ([]*policygraph.Measure, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Measures(ctx, f, o, p)
}

func (s *Store) CountMeasures(ctx context.Context, f policygraph.MeasureFilter) (int, error) {
	st, err := s.current(ctx)
	if err != nil {
		return 0, err
	}
	return st.CountMeasures(ctx, f)
}

func (s *Store) Targets(ctx context.Context, f policygraph.TargetFilter, p policygraph.Page) ([]*policygraph.Target, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Targets(ctx, f, p)
}

func (s *Store) CountTargets(ctx context.Context, f policygraph.TargetFilter) (int, error) {
	st, err := s.current(ctx)
	if err != nil {
		return 0, err
	}
	return st.CountTargets(ctx, f)
}

func (s *Store) Laws(ctx context.Context, f policygraph.LawFilter) ([]*policygraph.Law, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Laws(ctx, f)
}

func (s *Store) Funds(ctx context.Context) ([]*policygraph.Fund, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Funds(ctx)
}

func (s *Store) Organisations(ctx context.Context, f policygraph.OrgFilter) ([]*policygraph.Organisation, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Organisations(ctx, f)
}

func (s *Store) Related(ctx context.Context, ids []string, q policygraph.RelQuery) (map[string][]policygraph.Hop, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Related(ctx, ids, q)
}

func (s *Store) PillarsUsing(ctx context.Context, ids []string) (map[string][]policygraph.PillarUse, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.PillarsUsing(ctx, ids)
}

func (s *Store) Search(ctx context.Context, q policygraph.SearchQuery) ([]policygraph.SearchHit, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Search(ctx, q)
}

func (s *Store) Neighbourhood(ctx context.Context, id string, depth, limit int) (*policygraph.Subgraph, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Neighbourhood(ctx, id, depth, limit)
}

func (s *Store) Paths(ctx context.Context, from, to string, maxHops, limit int, avoid ...string) ([]policygraph.Path, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Paths(ctx, from, to, maxHops, limit, avoid...)
}

func (s *Store) RelatedPillars(ctx context.Context, pillarID string) ([]policygraph.PillarRelation, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.RelatedPillars(ctx, pillarID)
}

func (s *Store) Stats(ctx context.Context) (*policygraph.Stats, error) {
	st, err := s.current(ctx)
	if err != nil {
		return nil, err
	}
	return st.Stats(ctx)
}
