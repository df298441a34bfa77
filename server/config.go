// Package server serves the policy graph over HTTP: GraphQL at /graphql
// (GraphQL-over-HTTP, GET and POST, batching, automatic persisted queries),
// GraphiQL at /, /healthz, /readyz and Prometheus /metrics, with limits,
// CORS and one structured log line per request.
package server

import (
	"runtime"
	"time"
)

// Config holds every setting of the HTTP server. Zero numeric fields take
// the defaults below (DefaultConfig returns them all, with introspection and
// GraphiQL on); a negative limit disables that limit.
type Config struct {
	// MaxBodyBytes bounds a POST body (413 beyond). Default 1 MiB.
	MaxBodyBytes int64
	// MaxDepth bounds the selection depth of an operation, fragments
	// expanded. Default 15: the standard introspection query is 13 deep.
	MaxDepth int
	// MaxComplexity bounds the estimated cost of an operation (see
	// graph/complexity.go). Default 50000.
	MaxComplexity int
	// MaxAliases bounds the aliased fields of an operation, fragments
	// expanded. Default 30.
	MaxAliases int
	// MaxFields bounds the fields of an operation or fragment, fragments
	// expanded (checked before validation). Default 2000.
	MaxFields int
	// MaxTokens bounds the lexical tokens of a document (checked before
	// parsing). Default 10000.
	MaxTokens int
	// MaxNesting bounds how deep brackets ({ [ () nest in a document
	// (checked before parsing). Default 64.
	MaxNesting int
	// MaxIntrospection bounds the __schema/__type fields of an operation.
	// Default 2.
	MaxIntrospection int
	// MaxStringBytes bounds every string of a document and of its
	// variables (checked before parsing). Default 4096.
	MaxStringBytes int
	// MaxBatch bounds the operations of one batched POST (a JSON array).
	// Default 10.
	MaxBatch int
	// Timeout bounds the handling of one /graphql request. Default 10s.
	Timeout time.Duration
	// MaxInFlight bounds the /graphql requests executing at once. Default
	// GOMAXPROCS: more only makes each slower and the health checks late.
	MaxInFlight int
	// MaxQueue bounds the requests waiting for a slot, QueueWait how long
	// each waits; beyond either, 503 with Retry-After. Defaults 64 and 1s;
	// a negative MaxQueue refuses at once when every slot is taken.
	MaxQueue  int
	QueueWait time.Duration
	// MaxCachedQueryBytes: documents (and persisted queries) larger than
	// this are not cached. Default 32 KiB.
	MaxCachedQueryBytes int
	// MaxResponseBytes bounds an answer (LIMIT_EXCEEDED beyond). Default
	// 16 MiB.
	MaxResponseBytes int
	// QueryCacheSize is the number of parsed documents kept (LRU). Default 1000.
	QueryCacheSize int
	// APQCacheSize is the number of automatic persisted queries kept (LRU).
	// Default 1000.
	APQCacheSize int
	// Introspection allows __schema and __type queries.
	Introspection bool
	// GraphiQL serves the GraphiQL explorer at /.
	GraphiQL bool
	// CORSOrigins are the exact origins (scheme://host[:port]) allowed to
	// call the API from a browser; "*" allows any. Empty disables CORS.
	CORSOrigins []string
}

// Defaults.
const (
	DefaultMaxBodyBytes   = 1 << 20
	DefaultMaxDepth       = 15
	DefaultMaxComplexity  = 50000
	DefaultMaxAliases     = 30
	DefaultMaxFields      = 2000
	DefaultMaxTokens      = 10000
	DefaultMaxNesting     = 64
	DefaultMaxIntrospect  = 2
	DefaultMaxString      = 4096
	DefaultMaxBatch       = 10
	DefaultTimeout        = 10 * time.Second
	DefaultQueryCacheSize = 1000
	DefaultMaxQueue       = 64
	DefaultQueueWait      = time.Second
	DefaultMaxCachedQuery = 32 << 10
	DefaultMaxResponse    = 16 << 20
	DefaultAPQCacheSize   = 1000
)

// DefaultConfig returns the defaults, introspection and GraphiQL on.
func DefaultConfig() Config {
	return Config{Introspection: true, GraphiQL: true}.withDefaults()
}

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxDepth == 0 {
		c.MaxDepth = DefaultMaxDepth
	}
	if c.MaxComplexity == 0 {
		c.MaxComplexity = DefaultMaxComplexity
	}
	if c.MaxAliases == 0 {
		c.MaxAliases = DefaultMaxAliases
	}
	if c.MaxFields == 0 {
		c.MaxFields = DefaultMaxFields
	}
	if c.MaxTokens == 0 {
		c.MaxTokens = DefaultMaxTokens
	}
	if c.MaxNesting == 0 {
		c.MaxNesting = DefaultMaxNesting
	}
	if c.MaxStringBytes == 0 {
		c.MaxStringBytes = DefaultMaxString
	}
	if c.MaxIntrospection == 0 {
		c.MaxIntrospection = DefaultMaxIntrospect
	}
	if c.MaxBatch == 0 {
		c.MaxBatch = DefaultMaxBatch
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxInFlight == 0 {
		c.MaxInFlight = runtime.GOMAXPROCS(0)
	}
	if c.MaxQueue == 0 {
		c.MaxQueue = DefaultMaxQueue
	}
	if c.QueueWait == 0 {
		c.QueueWait = DefaultQueueWait
	}
	if c.MaxCachedQueryBytes == 0 {
		c.MaxCachedQueryBytes = DefaultMaxCachedQuery
	}
	if c.MaxResponseBytes == 0 {
		c.MaxResponseBytes = DefaultMaxResponse
	}
	if c.QueryCacheSize == 0 {
		c.QueryCacheSize = DefaultQueryCacheSize
	}
	if c.APQCacheSize == 0 {
		c.APQCacheSize = DefaultAPQCacheSize
	}
	return c
}
