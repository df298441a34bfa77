package server

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/policygraph/policygraph/graph"
)

// admit bounds the /graphql requests executing at once to n. A request that
// finds every slot taken waits up to wait for one (so a burst is smoothed,
// not refused), with at most queue requests waiting; beyond that, or after
// the wait, it gets 503 with Retry-After and the code UNAVAILABLE, before
// its body is read. /healthz, /readyz and /metrics do not pass through here,
// so they answer however busy the API is.
func admit(n, queue int, wait time.Duration, m *metrics, next http.Handler) http.Handler {
	if n < 0 {
		return next
	}
	slots := make(chan struct{}, n)
	var waiting atomic.Int64
	busy := func(w http.ResponseWriter) {
		m.graphqlError(graph.CodeUnavailable)
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(wait/time.Second))))
		requestError(w, http.StatusServiceUnavailable, graph.CodeUnavailable, "the server is busy; retry later")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		default:
			if waiting.Add(1) > int64(queue) {
				waiting.Add(-1)
				busy(w)
				return
			}
			t := time.NewTimer(wait)
			select {
			case slots <- struct{}{}:
				t.Stop()
				waiting.Add(-1)
			case <-t.C:
				waiting.Add(-1)
				busy(w)
				return
			case <-r.Context().Done():
				t.Stop()
				waiting.Add(-1)
				return
			}
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

// sizeBoundCache is a gqlgen cache that keeps no entry larger than max
// bytes (key and value), so that a few huge documents cannot make the
// cache hold gigabytes: its entry count is bounded by its LRU, its size by
// count × max.
type sizeBoundCache[T any] struct {
	graphql.Cache[T]
	max  int
	size func(key string, v T) int
}

func (c sizeBoundCache[T]) Add(ctx context.Context, key string, v T) {
	if c.size(key, v) > c.max {
		return
	}
	c.Cache.Add(ctx, key, v)
}

// querySize and apqSize are what the two caches hold: a parsed document
// keyed by its text, and a query text keyed by its hash.
func querySize(key string, _ *ast.QueryDocument) int { return len(key) }
func apqSize(key, query string) int                  { return len(key) + len(query) }

// knownMethods are the method labels of the metrics; any other method is
// counted as OTHER (a label per invented method would grow without bound).
var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

func methodLabel(m string) string {
	if knownMethods[m] {
		return m
	}
	return "OTHER"
}
