package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/policygraph/policygraph"
)

// Lookahead. Dataloaders batch the keys that arrive within their wait, but
// a level of a large result (a thousand measures, each resolving laws and
// funds in its own goroutine) can take longer than that to dispatch, which
// would split the level into several store calls. So the root resolvers
// look ahead: from the query's selection set they enqueue, in one LoadAll
// per field, the walks every level below will ask for, level after level as
// batches return. The field resolvers then find their keys in the loaders'
// caches, and a nested query costs one store call per level and
// relationship type (per MaxBatch keys) whatever the size of its result.

// walks maps the GraphQL fields that walk one relationship to their walk.
var walks = map[string]map[string]policygraph.RelQuery{
	"Document": {
		"pillars":    {Type: policygraph.RelHasPillar, Direction: out},
		"directions": {Type: policygraph.RelHasDirection, Direction: out},
	},
	"PolicyDirection": {
		"measures": {Type: policygraph.RelHasMeasure, Direction: out},
	},
	"Pillar": {
		"measures":     {Type: policygraph.RelHasMeasure, Direction: out},
		"groups":       {Type: policygraph.RelHasGroup, Direction: out},
		"targets":      {Type: policygraph.RelHasTarget, Direction: out},
		"continues":    {Type: policygraph.RelContinues, Direction: out},
		"continuedBy":  {Type: policygraph.RelContinues, Direction: in},
		"referencedBy": {Type: policygraph.RelRefersTo, Direction: in},
	},
	"MeasureGroup": {
		"measures":     {Type: policygraph.RelInGroup, Direction: in},
		"referencedBy": {Type: policygraph.RelRefersTo, Direction: in},
	},
	"Measure": {
		"laws":         {Type: policygraph.RelCitesLaw, Direction: out},
		"lawMentions":  {Type: policygraph.RelCitesLaw, Direction: out},
		"funds":        {Type: policygraph.RelUsesFund, Direction: out},
		"fundMentions": {Type: policygraph.RelUsesFund, Direction: out},
		"relistOf":     {Type: policygraph.RelRelists, Direction: out},
		"relistedAs":   {Type: policygraph.RelRelists, Direction: in},
		"refersTo":     {Type: policygraph.RelRefersTo, Direction: out},
		"evolvesFrom":  {Type: policygraph.RelEvolvesFrom, Direction: out},
		"evolvedInto":  {Type: policygraph.RelEvolvesFrom, Direction: in},
		"directions":   {Type: policygraph.RelHasMeasure, Direction: in},
	},
	"Target": {
		"laws":         {Type: policygraph.RelCitesLaw, Direction: out},
		"lawMentions":  {Type: policygraph.RelCitesLaw, Direction: out},
		"funds":        {Type: policygraph.RelUsesFund, Direction: out},
		"fundMentions": {Type: policygraph.RelUsesFund, Direction: out},
	},
	"Law": {
		"measures": {Type: policygraph.RelCitesLaw, Direction: in},
		"targets":  {Type: policygraph.RelCitesLaw, Direction: in},
		"mentions": {Type: policygraph.RelCitesLaw, Direction: in},
	},
	"Fund": {
		"measures": {Type: policygraph.RelUsesFund, Direction: in},
		"targets":  {Type: policygraph.RelUsesFund, Direction: in},
		"mentions": {Type: policygraph.RelUsesFund, Direction: in},
	},
}

// refs maps the GraphQL fields that follow an id property to it.
var refs = map[string]map[string]func(policygraph.Entity) string{
	"Pillar":          {"document": func(e policygraph.Entity) string { return e.(*policygraph.Pillar).DocumentID }},
	"PolicyDirection": {"document": func(e policygraph.Entity) string { return e.(*policygraph.PolicyDirection).DocumentID }},
	"MeasureGroup": {
		"document": func(e policygraph.Entity) string { return e.(*policygraph.MeasureGroup).DocumentID },
		"pillar":   func(e policygraph.Entity) string { return e.(*policygraph.MeasureGroup).PillarID },
	},
	"Measure": {
		"document": func(e policygraph.Entity) string { return e.(*policygraph.Measure).DocumentID },
		"pillar":   func(e policygraph.Entity) string { return e.(*policygraph.Measure).PillarID },
		"group":    func(e policygraph.Entity) string { return e.(*policygraph.Measure).GroupID },
	},
	"Target": {
		"document": func(e policygraph.Entity) string { return e.(*policygraph.Target).DocumentID },
		"pillar":   func(e policygraph.Entity) string { return e.(*policygraph.Target).PillarID },
	},
}

// maxLookahead bounds how many levels the lookahead follows.
const maxLookahead = 12

// prefetch enqueues the walks the current field's selection will make below
// its result nodes. Call it from a resolver with the nodes it returns.
func (r *Resolver) prefetch(ctx context.Context, nodes []policygraph.Entity) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || len(nodes) == 0 || !graphql.HasOperationContext(ctx) {
		return
	}
	rc := graphql.GetOperationContext(ctx)
	l := r.loaders(ctx)
	_, sels := childSelections(rc, fc.Field.Definition, fc.Field.Selections)
	byLabel := map[string][]policygraph.Entity{}
	for _, n := range nodes {
		if n != nil && !isNil(n) {
			byLabel[n.Label()] = append(byLabel[n.Label()], n)
		}
	}
	for label, ns := range byLabel {
		l.prefetch(ctx, rc, label, ns, sels, 0)
	}
}

func prefetchAll[T policygraph.Entity](ctx context.Context, r *Resolver, nodes []T) {
	es := make([]policygraph.Entity, len(nodes))
	for i, n := range nodes {
		es[i] = n
	}
	r.prefetch(ctx, es)
}

// connectionNodes maps connection types to their node types.
var connectionNodes = map[string]string{"MeasureConnection": "Measure", "TargetConnection": "Target"}

// childSelections is the type and the selection of the nodes a field
// returns: the field's own, or edges.node and nodes of a connection.
func childSelections(rc *graphql.OperationContext, def *ast.FieldDefinition, sels ast.SelectionSet) (string, ast.SelectionSet) {
	if def == nil || def.Type == nil {
		return "", sels
	}
	if node, ok := connectionNodes[def.Type.Name()]; ok {
		var out ast.SelectionSet
		for _, f := range graphql.CollectFields(rc, sels, []string{def.Type.Name()}) {
			switch f.Name {
			case "nodes":
				out = append(out, f.Selections...)
			case "edges":
				for _, e := range graphql.CollectFields(rc, f.Selections, nil) {
					if e.Name == "node" {
						out = append(out, e.Selections...)
					}
				}
			}
		}
		return node, out
	}
	return def.Type.Name(), sels
}

// followUp is lookahead work to do as soon as a batch brings the far nodes
// of some keys: it runs inside the batch's fetch, before any resolver sees
// the results, so the next level's keys are enqueued all at once.
type followUp struct {
	keys map[string]bool
	fn   func([]policygraph.Entity)
}

func newFollowUp(ids []string, fn func([]policygraph.Entity)) *followUp {
	f := &followUp{keys: make(map[string]bool, len(ids)), fn: fn}
	for _, id := range ids {
		f.keys[id] = true
	}
	return f
}

// afterRelated runs the follow-ups of q on a batch's results. A follow-up
// fires once per key: the keys it has served are dropped, and a follow-up
// with no keys left is removed, so later batches that share keys do not
// schedule the same lookahead again.
func (l *Loaders) afterRelated(q policygraph.RelQuery, m map[string][]policygraph.Hop) {
	type job struct {
		fn    func([]policygraph.Entity)
		nodes []policygraph.Entity
	}
	var jobs []job
	l.mu.Lock()
	fs := l.relFollow[q][:0]
	for _, f := range l.relFollow[q] {
		var nodes []policygraph.Entity
		for id, hops := range m {
			if f.keys[id] {
				delete(f.keys, id)
				for _, h := range hops {
					nodes = append(nodes, h.Node)
				}
			}
		}
		if len(nodes) > 0 {
			jobs = append(jobs, job{f.fn, nodes})
		}
		if len(f.keys) > 0 {
			fs = append(fs, f)
		}
	}
	l.relFollow[q] = fs
	l.mu.Unlock()
	for _, j := range jobs {
		j.fn(j.nodes)
	}
}

// afterNodes runs the node follow-ups on a batch's results, once per key as
// afterRelated does.
func (l *Loaders) afterNodes(ids []string, nodes []policygraph.Entity) {
	type job struct {
		fn    func([]policygraph.Entity)
		nodes []policygraph.Entity
	}
	var jobs []job
	l.mu.Lock()
	fs := l.nodeFollow[:0]
	for _, f := range l.nodeFollow {
		var got []policygraph.Entity
		for i, id := range ids {
			if f.keys[id] && i < len(nodes) && nodes[i] != nil {
				delete(f.keys, id)
				got = append(got, nodes[i])
			}
		}
		if len(got) > 0 {
			jobs = append(jobs, job{f.fn, got})
		}
		if len(f.keys) > 0 {
			fs = append(fs, f)
		}
	}
	l.nodeFollow = fs
	l.mu.Unlock()
	for _, j := range jobs {
		j.fn(j.nodes)
	}
}

func (l *Loaders) onRelated(q policygraph.RelQuery, ids []string, fn func([]policygraph.Entity)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.relFollow == nil {
		l.relFollow = map[policygraph.RelQuery][]*followUp{}
	}
	l.relFollow[q] = append(l.relFollow[q], newFollowUp(ids, fn))
}

func (l *Loaders) onNodes(ids []string, fn func([]policygraph.Entity)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nodeFollow = append(l.nodeFollow, newFollowUp(ids, fn))
}

func (l *Loaders) prefetch(ctx context.Context, rc *graphql.OperationContext, typeName string, nodes []policygraph.Entity, sels ast.SelectionSet, depth int) {
	if len(nodes) == 0 || len(sels) == 0 || depth > maxLookahead {
		return
	}
	ids := make([]string, 0, len(nodes))
	for _, n := range nodes {
		if n != nil && n.Label() == typeName {
			ids = append(ids, n.NodeID())
		}
	}
	if len(ids) == 0 {
		return
	}
	for _, f := range graphql.CollectFields(rc, sels, []string{typeName}) {
		if f.Definition == nil {
			continue
		}
		childType, childSels := childSelections(rc, f.Definition, f.Selections)
		next := func(nodes []policygraph.Entity) {
			l.prefetch(ctx, rc, childType, nodes, childSels, depth+1)
		}
		_, deeper := walks[childType]
		deeper = deeper && len(childSels) > 0
		switch {
		case typeName == "Pillar" && (f.Name == "laws" || f.Name == "funds"):
			l.prefetchPillarUses(ctx, ids, f.Name)
		case (typeName == "Law" || typeName == "Fund") && f.Name == "pillars":
			l.using.LoadAllThunk(ctx, ids)
		case walks[typeName][f.Name].Type != "":
			if typeName == "Pillar" && f.Name == "measures" {
				if !walkedMeasures(f.ArgumentMap(rc.Variables)) {
					continue // resolved by Store.Measures, not by the walk
				}
			}
			q := walks[typeName][f.Name]
			if deeper {
				l.onRelated(q, ids, next)
			}
			thunk := l.relLoader(q).LoadAllThunk(ctx, ids)
			if deeper {
				// Results fetched before the follow-up was registered.
				go func() {
					hops, err := thunk()
					if err != nil {
						return
					}
					var far []policygraph.Entity
					for _, hs := range hops {
						for _, h := range hs {
							far = append(far, h.Node)
						}
					}
					next(far)
				}()
			}
		case refs[typeName][f.Name] != nil:
			ref := refs[typeName][f.Name]
			var refIDs []string
			seen := map[string]bool{}
			for _, n := range nodes {
				if n == nil || n.Label() != typeName {
					continue
				}
				if id := ref(n); id != "" && !seen[id] {
					seen[id] = true
					refIDs = append(refIDs, id)
				}
			}
			if deeper {
				l.onNodes(refIDs, next)
			}
			thunk := l.nodes.LoadAllThunk(ctx, refIDs)
			if deeper {
				go func() {
					if got, err := thunk(); err == nil {
						next(got)
					}
				}()
			}
		}
	}
}

// prefetchPillarUses enqueues the two hops of Pillar.laws / Pillar.funds.
func (l *Loaders) prefetchPillarUses(ctx context.Context, pillarIDs []string, field string) {
	rel := policygraph.RelQuery{Type: policygraph.RelCitesLaw, Direction: out}
	if field == "funds" {
		rel.Type = policygraph.RelUsesFund
	}
	// The pillars' own keys go with their measures', in one batch.
	enqueue := func(nodes []policygraph.Entity) {
		ids := make([]string, 0, len(nodes)+len(pillarIDs))
		ids = append(ids, pillarIDs...)
		for _, n := range nodes {
			if n != nil {
				ids = append(ids, n.NodeID())
			}
		}
		l.relLoader(rel).LoadAllThunk(ctx, ids)
	}
	for _, q := range []policygraph.RelQuery{
		{Type: policygraph.RelHasMeasure, Direction: out},
		{Type: policygraph.RelHasTarget, Direction: out},
	} {
		l.onRelated(q, pillarIDs, enqueue)
		l.relLoader(q).LoadAllThunk(ctx, pillarIDs)
	}
}

// walkedMeasures tells whether Pillar.measures with these arguments is
// resolved by the HAS_MEASURE walk (see pillarMeasures): no filter other
// than status and relist, document order.
func walkedMeasures(args map[string]any) bool {
	if f, ok := args["filter"].(map[string]any); ok {
		for k, v := range f {
			if v != nil && k != "status" && k != "relist" {
				return false
			}
		}
	}
	if o, ok := args["orderBy"].(map[string]any); ok {
		if fld, _ := o["field"].(string); fld != "" && fld != "DOCUMENT" {
			return false
		}
		if dir, _ := o["direction"].(string); dir == "DESC" {
			return false
		}
	}
	return true
}
