package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph"
	"github.com/policygraph/policygraph/web"
)

// New returns the HTTP handler of the whole server over store:
//
//	/graphql  GraphQL over HTTP (GET, POST; see httpTransport)
//	/         GraphiQL (when cfg.GraphiQL)
//	/explorer the graph explorer page, its script, styles and libraries under /explorer/ (web/)
//	/healthz  200 while the process is alive
//	/readyz   200 when store.Ping succeeds, 503 otherwise
//	/metrics  Prometheus text format
//
// Every request is logged once with logger (nil discards).
func New(cfg Config, store policygraph.Store, logger *slog.Logger) http.Handler {
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := newMetrics()
	if a, ok := store.(interface{ Age() (time.Duration, bool) }); ok {
		m.snapshotAge = a.Age
	}

	gql := handler.New(graph.New(store, logger))
	gql.AddTransport(httpTransport{maxBatch: cfg.MaxBatch, maxResponse: cfg.MaxResponseBytes, metrics: m})
	queryCache := sizeBoundCache[*ast.QueryDocument]{lru.New[*ast.QueryDocument](cfg.QueryCacheSize), cfg.MaxCachedQueryBytes, querySize}
	gql.SetQueryCache(queryCache)
	gql.SetErrorPresenter(graph.ErrorPresenter(logger))
	gql.SetRecoverFunc(graph.RecoverFunc(logger))
	gql.Use(graph.RequestCache{Store: store})
	if cfg.Introspection {
		gql.Use(extension.Introspection{})
	}
	gql.Use(extension.AutomaticPersistedQuery{Cache: sizeBoundCache[string]{lru.New[string](cfg.APQCacheSize), cfg.MaxCachedQueryBytes, apqSize}})
	// After APQ, which turns a persisted hash into its query.
	gql.Use(precheck{
		maxTokens: cfg.MaxTokens, maxNesting: cfg.MaxNesting, maxFields: cfg.MaxFields, maxString: cfg.MaxStringBytes,
		maxDepth: cfg.MaxDepth, maxAliases: cfg.MaxAliases, maxIntrospect: cfg.MaxIntrospection,
		noIntrospection: !cfg.Introspection, cache: queryCache,
	})
	if cfg.MaxComplexity > 0 {
		gql.Use(extension.FixedComplexityLimit(cfg.MaxComplexity))
	}

	var api http.Handler = gql
	api = limitBody(cfg.MaxBodyBytes, api)
	// Inside the timeout: a request that times out keeps its slot until its
	// handler really returns, so the slots bound the work actually running.
	api = admit(cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait, m, api)
	api = withTimeout(cfg.Timeout, api)

	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	if cfg.GraphiQL {
		mux.Handle("GET /{$}", web.GraphiQL())
		mux.Handle("GET /graphiql/", web.GraphiQLAssets())
	}
	mux.Handle("GET /explorer", web.Explorer())
	mux.Handle("GET /explorer/", web.ExplorerAssets())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := store.Ping(ctx); err != nil {
			logger.WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("not ready: " + policygraph.ErrorMessage(err) + "\n"))
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	mux.Handle("GET /metrics", m)

	return observe(logger, m, cors(cfg.CORSOrigins, recoverHTTP(logger, mux)))
}

// limitBody bounds request bodies (413 from the transport).
func limitBody(n int64, next http.Handler) http.Handler {
	if n < 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		next.ServeHTTP(w, r)
	})
}

// withTimeout bounds the handling of a request. Resolvers see a context
// that ends after d, so store calls stop and resolvers return; and whatever
// the handler is still doing then (a store that ignores its context, a slow
// encoder), the client gets 503 with the GraphQL error code TIMEOUT at the
// deadline, not a dropped connection.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	if d < 0 {
		return next
	}
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"message":    "request timed out",
		"extensions": map[string]any{"code": graph.CodeTimeout},
	}}})
	th := http.TimeoutHandler(next, d, string(body))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Kept on timeout; replaced by the handler's own on success.
		w.Header().Set("Content-Type", "application/json")
		th.ServeHTTP(w, r)
	})
}

// recoverHTTP turns a panic outside the GraphQL executor into a 500.
func recoverHTTP(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				logger.ErrorContext(r.Context(), "http handler panicked", "panic", p, "path", r.URL.Path)
				requestError(w, http.StatusInternalServerError, graph.CodeInternal, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// requestInfo collects what the log line needs from deeper handlers.
type requestInfo struct {
	mu  sync.Mutex
	ops []string
}

type infoKey struct{}

// noteOperation records an operation name for the request's log line.
func noteOperation(ctx context.Context, name string) {
	if info, ok := ctx.Value(infoKey{}).(*requestInfo); ok {
		if name == "" {
			name = "-"
		}
		info.mu.Lock()
		info.ops = append(info.ops, name)
		info.mu.Unlock()
	}
}

type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// route is the metrics label of a path (a fixed set: no cardinality blowup).
func route(path string) string {
	switch path {
	case "/graphql", "/", "/explorer", "/healthz", "/readyz", "/metrics":
		return path
	}
	return "other"
}

// observe logs one line per request and records the HTTP metrics.
func observe(logger *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.inFlight.Add(1)
		defer m.inFlight.Add(-1)
		info := &requestInfo{}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), infoKey{}, info)))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		d := time.Since(start)
		m.request(methodLabel(r.Method), route(r.URL.Path), rec.status, d)
		attrs := []slog.Attr{
			slog.String("method", truncate(r.Method, 32)),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Duration("duration", d),
			slog.Int("bytes", rec.bytes),
		}
		info.mu.Lock()
		if len(info.ops) > 0 {
			attrs = append(attrs, slog.String("operation", strings.Join(info.ops, ",")))
		}
		info.mu.Unlock()
		logger.LogAttrs(r.Context(), slog.LevelInfo, "http request", attrs...)
	})
}

// truncate cuts s to n bytes for a log line.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
