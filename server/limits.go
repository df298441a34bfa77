package server

import (
	"context"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/policygraph/policygraph/graph"
)

// precheck refuses a document before gqlgen parses and validates it, in
// time linear in its size, when it is larger than any real query:
//
//  1. a lexical pass: more than maxTokens tokens, brackets ({ [ ()
//     nested deeper than maxNesting (the parser and the value checks
//     recurse on nesting: a list literal 500,000 deep costs gigabytes), or
//     a string longer than maxString bytes, in the document or in the
//     variables (no argument needs one, and a field may repeat it once per
//     answer: SearchHit.marked);
//  2. the parsed document, fragments expanded and each fragment measured
//     once (memoised, so a fragment "bomb" is counted, not walked): more
//     than maxFields fields in an operation or fragment (validation
//     compares the fields of a selection pairwise, and gqlgen's complexity
//     walk expands fragments without memo), a selection deeper than
//     maxDepth, more than maxAliases aliases, more than maxIntrospection
//     __schema/__type fields (each answers the whole schema).
//
// Counts saturate instead of overflowing. A document gqlgen has already
// cached passed these checks and is not measured again.
type precheck struct {
	maxTokens, maxNesting, maxFields    int
	maxString                           int // bytes; < 0: unlimited
	maxDepth, maxAliases, maxIntrospect int // < 0: unlimited
	// noIntrospection refuses any __schema/__type field (--introspection
	// false) with GRAPHQL_VALIDATION_FAILED: gqlgen's own refusal came out
	// of the resolver as an internal error.
	noIntrospection bool
	cache           graphql.Cache[*ast.QueryDocument]
}

var (
	_ graphql.HandlerExtension          = precheck{}
	_ graphql.OperationParameterMutator = precheck{}
)

func (precheck) ExtensionName() string                   { return "Precheck" }
func (precheck) Validate(graphql.ExecutableSchema) error { return nil }

func (p precheck) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	q := params.Query
	if q == "" {
		return nil // a persisted-query hash alone: APQ answers
	}
	// Variables change with every request, even for a cached document.
	if err := p.strings(params.Variables); err != nil {
		return err
	}
	if p.cache != nil {
		if _, ok := p.cache.Get(ctx, q); ok {
			return nil
		}
	}
	if err := p.lex(q); err != nil {
		return err
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		return nil // gqlgen reports the syntax error
	}
	return p.measure(doc)
}

// lex counts tokens and bracket nesting. A lexical error is left to the
// parser to report.
func (p precheck) lex(q string) *gqlerror.Error {
	lx := lexer.New(&ast.Source{Input: q})
	tokens, depth := 0, 0
	for {
		tok, err := lx.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return nil
		}
		tokens++
		if p.maxTokens >= 0 && tokens > p.maxTokens {
			return graph.LimitError("query has more than %d tokens", p.maxTokens)
		}
		if (tok.Kind == lexer.String || tok.Kind == lexer.BlockString) && p.maxString >= 0 && len(tok.Value) > p.maxString {
			return graph.LimitError("query has a string of more than %d bytes", p.maxString)
		}
		switch tok.Kind {
		case lexer.BraceL, lexer.BracketL, lexer.ParenL:
			depth++
			if p.maxNesting >= 0 && depth > p.maxNesting {
				return graph.LimitError("query nests brackets deeper than %d", p.maxNesting)
			}
		case lexer.BraceR, lexer.BracketR, lexer.ParenR:
			depth--
		}
	}
}

// strings refuses variables holding a string longer than maxString.
func (p precheck) strings(v any) *gqlerror.Error {
	if p.maxString < 0 {
		return nil
	}
	switch v := v.(type) {
	case string:
		if len(v) > p.maxString {
			return graph.LimitError("a variable holds a string of more than %d bytes", p.maxString)
		}
	case map[string]any:
		for _, x := range v {
			if err := p.strings(x); err != nil {
				return err
			}
		}
	case []any:
		for _, x := range v {
			if err := p.strings(x); err != nil {
				return err
			}
		}
	}
	return nil
}

// measure checks every operation and fragment of doc.
func (p precheck) measure(doc *ast.QueryDocument) *gqlerror.Error {
	m := measurer{doc: doc, frags: map[string]*size{}}
	check := func(s size) *gqlerror.Error {
		switch {
		case p.maxDepth >= 0 && s.depth > p.maxDepth:
			return graph.LimitError("query depth %d exceeds the limit of %d", s.depth, p.maxDepth)
		case p.maxAliases >= 0 && s.aliases > p.maxAliases:
			return graph.LimitError("query uses %d aliases, more than the limit of %d", s.aliases, p.maxAliases)
		case p.maxFields >= 0 && s.fields > p.maxFields:
			return graph.LimitError("query has %s fields (fragments expanded), more than the limit of %d", count(s.fields), p.maxFields)
		case p.noIntrospection && s.introspect > 0:
			return &gqlerror.Error{Message: "introspection is disabled on this server (__schema, __type)",
				Extensions: map[string]any{"code": errcode.ValidationFailed}}
		case p.maxIntrospect >= 0 && s.introspect > p.maxIntrospect:
			return graph.LimitError("query asks for the schema (__schema, __type) %s times, more than the limit of %d", count(s.introspect), p.maxIntrospect)
		}
		return nil
	}
	for _, op := range doc.Operations {
		if err := check(m.of(op.SelectionSet)); err != nil {
			return err
		}
	}
	for _, f := range doc.Fragments {
		if err := check(m.fragment(f.Name)); err != nil {
			return err
		}
	}
	return nil
}

// saturated is where counts stop growing (far above every limit).
const saturated = 1 << 30

func count(n int) string {
	if n >= saturated {
		return "over a billion"
	}
	return strconv.Itoa(n)
}

// size is what a selection set costs the validator.
type size struct {
	fields, depth, aliases, introspect int
}

func (s *size) add(c size) {
	s.fields = min(s.fields+c.fields, saturated)
	s.aliases = min(s.aliases+c.aliases, saturated)
	s.introspect = min(s.introspect+c.introspect, saturated)
	s.depth = max(s.depth, c.depth)
}

type measurer struct {
	doc   *ast.QueryDocument
	frags map[string]*size // nil entry: being measured (a cycle, which validation refuses)
}

func (m *measurer) fragment(name string) size {
	if s, ok := m.frags[name]; ok {
		if s == nil {
			return size{}
		}
		return *s
	}
	m.frags[name] = nil
	var s size
	if def := m.doc.Fragments.ForName(name); def != nil {
		s = m.of(def.SelectionSet)
	}
	m.frags[name] = &s
	return s
}

func (m *measurer) of(set ast.SelectionSet) size {
	var r size
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			c := m.of(sel.SelectionSet)
			c.depth++
			c.fields = min(c.fields+1, saturated)
			if sel.Alias != "" && sel.Alias != sel.Name {
				c.aliases = min(c.aliases+1, saturated)
			}
			if sel.Name == "__schema" || sel.Name == "__type" {
				c.introspect = min(c.introspect+1, saturated)
			}
			r.add(c)
		case *ast.InlineFragment:
			r.add(m.of(sel.SelectionSet))
		case *ast.FragmentSpread:
			r.add(m.fragment(sel.Name))
		}
	}
	return r
}
