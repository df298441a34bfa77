package inmem

import (
	"maps"
	"slices"

	"github.com/policygraph/policygraph"
)

// clone deep-copies g so the store owns everything it indexes. Nil entries
// are kept for validate to report.
func clone(g *policygraph.Graph) *policygraph.Graph {
	c := &policygraph.Graph{}
	c.Documents = cloneAll(g.Documents, func(n policygraph.Document) policygraph.Document { return n })
	c.Pillars = cloneAll(g.Pillars, func(n policygraph.Pillar) policygraph.Pillar {
		n.Aliases = slices.Clone(n.Aliases)
		return n
	})
	c.Groups = cloneAll(g.Groups, func(n policygraph.MeasureGroup) policygraph.MeasureGroup { return n })
	c.Measures = cloneAll(g.Measures, func(n policygraph.Measure) policygraph.Measure { return n })
	c.Targets = cloneAll(g.Targets, func(n policygraph.Target) policygraph.Target { return n })
	c.Laws = cloneAll(g.Laws, func(n policygraph.Law) policygraph.Law {
		n.Aliases = slices.Clone(n.Aliases)
		return n
	})
	c.Funds = cloneAll(g.Funds, func(n policygraph.Fund) policygraph.Fund {
		n.Aliases = slices.Clone(n.Aliases)
		return n
	})
	c.Directions = cloneAll(g.Directions, func(n policygraph.PolicyDirection) policygraph.PolicyDirection { return n })
	c.Amounts = cloneAll(g.Amounts, func(n policygraph.Amount) policygraph.Amount { return n })
	c.Organisations = cloneAll(g.Organisations, func(n policygraph.Organisation) policygraph.Organisation {
		n.Aliases = slices.Clone(n.Aliases)
		return n
	})
	c.Relationships = cloneAll(g.Relationships, func(r policygraph.Relationship) policygraph.Relationship {
		r.Properties = maps.Clone(r.Properties) // values are scalars
		return r
	})
	return c
}

func cloneAll[T any](xs []*T, f func(T) T) []*T {
	out := make([]*T, len(xs))
	for i, x := range xs {
		if x != nil {
			v := f(*x)
			out[i] = &v
		}
	}
	return out
}
