package graph

import (
	"context"
	"log/slog"
	"math"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
	"github.com/policygraph/policygraph/textsearch"
)

// Complexity: an upper bound of the fields a query resolves, which the
// server refuses above its limit (LIMIT_EXCEEDED). A field costs 1 plus its
// selection; a list costs the most elements it can have times one element:
//   - a relationship list (Measure.laws, MeasureGroup.measures …): the
//     largest fan-out of that walk in the data (Stats.Degrees), never a
//     guess;
//   - a connection: first or last (DefaultPageSize when neither), clamped
//     to what the field accepts, and to the walk's fan-out for
//     Pillar.measures;
//   - a root list: the number of nodes of its label (pillars, laws …) or
//     its clamped size argument (search first, neighbourhood limit …).
//
// The arithmetic saturates at MaxCost instead of wrapping, arguments are
// clamped before they are multiplied, and the numbers come from the store
// (refreshed every costTTL), so the estimate is an upper bound of the work
// for any data the store holds (TestComplexityIsAnUpperBound).

// MaxCost is where estimates saturate.
const MaxCost = math.MaxInt32

// costTTL is how long the store's counts are reused.
const costTTL = 30 * time.Second

// unknownFanOut is the fan-out assumed while the store cannot say (Neo4j
// down): the largest page, so that nothing is underestimated.
const unknownFanOut = policygraph.MaxPage

// New returns the executable schema over store: the resolver root, the
// per-field complexity and nothing else (no transport, no limits).
func New(store policygraph.Store, logger *slog.Logger) graphql.ExecutableSchema {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg := Config{Resolvers: &Resolver{Store: store, Logger: logger}}
	setComplexity(&cfg.Complexity, newCosts(store))
	return NewExecutableSchema(cfg)
}

// costs reads and caches the store's counts: once when the schema is
// made, then again in the background when they are older than costTTL, so
// that no request waits for them or sees their store calls.
type costs struct {
	store policygraph.Store

	mu         sync.Mutex
	stats      *policygraph.Stats
	fetched    time.Time
	refreshing bool
}

func newCosts(store policygraph.Store) *costs {
	c := &costs{store: store}
	if store != nil {
		c.refresh()
	}
	return c
}

// refresh reads the store's counts; on failure the previous ones stay.
func (c *costs) refresh() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.store.Stats(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fetched, c.refreshing = time.Now(), false
	if err == nil {
		c.stats = st
	}
}

func (c *costs) current() *policygraph.Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	ttl := costTTL
	if c.stats == nil {
		ttl = time.Second // never read yet (the store was down): try again soon
	}
	if c.store != nil && !c.refreshing && time.Since(c.fetched) > ttl {
		c.refreshing = true
		go c.refresh()
	}
	return c.stats
}

// degree is the largest fan-out of a walk.
func (c *costs) degree(t string, d policygraph.Direction) int {
	st := c.current()
	if st == nil || st.Degrees == nil {
		return unknownFanOut
	}
	return st.Degrees[policygraph.RelQuery{Type: t, Direction: d}]
}

// useMentions is the most mentions of type t (CITES_LAW, USES_FUND,
// MENTIONS_ORG) one pillar's nodes make of one node: a use's mentions. A
// store that does not count them is charged the largest fan-in.
func (c *costs) useMentions(t string) int {
	st := c.current()
	if st == nil || st.UseMentions == nil {
		return c.degree(t, policygraph.Incoming)
	}
	n, ok := st.UseMentions[t]
	if !ok {
		return c.degree(t, policygraph.Incoming)
	}
	return n
}

// usePillars is the most pillars one node has uses in through mentions of
// type t. A store that does not count them is charged its largest fan-in,
// as each such pillar holds one of its mentions, and never more than the
// pillars.
func (c *costs) usePillars(t string) int {
	if st := c.current(); st != nil && st.UsePillars != nil {
		if n, ok := st.UsePillars[t]; ok {
			return n
		}
	}
	return min(c.count(policygraph.LabelPillar), c.degree(t, policygraph.Incoming))
}

// count is the number of nodes of a label.
func (c *costs) count(label string) int {
	st := c.current()
	if st == nil {
		return unknownFanOut
	}
	return st.Labels[label]
}

// rels is the number of relationships of the types.
func (c *costs) rels(types ...string) int {
	st := c.current()
	if st == nil {
		return unknownFanOut
	}
	n := 0
	for _, t := range types {
		n = add(n, st.RelTypes[t])
	}
	return n
}

// add and mul saturate at MaxCost; negative inputs count as 0.
func add(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if a > MaxCost-b {
		return MaxCost
	}
	return a + b
}

func mul(a, b int) int {
	a, b = max(a, 0), max(b, 0)
	if a == 0 || b == 0 {
		return 0
	}
	if a > MaxCost/b {
		return MaxCost
	}
	return a * b
}

// clamp bounds an optional size argument to [lo, hi], def when absent.
func clamp(p *int, def, lo, hi int) int {
	v := def
	if p != nil {
		v = *p
	}
	return min(max(v, lo), hi)
}

// pageSize is the page a connection serves: first, else last, else the
// default, within 0…MaxPageSize.
func pageSize(first, last *int) int {
	switch {
	case first != nil:
		return clamp(first, DefaultPageSize, 0, MaxPageSize)
	case last != nil:
		return clamp(last, DefaultPageSize, 0, MaxPageSize)
	}
	return DefaultPageSize
}

// list costs a field whose list has at most n elements.
func list(n func() int) func(int) int {
	return func(child int) int { return add(1, mul(n(), child)) }
}

func setComplexity(c *ComplexityRoot, k *costs) {
	walk := func(t string, d policygraph.Direction) func(int) int {
		return list(func() int { return k.degree(t, d) })
	}
	nodesOf := func(label string) func(int) int {
		return list(func() int { return k.count(label) })
	}
	// The pillars that rely on a law, fund or organisation: each has at
	// least one of its mentions (a relationship of type t into it), so there
	// are at most as many as its largest fan-in, and never more than pillars.
	usesOf := func(t string) func(int) int {
		return list(func() int { return k.usePillars(t) })
	}

	q := &c.Query
	q.Nodes = func(child int, ids []string) int { return add(1, mul(len(ids), child)) }
	q.Documents = nodesOf(policygraph.LabelDocument)
	q.Pillars = func(child int, _ *string, _ *string) int { return nodesOf(policygraph.LabelPillar)(child) }
	q.Measures = func(child int, _ *policygraph.MeasureFilter, _ *model.MeasureOrderBy, first *int, _ *string, last *int, _ *string) int {
		return add(2, mul(pageSize(first, last), child))
	}
	q.Targets = func(child int, _ *policygraph.TargetFilter, first *int, _ *string, last *int, _ *string) int {
		return add(2, mul(pageSize(first, last), child))
	}
	q.Laws = func(child int, _ *bool, _ *string) int { return nodesOf(policygraph.LabelLaw)(child) }
	q.Funds = nodesOf(policygraph.LabelFund)
	q.Organisations = func(child int, _ *string, _ *string) int { return nodesOf(policygraph.LabelOrganisation)(child) }
	q.Search = func(child int, _ string, _ []string, _ *string, first *int) int {
		return add(5, mul(clamp(first, 20, 1, MaxSearchResults), child))
	}
	q.Neighbourhood = func(child int, _ string, depth *int, _ *int) int {
		// child is the Neighbourhood object; its lists bound themselves.
		return add(mul(10, clamp(depth, 1, 0, policygraph.MaxDepth)), child)
	}
	q.Paths = func(child int, _ string, _ string, maxHops *int, first *int, _ []string) int {
		h := clamp(maxHops, 4, 1, policygraph.MaxHops)
		return add(mul(10, h), mul(mul(clamp(first, 5, 1, MaxPaths), h+1), child))
	}
	q.RelatedPillars = func(child int, _ string) int { return add(10, mul(k.count(policygraph.LabelPillar), child)) }
	q.Stats = func(child int) int { return add(1, child) }
	// editionDiff: at most 13 store calls (TestComputeStoreCalls); its lists are bounded by the
	// pillars, measures and targets there are.
	q.EditionDiff = func(child int, _ string, _ string, _ *string) int { return add(13, child) }
	// The groups partition the pillars, directions, measures and targets,
	// so each field of a group is charged once for all groups: its own cost
	// for each of at most P groups (P pillars, and one for the directions)
	// plus its list's elements over all groups. Groups itself then adds
	// nothing (aliases of a field are charged each).
	P := func() int { return add(k.count(policygraph.LabelPillar), 1) }
	partition := func(label string) func(int) int {
		return func(child int) int { return add(P(), mul(k.count(label), child)) }
	}
	c.EditionDiff.Groups = func(child int) int { return child }
	c.PillarGroupDiff.Earlier = partition(policygraph.LabelPillar)
	c.PillarGroupDiff.Later = partition(policygraph.LabelPillar)
	c.PillarGroupDiff.EarlierDirections = partition(policygraph.LabelPolicyDirection)
	c.PillarGroupDiff.LaterDirections = partition(policygraph.LabelPolicyDirection)
	c.PillarGroupDiff.Planned = func(child int, _ *string) int { return partition(policygraph.LabelMeasure)(child) }
	c.PillarGroupDiff.New = partition(policygraph.LabelMeasure)
	c.PillarGroupDiff.Revised = partition(policygraph.LabelTarget)
	c.PillarGroupDiff.Kept = partition(policygraph.LabelTarget)
	c.PillarGroupDiff.Totals = func(child int) int { return mul(P(), add(1, child)) }
	c.PlannedMeasure.Evidence = walk(policygraph.RelEvolvesFrom, in)
	c.Stats.Nodes = list(func() int { return len(policygraph.Labels) })
	c.Stats.Relationships = list(func() int { return len(policygraph.RelTypes) })
	c.Stats.Documents = nodesOf(policygraph.LabelDocument)
	c.DocumentStats.Nodes = list(func() int { return len(policygraph.Labels) })

	c.Document.Pillars = func(child int, _ *string) int { return walk(policygraph.RelHasPillar, out)(child) }
	c.Document.Directions = walk(policygraph.RelHasDirection, out)
	c.PolicyDirection.Measures = walk(policygraph.RelHasMeasure, out)
	c.PolicyDirection.Groups = walk(policygraph.RelHasGroup, out)
	c.PolicyDirection.Targets = walk(policygraph.RelHasTarget, out)
	c.Document.Targets = walk(policygraph.RelHasTarget, out)

	p := &c.Pillar
	p.Measures = func(child int, _ *model.PillarMeasureFilter, _ *model.MeasureOrderBy, first *int, _ *string, last *int, _ *string) int {
		return add(2, mul(min(pageSize(first, last), k.degree(policygraph.RelHasMeasure, out)), child))
	}
	p.Groups = walk(policygraph.RelHasGroup, out)
	p.Targets = walk(policygraph.RelHasTarget, out)
	p.Laws = nodesOf(policygraph.LabelLaw)
	p.Funds = nodesOf(policygraph.LabelFund)
	p.Continues = walk(policygraph.RelContinues, out)
	p.ContinuedBy = walk(policygraph.RelContinues, in)
	p.ReferencedBy = walk(policygraph.RelRefersTo, in)
	p.RelatedPillars = func(child int) int { return add(10, mul(k.count(policygraph.LabelPillar), child)) }
	// A pillar's amounts and organisations are at most all of them.
	p.Amounts = nodesOf(policygraph.LabelAmount)
	p.TotalYen = func(int) int { return add(1, k.count(policygraph.LabelAmount)) }
	p.Organisations = nodesOf(policygraph.LabelOrganisation)

	c.MeasureGroup.Measures = distinctWalk(walk(policygraph.RelInGroup, in))
	c.MeasureGroup.Direction = walk(policygraph.RelHasGroup, in) // the walk reads every incoming HAS_GROUP
	c.MeasureGroup.ReferencedBy = walk(policygraph.RelRefersTo, in)
	c.Target.Laws = walk(policygraph.RelCitesLaw, out)
	c.Target.LawMentions = walk(policygraph.RelCitesLaw, out)
	c.Target.Funds = walk(policygraph.RelUsesFund, out)
	c.Target.FundMentions = walk(policygraph.RelUsesFund, out)
	c.Target.Revises = walk(policygraph.RelRevises, out)
	c.Target.RevisedBy = walk(policygraph.RelRevises, in)
	c.Target.Restates = func(child int) int { return add(1, child) }
	c.Target.RestatedBy = walk(policygraph.RelRestates, in)
	c.Target.Keeps = func(child int) int { return add(1, child) }
	c.Target.KeptBy = walk(policygraph.RelKeeps, in)
	c.Target.Amounts = walk(policygraph.RelHasAmount, out)
	c.Target.Organisations = walk(policygraph.RelMentionsOrg, out)

	m := &c.Measure
	m.Laws = walk(policygraph.RelCitesLaw, out)
	m.LawMentions = walk(policygraph.RelCitesLaw, out)
	m.Funds = walk(policygraph.RelUsesFund, out)
	m.FundMentions = walk(policygraph.RelUsesFund, out)
	m.RelistedAs = walk(policygraph.RelRelists, in)
	m.Summarizes = walk(policygraph.RelSummarizes, out)
	m.SummarizedBy = walk(policygraph.RelSummarizes, in)
	m.RefersTo = walk(policygraph.RelRefersTo, out)
	m.EvolvesFrom = walk(policygraph.RelEvolvesFrom, out)
	m.EvolvedInto = walk(policygraph.RelEvolvesFrom, in)
	m.Directions = walk(policygraph.RelHasMeasure, in)
	m.Targets = walk(policygraph.RelHasTarget, out)
	m.Amounts = walk(policygraph.RelHasAmount, out)
	m.Organisations = walk(policygraph.RelMentionsOrg, out)

	c.Document.Amounts = walk(policygraph.RelHasAmount, out)
	c.Document.Organisations = walk(policygraph.RelMentionsOrg, out)
	c.Fund.Amounts = walk(policygraph.RelHasAmount, out)
	c.Amount.HeldBy = walk(policygraph.RelHasAmount, in)
	c.Organisation.Mentions = walk(policygraph.RelMentionsOrg, in)
	c.Organisation.Measures = distinctWalk(walk(policygraph.RelMentionsOrg, in))
	c.Organisation.Pillars = usesOf(policygraph.RelMentionsOrg)
	// A use's mentions: those of one pillar's nodes into one node.
	uses := func(ts ...string) func(int) int {
		return list(func() int {
			n := 0
			for _, t := range ts {
				n = max(n, k.useMentions(t))
			}
			return n
		})
	}
	c.OrganisationUse.Mentions = uses(policygraph.RelMentionsOrg)

	c.Law.Measures = distinctWalk(walk(policygraph.RelCitesLaw, in))
	c.Law.Targets = walk(policygraph.RelCitesLaw, in)
	c.Law.Mentions = walk(policygraph.RelCitesLaw, in)
	c.Law.Pillars = usesOf(policygraph.RelCitesLaw)
	c.Fund.Measures = distinctWalk(walk(policygraph.RelUsesFund, in))
	c.Fund.Targets = walk(policygraph.RelUsesFund, in)
	c.Fund.Mentions = walk(policygraph.RelUsesFund, in)
	c.Fund.Pillars = usesOf(policygraph.RelUsesFund)
	// PillarUse serves laws, funds and organisations: the cost hooks do
	// not see which, so the largest of the three.
	c.PillarUse.Mentions = uses(policygraph.RelCitesLaw, policygraph.RelUsesFund, policygraph.RelMentionsOrg)
	c.LawUse.Mentions = uses(policygraph.RelCitesLaw)
	c.FundUse.Mentions = uses(policygraph.RelUsesFund)
	c.PillarRelation.SharedLaws = nodesOf(policygraph.LabelLaw)
	c.PillarRelation.SharedFunds = nodesOf(policygraph.LabelFund)
	c.PillarRelation.References = list(func() int { return k.rels(policygraph.RelRefersTo, policygraph.RelRelists) })
	// The largest neighbourhood: MaxNeighbourhoodSize nodes, and at most
	// every relationship of the graph among them.
	// A highlight covers at least one rune of the snippet.
	c.SearchHit.Highlights = list(func() int { return textsearch.DefaultWidth })
	c.Neighbourhood.Nodes = list(func() int { return MaxNeighbourhoodSize })
	c.Neighbourhood.Edges = list(func() int { return k.rels(policygraph.RelTypes...) })
}

// distinctWalk is the complexity of a measure list with a distinct argument:
// the list's, as leaving cells out only shortens it.
func distinctWalk(w func(int) int) func(int, bool) int {
	return func(child int, _ bool) int { return w(child) }
}
