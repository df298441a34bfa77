package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/policygraph/policygraph"
)

// The planner. A resolver that returns nodes (a root field, or a field the
// planner cannot see through, such as a filtered Pillar.measures) hands them
// to planBelow before it returns. The planner walks the field's selection
// set breadth-first, synchronously: at each level it gathers, over every
// field of every node of the level, the relationship walks and node lookups
// the resolvers below will make, issues one store call per walk (per
// MaxBatch ids) and one for the node lookups, puts the answers in the root
// field's Cache and steps to the nodes they bring. When it returns, the
// resolvers below find their data in the cache.
//
// So a query costs, per planned subtree, one store call per level and walk
// type (per MaxBatch ids): a fixed number for a given query shape and data,
// whatever the goroutines do, as long as every field it reaches is planned
// (TestEveryNodeFieldIsPlanned). Nothing waits on a timer.

// maxPlanLevels bounds the levels the planner follows; deeper fields (the
// depth limit is lower anyway) fall back to per-key reads.
const maxPlanLevels = 32

// level is a set of nodes of one GraphQL object type and the selection
// that will be resolved on each of them.
type level struct {
	typ   string
	nodes []policygraph.Entity
	sels  ast.SelectionSet
}

// hop is one step of a selection path through a wrapper type: the field
// named field of the object type typ (LawMention.law, MeasureEdge.node …).
type hop struct{ typ, field string }

// at is a place below a field where nodes appear, and which nodes: the far
// ends of the walk (far) or the parents themselves (Reference.from of
// Measure.refersTo).
type at struct {
	path   []hop
	parent bool
}

// rule tells the planner what one field of one type reads.
type rule struct {
	// walk is the relationship walked from each parent.
	walk policygraph.RelQuery
	// ref reads an id property of the parent (Measure.pillar …).
	ref func(policygraph.Entity) string
	// special names the fields with a rule of their own.
	special string
	// places where the reached nodes appear in the field's selection.
	places []at
	// scalar plans a field that returns no nodes but reads them
	// (Pillar.totalYen sums the pillar's amounts).
	scalar bool
	// distinct: the field's distinct argument, when true, reads the
	// SUMMARIZES of the overview cells it reaches (measureList).
	distinct bool
}

const (
	specialPillarsUsing = "pillarsUsing"   // Law.pillars, Fund.pillars, Organisation.pillars
	specialPillarUses   = "pillarUses"     // Pillar.laws, Pillar.funds, Pillar.organisations, Pillar.amounts
	specialPillarPage   = "pillarMeasures" // Pillar.measures (walked when unfiltered)
)

var (
	here       = []at{{}}
	connection = []at{{path: []hop{{"MeasureConnection", "nodes"}}}, {path: []hop{{"MeasureConnection", "edges"}, {"MeasureEdge", "node"}}}}
	walkRel    = func(t string, d policygraph.Direction) policygraph.RelQuery {
		return policygraph.RelQuery{Type: t, Direction: d}
	}
	citesOut    = walkRel(policygraph.RelCitesLaw, out)
	usesOut     = walkRel(policygraph.RelUsesFund, out)
	orgsOut     = walkRel(policygraph.RelMentionsOrg, out)
	amountsOut  = walkRel(policygraph.RelHasAmount, out)
	hasMeasure  = walkRel(policygraph.RelHasMeasure, out)
	pillarHolds = func() []policygraph.RelQuery {
		var qs []policygraph.RelQuery
		for _, t := range policygraph.PillarHolds {
			qs = append(qs, walkRel(t, out))
		}
		return qs
	}()
	refersToIn  = walkRel(policygraph.RelRefersTo, in)
	mentionNode = []at{{path: []hop{{"Mention", "node"}}}}
)

func walkRule(t string, d policygraph.Direction, places ...at) rule {
	if len(places) == 0 {
		places = here
	}
	return rule{walk: walkRel(t, d), places: places}
}

// distinctRule is walkRule for a measure list with a distinct argument.
func distinctRule(t string, d policygraph.Direction) rule {
	r := walkRule(t, d)
	r.distinct = true
	return r
}

func refRule(f func(policygraph.Entity) string) rule { return rule{ref: f, places: here} }

func documentID(e policygraph.Entity) string { return policygraph.DocumentOf(e) }

// rules maps type → field → what the field reads. Every field of the
// schema that returns nodes has a rule, or its resolver plans its own
// result (planBelow); TestEveryNodeFieldIsPlanned keeps it so.
var rules = map[string]map[string]rule{
	"Document": {
		"pillars":       walkRule(policygraph.RelHasPillar, out),
		"directions":    walkRule(policygraph.RelHasDirection, out),
		"targets":       walkRule(policygraph.RelHasTarget, out),
		"amounts":       walkRule(policygraph.RelHasAmount, out),
		"organisations": walkRule(policygraph.RelMentionsOrg, out, orgMentionOrg),
	},
	"PolicyDirection": {
		"document": refRule(documentID),
		"measures": walkRule(policygraph.RelHasMeasure, out),
		"groups":   walkRule(policygraph.RelHasGroup, out),
		"targets":  walkRule(policygraph.RelHasTarget, out),
	},
	"Pillar": {
		"document":     refRule(documentID),
		"measures":     {special: specialPillarPage, walk: hasMeasure, places: connection},
		"groups":       walkRule(policygraph.RelHasGroup, out),
		"targets":      walkRule(policygraph.RelHasTarget, out),
		"laws":         {special: specialPillarUses, walk: citesOut},
		"funds":        {special: specialPillarUses, walk: usesOut},
		"continues":    walkRule(policygraph.RelContinues, out),
		"continuedBy":  walkRule(policygraph.RelContinues, in),
		"referencedBy": {walk: refersToIn, places: []at{{path: []hop{{"Reference", "from"}}}, {path: []hop{{"Reference", "to"}}, parent: true}}},
		// Money and organisations: the same two hops as laws and funds.
		"amounts":       {special: specialPillarUses, walk: amountsOut},
		"totalYen":      {special: specialPillarUses, walk: amountsOut, scalar: true},
		"organisations": {special: specialPillarUses, walk: orgsOut},
	},
	"MeasureGroup": {
		"document":     refRule(documentID),
		"pillar":       refRule(func(e policygraph.Entity) string { return e.(*policygraph.MeasureGroup).PillarID }),
		"direction":    walkRule(policygraph.RelHasGroup, in),
		"measures":     distinctRule(policygraph.RelInGroup, in),
		"referencedBy": {walk: refersToIn, places: []at{{path: []hop{{"Reference", "from"}}}, {path: []hop{{"Reference", "to"}}, parent: true}}},
	},
	"Measure": {
		"document":      refRule(documentID),
		"pillar":        refRule(func(e policygraph.Entity) string { return e.(*policygraph.Measure).PillarID }),
		"group":         refRule(func(e policygraph.Entity) string { return e.(*policygraph.Measure).GroupID }),
		"laws":          walkRule(policygraph.RelCitesLaw, out),
		"lawMentions":   walkRule(policygraph.RelCitesLaw, out, at{path: []hop{{"LawMention", "law"}}}),
		"funds":         walkRule(policygraph.RelUsesFund, out),
		"fundMentions":  walkRule(policygraph.RelUsesFund, out, at{path: []hop{{"FundMention", "fund"}}}),
		"relistOf":      walkRule(policygraph.RelRelists, out),
		"relistedAs":    walkRule(policygraph.RelRelists, in),
		"summarizes":    walkRule(policygraph.RelSummarizes, out),
		"summarizedBy":  walkRule(policygraph.RelSummarizes, in),
		"refersTo":      walkRule(policygraph.RelRefersTo, out, at{path: []hop{{"Reference", "to"}}}, at{path: []hop{{"Reference", "from"}}, parent: true}),
		"evolvesFrom":   walkRule(policygraph.RelEvolvesFrom, out, at{path: []hop{{"Evolution", "measure"}}}),
		"evolvedInto":   walkRule(policygraph.RelEvolvesFrom, in, at{path: []hop{{"Evolution", "measure"}}}),
		"directions":    walkRule(policygraph.RelHasMeasure, in),
		"targets":       walkRule(policygraph.RelHasTarget, out),
		"amounts":       walkRule(policygraph.RelHasAmount, out),
		"organisations": walkRule(policygraph.RelMentionsOrg, out, orgMentionOrg),
	},
	"Target": {
		"document":      refRule(documentID),
		"pillar":        refRule(func(e policygraph.Entity) string { return e.(*policygraph.Target).PillarID }),
		"laws":          walkRule(policygraph.RelCitesLaw, out),
		"lawMentions":   walkRule(policygraph.RelCitesLaw, out, at{path: []hop{{"LawMention", "law"}}}),
		"funds":         walkRule(policygraph.RelUsesFund, out),
		"fundMentions":  walkRule(policygraph.RelUsesFund, out, at{path: []hop{{"FundMention", "fund"}}}),
		"amounts":       walkRule(policygraph.RelHasAmount, out),
		"organisations": walkRule(policygraph.RelMentionsOrg, out, orgMentionOrg),
		"revises":       walkRule(policygraph.RelRevises, out, at{path: []hop{{"TargetRevision", "target"}}}),
		"revisedBy":     walkRule(policygraph.RelRevises, in, at{path: []hop{{"TargetRevision", "target"}}}),
		"restates":      walkRule(policygraph.RelRestates, out),
		"restatedBy":    walkRule(policygraph.RelRestates, in),
		"keeps":         walkRule(policygraph.RelKeeps, out),
		"keptBy":        walkRule(policygraph.RelKeeps, in),
	},
	"Law": {
		"measures": distinctRule(policygraph.RelCitesLaw, in),
		"targets":  walkRule(policygraph.RelCitesLaw, in),
		"mentions": walkRule(policygraph.RelCitesLaw, in, mentionNode...),
		"pillars":  {special: specialPillarsUsing},
	},
	"Fund": {
		"measures": distinctRule(policygraph.RelUsesFund, in),
		"targets":  walkRule(policygraph.RelUsesFund, in),
		"mentions": walkRule(policygraph.RelUsesFund, in, mentionNode...),
		"pillars":  {special: specialPillarsUsing},
		"amounts":  walkRule(policygraph.RelHasAmount, out),
	},
	"Amount": {
		"document": refRule(documentID),
		"heldBy":   walkRule(policygraph.RelHasAmount, in),
	},
	"Organisation": {
		"mentions": walkRule(policygraph.RelMentionsOrg, in, mentionNode...),
		"measures": distinctRule(policygraph.RelMentionsOrg, in),
		"pillars":  {special: specialPillarsUsing},
	},
}

// usePlaces are where Law.pillars / Pillar.laws put their nodes.
var (
	pillarUsePlaces = []at{{path: []hop{{"PillarUse", "pillar"}}}}
	pillarUseVia    = []at{{path: []hop{{"PillarUse", "mentions"}, {"Mention", "node"}}}}
	lawUseVia       = []at{{path: []hop{{"LawUse", "mentions"}, {"Mention", "node"}}}}
	fundUseVia      = []at{{path: []hop{{"FundUse", "mentions"}, {"Mention", "node"}}}}
	orgMentionOrg   = at{path: []hop{{"OrganisationMention", "organisation"}}}

	// useWrappers are where Pillar.laws/funds/organisations/amounts put
	// what they reach: the wrapper's item field and its mentions' nodes
	// (amounts are listed bare, with no mentions).
	useWrappers = map[string]struct {
		item []at
		via  []at
	}{
		policygraph.RelCitesLaw:    {[]at{{path: []hop{{"LawUse", "law"}}}}, lawUseVia},
		policygraph.RelUsesFund:    {[]at{{path: []hop{{"FundUse", "fund"}}}}, fundUseVia},
		policygraph.RelMentionsOrg: {[]at{{path: []hop{{"OrganisationUse", "organisation"}}}}, []at{{path: []hop{{"OrganisationUse", "mentions"}, {"Mention", "node"}}}}},
		policygraph.RelHasAmount:   {here, nil},
	}
)

// planner is one run of the planner. It skips what its root field's cache
// holds already: fields resolve one after another (scripts/gqlgen), so the
// planners of a root field run in a fixed order and make the same calls
// every time.
type planner struct {
	ctx   context.Context
	rc    *graphql.OperationContext
	cache *Cache
	known map[string]policygraph.Entity // every node this run has seen
	uses  map[string][]policygraph.PillarUse
	err   error
}

// planBelow plans the selection of the field being resolved for the nodes
// it returns. With path, the nodes sit below wrapper fields of the result
// (SearchHit.node, Neighbourhood.nodes.node …).
func (r *Resolver) planBelow(ctx context.Context, nodes []policygraph.Entity, path ...hop) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(nodes) == 0 || !graphql.HasOperationContext(ctx) || ctx.Err() != nil {
		return
	}
	p := &planner{
		ctx:   ctx,
		rc:    graphql.GetOperationContext(ctx),
		cache: r.cache(ctx),
		known: map[string]policygraph.Entity{},
		uses:  map[string][]policygraph.PillarUse{},
	}
	places := []at{{path: path}}
	if fc.Field.Definition != nil && connectionNode[fc.Field.Definition.Type.Name()] {
		places = connectionPlaces(fc.Field.Definition.Type.Name())
	}
	var first []level
	for _, pl := range places {
		first = append(first, p.levelsAt(nodes, fc.Field.Selections, pl.path)...)
	}
	p.run(first)
}

// planAll is planBelow for a typed slice.
func planAll[T policygraph.Entity](ctx context.Context, r *Resolver, nodes []T, path ...hop) {
	es := make([]policygraph.Entity, len(nodes))
	for i, n := range nodes {
		es[i] = n
	}
	r.planBelow(ctx, es, path...)
}

var connectionNode = map[string]bool{"MeasureConnection": true, "TargetConnection": true}

func connectionPlaces(typ string) []at {
	edge := "MeasureEdge"
	if typ == "TargetConnection" {
		edge = "TargetEdge"
	}
	return []at{{path: []hop{{typ, "nodes"}}}, {path: []hop{{typ, "edges"}, {edge, "node"}}}}
}

// levelsAt groups nodes by label under the selections found at path below
// sels.
func (p *planner) levelsAt(nodes []policygraph.Entity, sels ast.SelectionSet, path []hop) []level {
	setsAt := p.selectionsAt(sels, path)
	if len(setsAt) == 0 {
		return nil
	}
	var labels []string
	byLabel := map[string][]policygraph.Entity{}
	for _, n := range nodes {
		if n == nil || isNil(n) {
			continue
		}
		l := n.Label()
		if _, ok := byLabel[l]; !ok {
			labels = append(labels, l)
		}
		byLabel[l] = append(byLabel[l], n)
		p.known[n.NodeID()] = n
	}
	var out []level
	for _, s := range setsAt {
		for _, l := range labels {
			out = append(out, level{typ: l, nodes: byLabel[l], sels: s})
		}
	}
	return out
}

// selectionsAt follows path through wrapper types; aliases of one field give
// one selection set each.
func (p *planner) selectionsAt(sels ast.SelectionSet, path []hop) []ast.SelectionSet {
	if len(sels) == 0 {
		return nil
	}
	if len(path) == 0 {
		return []ast.SelectionSet{sels}
	}
	var out []ast.SelectionSet
	for _, f := range graphql.CollectFields(p.rc, sels, []string{path[0].typ}) {
		if f.Name == path[0].field {
			out = append(out, p.selectionsAt(f.Selections, path[1:])...)
		}
	}
	return out
}

// planned is one field of one level with the rule that reads it.
type planned struct {
	lv   level
	f    graphql.CollectedField
	rule rule
	ids  []string // of lv.nodes
}

// run plans level after level.
func (p *planner) run(levels []level) {
	for depth := 0; len(levels) > 0 && depth < maxPlanLevels && p.ctx.Err() == nil; depth++ {
		var fields []planned
		for _, lv := range levels {
			ids := make([]string, len(lv.nodes))
			for i, n := range lv.nodes {
				ids[i] = n.NodeID()
			}
			for _, f := range graphql.CollectFields(p.rc, lv.sels, []string{lv.typ, "Node"}) {
				if r, ok := rules[lv.typ][f.Name]; ok && (len(f.Selections) > 0 || r.scalar) {
					fields = append(fields, planned{lv: lv, f: f, rule: r, ids: ids})
				}
			}
		}
		p.fetchLevel(fields)
		var next []level
		for _, pf := range fields {
			next = append(next, p.expand(pf)...)
		}
		levels = next
	}
}

// fetchLevel issues the reads of one level: the walks (one call per type and
// direction), then the second hop of Pillar.laws/funds, the pillars using
// laws and funds, and the node lookups.
func (p *planner) fetchLevel(fields []planned) {
	walks := map[policygraph.RelQuery][]string{}
	var usesIDs, refIDs []string
	for _, pf := range fields {
		r := pf.rule
		switch {
		case r.special == specialPillarPage:
			if _, ok := p.walkedArgs(pf); ok {
				walks[hasMeasure] = append(walks[hasMeasure], pf.ids...)
			}
		case r.special == specialPillarUses:
			for _, q := range pillarHolds {
				walks[q] = append(walks[q], pf.ids...)
			}
		case r.special == specialPillarsUsing:
			usesIDs = append(usesIDs, pf.ids...)
		case r.ref != nil:
			for _, n := range pf.lv.nodes {
				if id := r.ref(n); id != "" {
					refIDs = append(refIDs, id)
				}
			}
		case r.walk.Type != "":
			walks[r.walk] = append(walks[r.walk], pf.ids...)
		}
	}
	p.fetchWalks(walks)

	// Pillar.laws/funds: the pillars' own mentions and their measures' and
	// targets', in one walk per relationship type. A distinct measure list:
	// the SUMMARIZES of the overview cells it reached.
	second := map[policygraph.RelQuery][]string{}
	for _, pf := range fields {
		if pf.rule.special == specialPillarUses {
			for _, id := range pf.ids {
				second[pf.rule.walk] = append(second[pf.rule.walk], p.useStarts(id)...)
			}
		}
		if p.distinctArg(pf) {
			for _, id := range pf.ids {
				for _, h := range p.hopsOf(pf.rule.walk, id) {
					if m, ok := h.Node.(*policygraph.Measure); ok && m.Overview {
						second[summarizesOut] = append(second[summarizesOut], m.ID)
					}
				}
			}
		}
	}
	p.fetchWalks(second)

	if ids := p.unread(usesIDs, func(id string) bool { _, ok := p.uses[id]; return ok }); len(ids) > 0 {
		m, err := p.cache.fillUses(p.ctx, ids)
		p.fail(err)
		for _, id := range ids {
			p.uses[id] = m[id]
		}
	}
	// A ref to a node this run has seen (a measure's pillar, reached from
	// the pillar) is answered from what it saw.
	for _, id := range refIDs {
		if n, ok := p.known[id]; ok {
			set(p.cache.nodeEntry(id), n, nil)
		}
	}
	if ids := p.unread(refIDs, func(id string) bool { _, ok := p.known[id]; return ok }); len(ids) > 0 {
		m, err := p.cache.fillNodes(p.ctx, ids)
		p.fail(err)
		for id, n := range m {
			if n != nil {
				p.known[id] = n
			}
		}
	}
}

// fetchWalks reads each walk for the ids this run has not walked yet, in a
// fixed order of walks.
func (p *planner) fetchWalks(walks map[policygraph.RelQuery][]string) {
	qs := make([]policygraph.RelQuery, 0, len(walks))
	for q := range walks {
		qs = append(qs, q)
	}
	slices.SortFunc(qs, func(a, b policygraph.RelQuery) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.Direction, b.Direction))
	})
	for _, q := range qs {
		if ids := p.unread(walks[q], func(id string) bool { _, ok := p.cache.read(q, id); return ok }); len(ids) > 0 {
			p.fail(p.cache.fillHops(p.ctx, ids, q))
		}
		// Every far end is known to this run, also those of walks an
		// earlier planner of the root field read: the next level starts
		// from them (Pillar.laws' mentions, refs).
		for _, id := range walks[q] {
			for _, h := range p.hopsOf(q, id) {
				p.known[h.Node.NodeID()] = h.Node
			}
		}
	}
}

// hopsOf is what the cache holds for the walk of q from id (nothing after a
// failed read: its resolvers report the error).
func (p *planner) hopsOf(q policygraph.RelQuery, id string) []policygraph.Hop {
	r, _ := p.cache.read(q, id)
	return r.hops
}

// unread returns ids without duplicates and without those read already.
func (p *planner) unread(ids []string, read func(string) bool) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id == "" || seen[id] || read(id) {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// fail notes a failed read. The keys of that read hold the error in the
// cache (their resolvers report it); planning goes on for the other walks
// and levels, so one failure does not turn the rest of the query into a
// call per key.
func (p *planner) fail(err error) {
	if err != nil && p.err == nil {
		p.err = err
	}
}

// useStarts are the nodes whose mentions make a pillar depend on a law or
// fund (policygraph.PillarHolds): the pillar and what it holds.
func (p *planner) useStarts(pillarID string) []string {
	ids := []string{pillarID}
	for _, q := range pillarHolds {
		for _, h := range p.hopsOf(q, pillarID) {
			ids = append(ids, h.Node.NodeID())
		}
	}
	return ids
}

// expand is the next levels a field leads to.
func (p *planner) expand(pf planned) []level {
	r := pf.rule
	var reached []policygraph.Entity
	places := r.places
	switch {
	case r.special == specialPillarsUsing:
		var pillars, via []policygraph.Entity
		for _, id := range pf.ids {
			for _, u := range p.uses[id] {
				pillars = append(pillars, u.Pillar)
				for _, h := range u.Via {
					via = append(via, h.Node)
				}
			}
		}
		return append(p.levelsAtAll(pillars, pf.f.Selections, pillarUsePlaces), p.levelsAtAll(via, pf.f.Selections, pillarUseVia)...)
	case r.special == specialPillarUses:
		w := useWrappers[r.walk.Type]
		var items, starts []policygraph.Entity
		for _, id := range pf.ids {
			for _, s := range p.useStarts(id) {
				hops := p.hopsOf(r.walk, s)
				if len(hops) > 0 {
					starts = append(starts, p.known[s])
				}
				for _, h := range hops {
					items = append(items, h.Node)
				}
			}
		}
		return append(p.levelsAtAll(items, pf.f.Selections, w.item), p.levelsAtAll(starts, pf.f.Selections, w.via)...)
	case r.special == specialPillarPage:
		reached = p.pillarPages(pf)
	case r.ref != nil:
		for _, n := range pf.lv.nodes {
			if e := p.known[r.ref(n)]; e != nil {
				reached = append(reached, e)
			}
		}
	case p.distinctArg(pf):
		for _, id := range pf.ids {
			ms := nodesOf[*policygraph.Measure](p.hopsOf(r.walk, id))
			kept, _ := distinctMeasures(ms, func(id string) ([]policygraph.Hop, error) { return p.hopsOf(summarizesOut, id), nil })
			for _, m := range kept {
				reached = append(reached, m)
			}
		}
	default:
		for _, id := range pf.ids {
			for _, h := range p.hopsOf(r.walk, id) {
				reached = append(reached, h.Node)
			}
		}
	}
	var out []level
	for _, pl := range places {
		nodes := reached
		if pl.parent {
			nodes = pf.lv.nodes
		}
		out = append(out, p.levelsAt(nodes, pf.f.Selections, pl.path)...)
	}
	return out
}

func (p *planner) levelsAtAll(nodes []policygraph.Entity, sels ast.SelectionSet, places []at) []level {
	var out []level
	for _, pl := range places {
		out = append(out, p.levelsAt(nodes, sels, pl.path)...)
	}
	return out
}

// pillarPages is the measures Pillar.measures serves for each pillar when it
// is resolved by the HAS_MEASURE walk (see pillarMeasures); nothing when the
// arguments make it a store query, which plans its own page.
func (p *planner) pillarPages(pf planned) []policygraph.Entity {
	a, ok := p.walkedArgs(pf)
	if !ok {
		return nil
	}
	var out []policygraph.Entity
	for _, id := range pf.ids {
		all := nodesOf[*policygraph.Measure](p.hopsOf(hasMeasure, id))
		pg, err := walkedPage(all, a.filter, a.page)
		if err != nil {
			continue // the resolver reports it
		}
		for _, m := range pg.items {
			out = append(out, m)
		}
	}
	return out
}

// distinctArg reports whether a distinct measure list is asked for with
// distinct: true.
func (p *planner) distinctArg(pf planned) bool {
	if !pf.rule.distinct {
		return false
	}
	d, _ := pf.f.ArgumentMap(p.rc.Variables)["distinct"].(bool)
	return d
}

// walkedArgs reads the arguments of a Pillar.measures field; ok when they
// make it a walk rather than a store query.
func (p *planner) walkedArgs(pf planned) (pillarMeasuresArgs, bool) {
	a, err := parsePillarMeasuresArgs(pf.f.ArgumentMap(p.rc.Variables))
	if err != nil || !a.walked() {
		return a, false
	}
	return a, true
}
