package server

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// metrics are the server's Prometheus metrics, written in the text
// exposition format (version 0.0.4) by hand.
type metrics struct {
	start    time.Time
	inFlight atomic.Int64

	mu        sync.Mutex
	requests  map[[3]string]uint64 // method, route, status
	latency   map[string]*histogram
	ops       map[string]uint64 // outcome: ok, error
	errsCount map[string]uint64 // extensions.code

	// snapshotAge reports the age of the store's snapshot (snapshot mode
	// only; nil otherwise).
	snapshotAge func() (time.Duration, bool)
}

var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{
		start:     time.Now(),
		requests:  map[[3]string]uint64{},
		latency:   map[string]*histogram{},
		ops:       map[string]uint64{},
		errsCount: map[string]uint64{},
	}
}

func (m *metrics) request(method, route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[3]string{method, route, strconv.Itoa(status)}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	s := d.Seconds()
	i := sort.SearchFloat64s(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

// graphqlResponse counts one operation and its errors by code.
func (m *metrics) graphqlResponse(resp *graphql.Response) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(resp.Errors) == 0 {
		m.ops["ok"]++
		return
	}
	m.ops["error"]++
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		if code == "" {
			code = "NONE"
		}
		m.errsCount[code]++
	}
}

// graphqlError counts a refusal before any operation ran.
func (m *metrics) graphqlError(code string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ops["error"]++
	m.errsCount[code]++
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.write(w)
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()

	fmt.Fprintln(w, "# HELP policygraph_http_requests_total HTTP requests by method, route and status.")
	fmt.Fprintln(w, "# TYPE policygraph_http_requests_total counter")
	keys := make([][3]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return strings.Join(keys[i][:], " ") < strings.Join(keys[j][:], " ") })
	for _, k := range keys {
		fmt.Fprintf(w, "policygraph_http_requests_total{method=%q,route=%q,status=%q} %d\n", k[0], k[1], k[2], m.requests[k])
	}

	fmt.Fprintln(w, "# HELP policygraph_http_request_duration_seconds HTTP request latency by route.")
	fmt.Fprintln(w, "# TYPE policygraph_http_request_duration_seconds histogram")
	for _, route := range sortedKeys(m.latency) {
		h := m.latency[route]
		var cum uint64
		for i, b := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "policygraph_http_request_duration_seconds_bucket{route=%q,le=%q} %d\n", route, formatFloat(b), cum)
		}
		fmt.Fprintf(w, "policygraph_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", route, h.n)
		fmt.Fprintf(w, "policygraph_http_request_duration_seconds_sum{route=%q} %s\n", route, formatFloat(h.sum))
		fmt.Fprintf(w, "policygraph_http_request_duration_seconds_count{route=%q} %d\n", route, h.n)
	}

	fmt.Fprintln(w, "# HELP policygraph_http_requests_in_flight HTTP requests being served.")
	fmt.Fprintln(w, "# TYPE policygraph_http_requests_in_flight gauge")
	fmt.Fprintf(w, "policygraph_http_requests_in_flight %d\n", m.inFlight.Load())

	fmt.Fprintln(w, "# HELP policygraph_graphql_operations_total GraphQL operations by outcome (ok, error).")
	fmt.Fprintln(w, "# TYPE policygraph_graphql_operations_total counter")
	for _, k := range []string{"error", "ok"} {
		fmt.Fprintf(w, "policygraph_graphql_operations_total{outcome=%q} %d\n", k, m.ops[k])
	}
	fmt.Fprintln(w, "# HELP policygraph_graphql_errors_total GraphQL errors by extensions.code.")
	fmt.Fprintln(w, "# TYPE policygraph_graphql_errors_total counter")
	for _, k := range sortedKeys(m.errsCount) {
		fmt.Fprintf(w, "policygraph_graphql_errors_total{code=%q} %d\n", k, m.errsCount[k])
	}

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# HELP go_goroutines Number of goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintln(w, "# HELP go_info Information about the Go environment.")
	fmt.Fprintln(w, "# TYPE go_info gauge")
	fmt.Fprintf(w, "go_info{version=%q} 1\n", runtime.Version())
	fmt.Fprintln(w, "# HELP go_memstats_alloc_bytes Number of bytes allocated and still in use.")
	fmt.Fprintln(w, "# TYPE go_memstats_alloc_bytes gauge")
	fmt.Fprintf(w, "go_memstats_alloc_bytes %d\n", ms.Alloc)
	fmt.Fprintln(w, "# HELP go_memstats_sys_bytes Number of bytes obtained from system.")
	fmt.Fprintln(w, "# TYPE go_memstats_sys_bytes gauge")
	fmt.Fprintf(w, "go_memstats_sys_bytes %d\n", ms.Sys)
	fmt.Fprintln(w, "# HELP go_memstats_heap_objects Number of allocated objects.")
	fmt.Fprintln(w, "# TYPE go_memstats_heap_objects gauge")
	fmt.Fprintf(w, "go_memstats_heap_objects %d\n", ms.HeapObjects)
	fmt.Fprintln(w, "# HELP go_gc_cycles_total Number of completed GC cycles.")
	fmt.Fprintln(w, "# TYPE go_gc_cycles_total counter")
	fmt.Fprintf(w, "go_gc_cycles_total %d\n", ms.NumGC)
	fmt.Fprintln(w, "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.")
	fmt.Fprintln(w, "# TYPE process_start_time_seconds gauge")
	fmt.Fprintf(w, "process_start_time_seconds %s\n", formatFloat(float64(m.start.UnixNano())/1e9))
	if m.snapshotAge != nil {
		fmt.Fprintln(w, "# HELP policygraph_snapshot_age_seconds Time since Neo4j last confirmed the served snapshot current (-1: no snapshot yet).")
		fmt.Fprintln(w, "# TYPE policygraph_snapshot_age_seconds gauge")
		age, ok := m.snapshotAge()
		v := age.Seconds()
		if !ok {
			v = -1
		}
		fmt.Fprintf(w, "policygraph_snapshot_age_seconds %s\n", formatFloat(v))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func formatFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
