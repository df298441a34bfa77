package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/policygraph/policygraph/graph"
)

// shapeLimit refuses operations that are too deep or use too many aliases,
// before any resolver runs. Depth counts fields only: fragment spreads and
// inline fragments add no level, their fields count where they are spread.
// Fragments are measured once each (memoised), so a document of many
// spreads costs time linear in its size.
type shapeLimit struct {
	maxDepth   int // < 0: unlimited
	maxAliases int // < 0: unlimited
}

var (
	_ graphql.HandlerExtension        = shapeLimit{}
	_ graphql.OperationContextMutator = shapeLimit{}
)

func (shapeLimit) ExtensionName() string                          { return "ShapeLimit" }
func (shapeLimit) Validate(schema graphql.ExecutableSchema) error { return nil }

func (l shapeLimit) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	s := shape{frags: map[string]shapeOf{}}
	got := s.of(rc.Operation.SelectionSet)
	if l.maxDepth >= 0 && got.depth > l.maxDepth {
		return graph.LimitError("query depth %d exceeds the limit of %d", got.depth, l.maxDepth)
	}
	if l.maxAliases >= 0 && got.aliases > l.maxAliases {
		return graph.LimitError("query uses %d aliases, more than the limit of %d", got.aliases, l.maxAliases)
	}
	return nil
}

type shapeOf struct {
	depth   int
	aliases int
}

type shape struct {
	frags map[string]shapeOf
}

// saturate keeps alias counts of fragment bombs from overflowing.
const saturate = 1 << 30

func (s *shape) of(set ast.SelectionSet) shapeOf {
	var r shapeOf
	add := func(c shapeOf) {
		r.depth = max(r.depth, c.depth)
		r.aliases = min(r.aliases+c.aliases, saturate)
	}
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			c := s.of(sel.SelectionSet)
			c.depth++
			if sel.Alias != "" && sel.Alias != sel.Name {
				c.aliases++
			}
			add(c)
		case *ast.InlineFragment:
			add(s.of(sel.SelectionSet))
		case *ast.FragmentSpread:
			c, ok := s.frags[sel.Name]
			if !ok {
				s.frags[sel.Name] = shapeOf{} // cycles are invalid; be safe
				if sel.Definition != nil {
					c = s.of(sel.Definition.SelectionSet)
				}
				s.frags[sel.Name] = c
			}
			add(c)
		}
	}
	return r
}
