package graph

import (
	"log/slog"

	"github.com/99designs/gqlgen/graphql"

	"github.com/policygraph/policygraph"
	"github.com/policygraph/policygraph/graph/model"
)

// Complexity estimates. A field costs 1 plus the cost of its selection; a
// list costs its expected length times the cost of one element:
//   - connections: first (or last; DefaultPageSize when neither) × element;
//   - relationship lists (Pillar.groups, Measure.laws, Law.measures …):
//     FanOut × element;
//   - root lists: their size bound (pillars, laws, funds, search first,
//     neighbourhood limit, paths first × maxHops …).
//
// The server refuses a query whose total exceeds its limit (LIMIT_EXCEEDED).
const (
	FanOut       = 5  // expected length of a relationship list
	PillarsCost  = 30 // pillars across the editions
	LawsCost     = 50
	FundsCost    = 20
	DocumentCost = 3
	StatsCost    = 20
)

// New returns the executable schema over store: the resolver root, the
// per-field complexity and nothing else (no transport, no limits).
func New(store policygraph.Store, logger *slog.Logger) graphql.ExecutableSchema {
	cfg := Config{Resolvers: &Resolver{Store: store, Logger: logger}}
	setComplexity(&cfg.Complexity)
	return NewExecutableSchema(cfg)
}

func list(n int) func(int) int {
	return func(child int) int { return 1 + n*child }
}

func pageSize(first, last *int) int {
	switch {
	case first != nil:
		return max(*first, 0)
	case last != nil:
		return max(*last, 0)
	}
	return DefaultPageSize
}

func deref(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func setComplexity(c *ComplexityRoot) {
	q := &c.Query
	q.Nodes = func(child int, ids []string) int { return 1 + max(len(ids), 1)*child }
	q.Documents = list(DocumentCost)
	q.Pillars = func(child int, _ *string, _ *string) int { return 1 + PillarsCost*child }
	q.Measures = func(child int, _ *policygraph.MeasureFilter, _ *model.MeasureOrderBy, first *int, _ *string, last *int, _ *string) int {
		return 2 + pageSize(first, last)*child
	}
	q.Targets = func(child int, _ *policygraph.TargetFilter, first *int, _ *string, last *int, _ *string) int {
		return 2 + pageSize(first, last)*child
	}
	q.Laws = func(child int, _ *bool, _ *string) int { return 1 + LawsCost*child }
	q.Funds = list(FundsCost)
	q.Search = func(child int, _ string, _ []string, _ *string, first *int) int {
		return 5 + deref(first, 20)*child
	}
	q.Neighbourhood = func(child int, _ string, depth *int, limit *int) int {
		return 10*deref(depth, 1) + deref(limit, 200)*child
	}
	q.Paths = func(child int, _ string, _ string, maxHops *int, first *int) int {
		return 10*deref(maxHops, 4) + deref(first, 5)*deref(maxHops, 4)*child
	}
	q.RelatedPillars = func(child int, _ string) int { return 10 + PillarsCost*child }
	q.Stats = list(StatsCost)

	c.Document.Pillars = func(child int, _ *string) int { return 1 + 2*FanOut*child }
	c.Document.Directions = list(FanOut)
	c.PolicyDirection.Measures = list(FanOut)

	p := &c.Pillar
	p.Measures = func(child int, _ *model.PillarMeasureFilter, _ *model.MeasureOrderBy, first *int, _ *string, last *int, _ *string) int {
		return 2 + pageSize(first, last)*child
	}
	p.Groups = list(FanOut)
	p.Targets = list(FanOut)
	p.Laws = list(2 * FanOut)
	p.Funds = list(2 * FanOut)
	p.Continues = list(1)
	p.ContinuedBy = list(1)
	p.ReferencedBy = list(FanOut)
	p.RelatedPillars = func(child int) int { return 10 + PillarsCost*child }

	c.MeasureGroup.Measures = list(FanOut)
	c.MeasureGroup.ReferencedBy = list(FanOut)
	c.Target.Laws = list(FanOut)
	c.Target.LawMentions = list(FanOut)
	c.Target.Funds = list(FanOut)
	c.Target.FundMentions = list(FanOut)

	m := &c.Measure
	m.Laws = list(FanOut)
	m.LawMentions = list(FanOut)
	m.Funds = list(FanOut)
	m.FundMentions = list(FanOut)
	m.RelistedAs = list(FanOut)
	m.RefersTo = list(FanOut)
	m.EvolvesFrom = list(FanOut)
	m.EvolvedInto = list(FanOut)
	m.Directions = list(FanOut)

	for _, f := range []*func(int) int{
		&c.Law.Measures, &c.Law.Targets, &c.Law.Pillars, &c.Law.Mentions,
		&c.Fund.Measures, &c.Fund.Targets, &c.Fund.Pillars, &c.Fund.Mentions,
	} {
		*f = list(4 * FanOut)
	}
	c.PillarUse.Mentions = list(FanOut)
	c.LawUse.Mentions = list(FanOut)
	c.FundUse.Mentions = list(FanOut)
	c.PillarRelation.SharedLaws = list(FanOut)
	c.PillarRelation.SharedFunds = list(FanOut)
	c.PillarRelation.References = list(FanOut)
}
