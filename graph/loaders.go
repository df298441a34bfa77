package graph

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/policygraph/policygraph"
)

// DefaultLoaderWait is how long a dataloader collects keys before it calls
// the store. Sibling fields are resolved concurrently, so a couple of
// milliseconds gather a whole level of the query into one batch.
const DefaultLoaderWait = 2 * time.Millisecond

// Loaders are the per-request dataloaders: every node lookup and every
// relationship walk of one request goes through them, so a nested query costs
// a bounded number of store calls (one per level and relationship type, per
// MaxBatch keys) whatever the size of its result.
type Loaders struct {
	store policygraph.Store
	opts  []dataloadgen.Option

	nodes *dataloadgen.Loader[string, policygraph.Entity]
	using *dataloadgen.Loader[string, []policygraph.PillarUse]

	mu         sync.Mutex
	rel        map[policygraph.RelQuery]*dataloadgen.Loader[string, []policygraph.Hop]
	relFollow  map[policygraph.RelQuery][]*followUp
	nodeFollow []*followUp
}

// NewLoaders returns fresh loaders over store. wait <= 0 means
// DefaultLoaderWait.
func NewLoaders(store policygraph.Store, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultLoaderWait
	}
	l := &Loaders{
		store: store,
		opts:  []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(policygraph.MaxBatch)},
		rel:   map[policygraph.RelQuery]*dataloadgen.Loader[string, []policygraph.Hop]{},
	}
	l.nodes = dataloadgen.NewLoader(l.fetchNodes, l.opts...)
	l.using = dataloadgen.NewLoader(l.fetchPillarsUsing, l.opts...)
	return l
}

type loadersKey struct{}

// WithLoaders returns ctx carrying l.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// For returns the loaders of the request, nil when the context has none.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(loadersKey{}).(*Loaders)
	return l
}

// Middleware gives every request its own loaders over store.
func Middleware(store policygraph.Store, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(WithLoaders(r.Context(), NewLoaders(store, wait))))
	})
}

// loaders returns the request's loaders; without the middleware (a test that
// drives the executor directly) it falls back to unbatched fresh ones.
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l := For(ctx); l != nil {
		return l
	}
	return NewLoaders(r.Store, time.Microsecond)
}

func (l *Loaders) fetchNodes(ctx context.Context, ids []string) ([]policygraph.Entity, []error) {
	nodes, err := l.store.Nodes(ctx, ids)
	if err != nil {
		return nil, []error{err}
	}
	l.afterNodes(ids, nodes)
	return nodes, nil
}

func (l *Loaders) fetchPillarsUsing(ctx context.Context, ids []string) ([][]policygraph.PillarUse, []error) {
	m, err := l.store.PillarsUsing(ctx, ids)
	if err != nil {
		return nil, []error{err}
	}
	out := make([][]policygraph.PillarUse, len(ids))
	for i, id := range ids {
		out[i] = m[id]
	}
	return out, nil
}

func (l *Loaders) relLoader(q policygraph.RelQuery) *dataloadgen.Loader[string, []policygraph.Hop] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.rel[q]; ok {
		return ld
	}
	ld := dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]policygraph.Hop, []error) {
		m, err := l.store.Related(ctx, ids, q)
		if err != nil {
			return nil, []error{err}
		}
		l.afterRelated(q, m)
		out := make([][]policygraph.Hop, len(ids))
		for i, id := range ids {
			out[i] = m[id]
		}
		return out, nil
	}, l.opts...)
	l.rel[q] = ld
	return ld
}

// Node returns the node with the id, nil when there is none.
func (l *Loaders) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	return l.nodes.Load(ctx, id)
}

// Hops walks one relationship type from id.
func (l *Loaders) Hops(ctx context.Context, id, relType string, dir policygraph.Direction) ([]policygraph.Hop, error) {
	return l.relLoader(policygraph.RelQuery{Type: relType, Direction: dir}).Load(ctx, id)
}

// HopsAll walks one relationship type from each of the ids.
func (l *Loaders) HopsAll(ctx context.Context, ids []string, relType string, dir policygraph.Direction) ([][]policygraph.Hop, error) {
	hops, err := l.relLoader(policygraph.RelQuery{Type: relType, Direction: dir}).LoadAll(ctx, ids)
	return hops, firstError(err)
}

// firstError unpacks dataloadgen's per-key error list so that the error
// presenter sees the store's *policygraph.Error.
func firstError(err error) error {
	if errs, ok := err.(dataloadgen.ErrorSlice); ok {
		for _, e := range errs {
			if e != nil {
				return e
			}
		}
		return nil
	}
	return err
}

// PillarsUsing returns the pillars that depend on a law or fund.
func (l *Loaders) PillarsUsing(ctx context.Context, id string) ([]policygraph.PillarUse, error) {
	return l.using.Load(ctx, id)
}
