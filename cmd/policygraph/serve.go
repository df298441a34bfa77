package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/inmem"
	"github.com/policygraph/policygraph/loader"
	"github.com/policygraph/policygraph/seed"
	"github.com/policygraph/policygraph/server"
	"github.com/policygraph/policygraph/snapshot"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	addr            string
	seedDir         string
	cfg             server.Config
	corsOrigins     string
	logFormat       string
	logLevel        string
	shutdownTimeout time.Duration
	gcPercent       int
	neo4jMode       string // deprecated: snapshot is the only mode
	neo4j           neo4jConfig
	snapshot        snapshot.Options
}

// defaultGCPercent is the server's GOGC. The live heap is small (the graph
// and its indexes, tens of MB) and answers allocate a lot briefly, so the
// collector at Go's default (100) ran several times per large answer. 400
// trades a heap target of five times the live heap (instead of two) for
// less collection: compare `GOGC=100` and `GOGC=400 go test ./server -bench
// Shapes` (README, Benchmarks).
const defaultGCPercent = 400

func parseServeFlags(args []string, env getenv, stderr io.Writer) (*serveOptions, error) {
	o := &serveOptions{cfg: server.DefaultConfig()}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: policygraph serve [flags]\n\nServe the GraphQL API (/graphql), GraphiQL (/), /healthz, /readyz and /metrics.\nEvery flag can also be set as POLICYGRAPH_<FLAG> (e.g. POLICYGRAPH_ADDR).\n\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen `address` (HOST:PORT; port 0 picks a free one)")
	fs.StringVar(&o.seedDir, "seed", "", "seed `directory` (manifest.json and documents); the embedded seeds when empty")
	fs.IntVar(&o.cfg.MaxDepth, "max-depth", o.cfg.MaxDepth, "maximum selection depth of a query (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxComplexity, "max-complexity", o.cfg.MaxComplexity, "maximum estimated complexity of a query (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxAliases, "max-aliases", o.cfg.MaxAliases, "maximum aliased fields of a query (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxFields, "max-fields", o.cfg.MaxFields, "maximum fields of an operation or fragment, fragments expanded, checked before validation (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxTokens, "max-tokens", o.cfg.MaxTokens, "maximum lexical tokens of a document, checked before parsing (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxNesting, "max-nesting", o.cfg.MaxNesting, "maximum bracket nesting of a document, checked before parsing (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxStringBytes, "max-string", o.cfg.MaxStringBytes, "maximum `bytes` of a string in a document or its variables, checked before parsing (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxIntrospection, "max-introspection", o.cfg.MaxIntrospection, "maximum __schema/__type fields of an operation (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxBatch, "max-batch", o.cfg.MaxBatch, "maximum operations of a batched request (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxInFlight, "max-in-flight", o.cfg.MaxInFlight, "maximum /graphql requests executing at once (-1: unlimited)")
	fs.IntVar(&o.cfg.MaxQueue, "max-queue", o.cfg.MaxQueue, "maximum requests waiting for a slot (503 with Retry-After beyond)")
	fs.DurationVar(&o.cfg.QueueWait, "queue-wait", o.cfg.QueueWait, "how long a request waits for a slot (503 with Retry-After after)")
	fs.IntVar(&o.cfg.MaxResponseBytes, "max-response", o.cfg.MaxResponseBytes, "maximum answer `bytes` (LIMIT_EXCEEDED beyond; -1: unlimited)")
	fs.IntVar(&o.cfg.MaxCachedQueryBytes, "max-cached-query", o.cfg.MaxCachedQueryBytes, "documents and persisted queries larger than this many `bytes` are not cached")
	fs.Int64Var(&o.cfg.MaxBodyBytes, "max-body", o.cfg.MaxBodyBytes, "maximum request body `bytes`")
	fs.DurationVar(&o.cfg.Timeout, "timeout", o.cfg.Timeout, "per-request timeout")
	fs.StringVar(&o.corsOrigins, "cors-origins", "", "comma-separated exact `origins` allowed by CORS (\"*\" for any); none when empty")
	fs.BoolVar(&o.cfg.Introspection, "introspection", o.cfg.Introspection, "allow introspection queries")
	fs.BoolVar(&o.cfg.GraphiQL, "graphiql", o.cfg.GraphiQL, "serve GraphiQL at /")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&o.logLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 10*time.Second, "how long to drain requests on SIGINT/SIGTERM")
	fs.IntVar(&o.gcPercent, "gc-percent", defaultGCPercent, "garbage collection target `percent` (as GOGC; ignored when GOGC is set)")
	o.neo4j.register(fs, "serve from Neo4j at this `URI` instead of the embedded store")
	fs.StringVar(&o.neo4jMode, "neo4j-mode", "snapshot", "deprecated: snapshot is the only mode (read-through was removed)")
	fs.DurationVar(&o.neo4j.RetryTime, "neo4j-retry-time", 5*time.Second, "how long the Neo4j driver retries a transaction that failed for a transient reason")
	fs.DurationVar(&o.snapshot.Interval, "snapshot-interval", snapshot.DefaultInterval, "with Neo4j: how often to ask it whether the graph changed")
	fs.DurationVar(&o.snapshot.MaxStale, "snapshot-max-stale", snapshot.DefaultMaxStale, "with Neo4j: how old (since last confirmed by Neo4j) the copy may be and still serve; negative: no bound")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}
	if err := applyEnv(fs, env, neo4jFallbacks); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	switch o.neo4jMode {
	case "snapshot":
	case "read-through":
		return nil, fmt.Errorf("serve: --neo4j-mode read-through was removed (every query to Neo4j was slower than the snapshot, which answers from memory and follows loads within --snapshot-interval); drop the flag")
	default:
		return nil, fmt.Errorf("serve: --neo4j-mode must be snapshot (the only mode), not %q", o.neo4jMode)
	}
	if o.gcPercent <= 0 {
		return nil, fmt.Errorf("serve: --gc-percent must be positive (GOGC=off is not offered), not %d", o.gcPercent)
	}
	if o.logFormat != "text" && o.logFormat != "json" {
		return nil, fmt.Errorf("serve: --log-format must be text or json, not %q", o.logFormat)
	}
	for _, s := range strings.Split(o.corsOrigins, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.cfg.CORSOrigins = append(o.cfg.CORSOrigins, s)
		}
	}
	return o, nil
}

func newLogger(format, level string, w io.Writer) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("serve: --log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}

// runServe serves until ctx ends (SIGINT/SIGTERM in main), then drains.
func runServe(ctx context.Context, args []string, env getenv, stdout, stderr io.Writer) error {
	o, err := parseServeFlags(args, env, stderr)
	if err != nil {
		return err
	}
	logger, err := newLogger(o.logFormat, o.logLevel, stderr)
	if err != nil {
		return err
	}
	if env("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(o.gcPercent))
	}
	store, closeStore, err := openStore(ctx, o, logger)
	if err != nil {
		return err
	}
	defer closeStore()

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           server.New(o.cfg, store, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if o.cfg.Timeout > 0 {
		srv.WriteTimeout = o.cfg.Timeout + o.cfg.QueueWait + 5*time.Second
	}
	url := serveURL(ln.Addr())
	logger.Info("serving", "url", url, "store", storeKind(o))
	fmt.Fprintf(stdout, "policygraph: serving on %s\n", url)
	fmt.Fprintf(stdout, "policygraph: GraphiQL at %s, the graph explorer at %sexplorer\n", url, url)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down", "drain", o.shutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), o.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("stopped")
	return nil
}

func storeKind(o *serveOptions) string {
	if o.neo4j.URI != "" {
		return "neo4j snapshot"
	}
	return "inmem"
}

// openStore opens Neo4j when --neo4j-uri is set, else loads the seeds
// (embedded, or --seed) into the in-memory store. A document that fails to
// load is logged and left out; the rest is served.
func openStore(ctx context.Context, o *serveOptions, logger *slog.Logger) (policygraph.Store, func(), error) {
	if o.neo4j.URI != "" {
		if o.seedDir != "" {
			// Neo4j serves what was loaded into it; a seed directory here
			// would be silently ignored.
			return nil, nil, fmt.Errorf("serve: --seed cannot be combined with --neo4j-uri (NEO4J_URI): load the seeds with 'policygraph load --seed DIR --neo4j-uri …' first")
		}
		s, closeFn, err := openNeo4jStore(ctx, o, logger)
		if err != nil {
			return nil, nil, fmt.Errorf("serve: %w", err)
		}
		return s, closeFn, nil
	}
	var (
		g   *policygraph.Graph
		err error
	)
	if o.seedDir != "" {
		g, _, err = loader.LoadDir(o.seedDir)
	} else {
		g, _, err = loader.LoadFS(seed.FS())
	}
	if err != nil {
		if g == nil || len(g.Documents) == 0 {
			return nil, nil, fmt.Errorf("serve: load seeds: %w", err)
		}
		logger.Error("some documents did not load; serving the rest", "err", err)
	}
	s, err := inmem.New(g)
	if err != nil {
		return nil, nil, fmt.Errorf("serve: %w", err)
	}
	logger.Info("graph loaded", "documents", len(g.Documents), "measures", len(g.Measures), "relationships", len(g.Relationships))
	return s, func() {}, nil
}

// serveURL is the URL of the listener; an unspecified host (":0") is shown
// as localhost.
func serveURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port)) + "/"
}
