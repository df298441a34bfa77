package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/policygraph/policygraph"
)

// Cache holds what one root field of one operation has read: nodes by id,
// relationship walks by (type, direction, id) and the pillars using a law or
// fund. The planner (plan.go) fills it level by level before the field's
// children are resolved; resolvers only read it. A key the planner did not
// foresee is fetched once, alone, by the first resolver that asks (the
// others wait for that fetch). When every field a query reaches is planned
// the number of store calls depends on its shape and the data, never on
// timing: fields resolve one after another (scripts/gqlgen), so planners
// and misses come in a fixed order.
//
// Each root field has its own Cache, so a root field's store calls do not
// depend on the fields before it.
type Cache struct {
	store policygraph.Store

	mu    sync.RWMutex
	nodes map[string]*entry[policygraph.Entity]
	// hops holds answered walks by value (a planner fills thousands at a
	// time: no allocation per key); a miss is fetched through missing.
	hops    map[policygraph.RelQuery]map[string]hopsRead
	missing map[hopKey]*entry[[]policygraph.Hop]
	uses    map[string]*entry[[]policygraph.PillarUse]
}

// hopsRead is one answered walk: the hops or the error of the read.
type hopsRead struct {
	hops []policygraph.Hop
	err  error
}

type hopKey struct {
	q  policygraph.RelQuery
	id string
}

// entry is one cached read; once makes a miss fetch exactly once.
type entry[T any] struct {
	once sync.Once
	v    T
	err  error
}

func newCache(store policygraph.Store) *Cache {
	return &Cache{
		store:   store,
		nodes:   map[string]*entry[policygraph.Entity]{},
		hops:    map[policygraph.RelQuery]map[string]hopsRead{},
		missing: map[hopKey]*entry[[]policygraph.Hop]{},
		uses:    map[string]*entry[[]policygraph.PillarUse]{},
	}
}

func (c *Cache) nodeEntry(id string) *entry[policygraph.Entity] {
	c.mu.RLock()
	e := c.nodes[id]
	c.mu.RUnlock()
	if e != nil {
		return e
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e = c.nodes[id]
	if e == nil {
		e = &entry[policygraph.Entity]{}
		c.nodes[id] = e
	}
	return e
}

// read returns the answered walk of q from id, if there is one.
func (c *Cache) read(q policygraph.RelQuery, id string) (hopsRead, bool) {
	c.mu.RLock()
	r, ok := c.hops[q][id]
	c.mu.RUnlock()
	return r, ok
}

// storeLocked records an answer unless the key has one already: the first
// answer stands, so every resolver of a key sees the same one.
func (c *Cache) storeLocked(q policygraph.RelQuery, id string, r hopsRead, size int) {
	m := c.hops[q]
	if m == nil {
		m = make(map[string]hopsRead, size)
		c.hops[q] = m
	}
	if _, ok := m[id]; !ok {
		m[id] = r
	}
}

func (c *Cache) useEntry(id string) *entry[[]policygraph.PillarUse] {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.uses[id]
	if e == nil {
		e = &entry[[]policygraph.PillarUse]{}
		c.uses[id] = e
	}
	return e
}

// set fills e unless it is filled already.
func set[T any](e *entry[T], v T, err error) {
	e.once.Do(func() { e.v, e.err = v, err })
}

// Node returns the node with the id (nil when there is none).
func (c *Cache) Node(ctx context.Context, id string) (policygraph.Entity, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e := c.nodeEntry(id)
	e.once.Do(func() {
		ns, err := c.store.Nodes(ctx, []string{id})
		if err == nil && len(ns) == 1 {
			e.v = ns[0]
		}
		e.err = err
	})
	return e.v, e.err
}

// Hops walks q from id.
func (c *Cache) Hops(ctx context.Context, id string, q policygraph.RelQuery) ([]policygraph.Hop, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r, ok := c.read(q, id); ok {
		return r.hops, r.err
	}
	k := hopKey{q, id}
	c.mu.Lock()
	e := c.missing[k]
	if e == nil {
		e = &entry[[]policygraph.Hop]{}
		c.missing[k] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		m, err := c.store.Related(ctx, []string{id}, q)
		c.mu.Lock()
		c.storeLocked(q, id, hopsRead{m[id], err}, 1)
		c.mu.Unlock()
	})
	r, _ := c.read(q, id)
	return r.hops, r.err
}

// PillarsUsing returns the pillars that depend on a law or fund.
func (c *Cache) PillarsUsing(ctx context.Context, id string) ([]policygraph.PillarUse, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e := c.useEntry(id)
	e.once.Do(func() {
		m, err := c.store.PillarsUsing(ctx, []string{id})
		e.v, e.err = m[id], err
	})
	return e.v, e.err
}

// fillNodes reads ids in batches of MaxBatch and caches the answers (a
// missing id caches nil). After an error every remaining id holds it too:
// their resolvers report it instead of each calling the store again.
func (c *Cache) fillNodes(ctx context.Context, ids []string) (map[string]policygraph.Entity, error) {
	out := make(map[string]policygraph.Entity, len(ids))
	var first error
	for _, chunk := range chunks(ids) {
		var ns []policygraph.Entity
		err := first
		if err == nil {
			ns, err = c.store.Nodes(ctx, chunk)
			first = err
		}
		for i, id := range chunk {
			var n policygraph.Entity
			if err == nil && i < len(ns) {
				n = ns[i]
			}
			set(c.nodeEntry(id), n, err)
			out[id] = n
		}
	}
	return out, first
}

// fillHops walks q from ids in batches and caches every id's hops (or the
// error of its batch).
func (c *Cache) fillHops(ctx context.Context, ids []string, q policygraph.RelQuery) error {
	var first error
	for _, chunk := range chunks(ids) {
		var m map[string][]policygraph.Hop
		err := first
		if err == nil {
			m, err = c.store.Related(ctx, chunk, q)
			first = err
		}
		c.mu.Lock() // once for the batch, not per id
		for _, id := range chunk {
			c.storeLocked(q, id, hopsRead{m[id], err}, len(ids))
		}
		c.mu.Unlock()
	}
	return first
}

// fillUses reads the pillars using each law or fund id, in batches.
func (c *Cache) fillUses(ctx context.Context, ids []string) (map[string][]policygraph.PillarUse, error) {
	out := make(map[string][]policygraph.PillarUse, len(ids))
	var first error
	for _, chunk := range chunks(ids) {
		var m map[string][]policygraph.PillarUse
		err := first
		if err == nil {
			m, err = c.store.PillarsUsing(ctx, chunk)
			first = err
		}
		for _, id := range chunk {
			set(c.useEntry(id), m[id], err)
			out[id] = m[id]
		}
	}
	return out, first
}

// chunks splits ids into batches the store accepts.
func chunks(ids []string) [][]string {
	var out [][]string
	for len(ids) > policygraph.MaxBatch {
		out = append(out, ids[:policygraph.MaxBatch])
		ids = ids[policygraph.MaxBatch:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

// operationCaches holds the caches of one operation, one per root field.
type operationCaches struct {
	mu     sync.Mutex
	byRoot map[*graphql.RootFieldContext]*Cache
}

type cachesKey struct{}

// RequestCache is the gqlgen extension that gives every operation its
// caches, and pins the operation to one version of Store's data when the
// store can (a snapshot: Pin). Without it each resolver reads the store
// directly (correct, but one store call per field and parent).
type RequestCache struct {
	Store policygraph.Store
}

// pinner is a store whose data can change between calls and that can hold
// one version for a context.
type pinner interface {
	Pin(ctx context.Context) context.Context
}

var (
	_ graphql.HandlerExtension     = RequestCache{}
	_ graphql.OperationInterceptor = RequestCache{}
)

func (RequestCache) ExtensionName() string                   { return "RequestCache" }
func (RequestCache) Validate(graphql.ExecutableSchema) error { return nil }
func (rc RequestCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if p, ok := rc.Store.(pinner); ok {
		ctx = p.Pin(ctx)
	}
	return next(context.WithValue(ctx, cachesKey{}, &operationCaches{byRoot: map[*graphql.RootFieldContext]*Cache{}}))
}

// cache returns the cache of the root field being resolved in ctx.
func (r *Resolver) cache(ctx context.Context) *Cache {
	oc, _ := ctx.Value(cachesKey{}).(*operationCaches)
	root := graphql.GetRootFieldContext(ctx)
	if oc == nil || root == nil {
		return newCache(r.Store)
	}
	oc.mu.Lock()
	defer oc.mu.Unlock()
	c := oc.byRoot[root]
	if c == nil {
		c = newCache(r.Store)
		oc.byRoot[root] = c
	}
	return c
}
