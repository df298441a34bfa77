// Package neo4jstore implements policygraph.Store over Neo4j 5.26 or later
// (loads pass labels and types as data, $(…), new in 5.26) with the
// official Go driver (v5). It gives the same answers as inmem: the contract
// suite in storetest runs against both.
//
// Every query names its database explicitly, runs in a managed transaction
// (ExecuteRead / ExecuteWrite, retried by the driver on transient errors and
// leader switches, so a neo4j:// routing URI to a cluster works as a plain
// configuration change) and takes its values as parameters. The only text
// interpolated into Cypher are labels and relationship types, and only after
// checking them against policygraph.Labels / policygraph.RelTypes.
//
// How the graph is stored:
//
//   - Each node carries its domain label plus the label PolicyNode (one index
//     for lookups by id whatever the label), the domain properties exactly as
//     policygraph.Properties gives them, and internal properties prefixed
//     "pg_": pg_doc (owning document id; absent on the shared Law, Fund
//     and Organisation nodes), pg_year (the owning document's year) and, on
//     a Document, pg_fingerprint (see convert.go). Internal properties are
//     dropped before EntityFromProperties. Search and the text filters run
//     on the in-memory snapshot (package snapshot, package textsearch), not
//     in Neo4j.
//   - Each relationship carries its domain properties plus its id in the
//     property "id".
//
// See load.go for how documents are (re)loaded and schema.go for the
// constraints and indexes.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/policygraph/policygraph"
)

// Config says where Neo4j is.
type Config struct {
	// URI is bolt://host:7687 for a single server, neo4j://host:7687 for
	// routing (a cluster, or a single server that supports routing), with
	// +s / +ssc for TLS.
	URI      string
	User     string
	Password string
	// Database is the database every query runs in; "neo4j" when empty.
	Database string

	// MaxRetryTime bounds the driver's retries of one transaction on
	// transient errors (default 5s: a request fails with EUNAVAILABLE
	// rather than hanging while Neo4j is down).
	MaxRetryTime time.Duration
	// ConnectTimeout bounds establishing one connection (default 5s).
	ConnectTimeout time.Duration
	// MaxPoolSize is the connection pool size per server (default 100).
	MaxPoolSize int
	// LoadBatchSize is the number of rows per UNWIND batch when loading
	// (default 500).
	LoadBatchSize int
}

func (c Config) withDefaults() Config {
	if c.Database == "" {
		c.Database = "neo4j"
	}
	if c.MaxRetryTime == 0 {
		c.MaxRetryTime = 5 * time.Second
	}
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = 5 * time.Second
	}
	if c.MaxPoolSize == 0 {
		c.MaxPoolSize = 100
	}
	if c.LoadBatchSize <= 0 {
		c.LoadBatchSize = 500
	}
	return c
}

// Store is a policygraph.Store backed by Neo4j. It is safe for concurrent use.
type Store struct {
	cfg    Config
	driver neo4jdriver.DriverWithContext
	// bookmarks makes every session causally consistent with the writes of
	// this process (reads after LoadGraph see the load, also on a cluster).
	bookmarks neo4jdriver.BookmarkManager
	// where names the server in messages: scheme://host:port, no credentials.
	where string

	trips atomic.Int64
	brk   breaker

	// batchHook, when set (tests only), runs before each write batch of a
	// load; an error fails that batch's transaction.
	batchHook func(step string, n int) error
}

// Open creates the driver. It does not require Neo4j to be up: the driver
// connects lazily and reconnects by itself, so a server started before its
// database answers becomes ready when it does (see Ping).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	if cfg.URI == "" {
		return nil, policygraph.Errorf(policygraph.EINVALID, "neo4j: no URI")
	}
	u, err := url.Parse(cfg.URI)
	if err != nil || u.Host == "" {
		return nil, policygraph.Errorf(policygraph.EINVALID, "neo4j: bad URI %q", Redact(cfg.URI))
	}
	auth := neo4jdriver.NoAuth()
	if cfg.User != "" || cfg.Password != "" {
		auth = neo4jdriver.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4jdriver.NewDriverWithContext(cfg.URI, auth, func(c *neo4jconfig.Config) {
		c.MaxTransactionRetryTime = cfg.MaxRetryTime
		c.SocketConnectTimeout = cfg.ConnectTimeout
		c.ConnectionAcquisitionTimeout = cfg.ConnectTimeout + cfg.MaxRetryTime
		c.MaxConnectionPoolSize = cfg.MaxPoolSize
		c.UserAgent = "policygraph"
	})
	if err != nil {
		return nil, &policygraph.Error{Code: policygraph.EINVALID, Op: "neo4jstore.Open",
			Message: fmt.Sprintf("neo4j: cannot use %s", Redact(cfg.URI)), Err: err}
	}
	return &Store{
		cfg:       cfg,
		driver:    driver,
		bookmarks: neo4jdriver.NewBookmarkManager(neo4jdriver.BookmarkManagerConfig{}),
		where:     u.Scheme + "://" + u.Host,
	}, nil
}

// Redact drops the user info of a URI, for messages and logs.
func Redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	u.User = nil
	return u.String()
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// Database is the database the store queries.
func (s *Store) Database() string { return s.cfg.Database }

// RoundTrips returns how many queries the store has sent to Neo4j since it
// was opened (a retried transaction counts each attempt). Tests use it to
// check that a request costs a bounded number of round trips.
func (s *Store) RoundTrips() int64 { return s.trips.Load() }

// Ping reports whether the database answers a trivial query: it checks
// connectivity, credentials and that the database exists and is online.
func (s *Store) Ping(ctx context.Context) error {
	_, err := readTx(ctx, s, "neo4jstore.Ping", func(tx *txn) (struct{}, error) {
		_, err := tx.collect("RETURN 1 AS ok", nil)
		return struct{}{}, err
	})
	return err
}

// txn is a managed transaction that counts the queries it sends.
type txn struct {
	ctx context.Context
	s   *Store
	tx  neo4jdriver.ManagedTransaction
}

// collect runs one query and reads all its records.
func (t *txn) collect(query string, params map[string]any) ([]*neo4jdriver.Record, error) {
	t.s.trips.Add(1)
	res, err := t.tx.Run(t.ctx, query, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(t.ctx)
}

// exec runs one query and discards its records.
func (t *txn) exec(query string, params map[string]any) error {
	t.s.trips.Add(1)
	res, err := t.tx.Run(t.ctx, query, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(t.ctx)
	return err
}

func (s *Store) session(ctx context.Context, mode neo4jdriver.AccessMode) neo4jdriver.SessionWithContext {
	return s.driver.NewSession(ctx, neo4jdriver.SessionConfig{
		AccessMode:      mode,
		DatabaseName:    s.cfg.Database,
		BookmarkManager: s.bookmarks,
		FetchSize:       neo4jdriver.FetchAll,
	})
}

type box[T any] struct{ v T }

// readTx runs work in a managed read transaction and maps driver errors.
func readTx[T any](ctx context.Context, s *Store, op string, work func(tx *txn) (T, error)) (T, error) {
	if s.brk.open.Load() {
		s.probe()
		var zero T
		e := &policygraph.Error{Code: policygraph.EUNAVAILABLE, Op: op, Message: "the graph database is unavailable; retry later"}
		if cause := s.brk.cause.Load(); cause != nil {
			e.Err = *cause // what opened it: Permanent(e) says the same
			e.Message = policygraph.ErrorMessage(*cause)
		}
		return zero, e
	}
	v, err := readTxAttempt(ctx, s, op, work)
	if err != nil && ctx.Err() == nil {
		switch {
		case Permanent(err):
			s.brk.trip(true, err)
		case unreachable(err):
			s.brk.trip(false, err)
		}
	}
	return v, err
}

// breaker: once a read finds Neo4j unreachable, or refusing the
// credentials or the database, reads fail at once with EUNAVAILABLE (no
// connection attempt, no login, no driver retries) while one probe at a
// time checks whether it answers again: one a second while it is
// unreachable, and after a refusal a pause that doubles up to
// maxProbePause, so that a wrong password never gets the account
// rate-limited. The first probe that gets through closes it. Writes (a
// load) always try.
type breaker struct {
	open, probing atomic.Bool
	lastProbe     atomic.Int64 // unix nanoseconds
	pause         atomic.Int64 // nanoseconds before the next probe
	cause         atomic.Pointer[error]
}

const (
	probeEvery    = time.Second
	maxProbePause = 5 * time.Minute
)

// trip opens the breaker for cause; a permanent refusal doubles the probe
// pause.
func (b *breaker) trip(permanent bool, cause error) {
	b.cause.Store(&cause)
	p := int64(probeEvery)
	if permanent {
		p = min(max(2*b.pause.Load(), int64(probeEvery)), int64(maxProbePause))
	}
	b.pause.Store(p)
	b.lastProbe.Store(time.Now().UnixNano())
	b.open.Store(true)
}

// probe starts a connectivity check unless one runs or the pause since
// the last has not passed.
func (s *Store) probe() {
	now := time.Now().UnixNano()
	if now-s.brk.lastProbe.Load() < s.brk.pause.Load() || !s.brk.probing.CompareAndSwap(false, true) {
		return
	}
	s.brk.lastProbe.Store(now)
	go func() {
		defer s.brk.probing.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// A query in the configured database, not a bare connectivity check:
		// a missing database must keep the breaker open.
		sess := s.session(ctx, neo4jdriver.AccessModeRead)
		defer sess.Close(context.WithoutCancel(ctx))
		_, err := sess.Run(ctx, "RETURN 1", nil)
		switch {
		case err == nil:
			s.brk.pause.Store(0)
			s.brk.open.Store(false)
		case Permanent(err):
			s.brk.trip(true, s.mapError("neo4jstore.probe", err))
		}
	}()
}

func readTxAttempt[T any](ctx context.Context, s *Store, op string, work func(tx *txn) (T, error)) (T, error) {
	sess := s.session(ctx, neo4jdriver.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	// The value travels boxed: the driver's generic cast panics on a nil
	// interface value.
	v, err := neo4jdriver.ExecuteRead(ctx, sess, func(tx neo4jdriver.ManagedTransaction) (box[T], error) {
		v, err := work(&txn{ctx: ctx, s: s, tx: tx})
		return box[T]{v}, err
	})
	if err != nil {
		var zero T
		return zero, s.mapError(op, err)
	}
	return v.v, nil
}

// writeTx runs work in a managed write transaction and maps driver errors.
func writeTx[T any](ctx context.Context, s *Store, op string, work func(tx *txn) (T, error)) (T, error) {
	sess := s.session(ctx, neo4jdriver.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	// The value travels boxed: the driver's generic cast panics on a nil
	// interface value.
	v, err := neo4jdriver.ExecuteWrite(ctx, sess, func(tx neo4jdriver.ManagedTransaction) (box[T], error) {
		v, err := work(&txn{ctx: ctx, s: s, tx: tx})
		return box[T]{v}, err
	})
	if err != nil {
		var zero T
		return zero, s.mapError(op, err)
	}
	return v.v, nil
}

// mapError turns a driver error into a *policygraph.Error: EUNAVAILABLE when
// Neo4j cannot be reached or cannot serve the database, the error itself when
// it already is one (a validation inside a transaction function), EINTERNAL
// otherwise. Context errors stay reachable with errors.Is.
func (s *Store) mapError(op string, err error) error {
	var pe *policygraph.Error
	if errors.As(err, &pe) {
		return err
	}
	if msg, ok := s.unavailable(err); ok {
		return &policygraph.Error{Code: policygraph.EUNAVAILABLE, Op: op, Message: msg, Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &policygraph.Error{Code: policygraph.EUNAVAILABLE, Op: op,
			Message: "neo4j query interrupted", Err: err}
	}
	return &policygraph.Error{Code: policygraph.EINTERNAL, Op: op, Message: "neo4j query failed", Err: err}
}

// unavailable tells whether err means the database cannot be reached or
// cannot serve, with a client-safe message.
func (s *Store) unavailable(err error) (string, bool) {
	// Messages reach API clients: they name no host, port or user (the
	// wrapped driver error, which does, goes to the logs and the CLI).
	down := "the graph database is unavailable; retry later"
	var walk func(error) (string, bool)
	walk = func(err error) (string, bool) {
		if err == nil {
			return "", false
		}
		switch e := err.(type) {
		case *neo4jdriver.ConnectivityError:
			return down, true
		case *neo4jdriver.TransactionExecutionLimit:
			for _, inner := range e.Errors {
				if m, ok := walk(inner); ok {
					return m, true
				}
			}
			if strings.Contains(e.Cause, "timeout") {
				return down, true
			}
		case *neo4jdriver.InvalidAuthenticationError:
			return "the graph database refused the server's credentials", true
		case *neo4jdriver.TokenExpiredError:
			return "the server's credentials for the graph database expired", true
		case *neo4jdriver.Neo4jError:
			switch {
			case e.IsAuthenticationFailed() || e.HasSecurityCode():
				return "the graph database refused the server's credentials", true
			case strings.HasPrefix(e.Code, "Neo.ClientError.Database.DatabaseNotFound"):
				return "the configured graph database does not exist", true
			case strings.HasPrefix(e.Code, "Neo.TransientError.") || e.IsRetriableCluster():
				return down, true
			}
		}
		if u, ok := err.(interface{ Unwrap() error }); ok {
			return walk(u.Unwrap())
		}
		if u, ok := err.(interface{ Unwrap() []error }); ok {
			for _, inner := range u.Unwrap() {
				if m, ok := walk(inner); ok {
					return m, true
				}
			}
		}
		return "", false
	}
	return walk(err)
}

// Permanent reports whether err will not go away by retrying: the
// credentials are refused (or rate-limited after refusals) or the database
// does not exist. A caller retrying such an error in a loop only gets the
// account locked: back off and tell the operator instead.
func Permanent(err error) bool {
	var walk func(error) bool
	walk = func(err error) bool {
		if err == nil {
			return false
		}
		switch e := err.(type) {
		case *neo4jdriver.InvalidAuthenticationError, *neo4jdriver.TokenExpiredError:
			return true
		case *neo4jdriver.Neo4jError:
			return e.IsAuthenticationFailed() || e.HasSecurityCode() ||
				strings.HasPrefix(e.Code, "Neo.ClientError.Database.DatabaseNotFound")
		case *neo4jdriver.TransactionExecutionLimit:
			for _, inner := range e.Errors {
				if walk(inner) {
					return true
				}
			}
		}
		if u, ok := err.(interface{ Unwrap() error }); ok {
			return walk(u.Unwrap())
		}
		if u, ok := err.(interface{ Unwrap() []error }); ok {
			for _, inner := range u.Unwrap() {
				if walk(inner) {
					return true
				}
			}
		}
		return false
	}
	return walk(err)
}

// unreachable reports whether err says the server could not be reached at
// all (no connection: a network error under the driver's connectivity
// error), as opposed to refusing or failing a query, or the driver's own
// pool being full under load.
func unreachable(err error) bool {
	var ce *neo4jdriver.ConnectivityError
	if errors.As(err, &ce) {
		var ne net.Error
		return errors.As(ce.Inner, &ne)
	}
	var tl *neo4jdriver.TransactionExecutionLimit
	if errors.As(err, &tl) {
		for _, inner := range tl.Errors {
			if unreachable(inner) {
				return true
			}
		}
	}
	return false
}
